/*
 * werkagenda.c -- a region's work agenda: drafting against the regioscan
 * (pas toe of leg uit), signing by every municipality, the joint
 * assessment by VNG and ZN. See sociaal.h.
 */
#include "core/sociaal/sociaal_intern.h"

#include <inttypes.h>
#include <stdlib.h>
#include <stdio.h>
#include <string.h>

#include "core/basis/bedrag.h"
#include "core/basis/json.h"
#include "core/basis/tekst.h"
#include "core/beoordeling/beoordeling.h"
#include "core/bijlage/bijlage.h"
#include "core/toegang/identificatie.h"
#include "core/toegang/rol.h"
#include "store/store_partijen.h"
#include "store/store_sociaal.h"

#define BRON_AGENDA "[001 \"Transformeren op het snijvlak\"]"
#define BRON_MANDAAT "[001 \"Transformeren op het snijvlak\"], [003 D5]"
#define BRON_TEKEN "[001 \"Transformeren op het snijvlak\"] (collegebesluit)"
#define BRON_BEOORDEEL "[003 D5]"

/* ---- pas toe of leg uit ---- */

void werkagenda_afwijkingen(json_t *agenda, json_t *scan, struct afwijking_lijst *out)
{
	memset(out, 0, sizeof *out);
	size_t i, k;
	json_t *b, *sb;
	json_array_foreach(json_object_get(agenda, "basisfunctionaliteiten"), i, b) {
		const char *id = json_string_value(json_object_get(b, "id"));
		json_array_foreach(json_object_get(scan, "basisfunctionaliteiten"), k, sb) {
			const char *sid = json_string_value(json_object_get(sb, "id"));
			if (!id || !sid || strcmp(id, sid) != 0)
				continue;
			bool advies = strcmp(json_string_value(json_object_get(sb, "advies")) ?: "", "versnellen") == 0;
			bool versnelt = json_is_true(json_object_get(b, "versnellen"));
			if (advies == versnelt)
				break;
			if (out->aantal >= AFWIJKING_MAX) {
				out->weggelaten++;
				break;
			}
			struct afwijking *w = &out->items[out->aantal++];
			w->soort = AFWIJKING_REGIOSCAN_ADVIES;
			w->bron = BRON_AGENDA;
			snprintf(w->element, sizeof w->element, "regioscan.advies[%s]", id);
			snprintf(w->veld, sizeof w->veld, "/basisfunctionaliteiten/%zu/motivering_afwijking", i);
			snprintf(w->norm, sizeof w->norm, "advies regioscan: %s", advies ? "versnellen" : "niet versnellen");
			snprintf(w->waarde, sizeof w->waarde, "werkagenda: %s", versnelt ? "versnellen" : "niet versnellen");
			const char *m = json_string_value(json_object_get(b, "motivering_afwijking"));
			w->toegelicht = m && tekst_aanwezig(m);
			break;
		}
	}
}

static json_t *afwijkingen_json(const struct afwijking_lijst *l)
{
	json_t *lijst = json_array();
	for (size_t i = 0; i < l->aantal; i++) {
		const struct afwijking *w = &l->items[i];
		json_array_append_new(lijst, json_pack("{s:s, s:s, s:s, s:s, s:b, s:s}", "element", w->element, "veld",
			w->veld, "norm", w->norm, "waarde", w->waarde, "gemotiveerd", w->toegelicht, "bron", w->bron));
	}
	return lijst;
}

/* ---- the document ---- */

/* Validates an agenda's content (every problem at once); *begroting the
 * sum of its budget. */
static void agenda_valideer(json_t *doc, const struct sociaal_catalogus *cat, int64_t *begroting, struct error *e)
{
	static const char *const velden[] = {"regio", "basisfunctionaliteiten", "samenwerking", NULL};
	static const char *const bv[] = {"id", "versnellen", "doelen", "arbeidsbesparing_fte_milli", "activiteiten",
					 "begroting", "motivering_afwijking", NULL};
	json_reject_unknown(doc, velden, "", e);
	sociaal_tekst_veld(doc, "samenwerking", "", SOCIAAL_TEKST_MAX, "samenwerking_ontbreekt", "[003 D5]", e);
	*begroting = 0;
	bool gezien[SOCIAAL_BF_MAX] = {false};
	json_t *lijst = NULL;
	json_get_array(doc, "basisfunctionaliteiten", true, "", &lijst, e);
	size_t i, k;
	json_t *b, *j;
	json_array_foreach(lijst, i, b) {
		char w[48], wj[80];
		snprintf(w, sizeof w, "/basisfunctionaliteiten/%zu", i);
		json_reject_unknown(b, bv, w, e);
		int x = sociaal_bf_index(cat, json_string_value(json_object_get(b, "id")));
		if (x < 0)
			error_add(e, w, "basisfunctionaliteit_onbekend", "[002 §4.3]", "Onbekende basisfunctionaliteit.");
		else if (gezien[x])
			error_add(e, w, "basisfunctionaliteit_dubbel", "[002 §4.3]", "%s staat er twee keer in.", cat->bf_naam[x]);
		else
			gezien[x] = true;
		bool versnellen = false;
		json_get_bool(b, "versnellen", true, w, &versnellen, e);
		if (versnellen) {
			sociaal_tekst_veld(b, "doelen", w, SOCIAAL_TEKST_MAX, "doelen_ontbreken", "[003 D5]", e);
			sociaal_tekst_veld(b, "activiteiten", w, SOCIAAL_TEKST_MAX, "activiteiten_ontbreken", BRON_AGENDA, e);
		}
		int64_t fte = 0;
		if (json_get_int(b, "arbeidsbesparing_fte_milli", versnellen, w, &fte, e) && fte < 0)
			error_add(e, w, "arbeidsbesparing_negatief", "[003 D5]", "De arbeidsbesparing is niet negatief.");
		int64_t som = 0, jaren[8];
		size_t nj = 0;
		json_array_foreach(json_object_get(b, "begroting"), k, j) {
			snprintf(wj, sizeof wj, "%s/begroting/%zu", w, k);
			int64_t jaar = 0, bedrag = -1;
			json_get_int(j, "jaar", true, wj, &jaar, e);
			json_get_int(j, "bedrag_cent", true, wj, &bedrag, e);
			if (jaar && (jaar < cat->van_jaar || jaar > cat->tot_jaar))
				error_add(e, wj, "jaar_buiten_periode", "[002 §1], [003 D5]",
					  "Het jaar ligt in de bestedingsperiode %" PRId64 "-%" PRId64 ".", cat->van_jaar, cat->tot_jaar);
			for (size_t q = 0; q < nj; q++)
				if (jaren[q] == jaar)
					error_add(e, wj, "jaar_dubbel", "[003 D5]", "Jaar %" PRId64 " staat er twee keer in.", jaar);
			if (nj < 8)
				jaren[nj++] = jaar;
			if (bedrag < 0)
				error_add(e, wj, "bedrag_ongeldig", "[003 D5]", "Een bedrag is een geheel aantal centen, niet negatief.");
			else if (!bedrag_tel_op(&som, bedrag) || !bedrag_tel_op(begroting, bedrag))
				error_add(e, wj, "bedrag_te_groot", "[003 D5]", "De begroting is te groot.");
		}
		if (versnellen && som == 0)
			error_add(e, w, "begroting_ontbreekt", "[003 D5]",
				  "Een basisfunctionaliteit die versneld wordt, heeft een begroting per jaar.");
		if (!versnellen && som > 0)
			error_add(e, w, "begroting_zonder_versnelling", "[003 D5]",
				  "Alleen een basisfunctionaliteit die versneld wordt, krijgt doorbraakmiddelen.");
	}
	for (size_t q = 0; q < cat->bf_aantal; q++)
		if (!gezien[q])
			error_add(e, "/basisfunctionaliteiten", "basisfunctionaliteit_ontbreekt", "[002 §4.3]",
				  "De werkagenda zegt voor %s of zij versneld wordt.", cat->bf_naam[q]);
}

/* ---- reading ---- */

/* The newest scan of a region: of the latest measurement that exists. */
static rc_t scan_van_regio(struct store *s, const char *regio, struct arena *a, int64_t *id, json_t **doc,
			   struct error *e)
{
	static const char *const volgorde[] = {"2028", "2027", "nulmeting"};
	struct store_rows r;
	*id = 0;
	*doc = NULL;
	for (size_t k = 0; k < 3; k++) {
		rc_t rc = store_regioscan_lijst(s, regio, volgorde[k], true, a, &r, e);
		if (rc != RC_OK)
			return rc;
		if (r.nrows) {
			*id = store_int(&r, 0, 0, 0);
			*doc = json_loads(store_text(&r, 0, 5), 0, NULL);
			return RC_OK;
		}
	}
	return RC_OK;
}

/* Whether who's organisation is a municipality of `regio` (its CBS code in
 * *cbs), or the mandaatgemeente. */
static bool lid_van(struct store *s, const struct principal *who, json_t *regio, struct arena *a, const char **cbs,
		    bool *mandaat)
{
	struct error ne;
	error_clear(&ne);
	*mandaat = false;
	*cbs = NULL;
	if (!regio || sociaal_gemeente_van(s, who, a, cbs, &ne) != RC_OK)
		return false;
	const char *m = json_string_value(json_object_get(regio, "mandaatgemeente"));
	*mandaat = m && strcmp(m, *cbs) == 0;
	size_t i;
	json_t *g;
	json_array_foreach(json_object_get(regio, "gemeenten"), i, g)
		if (strcmp(json_string_value(g), *cbs) == 0)
			return true;
	return false;
}

/* True when who's organisation, whatever its roles, is a municipality of
 * `regio` (an assessor of the VNG from that region has a conflict of
 * interest). */
static bool gemeente_in_regio(struct store *s, const struct principal *who, json_t *regio, struct arena *a)
{
	struct store_rows r;
	struct error ne;
	error_clear(&ne);
	if (!regio || store_organisatie_by_id(s, who->organisatie_id, a, &r, &ne) != RC_OK || r.nrows != 1 ||
	    !store_text(&r, 0, SO_CBS))
		return false;
	size_t i;
	json_t *g;
	json_array_foreach(json_object_get(regio, "gemeenten"), i, g)
		if (strcmp(json_string_value(g), store_text(&r, 0, SO_CBS)) == 0)
			return true;
	return false;
}

/* Who reads agendas of other regions once they are no concept: the
 * assessors, VWS, the programme office, the board, the auditor, every
 * municipality (a signed agenda is a public decision of its colleges). */
static bool leest_alles(const struct principal *who)
{
	return who->roles & (ROL_BEOORDELAAR | ROL_VWS | ROL_PROGRAMMABUREAU | ROL_BESTUUR | ROL_AUDITOR |
			     ROL_GEMEENTE);
}

/* One stored agenda as JSON with its deviations, signatures and
 * assessments. */
static rc_t agenda_json(struct store *s, const struct store_rows *r, size_t i, json_t *indeling, struct arena *a,
			json_t **out, struct error *e)
{
	int64_t id = store_int(r, i, SW_ID, 0);
	json_t *doc = json_loads(store_text(r, i, SW_DOCUMENT), 0, NULL);
	json_t *scan = NULL;
	struct store_rows sr, on, be;
	int64_t scan_id = store_int(r, i, SW_SCAN, 0);
	rc_t rc = RC_OK;
	if (scan_id) {
		rc = store_regioscan_lees(s, scan_id, a, &sr, e);
		if (rc == RC_OK && sr.nrows)
			scan = json_loads(store_text(&sr, 0, 5), 0, NULL);
	}
	if (rc == RC_OK)
		rc = store_ondertekening_lijst(s, id, a, &on, e);
	if (rc == RC_OK)
		rc = store_sociaal_beoordeling_lijst(s, id, a, &be, e);
	if (rc != RC_OK) {
		json_decref(doc);
		json_decref(scan);
		return rc;
	}
	struct afwijking_lijst *l = arena_alloc(a, sizeof *l);
	if (!l) {
		json_decref(doc);
		json_decref(scan);
		return error_set(e, RC_NOMEM, "Geen geheugen.");
	}
	werkagenda_afwijkingen(doc, scan, l);
	json_t *regio = regio_zoek(indeling, store_text(r, i, SW_REGIO));
	json_t *tekenaars = json_array(), *open = json_array(), *oordelen = json_array();
	size_t k;
	json_t *g;
	json_array_foreach(json_object_get(regio, "gemeenten"), k, g) {
		const char *cbs = json_string_value(g);
		bool getekend = false;
		for (size_t q = 0; q < on.nrows; q++)
			if (strcmp(store_text(&on, q, 0), cbs) == 0)
				getekend = true;
		if (!getekend) {
			const struct gemeente *gm = identificatie_gemeente(cbs);
			json_array_append_new(open, json_pack("{s:s, s:s?}", "cbs_code", cbs, "naam", gm ? gm->naam : NULL));
		}
	}
	for (size_t q = 0; q < on.nrows; q++) {
		const struct gemeente *gm = identificatie_gemeente(store_text(&on, q, 0));
		json_t *o = json_pack("{s:s, s:s?, s:s, s:s, s:s, s:s}", "cbs_code", store_text(&on, q, 0), "naam",
			gm ? gm->naam : NULL, "besluitdatum", store_text(&on, q, 2), "kenmerk", store_text(&on, q, 3),
			"ondertekend_op", store_text(&on, q, 5), "ondertekend_door", store_text(&on, q, 6));
		json_zet_id_of_null(o, "bijlage_id", store_int(&on, q, 4, 0));
		json_array_append_new(tekenaars, o);
	}
	struct beoordeling_stand st = {0};
	for (size_t q = 0; q < be.nrows; q++) {
		bool vng = strcmp(store_text(&be, q, 0), "vng") == 0;
		bool pos = strcmp(store_text(&be, q, 3), "positief") == 0;
		if (vng)
			st.coordinerend_gegeven = true, st.coordinerend = pos ? OORDEEL_POSITIEF : OORDEEL_NEGATIEF;
		else
			st.tweede_gegeven = true, st.tweede = pos ? OORDEEL_POSITIEF : OORDEEL_NEGATIEF;
		json_t *bd = json_loads(store_text(&be, q, 4), 0, NULL);
		json_array_append_new(oordelen, json_pack("{s:s, s:s, s:I, s:o?, s:s, s:s}", "partij", store_text(&be, q, 0),
			"oordeel", store_text(&be, q, 3), "kader_versie", (json_int_t)store_int(&be, q, 2, 0), "document", bd,
			"beoordeeld_op", store_text(&be, q, 5), "beoordeeld_door", store_text(&be, q, 6)));
	}
	/* the two-party rule of the Zvw track, with VNG and ZN as the parties [003 D5] */
	enum aanvraag_status bs = beoordeling_status(&st);
	const char *beoordeling = bs == AANVRAAG_POSITIEF ? "positief" : bs == AANVRAAG_NEGATIEF ? "negatief"
				  : bs == AANVRAAG_IN_BEOORDELING ? "in_beoordeling" : "niet_beoordeeld";
	const char *mandaat = json_string_value(json_object_get(regio, "mandaatgemeente"));
	const struct gemeente *mg = identificatie_gemeente(mandaat);
	json_t *o = json_pack("{s:I, s:s, s:s?, s:I, s:s, s:I, s:I, s:{s:s?, s:s?}, s:o, s:I, s:o, s:o, s:o, s:o, s:s,"
			      " s:s, s:s}",
		"id", (json_int_t)id, "regio", store_text(r, i, SW_REGIO), "regio_naam",
		json_string_value(json_object_get(regio, "naam")), "versie", (json_int_t)store_int(r, i, SW_VERSIE, 0),
		"status", store_text(r, i, SW_STATUS), "regioindeling_versie", (json_int_t)store_int(r, i, SW_INDELING, 0),
		"begroting_cent", (json_int_t)store_int(r, i, SW_BEGROTING, 0), "mandaatgemeente", "cbs_code", mandaat,
		"naam", mg ? mg->naam : NULL, "document", doc, "afwijkingen_zonder_motivering",
		(json_int_t)afwijking_zonder_toelichting(l), "afwijkingen", afwijkingen_json(l), "ondertekeningen",
		tekenaars, "nog_te_ondertekenen", open, "beoordelingen", oordelen, "beoordeling", beoordeling,
		"opgesteld_op", store_text(r, i, SW_OPGESTELD_OP), "opgesteld_door", store_text(r, i, SW_OPGESTELD_DOOR));
	json_zet_id_of_null(o, "regioscan_id", scan_id);
	json_zet_tekst_of_null(o, "ingediend_op", store_text(r, i, SW_INGEDIEND_OP));
	json_zet_tekst_of_null(o, "definitief_op", store_text(r, i, SW_DEFINITIEF_OP));
	json_decref(scan);
	*out = o;
	return RC_OK;
}

struct agenda_ctx {
	const struct principal *who;
	const struct klok *klok;
	int64_t id;
	json_t *body;
	const char *regio;
	struct sociaal_catalogus cat;
	struct arena *a;
	json_t *out;
	const void *data;
	size_t len;
	const char *naam;
};

/* Reads agenda `id` with the region set; RC_NOT_FOUND when who may not
 * see it (a concept outside its region, or not a reader at all). */
static rc_t agenda_laad(struct store *s, struct agenda_ctx *c, struct store_rows *r, json_t **indeling,
			json_t **regio, struct error *e)
{
	int64_t iv = 0;
	rc_t rc = store_werkagenda_lees(s, c->id, c->a, r, e);
	if (rc == RC_OK && r->nrows != 1)
		rc = error_set(e, RC_NOT_FOUND, "Deze werkagenda bestaat niet.");
	if (rc == RC_OK)
		rc = sociaal_vaststelling_huidig_tx(s, "regioindeling", c->a, &iv, indeling, e);
	if (rc != RC_OK)
		return rc;
	*regio = regio_zoek(*indeling, store_text(r, 0, SW_REGIO));
	const char *cbs;
	bool mandaat;
	bool lid = lid_van(s, c->who, *regio, c->a, &cbs, &mandaat);
	bool concept = strcmp(store_text(r, 0, SW_STATUS), "concept") == 0;
	if (!lid && (concept || !leest_alles(c->who)))
		return error_set(e, RC_NOT_FOUND, "Deze werkagenda bestaat niet.");
	return RC_OK;
}

static rc_t lees_tx(struct store *s, void *ctx, struct error *e)
{
	struct agenda_ctx *c = ctx;
	struct store_rows r;
	json_t *indeling = NULL, *regio = NULL;
	rc_t rc = agenda_laad(s, c, &r, &indeling, &regio, e);
	if (rc == RC_OK)
		rc = agenda_json(s, &r, 0, indeling, c->a, &c->out, e);
	json_decref(indeling);
	return rc;
}

rc_t werkagenda_lees(struct store *s, const struct principal *who, int64_t id, struct arena *a, json_t **out,
		     struct error *e)
{
	struct agenda_ctx c = {.who = who, .id = id, .a = a};
	rc_t rc = store_tx(s, STORE_READ, lees_tx, &c, e);
	if (rc == RC_OK)
		*out = c.out;
	return rc;
}

static rc_t lijst_tx(struct store *s, void *ctx, struct error *e)
{
	struct agenda_ctx *c = ctx;
	json_t *indeling = NULL;
	int64_t iv = 0;
	struct store_rows r;
	rc_t rc = sociaal_vaststelling_huidig_tx(s, "regioindeling", c->a, &iv, &indeling, e);
	if (rc == RC_OK)
		rc = store_werkagenda_lijst(s, c->regio, c->a, &r, e);
	json_decref(c->out);   /* a retried transaction starts again */
	c->out = json_array();
	for (size_t i = 0; rc == RC_OK && i < r.nrows; i++) {
		json_t *regio = regio_zoek(indeling, store_text(&r, i, SW_REGIO));
		const char *cbs;
		bool mandaat;
		bool lid = lid_van(s, c->who, regio, c->a, &cbs, &mandaat);
		if (!lid && (strcmp(store_text(&r, i, SW_STATUS), "concept") == 0 || !leest_alles(c->who)))
			continue;
		json_t *o = NULL;
		rc = agenda_json(s, &r, i, indeling, c->a, &o, e);
		if (rc == RC_OK) {
			json_object_del(o, "document");
			json_array_append_new(c->out, o);
		}
	}
	json_decref(indeling);
	return rc;
}

rc_t werkagenda_lijst(struct store *s, const struct principal *who, const char *regio, struct arena *a,
		      json_t **out, struct error *e)
{
	struct agenda_ctx c = {.who = who, .regio = regio, .a = a};
	rc_t rc = store_tx(s, STORE_READ, lijst_tx, &c, e);
	if (rc == RC_OK)
		*out = json_pack("{s:o}", "werkagendas", c.out);
	else
		json_decref(c.out);
	return rc;
}

/* ---- writing ---- */

/* Shared by make and change: the region, the mandaatgemeente, the content,
 * the scan; *begroting, *scan_id, *iv filled. */
static rc_t agenda_toets(struct store *s, struct agenda_ctx *c, const char *regio_code, int64_t *begroting,
			 int64_t *scan_id, int64_t *iv, struct error *e)
{
	json_t *indeling = NULL, *scan = NULL;
	rc_t rc = sociaal_vaststelling_huidig_tx(s, "regioindeling", c->a, iv, &indeling, e);
	if (rc != RC_OK)
		return rc;
	json_t *regio = regio_zoek(indeling, regio_code);
	const char *cbs;
	bool mandaat = false;
	if (!regio)
		error_add(e, "/regio", "regio_onbekend", BRON_MANDAAT, "Regio %s bestaat niet in de regio-indeling.",
			  regio_code ? regio_code : "?");
	else if (!lid_van(s, c->who, regio, c->a, &cbs, &mandaat) || !mandaat)
		rc = error_set(e, RC_FORBIDDEN, "Alleen de mandaatgemeente van regio %s stelt de werkagenda op %s.",
			       regio_code, BRON_MANDAAT);
	if (rc == RC_OK) {
		agenda_valideer(c->body, &c->cat, begroting, e);
		if (e->item_count || e->items_dropped)
			rc = RC_INVALID;
	}
	if (rc == RC_OK)
		rc = scan_van_regio(s, regio_code, c->a, scan_id, &scan, e);
	json_decref(scan);
	json_decref(indeling);
	return rc;
}

static rc_t maak_tx(struct store *s, void *ctx, struct error *e)
{
	struct agenda_ctx *c = ctx;
	const char *regio = json_string_value(json_object_get(c->body, "regio"));
	int64_t begroting = 0, scan_id = 0, iv = 0, versie = 1;
	rc_t rc = agenda_toets(s, c, regio, &begroting, &scan_id, &iv, e);
	struct store_rows r;
	if (rc == RC_OK)
		rc = store_werkagenda_lijst(s, regio, c->a, &r, e);
	for (size_t i = 0; rc == RC_OK && i < r.nrows; i++) {
		const char *st = store_text(&r, i, SW_STATUS);
		if (strcmp(st, "concept") == 0 || strcmp(st, "ter_ondertekening") == 0) {
			error_add(e, "/regio", "agenda_open", BRON_AGENDA,
				  "Regio %s heeft al een werkagenda (versie %" PRId64 ") die %s is; werk die bij.", regio,
				  store_int(&r, i, SW_VERSIE, 0), strcmp(st, "concept") == 0 ? "concept" : "ter ondertekening");
			rc = e->rc = RC_CONFLICT;   /* a state, not the input: 409 with the item */
		}
	}
	if (rc == RC_OK && r.nrows)
		versie = store_int(&r, 0, SW_VERSIE, 0) + 1;
	const char *tekst = rc == RC_OK ? sociaal_tekst(c->body, c->a) : NULL;
	if (rc == RC_OK && !tekst)
		rc = error_set(e, RC_NOMEM, "De werkagenda is te groot.");
	char nu[KLOK_TEKST_BYTES];
	klok_nu_tekst(c->klok, nu, sizeof nu);
	if (rc == RC_OK)
		rc = store_werkagenda_voeg_toe(s, regio, versie, iv, scan_id, tekst, begroting, nu, c->who->actor,
					       c->who->organisatie_id, &c->id, e);
	if (rc == RC_OK) {
		char object[48], detail[96];
		snprintf(object, sizeof object, "werkagenda/%" PRId64, c->id);
		snprintf(detail, sizeof detail, "{\"regio\":\"%s\",\"versie\":%" PRId64 "}", regio, versie);
		rc = sociaal_audit(s, c->who, "werkagenda.maak", object, detail, e);
	}
	return rc == RC_OK ? lees_tx(s, c, e) : rc;
}

/* Runs the write `fn` on agenda `id` (0: a new one) in one transaction
 * and hands back its answer. `wat` names the body a step needs ("de
 * werkagenda"; NULL: none); `catalogus`: the catalogue's functions are
 * read first (for the content's rules). */
static rc_t agenda_stap(struct store *s, const struct principal *who, const struct klok *klok, int64_t id,
			json_t *body, const char *wat, bool catalogus, store_tx_fn fn, struct arena *a, json_t **out,
			struct error *e)
{
	if (wat && !json_is_object(body))
		return error_set(e, RC_INVALID, "Stuur %s als JSON-object.", wat);
	struct agenda_ctx *c = arena_alloc(a, sizeof *c);
	if (!c)
		return error_set(e, RC_NOMEM, "Geen geheugen.");
	*c = (struct agenda_ctx){.who = who, .klok = klok, .id = id, .body = body, .a = a};
	rc_t rc = catalogus ? sociaal_catalogus_lees(s, &c->cat, e) : RC_OK;
	if (rc == RC_OK)
		rc = store_tx(s, STORE_WRITE, fn, c, e);
	if (rc == RC_OK)
		*out = c->out;
	return rc;
}

rc_t werkagenda_maak(struct store *s, const struct principal *who, const struct klok *klok, json_t *body,
		     struct arena *a, json_t **out, struct error *e)
{
	return agenda_stap(s, who, klok, 0, body, "de werkagenda", true, maak_tx, a, out, e);
}

static rc_t wijzig_tx(struct store *s, void *ctx, struct error *e)
{
	struct agenda_ctx *c = ctx;
	struct store_rows r;
	json_t *indeling = NULL, *regio = NULL;
	rc_t rc = agenda_laad(s, c, &r, &indeling, &regio, e);
	json_decref(indeling);
	if (rc != RC_OK)
		return rc;
	const char *code = store_text(&r, 0, SW_REGIO);
	const char *bodyregio = json_string_value(json_object_get(c->body, "regio"));
	if (bodyregio && strcmp(bodyregio, code) != 0)
		error_add(e, "/regio", "regio_anders", BRON_AGENDA, "Een werkagenda blijft van regio %s.", code);
	if (strcmp(store_text(&r, 0, SW_STATUS), "concept") != 0)
		return error_set(e, RC_CONFLICT, "Alleen een concept wordt gewijzigd; maak een nieuwe versie %s.", BRON_AGENDA);
	int64_t begroting = 0, scan_id = 0, iv = 0;
	rc = agenda_toets(s, c, code, &begroting, &scan_id, &iv, e);
	const char *tekst = rc == RC_OK ? sociaal_tekst(c->body, c->a) : NULL;
	if (rc == RC_OK && !tekst)
		rc = error_set(e, RC_NOMEM, "De werkagenda is te groot.");
	char nu[KLOK_TEKST_BYTES];
	klok_nu_tekst(c->klok, nu, sizeof nu);
	if (rc == RC_OK)
		rc = store_werkagenda_wijzig(s, c->id, iv, scan_id, tekst, begroting, nu, c->who->actor, e);
	if (rc == RC_OK) {
		char object[48];
		snprintf(object, sizeof object, "werkagenda/%" PRId64, c->id);
		rc = sociaal_audit(s, c->who, "werkagenda.wijzig", object, "{}", e);
	}
	return rc == RC_OK ? lees_tx(s, c, e) : rc;
}

rc_t werkagenda_wijzig(struct store *s, const struct principal *who, const struct klok *klok, int64_t id,
		       json_t *body, struct arena *a, json_t **out, struct error *e)
{
	return agenda_stap(s, who, klok, id, body, "de werkagenda", true, wijzig_tx, a, out, e);
}

/* Reads the agenda for a write by a municipality of its region; the
 * agenda as JSON in *huidig (for its deviations and signatures). */
static rc_t voor_gemeente(struct store *s, struct agenda_ctx *c, struct store_rows *r, json_t **regio_uit,
			  json_t **indeling, const char **cbs, bool *mandaat, json_t **huidig, struct error *e)
{
	json_t *regio = NULL;
	rc_t rc = agenda_laad(s, c, r, indeling, &regio, e);
	if (rc != RC_OK)
		return rc;
	if (!lid_van(s, c->who, regio, c->a, cbs, mandaat))
		return error_set(e, RC_FORBIDDEN, "Alleen een gemeente van regio %s doet dit %s.",
				 store_text(r, 0, SW_REGIO), BRON_TEKEN);
	*regio_uit = regio;
	return agenda_json(s, r, 0, *indeling, c->a, huidig, e);
}

static rc_t indien_tx(struct store *s, void *ctx, struct error *e)
{
	struct agenda_ctx *c = ctx;
	struct store_rows r;
	json_t *indeling = NULL, *regio = NULL, *huidig = NULL;
	const char *cbs;
	bool mandaat = false;
	rc_t rc = voor_gemeente(s, c, &r, &regio, &indeling, &cbs, &mandaat, &huidig, e);
	if (rc == RC_OK && !mandaat)
		rc = error_set(e, RC_FORBIDDEN, "Alleen de mandaatgemeente biedt de werkagenda ter ondertekening aan %s.",
			       BRON_MANDAAT);
	if (rc == RC_OK && strcmp(store_text(&r, 0, SW_STATUS), "concept") != 0)
		rc = error_set(e, RC_CONFLICT, "Deze werkagenda is geen concept meer.");
	if (rc == RC_OK && !store_text(&r, 0, SW_SCAN))
		error_add(e, "/regioscan_id", "geen_regioscan", BRON_AGENDA,
			  "Er is nog geen regioscan voor deze regio; de werkagenda betrekt de uitkomsten van de regioscan.");
	size_t i;
	json_t *w;
	json_array_foreach(rc == RC_OK ? json_object_get(huidig, "afwijkingen") : NULL, i, w)
		if (!json_is_true(json_object_get(w, "gemotiveerd")))
			error_add(e, json_string_value(json_object_get(w, "veld")), "afwijking_zonder_motivering", BRON_AGENDA,
				  "Deze keuze wijkt af van het advies van de regioscan (%s, %s): motiveer de afwijking.",
				  json_string_value(json_object_get(w, "norm")), json_string_value(json_object_get(w, "waarde")));
	if (rc == RC_OK && (e->item_count || e->items_dropped))
		rc = RC_INVALID;
	char nu[KLOK_TEKST_BYTES];
	klok_nu_tekst(c->klok, nu, sizeof nu);
	if (rc == RC_OK)
		rc = store_werkagenda_status(s, c->id, "ter_ondertekening", nu, e);
	if (rc == RC_OK) {
		char object[48];
		snprintf(object, sizeof object, "werkagenda/%" PRId64, c->id);
		rc = sociaal_audit(s, c->who, "werkagenda.indien", object, "{}", e);
	}
	json_decref(huidig);
	json_decref(indeling);
	return rc == RC_OK ? lees_tx(s, c, e) : rc;
}

rc_t werkagenda_indien(struct store *s, const struct principal *who, const struct klok *klok, int64_t id,
		       struct arena *a, json_t **out, struct error *e)
{
	return agenda_stap(s, who, klok, id, NULL, NULL, false, indien_tx, a, out, e);
}

static rc_t teken_tx(struct store *s, void *ctx, struct error *e)
{
	struct agenda_ctx *c = ctx;
	struct store_rows r;
	json_t *indeling = NULL, *regio = NULL, *huidig = NULL;
	const char *cbs = NULL;
	bool mandaat = false;
	rc_t rc = voor_gemeente(s, c, &r, &regio, &indeling, &cbs, &mandaat, &huidig, e);
	if (rc == RC_OK && strcmp(store_text(&r, 0, SW_STATUS), "ter_ondertekening") != 0)
		rc = error_set(e, RC_CONFLICT, "Deze werkagenda ligt niet ter ondertekening.");
	size_t i;
	json_t *o;
	json_array_foreach(rc == RC_OK ? json_object_get(huidig, "ondertekeningen") : NULL, i, o)
		if (strcmp(json_string_value(json_object_get(o, "cbs_code")), cbs) == 0)
			rc = error_set(e, RC_CONFLICT, "Uw gemeente heeft deze versie al ondertekend.");
	static const char *const velden[] = {"besluitdatum", "kenmerk", "bijlage_id", NULL};
	const char *datum = NULL, *kenmerk = NULL;
	int64_t dag = 0, bijlage_id = 0;
	if (rc == RC_OK) {
		json_reject_unknown(c->body, velden, "", e);
		datum = json_string_value(json_object_get(c->body, "besluitdatum"));
		if (!datum || strlen(datum) != 10 || !klok_datum_lees(datum, &dag))
			error_add(e, "/besluitdatum", "besluitdatum_ongeldig", BRON_TEKEN,
				  "De datum van het collegebesluit (JJJJ-MM-DD).");
		kenmerk = sociaal_tekst_veld(c->body, "kenmerk", "", 200, "kenmerk_ontbreekt", BRON_TEKEN, e);
		if (json_object_get(c->body, "bijlage_id") &&
		    json_get_int(c->body, "bijlage_id", false, "", &bijlage_id, e)) {
			/* the collegebesluit this municipality attached to this agenda */
			char object[64];
			snprintf(object, sizeof object, "werkagenda/%" PRId64 "/%s", c->id, cbs);
			struct bijlage b;
			const unsigned char *bd = NULL;
			size_t bl = 0;
			struct error be;
			error_clear(&be);
			if (bijlage_lees_tx(s, c->a, bijlage_id, &b, &bd, &bl, &be) != RC_OK || strcmp(b.object, object) != 0)
				error_add(e, "/bijlage_id", "bijlage_onbekend", BRON_TEKEN,
					  "Bijlage %" PRId64 " is geen collegebesluit dat uw gemeente bij deze werkagenda voegde.",
					  bijlage_id);
		}
		if (e->item_count || e->items_dropped)
			rc = RC_INVALID;
	}
	char nu[KLOK_TEKST_BYTES];
	klok_nu_tekst(c->klok, nu, sizeof nu);
	if (rc == RC_OK)
		rc = store_ondertekening_voeg_toe(s, c->id, cbs, c->who->organisatie_id, datum, kenmerk, bijlage_id, nu,
						  c->who->actor, e);
	bool laatste = rc == RC_OK && json_array_size(json_object_get(huidig, "nog_te_ondertekenen")) == 1;
	if (rc == RC_OK && laatste) {
		/* every municipality signed: final; the previous final version is replaced [001] */
		struct store_rows v;
		rc = store_werkagenda_lijst(s, store_text(&r, 0, SW_REGIO), c->a, &v, e);
		for (size_t q = 0; rc == RC_OK && q < v.nrows; q++)
			if (strcmp(store_text(&v, q, SW_STATUS), "definitief") == 0)
				rc = store_werkagenda_status(s, store_int(&v, q, SW_ID, 0), "vervangen", NULL, e);
		if (rc == RC_OK)
			rc = store_werkagenda_status(s, c->id, "definitief", nu, e);
	}
	if (rc == RC_OK) {
		char object[48], detail[96];
		snprintf(object, sizeof object, "werkagenda/%" PRId64, c->id);
		snprintf(detail, sizeof detail, "{\"gemeente\":\"%s\",\"definitief\":%s}", cbs, laatste ? "true" : "false");
		rc = sociaal_audit(s, c->who, "werkagenda.onderteken", object, detail, e);
	}
	json_decref(huidig);
	json_decref(indeling);
	return rc == RC_OK ? lees_tx(s, c, e) : rc;
}

rc_t werkagenda_onderteken(struct store *s, const struct principal *who, const struct klok *klok, int64_t id,
			   json_t *body, struct arena *a, json_t **out, struct error *e)
{
	return agenda_stap(s, who, klok, id, body, "het collegebesluit", false, teken_tx, a, out, e);
}

/* ---- the joint assessment ---- */

static rc_t beoordeel_tx(struct store *s, void *ctx, struct error *e)
{
	struct agenda_ctx *c = ctx;
	struct store_rows r;
	json_t *indeling = NULL, *regio = NULL, *kader = NULL, *huidig = NULL;
	int64_t kv = 0;
	rc_t rc = agenda_laad(s, c, &r, &indeling, &regio, e);
	const char *soort = rc == RC_OK ? sociaal_organisatie_soort(s, c->who, c->a, e) : NULL;
	const char *partij = soort && strcmp(soort, "gemeente") == 0 ? "vng"
			     : soort && strcmp(soort, "zorgverzekeraar") == 0 ? "zn" : NULL;
	if (rc == RC_OK && !partij)
		rc = error_set(e, RC_FORBIDDEN, "Gemeenten (VNG) en zorgverzekeraars (ZN) beoordelen de werkagenda's %s.",
			       BRON_BEOORDEEL);
	if (rc == RC_OK && strcmp(partij, "vng") == 0 && gemeente_in_regio(s, c->who, regio, c->a))
		rc = error_set(e, RC_FORBIDDEN, "Een gemeente van regio %s beoordeelt haar eigen werkagenda niet "
			       "(belangenconflict) %s.", store_text(&r, 0, SW_REGIO), BRON_BEOORDEEL);
	if (rc == RC_OK && strcmp(store_text(&r, 0, SW_STATUS), "definitief") != 0)
		rc = error_set(e, RC_CONFLICT, "Alleen een definitieve werkagenda (door alle gemeenten ondertekend) "
			       "wordt beoordeeld %s.", BRON_AGENDA);
	if (rc == RC_OK)
		rc = agenda_json(s, &r, 0, indeling, c->a, &huidig, e);
	size_t i;
	json_t *b;
	json_array_foreach(rc == RC_OK ? json_object_get(huidig, "beoordelingen") : NULL, i, b)
		if (strcmp(json_string_value(json_object_get(b, "partij")), partij) == 0)
			rc = error_set(e, RC_CONFLICT, "%s heeft deze werkagenda al beoordeeld.",
				       strcmp(partij, "vng") == 0 ? "De VNG" : "ZN");
	if (rc == RC_OK)
		rc = sociaal_vaststelling_huidig_tx(s, "beoordelingskader", c->a, &kv, &kader, e);
	const char *oordeel = NULL;
	if (rc == RC_OK) {
		static const char *const velden[] = {"oordeel", "motivering", "criteria", "geen_belangenconflict", NULL};
		json_reject_unknown(c->body, velden, "", e);
		oordeel = json_string_value(json_object_get(c->body, "oordeel"));
		if (!oordeel || (strcmp(oordeel, "positief") != 0 && strcmp(oordeel, "negatief") != 0))
			error_add(e, "/oordeel", "oordeel_ongeldig", BRON_BEOORDEEL, "Het oordeel is 'positief' of 'negatief'.");
		sociaal_tekst_veld(c->body, "motivering", "", SOCIAAL_TEKST_MAX, "motivering_ontbreekt", BRON_BEOORDEEL, e);
		if (!json_is_true(json_object_get(c->body, "geen_belangenconflict")))
			error_add(e, "/geen_belangenconflict", "belangenconflict", BRON_BEOORDEEL,
				  "Verklaar dat u geen belang hebt bij deze werkagenda.");
		json_t *crit = json_object_get(c->body, "criteria"), *k, *g;
		size_t q;
		bool niet_voldaan = false;
		json_array_foreach(json_object_get(kader, "criteria"), i, k) {
			const char *id = json_string_value(json_object_get(k, "id"));
			json_t *gevonden = NULL;
			json_array_foreach(crit, q, g)
				if (strcmp(json_string_value(json_object_get(g, "id")) ?: "", id) == 0)
					gevonden = g;
			const char *o = json_string_value(json_object_get(gevonden, "oordeel"));
			if (!o || (strcmp(o, "voldaan") != 0 && strcmp(o, "niet_voldaan") != 0)) {
				error_add(e, "/criteria", "criterium_ontbreekt", json_string_value(json_object_get(k, "bron")),
					  "Geef een oordeel (voldaan / niet_voldaan) op criterium '%s'.",
					  json_string_value(json_object_get(k, "naam")));
				continue;
			}
			niet_voldaan |= strcmp(o, "niet_voldaan") == 0;
		}
		json_array_foreach(crit, q, g) {
			const char *id = json_string_value(json_object_get(g, "id"));
			bool bekend = false;
			json_array_foreach(json_object_get(kader, "criteria"), i, k)
				bekend |= id && strcmp(json_string_value(json_object_get(k, "id")), id) == 0;
			if (!bekend) {
				char w[40];
				snprintf(w, sizeof w, "/criteria/%zu", q);
				error_add(e, w, "criterium_onbekend", BRON_BEOORDEEL, "Dit criterium staat niet in het kader.");
			}
		}
		if (oordeel && strcmp(oordeel, "positief") == 0 && niet_voldaan)
			error_add(e, "/oordeel", "positief_met_niet_voldaan", BRON_BEOORDEEL,
				  "Positief kan alleen als aan elk criterium is voldaan.");
		if (e->item_count || e->items_dropped)
			rc = RC_INVALID;
	}
	const char *tekst = rc == RC_OK ? sociaal_tekst(c->body, c->a) : NULL;
	char nu[KLOK_TEKST_BYTES];
	klok_nu_tekst(c->klok, nu, sizeof nu);
	if (rc == RC_OK)
		rc = store_sociaal_beoordeling_voeg_toe(s, c->id, partij, c->who->organisatie_id, kv, oordeel, tekst, nu,
							c->who->actor, e);
	if (rc == RC_OK) {
		char object[48], detail[96];
		snprintf(object, sizeof object, "werkagenda/%" PRId64, c->id);
		snprintf(detail, sizeof detail, "{\"partij\":\"%s\",\"oordeel\":\"%s\"}", partij, oordeel);
		rc = sociaal_audit(s, c->who, "werkagenda.beoordeel", object, detail, e);
	}
	json_decref(huidig);
	json_decref(kader);
	json_decref(indeling);
	return rc == RC_OK ? lees_tx(s, c, e) : rc;
}

rc_t werkagenda_beoordeel(struct store *s, const struct principal *who, const struct klok *klok, int64_t id,
			  json_t *body, struct arena *a, json_t **out, struct error *e)
{
	if (!(who->roles & ROL_BEOORDELAAR))
		return error_set(e, RC_FORBIDDEN, "Beoordelaars van VNG en ZN beoordelen de werkagenda's %s.", BRON_BEOORDEEL);
	return agenda_stap(s, who, klok, id, body, "de beoordeling", false, beoordeel_tx, a, out, e);
}

bool werkagenda_goedgekeurd_tx(struct store *s, const char *regio, struct arena *a, struct error *e)
{
	struct store_rows r, b;
	if (store_werkagenda_lijst(s, regio, a, &r, e) != RC_OK)
		return false;
	for (size_t i = 0; i < r.nrows; i++) {
		if (strcmp(store_text(&r, i, SW_STATUS), "definitief") != 0)
			continue;
		if (store_sociaal_beoordeling_lijst(s, store_int(&r, i, SW_ID, 0), a, &b, e) != RC_OK)
			return false;
		struct beoordeling_stand st = {0};
		for (size_t q = 0; q < b.nrows; q++) {
			bool pos = strcmp(store_text(&b, q, 3), "positief") == 0;
			if (strcmp(store_text(&b, q, 0), "vng") == 0)
				st.coordinerend_gegeven = true, st.coordinerend = pos ? OORDEEL_POSITIEF : OORDEEL_NEGATIEF;
			else
				st.tweede_gegeven = true, st.tweede = pos ? OORDEEL_POSITIEF : OORDEEL_NEGATIEF;
		}
		return beoordeling_status(&st) == AANVRAAG_POSITIEF;
	}
	return false;
}

/* ---- the collegebesluit as an attachment ---- */

static rc_t bijlage_tx(struct store *s, void *ctx, struct error *e)
{
	struct agenda_ctx *c = ctx;
	struct store_rows r;
	json_t *indeling = NULL, *regio = NULL;
	rc_t rc = agenda_laad(s, c, &r, &indeling, &regio, e);
	const char *cbs = NULL;
	bool mandaat = false;
	if (rc == RC_OK && !lid_van(s, c->who, regio, c->a, &cbs, &mandaat))
		rc = error_set(e, RC_FORBIDDEN, "Alleen een gemeente van regio %s voegt haar collegebesluit toe %s.",
			       store_text(&r, 0, SW_REGIO), BRON_TEKEN);
	if (rc == RC_OK && strcmp(store_text(&r, 0, SW_STATUS), "ter_ondertekening") != 0)
		rc = error_set(e, RC_CONFLICT, "Deze werkagenda ligt niet ter ondertekening.");
	char nu[KLOK_TEKST_BYTES], object[64];
	klok_nu_tekst(c->klok, nu, sizeof nu);
	snprintf(object, sizeof object, "werkagenda/%" PRId64 "/%s", c->id, cbs ? cbs : "");
	struct bijlage b;
	if (rc == RC_OK)
		rc = bijlage_voeg_toe_tx(s, c->who, object, c->naam, c->data, c->len, nu, c->a, &b, e);
	if (rc == RC_OK)
		c->out = bijlage_json(&b);
	json_decref(indeling);
	return rc;
}

rc_t werkagenda_bijlage(struct store *s, const struct principal *who, const struct klok *klok, int64_t id,
			const char *naam, const void *data, size_t len, struct arena *a, json_t **out,
			struct error *e)
{
	const struct bijlage_type *type = NULL;
	rc_t rc = bijlage_type_bepaal(data, len, &type, e);
	if (rc != RC_OK)
		return rc;
	struct agenda_ctx c = {.who = who, .klok = klok, .id = id, .a = a, .data = data, .len = len,
			       .naam = naam && *naam ? naam : "collegebesluit"};
	rc = store_tx(s, STORE_WRITE, bijlage_tx, &c, e);
	if (rc == RC_OK)
		*out = c.out;
	return rc;
}

/* The agenda id of an attachment object "werkagenda/<id>/<cbs>", or 0. */
static int64_t bijlage_agenda(const char *object)
{
	int64_t id = 0;
	int k = 0;
	if (object && sscanf(object, "werkagenda/%" SCNd64 "/%n", &id, &k) == 1 && k > 0 && id > 0)
		return id;
	return 0;
}

rc_t werkagenda_bijlage_open(struct store *s, struct arena *a, const struct principal *who, int64_t id,
			     struct bijlage *out, const unsigned char **data, size_t *len, struct error *e)
{
	const unsigned char *inhoud = NULL;
	size_t lengte = 0;
	rc_t rc = bijlage_lees(s, a, id, out, &inhoud, &lengte, e);
	if (rc != RC_OK)
		return rc;
	int64_t agenda = bijlage_agenda(out->object);
	json_t *x = NULL;
	struct error stil;
	error_clear(&stil);
	if (!agenda || werkagenda_lees(s, who, agenda, a, &x, &stil) != RC_OK)
		return error_set(e, RC_NOT_FOUND, "Bijlage %" PRId64 " bestaat niet.", id);
	json_decref(x);
	*data = inhoud;
	*len = lengte;
	return RC_OK;
}
