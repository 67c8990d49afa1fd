/*
 * antwoordcache.c -- answers kept while the database does not change. See
 * antwoordcache.h.
 */
#include "core/basis/antwoordcache.h"

#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/basis/json.h"
#include "store/store_audit.h"

struct staat {
	int64_t volgnummer;
	char hash[65];
};

static rc_t staat_tx(struct store *s, void *ctx, struct error *e)
{
	struct staat *st = ctx;
	return store_audit_last(s, &st->volgnummer, st->hash, e);
}

rc_t antwoordcache_staat(struct store *s, char *buf, struct error *e)
{
	struct staat st;
	rc_t rc = store_tx(s, STORE_READ, staat_tx, &st, e);
	if (rc == RC_OK)
		snprintf(buf, ANTWOORDCACHE_STAAT_BYTES, "%" PRId64 "|%s", st.volgnummer, st.hash);
	return rc;
}

rc_t antwoordcache_antwoord(struct antwoordcache *c, struct store *s, const char *sleutel, int64_t nu_us,
			    antwoordcache_maak maak, void *ctx, const char *melding, struct arena *a, const char **tekst,
			    size_t *lengte, struct error *e)
{
	char staat[ANTWOORDCACHE_STAAT_BYTES], volledig[ANTWOORDCACHE_SLEUTEL_BYTES];
	bool houdbaar = false;
	if (sleutel) {
		rc_t rc = antwoordcache_staat(s, staat, e);
		if (rc != RC_OK)
			return rc;
		int n = snprintf(volledig, sizeof volledig, "%s|%s", sleutel, staat);
		houdbaar = n > 0 && (size_t)n < sizeof volledig;
	}
	if (houdbaar && antwoordcache_haal(c, volledig, nu_us, a, tekst, lengte))
		return RC_OK;
	json_t *uit = NULL;
	int64_t vanaf_us = 0;
	rc_t rc = maak(ctx, a, &uit, &vanaf_us, e);
	char *t = rc == RC_OK ? json_encode(a, uit) : NULL;
	json_decref(uit);
	if (rc != RC_OK)
		return rc;
	if (!t)
		return error_set(e, RC_NOMEM, "%s past niet in het geheugen.", melding);
	*tekst = t;
	*lengte = strlen(t);
	if (houdbaar)
		antwoordcache_zet(c, volledig, vanaf_us, t, *lengte);
	return RC_OK;
}

bool antwoordcache_haal(struct antwoordcache *c, const char *sleutel, int64_t nu_us, struct arena *arena,
			const char **tekst, size_t *lengte)
{
	bool ok = false;
	pthread_mutex_lock(&c->slot);
	for (size_t i = 0; i < ANTWOORDCACHE_PLEKKEN; i++) {
		struct antwoordcache_plek *a = &c->plekken[i];
		if (!a->tekst || strcmp(a->sleutel, sleutel) != 0 || nu_us < a->vanaf_us)
			continue;
		char *kopie = arena_alloc(arena, a->lengte + 1);
		if (kopie) {
			memcpy(kopie, a->tekst, a->lengte + 1);
			a->gebruikt = ++c->teller;
			*tekst = kopie;
			*lengte = a->lengte;
			ok = true;
		}
		break;
	}
	pthread_mutex_unlock(&c->slot);
	return ok;
}

void antwoordcache_zet(struct antwoordcache *c, const char *sleutel, int64_t vanaf_us, const char *tekst,
		       size_t lengte)
{
	if (lengte > c->max_bytes || strlen(sleutel) >= ANTWOORDCACHE_SLEUTEL_BYTES)
		return;
	char *kopie = malloc(lengte + 1);
	if (!kopie)
		return;
	memcpy(kopie, tekst, lengte + 1);
	pthread_mutex_lock(&c->slot);
	struct antwoordcache_plek *doel = &c->plekken[0];
	for (size_t i = 0; i < ANTWOORDCACHE_PLEKKEN; i++) {
		if (c->plekken[i].tekst && strcmp(c->plekken[i].sleutel, sleutel) == 0) {
			doel = &c->plekken[i];
			break;
		}
		if (c->plekken[i].gebruikt < doel->gebruikt)
			doel = &c->plekken[i];
	}
	free(doel->tekst);
	snprintf(doel->sleutel, sizeof doel->sleutel, "%s", sleutel);
	doel->vanaf_us = vanaf_us;
	doel->tekst = kopie;
	doel->lengte = lengte;
	doel->gebruikt = ++c->teller;
	pthread_mutex_unlock(&c->slot);
}
