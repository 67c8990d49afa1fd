/*
 * verdeeltaak.c -- the board's scenarios as jobs. See verdeeltaak.h and
 * docs/bestuur.md §3.1.
 */
#include "core/verdeling/verdeeltaak.h"

#include <errno.h>
#include <inttypes.h>
#include <pthread.h>
#include <stdlib.h>
#include <stdio.h>
#include <string.h>
#include <time.h>

#include "core/basis/audit.h"
#include "core/basis/json.h"
#include "core/verdeling/verdeelscenario.h"
#include "store/store_verdeeltaak.h"

/* ---- live progress of the jobs this process computes ------------------ */

#define LEVEND_MAX 8

struct levend {
	int64_t id;                 /* 0: free */
	uint64_t knopen;
	int64_t beste;
	bool stop;                  /* cancelled here: stop at the next report */
};

static pthread_mutex_t levend_slot = PTHREAD_MUTEX_INITIALIZER;
static struct levend levend[LEVEND_MAX];

/* Wakes the workers of this process when a job is placed. */
static pthread_mutex_t wek_slot = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t wek_cond = PTHREAD_COND_INITIALIZER;
static uint64_t wek_teller;

static void wek(void)
{
	pthread_mutex_lock(&wek_slot);
	wek_teller++;
	pthread_cond_broadcast(&wek_cond);
	pthread_mutex_unlock(&wek_slot);
}

static void levend_zet(int64_t id, uint64_t knopen, int64_t beste, bool nieuw)
{
	pthread_mutex_lock(&levend_slot);
	for (size_t i = 0; i < LEVEND_MAX; i++)
		if (levend[i].id == id || (nieuw && levend[i].id == 0)) {
			if (levend[i].id == 0)
				levend[i] = (struct levend){.id = id, .beste = -1};
			levend[i].knopen = knopen;
			levend[i].beste = beste;
			break;
		}
	pthread_mutex_unlock(&levend_slot);
}

static void levend_weg(int64_t id)
{
	pthread_mutex_lock(&levend_slot);
	for (size_t i = 0; i < LEVEND_MAX; i++)
		if (levend[i].id == id)
			levend[i] = (struct levend){0};
	pthread_mutex_unlock(&levend_slot);
}

/* Copies the live numbers of job id into *t; false when not here. With
 * `stop`, also asks it to stop. */
static bool levend_lees(int64_t id, struct verdeeltaak *t, bool stop)
{
	bool ja = false;
	pthread_mutex_lock(&levend_slot);
	for (size_t i = 0; i < LEVEND_MAX; i++)
		if (levend[i].id == id) {
			if (t) {
				t->knopen = (int64_t)levend[i].knopen;
				t->beste_fte_milli = levend[i].beste;
			}
			levend[i].stop = levend[i].stop || stop;
			ja = true;
		}
	pthread_mutex_unlock(&levend_slot);
	return ja;
}

static bool levend_stop(int64_t id)
{
	bool stop = false;
	pthread_mutex_lock(&levend_slot);
	for (size_t i = 0; i < LEVEND_MAX; i++)
		if (levend[i].id == id)
			stop = levend[i].stop;
	pthread_mutex_unlock(&levend_slot);
	return stop;
}

/* ---- rows ---------------------------------------------------------------- */

static void uit_rij(const struct store_rows *r, struct verdeeltaak *t)
{
	memset(t, 0, sizeof *t);
	t->id = store_int(r, 0, SVT_ID, 0);
	t->ronde_id = store_int(r, 0, SVT_RONDE, 0);
	t->naam = store_text(r, 0, SVT_NAAM);
	t->status = store_text(r, 0, SVT_STATUS);
	t->aangemaakt_op = store_text(r, 0, SVT_AANGEMAAKT_OP);
	t->aangemaakt_door = store_text(r, 0, SVT_AANGEMAAKT_DOOR);
	t->gestart_op = store_text(r, 0, SVT_GESTART_OP);
	t->klaar_op = store_text(r, 0, SVT_KLAAR_OP);
	t->scenario_id = store_int(r, 0, SVT_SCENARIO, 0);
	t->fout = store_text(r, 0, SVT_FOUT);
	t->knopen = store_int(r, 0, SVT_KNOPEN, 0);
	t->beste_fte_milli = -1;
}

struct lees_ctx {
	struct arena *arena;
	int64_t id;
	struct verdeeltaak *uit;
	const char *verzoek;
};

static rc_t lees_tx(struct store *s, void *ctx, struct error *e)
{
	struct lees_ctx *c = ctx;
	struct store_rows r;
	rc_t rc = store_verdeeltaak_lees(s, c->id, c->arena, &r, e);
	if (rc == RC_OK && r.nrows == 0)
		return error_set(e, RC_NOT_FOUND, "Verdeeltaak %" PRId64 " bestaat niet.", c->id);
	if (rc == RC_OK) {
		uit_rij(&r, c->uit);
		c->verzoek = store_text(&r, 0, SVT_VERZOEK);
	}
	return rc;
}

rc_t verdeeltaak_lees(struct store *s, struct arena *arena, int64_t id, struct verdeeltaak *out,
		      struct error *e)
{
	struct lees_ctx c = {.arena = arena, .id = id, .uit = out};
	rc_t rc = store_tx(s, STORE_READ, lees_tx, &c, e);
	if (rc == RC_OK)
		out->live = levend_lees(id, out, false);
	return rc;
}

/* Appends an audit record on verdeeltaak/<id>. */
static rc_t audit_taak(struct store *s, const char *actor, const char *actie, int64_t id,
		       const char *resultaat, const char *detail, struct error *e)
{
	char object[48];
	snprintf(object, sizeof object, "verdeeltaak/%" PRId64, id);
	struct audit_entry entry = {actor, actie, object, resultaat, detail};
	return audit_append(s, &entry, e);
}

/* ---- placing and cancelling --------------------------------------------- */

struct plaats_ctx {
	const struct principal *who;
	const struct verdeelscenario_invoer *in;
	const char *verzoek;
	char nu[KLOK_TEKST_BYTES];
	int64_t id;
};

static rc_t plaats_tx(struct store *s, void *ctx, struct error *e)
{
	struct plaats_ctx *c = ctx;
	rc_t rc = store_verdeeltaak_voeg_toe(s, c->in->ronde_id, c->in->naam, c->verzoek, c->nu,
					     c->who->actor, &c->id, e);
	char detail[96];
	snprintf(detail, sizeof detail, "{\"indieningsronde\":%" PRId64 "}", c->in->ronde_id);
	if (rc == RC_OK)
		rc = audit_taak(s, c->who->actor, "verdeeltaak.plaats", c->id, "gelukt", detail, e);
	return rc;
}

rc_t verdeeltaak_plaats(struct store *s, const struct principal *who, const struct klok *klok,
			json_t *body, struct arena *arena, int64_t *id_out, struct error *e)
{
	struct verdeelscenario_invoer in;
	memset(&in, 0, sizeof in);
	rc_t rc = verdeelscenario_invoer_lees(body, &in, e);
	if (rc == RC_OK || rc == RC_INVALID)
		rc = verdeelscenario_controleer(s, who, klok, &in, arena, e);
	if (rc != RC_OK)
		return rc;
	struct plaats_ctx c = {.who = who, .in = &in, .verzoek = json_encode(arena, body)};
	if (!c.verzoek || strlen(c.verzoek) > VERDEELTAAK_VERZOEK_MAX_BYTES)
		return error_set(e, RC_TOO_LARGE, "Het verzoek is te groot voor een verdeeltaak.");
	klok_tekst(klok_nu_us(klok), c.nu, sizeof c.nu);
	rc = store_tx(s, STORE_WRITE, plaats_tx, &c, e);
	if (rc != RC_OK)
		return rc;
	*id_out = c.id;
	wek();
	return RC_OK;
}

struct annuleer_ctx {
	const struct principal *who;
	int64_t id;
	char nu[KLOK_TEKST_BYTES];
	struct arena arena;
	bool loopt;
};

static rc_t annuleer_tx(struct store *s, void *ctx, struct error *e)
{
	struct annuleer_ctx *c = ctx;
	struct verdeeltaak t;
	struct lees_ctx l = {.arena = &c->arena, .id = c->id, .uit = &t};
	rc_t rc = lees_tx(s, &l, e);
	if (rc != RC_OK)
		return rc;
	c->loopt = strcmp(t.status, "bezig") == 0;
	if (strcmp(t.status, "wachtend") == 0)
		rc = store_verdeeltaak_zet(s, c->id, "wachtend", "geannuleerd", c->nu, 0, 0, NULL, e);
	else if (c->loopt)
		rc = store_verdeeltaak_zet(s, c->id, "bezig", "annuleren", NULL, 0, t.knopen, NULL, e);
	else if (strcmp(t.status, "annuleren") == 0)
		return RC_OK;   /* asked before: nothing new */
	else {
		error_set(e, RC_CONFLICT, "Verdeeltaak %" PRId64 " is al afgelopen (%s).", c->id, t.status);
		error_add(e, "status", "taak_afgelopen", NULL,
			  "Een verdeeltaak die %s is, kan niet meer worden geannuleerd.", t.status);
		return RC_CONFLICT;
	}
	if (rc == RC_OK)
		rc = audit_taak(s, c->who->actor, "verdeeltaak.annuleer", c->id, "gelukt",
				c->loopt ? "{\"was\":\"bezig\"}" : "{\"was\":\"wachtend\"}", e);
	return rc;
}

rc_t verdeeltaak_annuleer(struct store *s, const struct principal *who, const struct klok *klok,
			  int64_t id, struct error *e)
{
	struct annuleer_ctx c = {.who = who, .id = id};
	klok_tekst(klok_nu_us(klok), c.nu, sizeof c.nu);
	arena_init(&c.arena, ARENA_DOSSIER_BYTES);
	rc_t rc = store_tx(s, STORE_WRITE, annuleer_tx, &c, e);
	arena_release(&c.arena);
	if (rc == RC_OK)
		levend_lees(id, NULL, true);   /* computed here: stop at the next report */
	return rc;
}

/* ---- computing one job ------------------------------------------------- */

struct werk {
	struct store *s;
	const struct klok *klok;
	const atomic_bool *stop;        /* the worker is stopping (may be NULL) */
	struct arena arena;
	struct verdeeltaak taak;
	const char *verzoek;
	struct principal wie;
	bool vooraf_geannuleerd;        /* claimed in state annuleren */
	bool gestopt;                   /* cancelled, or the worker stops */
	int64_t laatste_blik_us;
	uint64_t knopen;
	char nu[KLOK_TEKST_BYTES];
};

static int64_t monotoon_us(void)
{
	struct timespec t;
	clock_gettime(CLOCK_MONOTONIC, &t);
	return (int64_t)t.tv_sec * 1000000 + t.tv_nsec / 1000;
}

struct status_ctx {
	int64_t id;
	struct arena arena;
	bool annuleren;
};

static rc_t status_tx(struct store *s, void *ctx, struct error *e)
{
	struct status_ctx *c = ctx;
	struct store_rows r;
	rc_t rc = store_verdeeltaak_lees(s, c->id, &c->arena, &r, e);
	if (rc == RC_OK && r.nrows == 1)
		c->annuleren = strcmp(store_text(&r, 0, SVT_STATUS), "annuleren") == 0;
	return rc;
}

/* True when the job must stop: cancelled here or in the database (looked
 * at no more often than VERDEELTAAK_KIJK_US unless `nu_kijken`), or the
 * worker stops. */
static bool moet_stoppen(struct werk *w, bool nu_kijken)
{
	if (w->gestopt || (w->stop && atomic_load(w->stop)) || levend_stop(w->taak.id))
		return w->gestopt = true;
	int64_t t = monotoon_us();
	if (!nu_kijken && t - w->laatste_blik_us < VERDEELTAAK_KIJK_US)
		return false;
	w->laatste_blik_us = t;
	struct status_ctx c = {.id = w->taak.id};
	struct error e;
	error_clear(&e);
	arena_init(&c.arena, ARENA_RIJ_BYTES);
	if (store_tx(w->s, STORE_READ, status_tx, &c, &e) == RC_OK && c.annuleren)
		w->gestopt = true;
	arena_release(&c.arena);
	return w->gestopt;
}

static bool melding(void *ctx, uint64_t knopen, int64_t beste)
{
	struct werk *w = ctx;
	w->knopen = knopen;
	levend_zet(w->taak.id, knopen, beste, false);
	return !moet_stoppen(w, false);
}

static bool gestopt(void *ctx)
{
	return moet_stoppen(ctx, true);
}

/* In the scenario's transaction: the job is klaar with that scenario. */
static rc_t ook_klaar(struct store *s, void *ctx, int64_t scenario_id, struct error *e)
{
	struct werk *w = ctx;
	rc_t rc = store_verdeeltaak_zet(s, w->taak.id, "bezig", "klaar", w->nu, scenario_id,
					(int64_t)w->knopen, NULL, e);
	if (rc == RC_CONFLICT)
		w->gestopt = true;   /* cancelled while storing: roll everything back */
	char detail[64];
	snprintf(detail, sizeof detail, "{\"verdeelscenario\":%" PRId64 "}", scenario_id);
	if (rc == RC_OK)
		rc = audit_taak(s, w->wie.actor, "verdeeltaak.klaar", w->taak.id, "gelukt", detail, e);
	return rc;
}

static rc_t claim_tx(struct store *s, void *ctx, struct error *e)
{
	struct werk *w = ctx;
	int64_t nu_us = klok_nu_us(w->klok), id = 0;
	klok_tekst(nu_us, w->nu, sizeof w->nu);
	rc_t rc = store_verdeeltaak_claim(s, w->nu, nu_us, nu_us + VERDEELTAAK_CLAIM_US, &id, e);
	if (rc != RC_OK)
		return rc;
	struct lees_ctx l = {.arena = &w->arena, .id = id, .uit = &w->taak};
	rc = lees_tx(s, &l, e);
	if (rc != RC_OK)
		return rc;
	w->verzoek = l.verzoek;
	w->vooraf_geannuleerd = strcmp(w->taak.status, "annuleren") == 0;
	if (w->vooraf_geannuleerd) {
		rc = store_verdeeltaak_zet(s, id, "annuleren", "geannuleerd", w->nu, 0, 0, NULL, e);
		return rc == RC_OK ? audit_taak(s, "systeem", "verdeeltaak.geannuleerd", id, "gelukt", NULL, e)
				   : rc;
	}
	return audit_taak(s, "systeem", "verdeeltaak.start", id, "gelukt", NULL, e);
}

struct einde_ctx {
	struct werk *w;
	const char *van, *naar, *actie, *fout;
};

static rc_t einde_tx(struct store *s, void *ctx, struct error *e)
{
	struct einde_ctx *c = ctx;
	bool afgelopen = strcmp(c->naar, "wachtend") != 0;
	rc_t rc = store_verdeeltaak_zet(s, c->w->taak.id, c->van, c->naar, afgelopen ? c->w->nu : NULL,
					0, (int64_t)c->w->knopen, c->fout, e);
	if (rc == RC_OK)
		rc = audit_taak(s, "systeem", c->actie, c->w->taak.id,
				strcmp(c->naar, "mislukt") == 0 ? "mislukt" : "gelukt", NULL, e);
	return rc;
}

/* Ends a job that did not become klaar: cancelled (annuleren ->
 * geannuleerd), handed back because the worker stops (bezig -> wachtend)
 * or failed (bezig -> mislukt with the problem). */
static rc_t beeindig(struct werk *w, const struct error *fout, struct error *e)
{
	klok_tekst(klok_nu_us(w->klok), w->nu, sizeof w->nu);
	struct einde_ctx c = {.w = w};
	if (w->gestopt) {
		bool geannuleerd = levend_stop(w->taak.id);
		if (!geannuleerd) {
			struct status_ctx sc = {.id = w->taak.id};
			arena_init(&sc.arena, ARENA_RIJ_BYTES);
			rc_t rc = store_tx(w->s, STORE_READ, status_tx, &sc, e);
			arena_release(&sc.arena);
			if (rc != RC_OK)
				return rc;
			geannuleerd = sc.annuleren;
		}
		c.van = geannuleerd ? "annuleren" : "bezig";
		c.naar = geannuleerd ? "geannuleerd" : "wachtend";
		c.actie = geannuleerd ? "verdeeltaak.geannuleerd" : "verdeeltaak.terug";
	} else {
		json_t *p = error_probleem_json(fout);
		c.fout = p ? json_encode(&w->arena, p) : NULL;
		json_decref(p);
		c.van = "bezig";
		c.naar = "mislukt";
		c.actie = "verdeeltaak.mislukt";
	}
	return store_tx(w->s, STORE_WRITE, einde_tx, &c, e);
}

/* Computes the claimed job w->taak. */
static rc_t reken(struct werk *w, struct error *e)
{
	struct error fout;
	error_clear(&fout);
	json_t *body = NULL;
	struct verdeelscenario_invoer in;
	memset(&in, 0, sizeof in);
	rc_t rc = json_decode_object(w->verzoek, strlen(w->verzoek), VERDEELTAAK_VERZOEK_MAX_BYTES,
				     &w->arena, &body, &fout);
	if (rc == RC_OK)
		rc = verdeelscenario_invoer_lees(body, &in, &fout);
	struct verdeelscenario_hoe hoe = {{melding, w}, gestopt, ook_klaar, w};
	int64_t id = 0;
	if (rc == RC_OK)
		rc = verdeelscenario_maak_met(w->s, &w->wie, w->klok, &in, &hoe, &w->arena, &id, &fout);
	if (rc == RC_OK)
		return RC_OK;
	return beeindig(w, &fout, e);
}

struct te_doen_ctx {
	int64_t nu_us, aantal;
};

static rc_t te_doen_tx(struct store *s, void *ctx, struct error *e)
{
	struct te_doen_ctx *c = ctx;
	return store_verdeeltaak_te_doen(s, c->nu_us, &c->aantal, e);
}

rc_t verdeeltaak_werk_een(struct store *s, const struct klok *klok, const atomic_bool *stop,
			  bool *gedaan, struct error *e)
{
	*gedaan = false;
	struct te_doen_ctx t = {.nu_us = klok_nu_us(klok)};
	rc_t rc = store_tx(s, STORE_READ, te_doen_tx, &t, e);
	if (rc != RC_OK || t.aantal == 0)
		return rc;
	struct werk *w = calloc(1, sizeof *w);
	if (!w)
		return error_set(e, RC_NOMEM, "Onvoldoende geheugen voor een verdeeltaak.");
	w->s = s;
	w->klok = klok;
	w->stop = stop;
	arena_init(&w->arena, ARENA_REKENEN_BYTES);
	rc = store_tx(s, STORE_WRITE, claim_tx, w, e);
	if (rc == RC_NOT_FOUND) {   /* another worker was first */
		error_clear(e);
		rc = RC_OK;
	} else if (rc == RC_OK) {
		*gedaan = true;
		if (!w->vooraf_geannuleerd) {
			w->wie = (struct principal){.actor = w->taak.aangemaakt_door};
			w->laatste_blik_us = monotoon_us();
			levend_zet(w->taak.id, 0, -1, true);
			rc = reken(w, e);
			levend_weg(w->taak.id);
		}
	}
	arena_release(&w->arena);
	free(w);
	return rc;
}

/* ---- the worker thread ------------------------------------------------- */

struct verdeeltaak_werker {
	pthread_t draad;
	struct store_pool *pool;
	const struct klok *klok;
	atomic_bool stop;
};

/* Waits until woken by a placed job, or a second. */
static void wacht(struct verdeeltaak_werker *w, uint64_t gezien)
{
	struct timespec t;
	clock_gettime(CLOCK_REALTIME, &t);
	t.tv_sec += 1;
	pthread_mutex_lock(&wek_slot);
	while (!atomic_load(&w->stop) && wek_teller == gezien)
		if (pthread_cond_timedwait(&wek_cond, &wek_slot, &t) == ETIMEDOUT)
			break;
	pthread_mutex_unlock(&wek_slot);
}

static void *werker_lus(void *arg)
{
	struct verdeeltaak_werker *w = arg;
	while (!atomic_load(&w->stop)) {
		pthread_mutex_lock(&wek_slot);
		uint64_t gezien = wek_teller;
		pthread_mutex_unlock(&wek_slot);
		struct arena a;
		arena_init(&a, ARENA_RIJ_BYTES);
		struct store *s = store_pool_lease(w->pool, &a);
		bool gedaan = false;
		struct error e;
		error_clear(&e);
		rc_t rc = s ? verdeeltaak_werk_een(s, w->klok, &w->stop, &gedaan, &e) : RC_NOMEM;
		arena_release(&a);
		if (rc != RC_OK || !gedaan)   /* nothing to do, or the database failed: wait */
			wacht(w, gezien);
	}
	return NULL;
}

rc_t verdeeltaak_werker_start(struct store_pool *pool, const struct klok *klok,
			      struct verdeeltaak_werker **out, struct error *e)
{
	struct verdeeltaak_werker *w = calloc(1, sizeof *w);
	if (!w)
		return error_set(e, RC_NOMEM, "Onvoldoende geheugen.");
	w->pool = pool;
	w->klok = klok;
	atomic_init(&w->stop, false);
	if (pthread_create(&w->draad, NULL, werker_lus, w) != 0) {
		free(w);
		return error_set(e, RC_INTERNAL, "De werker voor verdeeltaken start niet.");
	}
	*out = w;
	return RC_OK;
}

void verdeeltaak_werker_stop(struct verdeeltaak_werker *w)
{
	if (!w)
		return;
	atomic_store(&w->stop, true);
	wek();
	pthread_join(w->draad, NULL);
	free(w);
}

/* ---- JSON ------------------------------------------------------------------ */

static json_t *tekst_of_null(const char *t)
{
	return t ? json_string(t) : json_null();
}

json_t *verdeeltaak_json(const struct verdeeltaak *t)
{
	json_t *o = json_object();
	if (!o)
		return NULL;
	json_object_set_new(o, "id", json_integer(t->id));
	json_object_set_new(o, "naam", tekst_of_null(t->naam));
	json_object_set_new(o, "indieningsronde_id", json_integer(t->ronde_id));
	json_object_set_new(o, "status", tekst_of_null(t->status));
	json_object_set_new(o, "aangemaakt_op", tekst_of_null(t->aangemaakt_op));
	json_object_set_new(o, "aangemaakt_door", tekst_of_null(t->aangemaakt_door));
	json_object_set_new(o, "gestart_op", tekst_of_null(t->gestart_op));
	json_object_set_new(o, "klaar_op", tekst_of_null(t->klaar_op));
	json_object_set_new(o, "verdeelscenario_id", t->scenario_id ? json_integer(t->scenario_id) : json_null());
	json_t *v = json_object();
	json_object_set_new(v, "knopen", json_integer(t->knopen));
	json_object_set_new(v, "beste_fte_milli", t->beste_fte_milli >= 0 ? json_integer(t->beste_fte_milli)
									: json_null());
	json_object_set_new(v, "live", json_boolean(t->live));
	json_object_set_new(o, "voortgang", v);
	json_t *fout = t->fout ? json_loads(t->fout, 0, NULL) : NULL;
	json_object_set_new(o, "fout", fout ? fout : json_null());
	return o;
}
