/*
 * behandeling.c -- who handles an application within an insurer. See
 * behandeling.h.
 */
#include "core/beoordeling/behandeling.h"

#include <inttypes.h>
#include <stdio.h>

#include "core/aanvraag/aanvraagdossier.h"
#include "core/basis/audit.h"
#include "core/basis/klok.h"
#include "core/toegang/rol.h"
#include "store/store_aanvragen.h"

struct lijst_ctx {
	const struct principal *who;
	struct arena *arena;
	struct store_rows r;
};

static rc_t lijst_tx(struct store *s, void *ctx, struct error *e)
{
	struct lijst_ctx *c = ctx;
	return store_behandelaars(s, c->who->organisatie_id, ROL_BEOORDELAAR, c->arena, &c->r, e);
}

rc_t behandeling_behandelaars(struct store *s, const struct principal *who, struct arena *arena,
			      struct behandelaar **out, size_t *n, struct error *e)
{
	*out = NULL;
	*n = 0;
	struct lijst_ctx c = {.who = who, .arena = arena};
	rc_t rc = store_tx(s, STORE_READ, lijst_tx, &c, e);
	if (rc != RC_OK || c.r.nrows == 0)
		return rc;
	struct behandelaar *l = arena_alloc(arena, c.r.nrows * sizeof *l);
	if (!l)
		return error_set(e, RC_NOMEM, "Onvoldoende geheugen.");
	for (size_t i = 0; i < c.r.nrows; i++)
		l[i] = (struct behandelaar){.id = store_int(&c.r, i, 0, 0), .naam = store_text(&c.r, i, 1),
					    .functie = store_text(&c.r, i, 2)};
	*out = l;
	*n = c.r.nrows;
	return RC_OK;
}

struct toewijs_ctx {
	const struct principal *who;
	int64_t aanvraag_id, gebruiker_id;
};

static rc_t toewijs_tx(struct store *s, void *ctx, struct error *e)
{
	struct toewijs_ctx *c = ctx;
	struct arena a;
	arena_init(&a, ARENA_DOSSIER_BYTES);
	struct aanvraagdossier d;
	bool coalitie = false;
	rc_t rc = aanvraagdossier_lees_tx(s, &a, c->aanvraag_id, false, c->who->organisatie_id, &d, &coalitie, e);
	if (rc == RC_OK && aanvraagdossier_toegang(c->who, &d, coalitie, klok_nu_us(NULL)) != AANVRAAG_VERZEKERAAR)
		rc = error_set(e, RC_NOT_FOUND, "%s", TOEGANG_NIET_GEVONDEN);
	if (rc == RC_OK && c->gebruiker_id > 0) {
		struct store_rows r;
		rc = store_behandelaars(s, c->who->organisatie_id, ROL_BEOORDELAAR, &a, &r, e);
		bool gevonden = false;
		for (size_t i = 0; rc == RC_OK && i < r.nrows; i++)
			gevonden = gevonden || store_int(&r, i, 0, 0) == c->gebruiker_id;
		if (rc == RC_OK && !gevonden) {
			error_add(e, "/gebruiker_id", "geen_behandelaar", NULL,
				  "Account %" PRId64 " is geen actieve beoordelaar van uw zorgverzekeraar.", c->gebruiker_id);
			rc = RC_INVALID;
		}
	}
	char nu[KLOK_TEKST_BYTES], object[48], detail[96];
	klok_nu_tekst(NULL, nu, sizeof nu);
	if (rc == RC_OK)
		rc = store_behandelaar_zet(s, c->aanvraag_id, c->who->organisatie_id, c->gebruiker_id, nu, c->who->actor, e);
	snprintf(object, sizeof object, "aanvraag/%" PRId64, c->aanvraag_id);
	snprintf(detail, sizeof detail, "{\"verzekeraar\":%" PRId64 ",\"gebruiker\":%" PRId64 "}", c->who->organisatie_id,
		 c->gebruiker_id);
	struct audit_entry ae = {c->who->actor, "aanvraag.behandelaar", object, "gelukt", detail};
	if (rc == RC_OK)
		rc = audit_append(s, &ae, e);
	arena_release(&a);
	return rc;
}

rc_t behandeling_wijs_toe(struct store *s, const struct principal *who, int64_t aanvraag_id,
			  int64_t gebruiker_id, struct error *e)
{
	struct toewijs_ctx c = {.who = who, .aanvraag_id = aanvraag_id, .gebruiker_id = gebruiker_id};
	rc_t rc = store_tx(s, STORE_WRITE, toewijs_tx, &c, e);
	if (rc == RC_NOT_FOUND || rc == RC_INVALID) {   /* refusals are in the log too */
		char object[48];
		snprintf(object, sizeof object, "aanvraag/%" PRId64, aanvraag_id);
		toegang_weigering_vastleggen(s, who->actor, "aanvraag.behandelaar", object, e);
	}
	return rc;
}
