/*
 * macrooverzicht_antwoord.c -- the macro overview as rendered text, kept
 * in the process while the database does not change (issue 14: the p99
 * of the board's overview at 5,000 applications).
 *
 * Every write of doorbraak adds an audit record in its own transaction
 * (docs/audit.md), so the last record -- its number and its hash, which
 * also tells one database from another -- names the state of everything
 * the overview reads. An answer is kept under that state, the round, the
 * view (and the insurer, whose drill-down is its own) and the filter. A
 * request reads the last record first and only then, on a miss, the
 * round: what it keeps is never older than the state it is kept under.
 * The round must still have closed at the moment of the request (the
 * moment passes once; a write that moves it is a new state).
 *
 * Bounded: ANTWOORD_PLEKKEN answers of at most ANTWOORD_MAX_BYTES each,
 * replaced least recently used; larger answers are not kept.
 */
#include <inttypes.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/basis/json.h"
#include "core/verdeling/macrooverzicht.h"
#include "store/store_audit.h"

#define ANTWOORD_PLEKKEN 32
#define ANTWOORD_MAX_BYTES (512u * 1024u)
#define SLEUTEL_BYTES 1024

struct antwoord {
	char sleutel[SLEUTEL_BYTES];   /* round, view, insurer, filter, audit state */
	int64_t sluit_us;              /* the round's closing moment */
	char *tekst;                   /* malloc'd, NUL-terminated */
	size_t lengte;
	uint64_t gebruikt;             /* for least recently used */
};

static pthread_mutex_t slot = PTHREAD_MUTEX_INITIALIZER;
static struct antwoord plekken[ANTWOORD_PLEKKEN];
static uint64_t klok_teller;

struct staat {
	int64_t volgnummer;
	char hash[65];
};

static rc_t staat_tx(struct store *s, void *ctx, struct error *e)
{
	struct staat *st = ctx;
	return store_audit_last(s, &st->volgnummer, st->hash, e);
}

/* The key of an answer; false when it does not fit (then not kept). */
static bool sleutel_maak(char *buf, int64_t ronde, const struct principal *who,
			 const struct macrooverzicht_filter *f, const struct staat *st)
{
	enum macrooverzicht_zicht z = macrooverzicht_zicht(who);
	int n = snprintf(buf, SLEUTEL_BYTES,
			 "%" PRId64 "|%d|%" PRId64 "|%s\x1f%s\x1f%s\x1f%s|%" PRId64 "|%d|%" PRId64
			 "|%" PRId64 "|%" PRId64 "|%s",
			 ronde, (int)z, z == MACRO_VERZEKERAAR ? who->organisatie_id : 0,
			 f->thema ? f->thema : "\x1e", f->toepassingsgebied ? f->toepassingsgebied : "\x1e",
			 f->sector ? f->sector : "\x1e", f->regio ? f->regio : "\x1e", f->jaar,
			 (int)f->aanvragen, f->na, f->limiet, st->volgnummer, st->hash);
	return n > 0 && n < SLEUTEL_BYTES;
}

/* Copies the kept answer under `sleutel` into the arena; false when none
 * (or the round had not closed at `nu_us`). */
static bool haal(const char *sleutel, int64_t nu_us, struct arena *arena, const char **tekst,
		 size_t *lengte)
{
	bool ok = false;
	pthread_mutex_lock(&slot);
	for (size_t i = 0; i < ANTWOORD_PLEKKEN; i++) {
		struct antwoord *a = &plekken[i];
		if (!a->tekst || strcmp(a->sleutel, sleutel) != 0 || nu_us < a->sluit_us)
			continue;
		char *kopie = arena_alloc(arena, a->lengte + 1);
		if (kopie) {
			memcpy(kopie, a->tekst, a->lengte + 1);
			a->gebruikt = ++klok_teller;
			*tekst = kopie;
			*lengte = a->lengte;
			ok = true;
		}
		break;
	}
	pthread_mutex_unlock(&slot);
	return ok;
}

/* Keeps a copy of the answer in the least recently used place. */
static void zet(const char *sleutel, int64_t sluit_us, const char *tekst, size_t lengte)
{
	if (lengte > ANTWOORD_MAX_BYTES)
		return;
	char *kopie = malloc(lengte + 1);
	if (!kopie)
		return;
	memcpy(kopie, tekst, lengte + 1);
	pthread_mutex_lock(&slot);
	struct antwoord *doel = &plekken[0];
	for (size_t i = 0; i < ANTWOORD_PLEKKEN; i++) {
		if (plekken[i].tekst && strcmp(plekken[i].sleutel, sleutel) == 0) {
			doel = &plekken[i];
			break;
		}
		if (plekken[i].gebruikt < doel->gebruikt)
			doel = &plekken[i];
	}
	free(doel->tekst);
	snprintf(doel->sleutel, sizeof doel->sleutel, "%s", sleutel);
	doel->sluit_us = sluit_us;
	doel->tekst = kopie;
	doel->lengte = lengte;
	doel->gebruikt = ++klok_teller;
	pthread_mutex_unlock(&slot);
}

rc_t macrooverzicht_tekst(struct store *s, struct arena *arena, const struct principal *who,
			  const struct klok *klok, int64_t ronde_id,
			  const struct macrooverzicht_filter *f, const char **tekst, size_t *lengte,
			  struct error *e)
{
	struct staat st;
	char sleutel[SLEUTEL_BYTES];
	rc_t rc = store_tx(s, STORE_READ, staat_tx, &st, e);
	if (rc != RC_OK)
		return rc;
	bool houdbaar = sleutel_maak(sleutel, ronde_id, who, f, &st);
	if (houdbaar && haal(sleutel, klok_nu_us(klok), arena, tekst, lengte))
		return RC_OK;
	json_t *uit = NULL;
	int64_t sluit_us = 0;
	rc = macrooverzicht_maak(s, arena, who, klok, ronde_id, f, &uit, &sluit_us, e);
	if (rc != RC_OK)
		return rc;
	char *t = json_encode(arena, uit);
	json_decref(uit);
	if (!t)
		return error_set(e, RC_NOMEM, "Het macro-overzicht past niet in het geheugen.");
	*tekst = t;
	*lengte = strlen(t);
	if (houdbaar)
		zet(sleutel, sluit_us, t, *lengte);
	return RC_OK;
}
