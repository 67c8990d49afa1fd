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
			 const struct macrooverzicht_filter *f)
{
	enum macrooverzicht_zicht z = macrooverzicht_zicht(who);
	int n = snprintf(buf, SLEUTEL_BYTES,
			 "%" PRId64 "|%d|%" PRId64 "|%s\x1f%s\x1f%s\x1f%s|%" PRId64 "|%d|%" PRId64
			 "|%" PRId64,
			 ronde, (int)z, z == MACRO_VERZEKERAAR ? who->organisatie_id : 0,
			 f->thema ? f->thema : "\x1e", f->toepassingsgebied ? f->toepassingsgebied : "\x1e",
			 f->sector ? f->sector : "\x1e", f->regio ? f->regio : "\x1e", f->jaar,
			 (int)f->aanvragen, f->na, f->limiet);
	return n > 0 && n < SLEUTEL_BYTES;
}

struct vraag {
	struct store *s;
	const struct principal *who;
	const struct klok *klok;
	int64_t ronde_id;
	const struct macrooverzicht_filter *f;
};

/* The overview computed; valid from the round's closing moment. */
static rc_t maak(void *ctx, struct arena *a, json_t **uit, int64_t *vanaf_us, struct error *e)
{
	struct vraag *v = ctx;
	return macrooverzicht_maak(v->s, a, v->who, v->klok, v->ronde_id, v->f, uit, vanaf_us, e);
}

rc_t macrooverzicht_tekst(struct store *s, struct arena *arena, const struct principal *who,
			  const struct klok *klok, int64_t ronde_id,
			  const struct macrooverzicht_filter *f, const char **tekst, size_t *lengte,
			  struct error *e)
{
	char sleutel[SLEUTEL_BYTES];
	bool houdbaar = sleutel_maak(sleutel, ronde_id, who, f);
	struct vraag v = {.s = s, .who = who, .klok = klok, .ronde_id = ronde_id, .f = f};
	return antwoordcache_antwoord(&cache, s, houdbaar ? sleutel : NULL, klok_nu_us(klok), maak, &v,
				      "Het macro-overzicht", arena, tekst, lengte, e);
}
