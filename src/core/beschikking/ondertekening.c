/*
 * ondertekening.c -- signing and submitting the joint request. See
 * ondertekening.h.
 */
#include "core/beschikking/ondertekening.h"

#include <inttypes.h>
#include <stdio.h>
#include <string.h>

#include "store/store_aanvragen.h"
#include "store/store_beschikking.h"
#include "core/basis/audit.h"
#include "core/beschikking/nza_toets.h"
#include "core/toegang/toegang.h"

struct teken_ctx {
	const struct principal *who;
	const struct klok *klok;
	int64_t id;
	const char *sha256, *actor, *status;
	rc_t weiger;
};

static rc_t teken_tx(struct store *s, void *ctx, struct error *e)
{
	struct teken_ctx *c = ctx;
	struct arena a;
	arena_init(&a, ARENA_DOSSIER_BYTES);
	struct nza_aanvraag t;
	rc_t rc = store_aanvragen_schrijfslot(s, e);
	if (rc == RC_OK)
		rc = nza_aanvraag_lees_tx(s, &a, c->id, 0, &t, e);
	enum nza_aanvraag_toegang toegang = rc == RC_OK ? nza_aanvraag_toegang(c->who, &t) : NZA_AANVRAAG_GEEN;
	if (rc == RC_OK && toegang == NZA_AANVRAAG_GEEN) {
		c->weiger = RC_NOT_FOUND;
		rc = RC_NOT_FOUND;
	} else if (rc == RC_OK && toegang != NZA_AANVRAAG_ALS_VERZEKERAAR && toegang != NZA_AANVRAAG_ALS_PENVOERDER) {
		c->weiger = RC_FORBIDDEN;
		rc = RC_FORBIDDEN;
	}
	enum nza_aanvraag_partij partij = toegang == NZA_AANVRAAG_ALS_PENVOERDER ? NZA_AANVRAAG_PENVOERDER : NZA_AANVRAAG_VERZEKERAAR;
	if (rc == RC_OK && strcmp(t.status, "ondertekening") != 0) {
		error_add(e, "", "al_ingediend", "[001 §3]", "De aanvraag is al bij de NZa ingediend (status %s).",
			  t.status);
		rc = RC_CONFLICT;
	}
	if (rc == RC_OK && t.ondertekening[partij].getekend) {
		error_add(e, "", "al_ondertekend", "[001 §3]", "Deze partij heeft al ondertekend.");
		rc = RC_CONFLICT;
	}
	if (rc == RC_OK && strcmp(c->sha256, t.sha256) != 0) {
		error_add(e, "/sha256", "inhoud_anders", "[001 §3]",
			  "U ondertekent een andere inhoud dan de aanvraag (sha256 %s).", t.sha256);
		rc = RC_CONFLICT;
	}
	char nu[KLOK_TEKST_BYTES];
	klok_tekst(klok_nu_us(c->klok), nu, sizeof nu);
	if (rc == RC_OK)
		rc = store_ondertekening_insert(s, t.id, partij == NZA_AANVRAAG_PENVOERDER ? "penvoerder"
						: "coordinerend_verzekeraar", c->who->organisatie_id,
						t.sha256, c->actor, nu, e);
	char object[48];
	snprintf(object, sizeof object, "nza_aanvraag/%" PRId64, t.id);
	if (rc == RC_OK) {
		struct audit_entry ae = {c->actor, "nza_aanvraag.onderteken", object, "gelukt",
					 partij == NZA_AANVRAAG_PENVOERDER ? "penvoerder" : "coordinerend_verzekeraar"};
		rc = audit_append(s, &ae, e);
	}
	c->status = "ondertekening";
	if (rc == RC_OK && t.ondertekening[1 - partij].getekend) {
		/* The second signature submits it: only when the money fits [001 §3]. */
		t.ondertekening[partij].getekend = true;
		struct nza_feiten f;
		rc = nza_feiten_tx(s, &a, &t, &f, e);
		if (rc == RC_OK && !nza_past(&f, e))
			rc = RC_CONFLICT;
		if (rc == RC_OK)
			rc = store_nza_aanvraag_status(s, t.id, "ondertekening", "in_behandeling", nu, e);
		if (rc == RC_OK) {
			struct audit_entry ae = {c->actor, "nza_aanvraag.indien", object, "gelukt", t.sha256};
			rc = audit_append(s, &ae, e);
		}
		c->status = "in_behandeling";
	}
	arena_release(&a);
	return rc;
}

rc_t nza_aanvraag_onderteken(struct store *s, const struct principal *who, const struct klok *klok,
		    int64_t id, const char *sha256, const char **status, struct error *e)
{
	char object[48];
	snprintf(object, sizeof object, "nza_aanvraag/%" PRId64, id);
	struct teken_ctx c = {.who = who, .klok = klok, .id = id, .sha256 = sha256,
			      .actor = who && who->actor ? who->actor : "systeem"};
	rc_t rc = store_aanvragen_tx(s, teken_tx, &c, e);
	if (rc != RC_OK && c.weiger != RC_OK) {
		error_clear(e);
		return toegang_weiger(s, who, c.weiger, object,
				      c.weiger == RC_FORBIDDEN ? "alleen de coordinerend verzekeraar en de "
				      "penvoerder ondertekenen" : "geen partij bij de tweezijdige aanvraag", e);
	}
	if (rc == RC_CONFLICT) {
		e->rc = rc;
		toegang_weigering_vastleggen(s, c.actor, "nza_aanvraag.onderteken", object, e);
	}
	if (rc == RC_OK)
		*status = c.status;
	return rc;
}
