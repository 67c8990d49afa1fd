/*
 * macrooverzicht_antwoord.c -- the macro overview as rendered text, kept
 * in the process while the database does not change (issue 14: the p99
 * of the board's overview at 5,000 applications; core/basis/antwoordcache.h).
 *
 * An answer is kept under the database's state, the round, the view (and
 * the insurer, whose drill-down is its own) and the filter. The round must
 * still have closed at the moment of the request (the moment passes once;
 * a write that moves it is a new state).
 */
#include <inttypes.h>
#include <stdio.h>
#include <string.h>

#include "core/basis/json.h"
#include "core/verdeling/macrooverzicht.h"
#include "core/basis/antwoordcache.h"

#define SLEUTEL_BYTES ANTWOORDCACHE_SLEUTEL_BYTES

static struct antwoordcache cache = ANTWOORDCACHE(512u * 1024u);

/* The key of an answer; false when it does not fit (then not kept). */
static bool sleutel_maak(char *buf, int64_t ronde, const struct principal *who,
			 const struct macrooverzicht_filter *f, const char *staat)
{
	enum macrooverzicht_zicht z = macrooverzicht_zicht(who);
	int n = snprintf(buf, SLEUTEL_BYTES,
			 "%" PRId64 "|%d|%" PRId64 "|%s\x1f%s\x1f%s\x1f%s|%" PRId64 "|%d|%" PRId64
			 "|%" PRId64 "|%s",
			 ronde, (int)z, z == MACRO_VERZEKERAAR ? who->organisatie_id : 0,
			 f->thema ? f->thema : "\x1e", f->toepassingsgebied ? f->toepassingsgebied : "\x1e",
			 f->sector ? f->sector : "\x1e", f->regio ? f->regio : "\x1e", f->jaar,
			 (int)f->aanvragen, f->na, f->limiet, staat);
	return n > 0 && n < SLEUTEL_BYTES;
}

rc_t macrooverzicht_tekst(struct store *s, struct arena *arena, const struct principal *who,
			  const struct klok *klok, int64_t ronde_id,
			  const struct macrooverzicht_filter *f, const char **tekst, size_t *lengte,
			  struct error *e)
{
	char staat[ANTWOORDCACHE_STAAT_BYTES], sleutel[SLEUTEL_BYTES];
	rc_t rc = antwoordcache_staat(s, staat, e);
	if (rc != RC_OK)
		return rc;
	bool houdbaar = sleutel_maak(sleutel, ronde_id, who, f, staat);
	if (houdbaar && antwoordcache_haal(&cache, sleutel, klok_nu_us(klok), arena, tekst, lengte))
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
		antwoordcache_zet(&cache, sleutel, sluit_us, t, *lengte);
	return RC_OK;
}
