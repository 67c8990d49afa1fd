/*
 * correctie.c -- corrections of milestone payments. See correctie.h.
 */
#include "core/basis/bedrag.h"
#include "core/betaling/correctie.h"

#include <inttypes.h>
#include <stdio.h>
#include <string.h>

#include "core/basis/audit.h"
#include "core/basis/json.h"
#include "core/basis/tekst.h"
#include "core/betaling/mijlpaal_intern.h"
#include "core/geld/grootboek.h"
#include "store/store_beschikking.h"
#include "store/store_verantwoording.h"

#define BRON "[001 §2], [001 §5]"

rc_t correctie_lees(json_t *body, int64_t *bedrag_cent, const char **reden, struct error *e)
{
	static const char *const velden[] = {"bedrag_cent", "reden", NULL};
	json_reject_unknown(body, velden, "", e);
	if (json_get_int(body, "bedrag_cent", true, "", bedrag_cent, e) && *bedrag_cent == 0)
		error_add(e, "/bedrag_cent", "bedrag_nul", BRON,
			  "Een correctie is een bedrag in centen, negatief (terug) of positief (bij), niet 0.");
	if (json_get_string(body, "reden", true, "", reden, e) &&
	    (!tekst_aanwezig(*reden) || strlen(*reden) > CORRECTIE_REDEN_MAX))
		error_add(e, "/reden", "reden_ontbreekt", BRON,
			  "Een correctie noemt haar reden (hoogstens %d tekens).", CORRECTIE_REDEN_MAX);
	return e->item_count || e->items_dropped ? RC_INVALID : RC_OK;
}

/* Books the compensating entry; the ledger's refusal in the domain's words. */
static rc_t correctie_boeking(struct store *s, const struct beschikking *b, const struct mijlpaal *m,
			      int64_t bedrag, int64_t volgnummer, const char *uzovi, int64_t resterend,
			      int64_t *boeking_id, struct error *e)
{
	char project[GROOTBOEK_CODE_MAX + 1], verzekeraar[GROOTBOEK_CODE_MAX + 1];
	char sleutel[GROOTBOEK_SLEUTEL_MAX + 1], omschrijving[160];
	snprintf(project, sizeof project, "project/%" PRId64, b->aanvraag_id);
	snprintf(verzekeraar, sizeof verzekeraar, "verzekeraar/%s/betaald", uzovi);
	snprintf(sleutel, sizeof sleutel, "mijlpaal/%" PRId64 "/%s/correctie/%" PRId64, b->aanvraag_id, m->id,
		 volgnummer);
	snprintf(omschrijving, sizeof omschrijving, "Correctie %" PRId64 " van mijlpaal %s van beschikking %s",
		 volgnummer, m->id, b->kenmerk);
	bool terug = bedrag < 0;
	struct boeking bk = {.sleutel = sleutel, .soort = BOEKING_DIRECT, .debet = terug ? verzekeraar : project,
			     .credit = terug ? project : verzekeraar, .bedrag_cent = terug ? -bedrag : bedrag,
			     .code = "mijlpaal.correctie", .omschrijving = omschrijving};
	struct boeking_resultaat res;
	rc_t rc = grootboek_boek(s, &bk, 1, &res, e);
	if (rc != RC_OK)
		return rc;
	if (res.uitkomst == GROOTBOEK_OK) {
		*boeking_id = res.boeking_id;
		return RC_OK;
	}
	if (!terug && (res.uitkomst == GROOTBOEK_ONVOLDOENDE_SALDO || res.uitkomst == GROOTBOEK_OVERLOOP)) {
		char bt[BEDRAG_TEKST_BYTES], rest[BEDRAG_TEKST_BYTES];
		error_add(e, "/bedrag_cent", "boven_bovengrens", "[001 §2], [001 §7]",
			  "De correctie (%s) is hoger dan wat van de bovengrens over is (%s).",
			  bedrag_tekst(bedrag, bt, sizeof bt), bedrag_tekst(resterend, rest, sizeof rest));
		return RC_CONFLICT;
	}
	return grootboek_weigeringen(&bk, &res, 1, e);
}

static rc_t corrigeer_tx(struct store *s, void *ctx, struct error *e)
{
	struct meld_ctx *c = ctx;
	struct arena a;
	arena_init(&a, ARENA_DOSSIER_BYTES);
	struct beschikking b;
	struct stand_ctx st;
	struct mijlpaal *m = NULL;
	char nu[KLOK_TEKST_BYTES];
	klok_tekst(klok_nu_us(c->klok), nu, sizeof nu);
	int64_t jaar = klok_jaar(c->klok), boeking_id = 0;
	rc_t rc = mijlpaal_voorbereiden(s, c, &a, &b, &st, &m, e);
	if (rc == RC_OK && !m->betaald) {
		error_add(e, "", "niet_betaald", BRON, "Mijlpaal %s is niet betaald: er is niets te corrigeren.", m->id);
		rc = RC_CONFLICT;
	}
	int64_t netto = rc == RC_OK ? m->betaald_cent + m->gecorrigeerd_cent : 0;
	if (rc == RC_OK && c->bedrag < 0 && netto + c->bedrag < 0) {
		error_add(e, "/bedrag_cent", "onder_nul", BRON, "Voor mijlpaal %s is netto %" PRId64 " cent betaald; "
			  "de correctie kan hoogstens dat terugboeken.", m->id, netto);
		rc = RC_CONFLICT;
	}
	if (rc == RC_OK)
		rc = mijlpaal_geld_open(s, &b, jaar, &a, e);
	const char *naam = NULL, *uzovi = NULL;
	if (rc == RC_OK)
		rc = store_organisatie_naam(s, b.coordinerend_verzekeraar_id, &a, &naam, &uzovi, e);
	if (rc == RC_OK && !uzovi)
		rc = error_set(e, RC_INTERNAL, "De coördinerende verzekeraar heeft geen UZOVI-code.");
	int64_t volgnummer = rc == RC_OK ? (int64_t)m->correctie_n + 1 : 0;
	if (rc == RC_OK)
		rc = correctie_boeking(s, &b, m, c->bedrag, volgnummer, uzovi, st.resterend, &boeking_id, e);
	struct store_correctie sc = {b.id, c->mijlpaal, volgnummer, c->bedrag, jaar, b.coordinerend_verzekeraar_id,
				     boeking_id, c->reden, nu, c->actor};
	if (rc == RC_OK)
		rc = store_correctie_insert(s, &sc, e);
	if (rc == RC_OK) {
		char object[96], detail[200];
		snprintf(object, sizeof object, "beschikking/%" PRId64 "/mijlpaal/%s", b.id, c->mijlpaal);
		snprintf(detail, sizeof detail, "{\"volgnummer\":%" PRId64 ",\"bedrag_cent\":%" PRId64 ",\"jaar\":%"
			 PRId64 ",\"boeking\":%" PRId64 "}", volgnummer, c->bedrag, jaar, boeking_id);
		struct audit_entry ae = {c->actor, "mijlpaal.corrigeer", object, "gelukt", detail};
		rc = audit_append(s, &ae, e);
	}
	/* the milestone afterwards, in the caller's arena */
	struct stand_ctx na = {.arena = c->arena, .b = &b};
	if (rc == RC_OK)
		rc = mijlpaal_stand_tx(s, &na, e);
	for (size_t i = 0; rc == RC_OK && i < na.n; i++)
		if (na.lijst[i].id && strcmp(na.lijst[i].id, c->mijlpaal) == 0)
			*c->out = na.lijst[i];
	arena_release(&a);
	return rc;
}

rc_t mijlpaal_corrigeer(struct store *s, const struct principal *who, const struct klok *klok,
			int64_t beschikking_id, const char *mijlpaal, int64_t bedrag_cent, const char *reden,
			struct arena *arena, struct mijlpaal *out, struct error *e)
{
	struct meld_ctx c = {.who = who, .klok = klok, .beschikking_id = beschikking_id, .mijlpaal = mijlpaal,
			     .betalen = true, .bedrag = bedrag_cent, .reden = reden, .arena = arena, .out = out,
			     .tx = corrigeer_tx, .actor = who && who->actor ? who->actor : "systeem"};
	memset(out, 0, sizeof *out);
	return mijlpaal_uitvoeren(s, &c, "mijlpaal.corrigeer", e);
}
