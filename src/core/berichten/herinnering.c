/*
 * herinnering.c -- reminders on a date (herinnering.h).
 */
#include "core/berichten/herinnering.h"

#include <inttypes.h>
#include <stdio.h>

#include <jansson.h>

#include "core/basis/audit.h"
#include "store/store_berichten.h"

struct ronde_ctx {
	const struct klok *klok;
	int verstuurd;
};

/* Whether `jaar` is a year of the project: in the beschikking's split
 * (JSON [{"jaar", "bedrag_cent"}]) and not before the year it was taken. */
static bool projectjaar(const char *jaarverdeling, const char *genomen_op, int64_t jaar)
{
	json_t *l = json_loads(jaarverdeling ? jaarverdeling : "", 0, NULL), *j;
	size_t i;
	bool in = false;
	json_array_foreach(l, i, j)
		in = in || json_integer_value(json_object_get(j, "jaar")) == jaar;
	json_decref(l);
	int besluitjaar = 0;
	return in && genomen_op && sscanf(genomen_op, "%4d", &besluitjaar) == 1 && jaar >= besluitjaar;
}

static rc_t ronde_tx(struct store *s, void *ctx, struct error *e)
{
	struct ronde_ctx *c = ctx;
	c->verstuurd = 0;
	struct arena a;
	arena_init(&a, ARENA_TABEL_BYTES);
	int64_t nu_us = klok_nu_us(c->klok);
	char nu[KLOK_TEKST_BYTES];
	klok_tekst(nu_us, nu, sizeof nu);
	struct store_rows r;
	rc_t rc = store_herinnering_verantwoording_open(s, nu_us + HERINNERING_VOORAF_DAGEN * 86400 * KLOK_US_PER_S,
							HERINNERING_PER_RONDE, &a, &r, e);
	for (size_t i = 0; rc == RC_OK && i < r.nrows; i++) {
		int64_t b = store_int(&r, i, SHR_BESCHIKKING, 0), jaar = store_int(&r, i, SHR_JAAR, 0);
		bool sturen = projectjaar(store_text(&r, i, SHR_JAARVERDELING), store_text(&r, i, SHR_GENOMEN_OP), jaar);
		rc = store_herinnering_voeg_toe(s, "verantwoording", b, jaar, nu, sturen, e);
		if (rc != RC_OK || !sturen)
			continue;
		char object[80], detail[160];
		snprintf(object, sizeof object, "beschikking/%" PRId64 "/verantwoording/%" PRId64, b, jaar);
		snprintf(detail, sizeof detail, "{\"deadline\":\"%.40s\",\"verstreken\":%s}", store_text(&r, i, SHR_DEADLINE),
			 store_int(&r, i, SHR_DEADLINE_US, 0) < nu_us ? "true" : "false");
		struct audit_entry ae = {"systeem", "herinnering.verantwoording", object, "gelukt", detail};
		rc = audit_append(s, &ae, e);   /* the hook makes the message (bericht.c) */
		if (rc == RC_OK)
			c->verstuurd++;
	}
	arena_release(&a);
	return rc;
}

/* Whether anything is to be considered: a read, so that a round with
 * nothing due takes no write lock. */
static rc_t iets_tx(struct store *s, void *ctx, struct error *e)
{
	struct ronde_ctx *c = ctx;
	struct arena a;
	arena_init(&a, ARENA_RIJ_BYTES);
	struct store_rows r;
	rc_t rc = store_herinnering_verantwoording_open(s, klok_nu_us(c->klok) + HERINNERING_VOORAF_DAGEN * 86400 *
							KLOK_US_PER_S, 1, &a, &r, e);
	c->verstuurd = rc == RC_OK ? (int)r.nrows : 0;
	arena_release(&a);
	return rc;
}

rc_t herinnering_ronde(struct store *s, const struct klok *klok, int *verstuurd, struct error *e)
{
	struct ronde_ctx c = {.klok = klok};
	*verstuurd = 0;
	rc_t rc = store_tx(s, STORE_READ, iets_tx, &c, e);
	if (rc != RC_OK || c.verstuurd == 0)
		return rc;
	rc = store_tx(s, STORE_WRITE, ronde_tx, &c, e);
	*verstuurd = rc == RC_OK ? c.verstuurd : 0;
	return rc;
}
