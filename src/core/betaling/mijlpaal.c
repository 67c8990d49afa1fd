/*
 * mijlpaal.c -- milestones reported and paid. See mijlpaal.h and
 * docs/beschikking.md §4.
 */
#include "core/basis/bedrag.h"
#include "core/bijlage/bijlage.h"
#include "core/betaling/mijlpaal.h"
#include "core/betaling/mijlpaal_intern.h"

#include <inttypes.h>
#include <stdio.h>
#include <string.h>

#include "store/store_aanvragen.h"
#include "store/store_beschikking.h"
#include "store/store_grootboek.h"
#include "store/store_verantwoording.h"
#include "core/basis/audit.h"
#include "core/beschikking/beschikking.h"
#include "core/catalogus/catalogus.h"
#include "core/geld/grootboek.h"
#include "core/basis/json.h"
#include "core/basis/tekst.h"

bool mijlpaal_id_geldig(const char *id)
{
	size_t n = id ? strlen(id) : 0;
	if (n == 0 || n > MIJLPAAL_ID_MAX)
		return false;
	for (size_t i = 0; i < n; i++) {
		char ch = id[i];
		if (!((ch >= 'a' && ch <= 'z') || (ch >= '0' && ch <= '9') || ch == '_' || ch == '-'))
			return false;
	}
	return true;
}

rc_t mijlpaal_lees_melding(json_t *body, const char **bewijs, const char **kenmerk,
			   struct error *e)
{
	static const char *const velden[] = {"bewijs", "kenmerk", NULL};
	json_reject_unknown(body, velden, "", e);
	*kenmerk = NULL;
	if (json_get_string(body, "bewijs", true, "", bewijs, e)) {
		size_t n = strlen(*bewijs);
		if (!tekst_aanwezig(*bewijs))
			error_add(e, "/bewijs", "bewijs_ontbreekt", "[001 §2]",
				  "Een mijlpaal wordt gemeld met het bewijs dat hij is bereikt.");
		else if (n > MIJLPAAL_BEWIJS_MAX)
			error_add(e, "/bewijs", "te_lang", NULL, "Het bewijs is ten hoogste %d bytes.",
				  MIJLPAAL_BEWIJS_MAX);
	}
	json_t *k = json_object_get(body, "kenmerk");
	if (k && !json_is_null(k) && json_get_string(body, "kenmerk", false, "", kenmerk, e) &&
	    strlen(*kenmerk) > MIJLPAAL_KENMERK_MAX)
		error_add(e, "/kenmerk", "te_lang", NULL, "Het kenmerk is ten hoogste %d tekens.",
			  MIJLPAAL_KENMERK_MAX);
	return e->item_count || e->items_dropped ? RC_INVALID : RC_OK;
}

rc_t mijlpaal_lees_betaling(json_t *body, bool *gegeven, int64_t *bedrag_cent, struct error *e)
{
	static const char *const velden[] = {"bedrag_cent", NULL};
	json_reject_unknown(body, velden, "", e);
	*gegeven = false;
	json_t *b = json_object_get(body, "bedrag_cent");
	if (b && !json_is_null(b)) {
		*gegeven = json_get_int(body, "bedrag_cent", true, "", bedrag_cent, e);
		if (*gegeven && *bedrag_cent <= 0)
			error_add(e, "/bedrag_cent", "bedrag_niet_positief", NULL,
				  "Het tarief van een mijlpaal is groter dan nul.");
	}
	return e->item_count || e->items_dropped ? RC_INVALID : RC_OK;
}

/* ---- the milestones of a beschikking ------------------------------------------- */

/* Reads the planned milestones, the reports and the payments, and what
 * is left of the upper bound; inside a transaction. */
rc_t mijlpaal_stand_tx(struct store *s, void *ctx, struct error *e)
{
	struct stand_ctx *c = ctx;
	json_t *l = c->b->mijlpalen ? json_loads(c->b->mijlpalen, 0, NULL) : NULL;
	size_t n = json_array_size(l);
	c->lijst = arena_alloc(c->arena, (n + 1) * sizeof *c->lijst);
	if (!c->lijst) {
		json_decref(l);
		return error_set(e, RC_NOMEM, "Onvoldoende geheugen.");
	}
	for (size_t i = 0; i < n; i++) {
		json_t *m = json_array_get(l, i);
		const char *sd = json_string_value(json_object_get(m, "streefdatum"));
		c->lijst[i] = (struct mijlpaal){
			.id = arena_strdup(c->arena, json_string_value(json_object_get(m, "id"))),
			.streefdatum = sd ? arena_strdup(c->arena, sd) : NULL,
			.gepland_cent = json_integer_value(json_object_get(m, "bedrag_cent")),
		};
	}
	json_decref(l);
	c->n = n;
	struct store_rows r;
	rc_t rc = store_meldingen(s, c->b->id, c->arena, &r, e);
	for (size_t k = 0; rc == RC_OK && k < r.nrows; k++)
		for (size_t i = 0; i < n; i++)
			if (c->lijst[i].id && strcmp(c->lijst[i].id, store_text(&r, k, SM_MIJLPAAL)) == 0) {
				c->lijst[i].gemeld = true;
				c->lijst[i].bewijs = store_text(&r, k, SM_BEWIJS);
				c->lijst[i].kenmerk = store_text(&r, k, SM_KENMERK);
				c->lijst[i].gemeld_op = store_text(&r, k, SM_OP);
				c->lijst[i].gemeld_door = store_text(&r, k, SM_DOOR);
			}
	if (rc == RC_OK)
		rc = store_betalingen(s, c->b->id, c->arena, &r, e);
	for (size_t k = 0; rc == RC_OK && k < r.nrows; k++)
		for (size_t i = 0; i < n; i++)
			if (c->lijst[i].id && strcmp(c->lijst[i].id, store_text(&r, k, SBT_MIJLPAAL)) == 0) {
				c->lijst[i].betaald = true;
				c->lijst[i].betaald_cent = store_int(&r, k, SBT_BEDRAG, 0);
				c->lijst[i].jaar = store_int(&r, k, SBT_JAAR, 0);
				c->lijst[i].boeking_id = store_int(&r, k, SBT_BOEKING, 0);
				c->lijst[i].betaald_op = store_text(&r, k, SBT_OP);
				c->lijst[i].betaald_door = store_text(&r, k, SBT_DOOR);
			}
	if (rc == RC_OK)
		rc = store_correcties(s, c->b->id, c->arena, &r, e);
	for (size_t i = 0; rc == RC_OK && i < n; i++) {
		struct mijlpaal *m = &c->lijst[i];
		for (size_t k = 0; k < r.nrows; k++)
			m->correctie_n += m->id && strcmp(m->id, store_text(&r, k, SCO_MIJLPAAL)) == 0;
		m->correcties = m->correctie_n ? arena_alloc(c->arena, m->correctie_n * sizeof *m->correcties) : NULL;
		if (m->correctie_n && !m->correcties)
			return error_set(e, RC_NOMEM, "Onvoldoende geheugen.");
		size_t j = 0;
		for (size_t k = 0; k < r.nrows; k++)
			if (m->id && strcmp(m->id, store_text(&r, k, SCO_MIJLPAAL)) == 0) {
				m->correcties[j++] = (struct mijlpaal_correctie){
					.volgnummer = store_int(&r, k, SCO_VOLGNUMMER, 0),
					.bedrag_cent = store_int(&r, k, SCO_BEDRAG, 0),
					.jaar = store_int(&r, k, SCO_JAAR, 0),
					.boeking_id = store_int(&r, k, SCO_BOEKING, 0),
					.reden = store_text(&r, k, SCO_REDEN), .op = store_text(&r, k, SCO_OP),
					.door = store_text(&r, k, SCO_DOOR)};
				m->gecorrigeerd_cent += store_int(&r, k, SCO_BEDRAG, 0);
			}
	}
	char code[GROOTBOEK_CODE_MAX + 1];
	snprintf(code, sizeof code, "project/%" PRId64, c->b->aanvraag_id);
	c->resterend = 0;
	if (rc == RC_OK)
		rc = store_gb_rekening_by_code(s, code, c->arena, &r, e);
	if (rc == RC_OK && r.nrows == 1)
		c->resterend = store_int(&r, 0, SGR_CREDIT_GEBOEKT, 0) - store_int(&r, 0, SGR_DEBET_GEBOEKT, 0) -
			       store_int(&r, 0, SGR_DEBET_GERESERVEERD, 0);
	return rc;
}

rc_t mijlpaal_lijst(struct store *s, struct arena *arena, const struct principal *who,
		    int64_t beschikking_id, struct mijlpaal **out, size_t *n,
		    int64_t *bovengrens_cent, int64_t *resterend_cent, struct error *e)
{
	struct beschikking b;
	rc_t rc = beschikking_open(s, arena, who, beschikking_id, &b, e);
	if (rc != RC_OK)
		return rc;
	struct stand_ctx c = {.arena = arena, .b = &b};
	rc = store_tx(s, STORE_READ, mijlpaal_stand_tx, &c, e);
	if (rc != RC_OK)
		return rc;
	*out = c.lijst;
	*n = c.n;
	*bovengrens_cent = b.bovengrens_cent;
	*resterend_cent = strcmp(b.besluit, "verleend") == 0 ? c.resterend : 0;
	return RC_OK;
}

json_t *mijlpaal_json(const struct mijlpaal *m)
{
	json_t *j = json_pack("{s:s, s:s?, s:I, s:b, s:b}", "id", m->id ? m->id : "",
			      "streefdatum", m->streefdatum, "gepland_cent", (json_int_t)m->gepland_cent,
			      "gemeld", m->gemeld, "betaald", m->betaald);
	if (!j)
		return NULL;
	json_object_set_new(j, "melding", m->gemeld ? json_pack("{s:s, s:s?, s:s, s:s}", "bewijs", m->bewijs,
			    "kenmerk", m->kenmerk, "gemeld_op", m->gemeld_op, "gemeld_door", m->gemeld_door)
			    : json_null());
	json_object_set_new(j, "betaling", m->betaald ? json_pack("{s:I, s:I, s:I, s:s, s:s}",
			    "bedrag_cent", (json_int_t)m->betaald_cent, "jaar", (json_int_t)m->jaar,
			    "boeking_id", (json_int_t)m->boeking_id, "betaald_op", m->betaald_op,
			    "betaald_door", m->betaald_door) : json_null());
	json_t *l = json_array();
	for (size_t i = 0; l && i < m->correctie_n; i++) {
		const struct mijlpaal_correctie *k = &m->correcties[i];
		json_array_append_new(l, json_pack("{s:I, s:I, s:I, s:I, s:s, s:s, s:s}", "volgnummer",
				      (json_int_t)k->volgnummer, "bedrag_cent", (json_int_t)k->bedrag_cent, "jaar",
				      (json_int_t)k->jaar, "boeking_id", (json_int_t)k->boeking_id, "reden", k->reden,
				      "gecorrigeerd_op", k->op, "gecorrigeerd_door", k->door));
	}
	json_object_set_new(j, "correcties", l ? l : json_array());
	json_object_set_new(j, "netto_betaald_cent", json_integer(m->betaald ? m->betaald_cent + m->gecorrigeerd_cent : 0));
	return j;
}

/* ---- reporting and paying ------------------------------------------------------- */

/* The beschikking and the milestone, with the access rule for the
 * action: the lead reports, the coordinating insurer pays. */
rc_t mijlpaal_voorbereiden(struct store *s, struct meld_ctx *c, struct arena *a, struct beschikking *b,
			 struct stand_ctx *st, struct mijlpaal **m, struct error *e)
{
	rc_t rc = store_aanvragen_schrijfslot(s, e);
	if (rc == RC_OK)
		rc = beschikking_lees_tx(s, a, c->beschikking_id, b, e);
	bool partij = false;
	if (rc == RC_OK)
		rc = beschikking_partij_tx(s, c->who, b, &partij, e);
	if (rc != RC_OK)   /* a missing one is no refusal: nothing to record */
		return rc;
	int64_t org = c->who->organisatie_id;
	bool mag = c->betalen ? ((c->who->roles & ROL_BEOORDELAAR) && org == b->coordinerend_verzekeraar_id)
			      : ((c->who->roles & ROL_AANVRAGER) && org == b->penvoerder_id);
	if (!partij || !mag) {
		c->weiger = partij ? RC_FORBIDDEN : RC_NOT_FOUND;
		return c->weiger;
	}
	*st = (struct stand_ctx){.arena = a, .b = b};
	rc = mijlpaal_stand_tx(s, st, e);
	*m = NULL;
	for (size_t i = 0; rc == RC_OK && i < st->n; i++)
		if (st->lijst[i].id && strcmp(st->lijst[i].id, c->mijlpaal) == 0)
			*m = &st->lijst[i];
	if (rc == RC_OK && !*m)
		return error_set(e, RC_NOT_FOUND, "Deze beschikking heeft geen mijlpaal %s.", c->mijlpaal);
	if (rc == RC_OK && strcmp(b->besluit, "verleend") != 0) {
		error_add(e, "", "niet_verleend", "[001 §2, §7]", "Deze beschikking is een afwijzing: er is niets te "
			  "melden of te betalen.");
		return RC_CONFLICT;
	}
	return rc;
}

static rc_t meld_tx(struct store *s, void *ctx, struct error *e)
{
	struct meld_ctx *c = ctx;
	struct arena a;
	arena_init(&a, ARENA_DOSSIER_BYTES);
	struct beschikking b;
	struct stand_ctx st;
	struct mijlpaal *m = NULL;
	rc_t rc = mijlpaal_voorbereiden(s, c, &a, &b, &st, &m, e);
	if (rc == RC_OK && m->gemeld) {
		error_add(e, "", "al_gemeld", "[001 §2, §7]", "Mijlpaal %s is al gemeld op %s.", m->id, m->gemeld_op);
		rc = RC_CONFLICT;
	}
	char nu[KLOK_TEKST_BYTES];
	klok_tekst(klok_nu_us(c->klok), nu, sizeof nu);
	if (rc == RC_OK)
		rc = store_melding_insert(s, b.id, c->mijlpaal, c->bewijs, c->kenmerk, nu, c->actor, e);
	if (rc == RC_OK) {
		char object[96];
		snprintf(object, sizeof object, "beschikking/%" PRId64 "/mijlpaal/%s", b.id, c->mijlpaal);
		struct audit_entry ae = {c->actor, "mijlpaal.meld", object, "gelukt", NULL};
		rc = audit_append(s, &ae, e);
	}
	arena_release(&a);
	return rc;
}

/* The lead adds a file of evidence to a milestone not paid yet. */
static rc_t bijlage_tx(struct store *s, void *ctx, struct error *e)
{
	struct meld_ctx *c = ctx;
	struct arena a;
	arena_init(&a, ARENA_DOSSIER_BYTES);
	struct beschikking b;
	struct stand_ctx st;
	struct mijlpaal *m = NULL;
	rc_t rc = mijlpaal_voorbereiden(s, c, &a, &b, &st, &m, e);
	if (rc == RC_OK && m->betaald) {
		error_add(e, "", "al_betaald", "[001 §2]", "Mijlpaal %s is al betaald op %s; het bewijs ligt vast.",
			  m->id, m->betaald_op);
		rc = RC_CONFLICT;
	}
	char nu[KLOK_TEKST_BYTES], object[BIJLAGE_OBJECT_MAX + 1];
	klok_tekst(klok_nu_us(c->klok), nu, sizeof nu);
	snprintf(object, sizeof object, "mijlpaal/%" PRId64 "/%s", c->beschikking_id, c->mijlpaal);
	const char *obj = arena_strdup(c->arena, object), *tijd = arena_strdup(c->arena, nu);
	if (rc == RC_OK && (!obj || !tijd))
		rc = error_set(e, RC_NOMEM, "Onvoldoende geheugen.");
	if (rc == RC_OK)
		rc = bijlage_voeg_toe_tx(s, c->who, obj, c->naam, c->data, c->len, tijd, c->arena,
					 c->bijlage_uit, e);
	arena_release(&a);
	return rc;
}

/* Books the payment; turns the ledger's refusal into the domain's words. */
static rc_t betaal_boeking(struct store *s, const struct beschikking *b,
			   const struct mijlpaal *m, int64_t bedrag, const char *uzovi,
			   int64_t resterend, int64_t *boeking_id, struct error *e)
{
	char project[GROOTBOEK_CODE_MAX + 1], verzekeraar[GROOTBOEK_CODE_MAX + 1];
	char sleutel[GROOTBOEK_SLEUTEL_MAX + 1], omschrijving[160];
	snprintf(project, sizeof project, "project/%" PRId64, b->aanvraag_id);
	snprintf(verzekeraar, sizeof verzekeraar, "verzekeraar/%s/betaald", uzovi);
	snprintf(sleutel, sizeof sleutel, "mijlpaal/%" PRId64 "/%s/betaling", b->aanvraag_id, m->id);
	snprintf(omschrijving, sizeof omschrijving, "Mijlpaal %s van beschikking %s", m->id, b->kenmerk);
	struct rekening_def def = {verzekeraar, "Door de zorgverzekeraar betaald per mijlpaal",
				   REKENING_VERZEKERAAR, 0};
	int64_t id;
	rc_t rc = grootboek_rekening_open(s, &def, &id, e);
	if (rc == RC_CONFLICT) {
		error_clear(e);
		rc = RC_OK;
	}
	struct boeking bk = {.sleutel = sleutel, .soort = BOEKING_DIRECT, .debet = project,
			     .credit = verzekeraar, .bedrag_cent = bedrag, .code = "mijlpaal.betaling",
			     .omschrijving = omschrijving};
	struct boeking_resultaat res;
	if (rc == RC_OK)
		rc = grootboek_boek(s, &bk, 1, &res, e);
	if (rc != RC_OK)
		return rc;
	if (res.uitkomst == GROOTBOEK_OK) {
		*boeking_id = res.boeking_id;
		return RC_OK;
	}
	/* An amount so large that the project's total would not fit in an int64
	 * is above what is left of the upper bound too: say so, in the domain's
	 * words, not as the ledger's overflow [001 §2]. */
	if (res.uitkomst == GROOTBOEK_ONVOLDOENDE_SALDO ||
	    (res.uitkomst == GROOTBOEK_OVERLOOP && bedrag > resterend)) {
		char bt[BEDRAG_TEKST_BYTES], rest[BEDRAG_TEKST_BYTES];
		error_add(e, "/bedrag_cent", "boven_bovengrens", "[001 §2], [001 §7]",
			  "De betaling (%s) is hoger dan wat van de bovengrens over is (%s).",
			  bedrag_tekst(bedrag, bt, sizeof bt), bedrag_tekst(resterend, rest, sizeof rest));
		return RC_CONFLICT;
	}
	if (res.uitkomst == GROOTBOEK_BESTAAT || res.uitkomst == GROOTBOEK_BESTAAT_MET_ANDERE_VELDEN) {
		error_add(e, "", "al_betaald", "[001 §2]", "Mijlpaal %s is al betaald.", m->id);
		return RC_CONFLICT;
	}
	return grootboek_weigeringen(&bk, &res, 1, e);
}

static rc_t betaal_tx(struct store *s, void *ctx, struct error *e)
{
	struct meld_ctx *c = ctx;
	struct arena a;
	arena_init(&a, ARENA_DOSSIER_BYTES);
	struct beschikking b;
	struct stand_ctx st;
	struct mijlpaal *m = NULL;
	rc_t rc = mijlpaal_voorbereiden(s, c, &a, &b, &st, &m, e);
	if (rc == RC_OK && m->betaald) {
		error_add(e, "", "al_betaald", "[001 §2]", "Mijlpaal %s is al betaald op %s.", m->id,
			  m->betaald_op);
		rc = RC_CONFLICT;
	}
	if (rc == RC_OK && !m->gemeld) {
		error_add(e, "", "niet_gemeld", "[001 §2]",
			  "Mijlpaal %s is niet als bereikt gemeld; de verzekeraar betaalt per bereikte mijlpaal.",
			  m->id);
		rc = RC_CONFLICT;
	}
	int64_t nu_us = klok_nu_us(c->klok);
	char nu[KLOK_TEKST_BYTES];
	klok_tekst(nu_us, nu, sizeof nu);
	int64_t jaar = klok_jaar(c->klok);
	if (rc == RC_OK)
		rc = mijlpaal_geld_open(s, &b, jaar, &a, e);
	const char *naam = NULL, *uzovi = NULL;
	if (rc == RC_OK)
		rc = store_organisatie_naam(s, b.coordinerend_verzekeraar_id, &a, &naam, &uzovi, e);
	if (rc == RC_OK && !uzovi)
		rc = error_set(e, RC_INTERNAL, "De coördinerende verzekeraar heeft geen UZOVI-code.");
	int64_t bedrag = c->gegeven || !m ? c->bedrag : m->gepland_cent, boeking_id = 0;
	if (rc == RC_OK && bedrag <= 0) {
		error_add(e, "/bedrag_cent", "bedrag_niet_positief", NULL,
			  "Het geplande bedrag is nul; geef het tarief op.");
		rc = RC_INVALID;
	}
	if (rc == RC_OK)
		rc = betaal_boeking(s, &b, m, bedrag, uzovi, st.resterend, &boeking_id, e);
	if (rc == RC_OK)
		rc = store_betaling_insert(s, b.id, m->id, bedrag, jaar, b.coordinerend_verzekeraar_id,
					   boeking_id, nu, c->actor, e);
	if (rc == RC_OK) {
		char object[96], detail[160];
		snprintf(object, sizeof object, "beschikking/%" PRId64 "/mijlpaal/%s", b.id, c->mijlpaal);
		snprintf(detail, sizeof detail, "{\"bedrag_cent\":%" PRId64 ",\"jaar\":%" PRId64
			 ",\"boeking\":%" PRId64 "}", bedrag, jaar, boeking_id);
		struct audit_entry ae = {c->actor, "mijlpaal.betaal", object, "gelukt", detail};
		rc = audit_append(s, &ae, e);
	}
	if (rc == RC_OK) {
		*c->out = *m;
		c->out->id = arena_strdup(c->arena, m->id);
		c->out->streefdatum = m->streefdatum ? arena_strdup(c->arena, m->streefdatum) : NULL;
		c->out->bewijs = arena_strdup(c->arena, m->bewijs);
		c->out->kenmerk = m->kenmerk ? arena_strdup(c->arena, m->kenmerk) : NULL;
		c->out->gemeld_op = arena_strdup(c->arena, m->gemeld_op);
		c->out->gemeld_door = arena_strdup(c->arena, m->gemeld_door);
		c->out->betaald = true;
		c->out->betaald_cent = bedrag;
		c->out->jaar = jaar;
		c->out->boeking_id = boeking_id;
		c->out->betaald_op = arena_strdup(c->arena, nu);
		c->out->betaald_door = arena_strdup(c->arena, c->actor);
		c->out->correcties = NULL;   /* none: a milestone is corrected after its payment */
		c->out->correctie_n = 0;
	}
	arena_release(&a);
	return rc;
}

rc_t mijlpaal_geld_open(struct store *s, const struct beschikking *b, int64_t jaar, struct arena *a,
			struct error *e)
{
	int64_t getoetst = 0, van = 0, tot = 0;
	struct store_rows js;
	rc_t rc = store_getoetste_jaren(s, b->id, &getoetst, e);
	if (rc == RC_OK && b->jaar_aantal > 0 && getoetst >= (int64_t)b->jaar_aantal) {
		error_add(e, "", "project_afgerond", "[001 §5]", "Elk jaar van het project is verantwoord en getoetst; "
			  "wat betaald en teruggevorderd is, staat vast.");
		return RC_CONFLICT;
	}
	if (rc == RC_OK)
		rc = catalogus_zvw_periode_tx(s, a, &van, &tot, e);
	if (rc == RC_OK && jaar < van) {
		error_add(e, "", "buiten_fondsjaren", "[003 §8b], [002 §1]", "De doorbraakmiddelen zijn er voor de jaren "
			  "%" PRId64 " tot en met %" PRId64 "; in %" PRId64 " kan geen betaling of correctie geboekt worden. "
			  "Dat kan vanaf 1 januari %" PRId64 ".", van, tot, jaar, van);
		return RC_CONFLICT;
	}
	if (rc == RC_OK && jaar > tot) {
		error_add(e, "", "buiten_fondsjaren", "[003 §8b], [002 §1]", "De doorbraakmiddelen zijn er voor de jaren "
			  "%" PRId64 " tot en met %" PRId64 "; in %" PRId64 " kan geen betaling of correctie meer geboekt "
			  "worden. Wat te veel betaald is, loopt via de verantwoording en de terugvordering [001 §5].",
			  van, tot, jaar);
		return RC_CONFLICT;
	}
	if (rc == RC_OK)
		rc = store_jaarstaat_lijst(s, b->coordinerend_verzekeraar_id, jaar, a, &js, e);
	if (rc == RC_OK && js.nrows > 0) {
		error_add(e, "", "jaarstaat_ingediend", "[001 §5]", "De jaarstaat over %" PRId64 " is al ingediend op "
			  "%s; een betaling of correctie in dat jaar zou buiten de staat vallen.", jaar,
			  store_text(&js, 0, SJS_OP));
		return RC_CONFLICT;
	}
	return rc;
}

rc_t mijlpaal_uitvoeren(struct store *s, struct meld_ctx *c, const char *actie, struct error *e)
{
	char object[96];
	snprintf(object, sizeof object, "beschikking/%" PRId64 "/mijlpaal/%s", c->beschikking_id,
		 mijlpaal_id_geldig(c->mijlpaal) ? c->mijlpaal : "?");
	if (!mijlpaal_id_geldig(c->mijlpaal))
		return error_set(e, RC_NOT_FOUND, "Deze mijlpaal bestaat niet.");
	rc_t rc = store_aanvragen_tx(s, c->tx ? c->tx : c->bijlage ? bijlage_tx : c->betalen ? betaal_tx : meld_tx, c, e);
	if (rc != RC_OK && c->weiger != RC_OK) {
		error_clear(e);
		return toegang_weiger(s, c->who, c->weiger, object, c->weiger == RC_FORBIDDEN
				      ? (c->betalen ? "alleen de coordinerend verzekeraar betaalt en corrigeert"
						    : "alleen de penvoerder meldt en levert bewijs")
				      : "geen partij bij de beschikking", e);
	}
	if (rc == RC_CONFLICT || rc == RC_INVALID) {
		e->rc = rc;
		toegang_weigering_vastleggen(s, c->actor, actie, object, e);
	}
	return rc;
}

rc_t mijlpaal_meld(struct store *s, const struct principal *who, const struct klok *klok,
		   int64_t beschikking_id, const char *mijlpaal, const char *bewijs,
		   const char *kenmerk, struct error *e)
{
	struct meld_ctx c = {.who = who, .klok = klok, .beschikking_id = beschikking_id,
			     .mijlpaal = mijlpaal, .bewijs = bewijs, .kenmerk = kenmerk,
			     .actor = who && who->actor ? who->actor : "systeem"};
	return mijlpaal_uitvoeren(s, &c, "mijlpaal.meld", e);
}

rc_t mijlpaal_bijlage_voeg_toe(struct store *s, const struct principal *who, const struct klok *klok,
			       int64_t beschikking_id, const char *mijlpaal, const char *naam,
			       const void *data, size_t len, struct arena *arena, struct bijlage *out,
			       struct error *e)
{
	struct meld_ctx c = {.who = who, .klok = klok, .beschikking_id = beschikking_id,
			     .mijlpaal = mijlpaal, .bijlage = true, .naam = naam, .data = data, .len = len,
			     .arena = arena, .bijlage_uit = out,
			     .actor = who && who->actor ? who->actor : "systeem"};
	/* the file is checked before any transaction: a wrong type or size is
	 * the caller's problem, not a refusal of access */
	const struct bijlage_type *type = NULL;
	rc_t rc = bijlage_type_bepaal(data, len, &type, e);
	return rc != RC_OK ? rc : mijlpaal_uitvoeren(s, &c, "mijlpaal.bijlage", e);
}

struct bijlagen_ctx {
	struct arena *arena;
	const char *object;
	struct bijlage *lijst;
	size_t n;
};

static rc_t bijlagen_tx(struct store *s, void *ctx, struct error *e)
{
	struct bijlagen_ctx *c = ctx;
	return bijlage_lijst_tx(s, c->arena, c->object, &c->lijst, &c->n, e);
}

rc_t mijlpaal_bijlagen(struct store *s, struct arena *arena, const struct principal *who,
		       int64_t beschikking_id, const char *mijlpaal, struct bijlage **out, size_t *n,
		       struct error *e)
{
	struct beschikking b;
	rc_t rc = beschikking_open(s, arena, who, beschikking_id, &b, e);
	if (rc != RC_OK)
		return rc;
	if (!mijlpaal_id_geldig(mijlpaal))
		return error_set(e, RC_NOT_FOUND, "Deze mijlpaal bestaat niet.");
	char object[BIJLAGE_OBJECT_MAX + 1];
	snprintf(object, sizeof object, "mijlpaal/%" PRId64 "/%s", beschikking_id, mijlpaal);
	struct bijlagen_ctx c = {.arena = arena, .object = object};
	rc = store_tx(s, STORE_READ, bijlagen_tx, &c, e);
	if (rc == RC_OK) {
		*out = c.lijst;
		*n = c.n;
	}
	return rc;
}

rc_t mijlpaal_betaal(struct store *s, const struct principal *who, const struct klok *klok,
		     int64_t beschikking_id, const char *mijlpaal, bool gegeven, int64_t bedrag_cent,
		     struct arena *arena, struct mijlpaal *out, struct error *e)
{
	struct meld_ctx c = {.who = who, .klok = klok, .beschikking_id = beschikking_id,
			     .mijlpaal = mijlpaal, .betalen = true, .gegeven = gegeven,
			     .bedrag = bedrag_cent, .arena = arena, .out = out,
			     .actor = who && who->actor ? who->actor : "systeem"};
	return mijlpaal_uitvoeren(s, &c, "mijlpaal.betaal", e);
}
