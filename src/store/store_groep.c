/*
 * store_groep.c -- group commit: concurrent writers share one transaction
 * and one durable commit. See store.h (store_groepscommit).
 *
 * Leader and followers, without a thread of its own: a caller queues its
 * task; when no batch is being written it becomes the leader, takes up to
 * STORE_GROEP_MAX queued tasks (its own among them, in arrival order) and
 * writes them in one write transaction, each task in a savepoint of its
 * own, then commits once. Every task of the batch learns its own answer
 * only after that commit returned: nobody hears "done" before the commit
 * is durable. Meanwhile new tasks queue up for the next batch, so the
 * busier the writers, the more one fsync serves.
 */
#include "store/backend.h"

#include <pthread.h>
#include <string.h>

#include "store/store_aanvragen.h"

struct groep_taak {
	store_tx_fn fn;
	void *ctx;
	struct error *e;
	rc_t rc;
	bool klaar;
	struct groep_taak *volgende;
};

struct groep_batch {
	struct groep_taak *taken[STORE_GROEP_MAX];
	size_t aantal;
};

static pthread_mutex_t groep_slot = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t groep_klaar = PTHREAD_COND_INITIALIZER;
static struct groep_taak *kop, *staart;
static bool leider_bezig;
static unsigned long long batches, taken_totaal;

rc_t store_savepoint(struct store *s, store_tx_fn fn, void *ctx, struct error *e)
{
	if (!s->in_tx || s->pool)
		return error_set(e, RC_INTERNAL, "Een savepoint hoort in een transactie.");
	rc_t rc = s->ops->exec_script(s, "SAVEPOINT taak", e);
	if (rc != RC_OK)
		return rc;
	rc = fn(s, ctx, e);
	struct error ignored;
	error_clear(&ignored);
	if (rc == RC_OK) {
		rc = s->ops->exec_script(s, "RELEASE SAVEPOINT taak", e);
	} else if (s->ops->exec_script(s, "ROLLBACK TO SAVEPOINT taak", &ignored) != RC_OK ||
		   s->ops->exec_script(s, "RELEASE SAVEPOINT taak", &ignored) != RC_OK) {
		return RC_RETRY;   /* the transaction cannot go on: the whole batch again */
	}
	return rc;
}

/* The batch's transaction: every task in its own savepoint. A task that
 * fails is undone alone; a retry or a broken savepoint restarts them all
 * (store_tx runs this again, so every task's answer is set afresh). */
static rc_t batch_tx(struct store *s, void *ctx, struct error *e)
{
	struct groep_batch *b = ctx;
	for (size_t i = 0; i < b->aantal; i++) {
		struct groep_taak *t = b->taken[i];
		error_clear(t->e);
		t->rc = store_savepoint(s, t->fn, t->ctx, t->e);
		if (t->rc == RC_RETRY)
			return error_set(e, RC_RETRY, "Een taak van de groep moet opnieuw.");
	}
	return RC_OK;
}

/* Takes up to STORE_GROEP_MAX tasks off the queue (lock held). */
static void batch_neem(struct groep_batch *b)
{
	b->aantal = 0;
	while (kop && b->aantal < STORE_GROEP_MAX) {
		b->taken[b->aantal++] = kop;
		kop = kop->volgende;
	}
	if (!kop)
		staart = NULL;
}

/* Writes one batch on s and tells every task its answer. */
static void batch_schrijf(struct store *s, struct groep_batch *b)
{
	struct error e;
	error_clear(&e);
	rc_t rc = store_aanvragen_tx(s, batch_tx, b, &e);
	pthread_mutex_lock(&groep_slot);
	for (size_t i = 0; i < b->aantal; i++) {
		struct groep_taak *t = b->taken[i];
		if (rc != RC_OK) {   /* nothing of the batch was committed */
			t->rc = rc;
			*t->e = e;
		}
		t->klaar = true;
	}
	batches++;
	taken_totaal += b->aantal;
	leider_bezig = false;
	pthread_cond_broadcast(&groep_klaar);
	pthread_mutex_unlock(&groep_slot);
}

rc_t store_groepscommit(struct store *s, store_tx_fn fn, void *ctx, struct error *e)
{
	struct groep_taak t = {.fn = fn, .ctx = ctx, .e = e};
	pthread_mutex_lock(&groep_slot);
	if (staart)
		staart->volgende = &t;
	else
		kop = &t;
	staart = &t;
	while (!t.klaar) {
		if (leider_bezig) {
			pthread_cond_wait(&groep_klaar, &groep_slot);
			continue;
		}
		leider_bezig = true;
		struct groep_batch b;
		batch_neem(&b);
		pthread_mutex_unlock(&groep_slot);
		batch_schrijf(s, &b);
		pthread_mutex_lock(&groep_slot);
	}
	pthread_mutex_unlock(&groep_slot);
	return t.rc;
}

size_t store_groep_wachtend(void)
{
	pthread_mutex_lock(&groep_slot);
	size_t n = 0;
	for (struct groep_taak *t = kop; t; t = t->volgende)
		n++;
	pthread_mutex_unlock(&groep_slot);
	return n;
}

void store_groep_teller(unsigned long long *batch_aantal, unsigned long long *taak_aantal)
{
	pthread_mutex_lock(&groep_slot);
	*batch_aantal = batches;
	*taak_aantal = taken_totaal;
	pthread_mutex_unlock(&groep_slot);
}
