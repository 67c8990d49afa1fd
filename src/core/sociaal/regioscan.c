/*
 * regioscan.c -- the regioscan per region and measurement, entered or
 * imported from CSV. See sociaal.h.
 */
#include "core/sociaal/sociaal_intern.h"

#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/basis/csv.h"
#include "core/basis/json.h"
#include "core/basis/tekst.h"
#include "core/toegang/rol.h"
#include "store/store_sociaal.h"

#define BRON_SCAN "[001 \"Transformeren op het snijvlak\"]"
#define SCAN_MAX 512            /* scans in one import */

static bool meting_geldig(const char *m)
{
	return m && (strcmp(m, "nulmeting") == 0 || strcmp(m, "2027") == 0 || strcmp(m, "2028") == 0);
}

/* Validates one scan document against the regions, the functions and the
 * scale (highest level `top`); field names under `waar`. */
static void scan_valideer(json_t *doc, json_t *indeling, const struct sociaal_catalogus *cat, int64_t top,
			  const char *waar, struct error *e)
{
	static const char *const velden[] = {"regio", "meting", "basisfunctionaliteiten", "gezamenlijk_advies", NULL};
	json_reject_unknown(doc, velden, waar, e);
	char w[ERROR_FIELD_MAX];
	const char *regio = json_string_value(json_object_get(doc, "regio"));
	if (!regio_zoek(indeling, regio)) {
		snprintf(w, sizeof w, "%s/regio", waar);
		error_add(e, w, "regio_onbekend", BRON_SCAN, "Regio %s bestaat niet in de regio-indeling.", regio ? regio : "?");
	}
	if (!meting_geldig(json_string_value(json_object_get(doc, "meting")))) {
		snprintf(w, sizeof w, "%s/meting", waar);
		error_add(e, w, "meting_ongeldig", BRON_SCAN, "De meting is 'nulmeting', '2027' of '2028'.");
	}
	sociaal_tekst_veld(doc, "gezamenlijk_advies", waar, SOCIAAL_TEKST_MAX, "advies_ontbreekt", BRON_SCAN, e);
	bool gezien[SOCIAAL_BF_MAX] = {false};
	size_t i;
	json_t *b;
	json_array_foreach(json_object_get(doc, "basisfunctionaliteiten"), i, b) {
		snprintf(w, sizeof w, "%s/basisfunctionaliteiten/%zu", waar, i);
		int k = sociaal_bf_index(cat, json_string_value(json_object_get(b, "id")));
		if (k < 0)
			error_add(e, w, "basisfunctionaliteit_onbekend", "[002 §4.3]", "Onbekende basisfunctionaliteit.");
		else if (gezien[k])
			error_add(e, w, "basisfunctionaliteit_dubbel", "[002 §4.3]", "Basisfunctionaliteit %s staat er twee keer in.", cat->bf[k]);
		else
			gezien[k] = true;
		json_t *n = json_object_get(b, "niveau");
		if (!json_is_integer(n) || json_integer_value(n) < 0 || json_integer_value(n) > top)
			error_add(e, w, "niveau_ongeldig", BRON_SCAN, "Het niveau is een getal van 0 tot %" PRId64 " (de schaal).", top);
		const char *adv = json_string_value(json_object_get(b, "advies"));
		if (!adv || (strcmp(adv, "versnellen") != 0 && strcmp(adv, "niet_versnellen") != 0))
			error_add(e, w, "advies_ongeldig", BRON_SCAN, "Het advies is 'versnellen' of 'niet_versnellen'.");
	}
	for (size_t k = 0; k < cat->bf_aantal; k++)
		if (!gezien[k]) {
			snprintf(w, sizeof w, "%s/basisfunctionaliteiten", waar);
			error_add(e, w, "basisfunctionaliteit_ontbreekt", "[002 §4.3]",
				  "De scan geeft niveau en advies voor %s.", cat->bf_naam[k]);
		}
}

struct scan_ctx {
	const struct principal *who;
	const struct klok *klok;
	json_t *scans;            /* array of documents */
	struct sociaal_catalogus cat;
	struct arena *a;
	json_t *ids;
};

static rc_t scan_tx(struct store *s, void *ctx, struct error *e)
{
	struct scan_ctx *c = ctx;
	json_t *indeling = NULL, *schaal = NULL;
	int64_t iv = 0, sv = 0;
	rc_t rc = sociaal_vaststelling_huidig_tx(s, "regioindeling", c->a, &iv, &indeling, e);
	if (rc == RC_OK)
		rc = sociaal_vaststelling_huidig_tx(s, "regioscanschaal", c->a, &sv, &schaal, e);
	int64_t top = (int64_t)json_array_size(json_object_get(schaal, "niveaus")) - 1;
	size_t i;
	json_t *d;
	bool een = json_array_size(c->scans) == 1;
	json_array_foreach(c->scans, i, d) {
		if (rc != RC_OK)
			break;
		char waar[32] = "";
		if (!een)
			snprintf(waar, sizeof waar, "/scans/%zu", i);
		scan_valideer(d, indeling, &c->cat, top, waar, e);
	}
	if (rc == RC_OK && (e->item_count || e->items_dropped))
		rc = RC_INVALID;
	char nu[KLOK_TEKST_BYTES];
	klok_nu_tekst(c->klok, nu, sizeof nu);
	json_array_foreach(c->scans, i, d) {
		if (rc != RC_OK)
			break;
		const char *regio = json_string_value(json_object_get(d, "regio"));
		const char *meting = json_string_value(json_object_get(d, "meting"));
		struct store_rows r;
		rc = store_regioscan_lijst(s, regio, meting, true, c->a, &r, e);
		int64_t versie = rc == RC_OK && r.nrows ? store_int(&r, 0, 3, 0) + 1 : 1, id = 0;
		const char *tekst = rc == RC_OK ? sociaal_tekst(d, c->a) : NULL;
		if (rc == RC_OK && !tekst)
			rc = error_set(e, RC_NOMEM, "De scan is te groot.");
		if (rc == RC_OK)
			rc = store_regioscan_voeg_toe(s, regio, meting, versie, iv, tekst, nu, c->who->actor, &id, e);
		if (rc == RC_OK) {
			char object[80], detail[96];
			snprintf(object, sizeof object, "regioscan/%" PRId64, id);
			snprintf(detail, sizeof detail, "{\"regio\":\"%s\",\"meting\":\"%s\",\"versie\":%" PRId64 "}", regio,
				 meting, versie);
			rc = sociaal_audit(s, c->who, "regioscan.voeg_toe", object, detail, e);
			json_array_append_new(c->ids, json_integer(id));
		}
	}
	json_decref(indeling);
	json_decref(schaal);
	return rc;
}

static rc_t scans_opslaan(struct store *s, const struct principal *who, const struct klok *klok, json_t *scans,
			  struct arena *a, json_t **out, struct error *e)
{
	if (!(who->roles & ROL_PROGRAMMABUREAU))
		return error_set(e, RC_FORBIDDEN, "Het programmabureau voert de regioscan in.");
	struct scan_ctx *c = arena_alloc(a, sizeof *c);
	if (!c)
		return error_set(e, RC_NOMEM, "Geen geheugen.");
	*c = (struct scan_ctx){.who = who, .klok = klok, .scans = scans, .a = a, .ids = json_array()};
	rc_t rc = sociaal_catalogus_lees(s, &c->cat, e);
	if (rc == RC_OK)
		rc = store_tx(s, STORE_WRITE, scan_tx, c, e);
	if (rc == RC_OK)
		*out = json_pack("{s:O, s:I}", "ids", c->ids, "aantal", (json_int_t)json_array_size(c->ids));
	json_decref(c->ids);
	return rc;
}

rc_t regioscan_voeg_toe(struct store *s, const struct principal *who, const struct klok *klok, json_t *body,
			struct arena *a, json_t **out, struct error *e)
{
	if (!json_is_object(body))
		return error_set(e, RC_INVALID, "Stuur de scan als JSON-object.");
	json_t *scans = json_pack("[O]", body);
	rc_t rc = scans_opslaan(s, who, klok, scans, a, out, e);
	json_decref(scans);
	return rc;
}

rc_t regioscan_csv_lees(const char *csv, size_t len, struct arena *a, json_t **out, struct error *e)
{
	static const char *const kop[] = {"regio", "meting", "basisfunctionaliteit", "niveau", "advies",
					  "gezamenlijk_advies"};
	json_t *scans = json_array();
	const char *p = csv, *end = csv + len;
	size_t regel = 0;
	while (p < end) {
		const char *nl = memchr(p, '\n', (size_t)(end - p));
		size_t l = nl ? (size_t)(nl - p) : (size_t)(end - p);
		const char *lijn = p;
		p += l + 1;
		if (l && lijn[l - 1] == '\r')
			l--;
		if (l == 0)
			continue;
		char *buf = arena_alloc(a, l + 1);
		const char *v[8];
		size_t n = buf ? csv_regel(lijn, l, buf, l + 1, v, 8) : 0;
		regel++;
		char w[40];
		snprintf(w, sizeof w, "/regels/%zu", regel);
		if (regel == 1) {
			bool goed = n == 6;
			for (size_t k = 0; goed && k < 6; k++)
				goed = strcmp(v[k], kop[k]) == 0;
			if (!goed) {
				error_add(e, w, "kop_ongeldig", BRON_SCAN,
					  "De eerste regel is: regio,meting,basisfunctionaliteit,niveau,advies,gezamenlijk_advies.");
				break;
			}
			continue;
		}
		if (n != 6) {
			error_add(e, w, "kolommen", BRON_SCAN, "Regel %zu heeft %zu kolommen in plaats van 6.", regel, n);
			continue;
		}
		char *eind = NULL;
		long long niveau = strtoll(v[3], &eind, 10);
		if (!*v[3] || *eind) {
			char wn[48];
			snprintf(wn, sizeof wn, "%s/niveau", w);
			error_add(e, wn, "niveau_ongeldig", BRON_SCAN, "Regel %zu: het niveau is een geheel getal.", regel);
			continue;
		}
		json_t *scan = NULL;
		size_t i;
		json_t *d;
		json_array_foreach(scans, i, d)
			if (strcmp(json_string_value(json_object_get(d, "regio")), v[0]) == 0 &&
			    strcmp(json_string_value(json_object_get(d, "meting")), v[1]) == 0)
				scan = d;
		if (!scan) {
			if (json_array_size(scans) >= SCAN_MAX) {
				error_add(e, w, "te_veel_scans", BRON_SCAN, "Hoogstens %d scans per bestand.", SCAN_MAX);
				break;
			}
			scan = json_pack("{s:s, s:s, s:[]}", "regio", v[0], "meting", v[1], "basisfunctionaliteiten");
			if (!scan) {   /* not UTF-8 */
				error_add(e, w, "geen_utf8", BRON_SCAN, "Regel %zu is geen UTF-8.", regel);
				continue;
			}
			json_array_append_new(scans, scan);
		}
		if (tekst_aanwezig(v[5]))
			json_object_set_new(scan, "gezamenlijk_advies", json_string(v[5]));
		json_t *b = json_pack("{s:s, s:I, s:s}", "id", v[2], "niveau", (json_int_t)niveau, "advies", v[4]);
		if (!b)
			error_add(e, w, "geen_utf8", BRON_SCAN, "Regel %zu is geen UTF-8.", regel);
		else
			json_array_append_new(json_object_get(scan, "basisfunctionaliteiten"), b);
	}
	rc_t rc = e->item_count || e->items_dropped ? RC_INVALID : RC_OK;
	if (rc == RC_OK && json_array_size(scans) == 0)
		rc = error_set(e, RC_INVALID, "Het bestand bevat geen scans.");
	if (rc == RC_OK)
		*out = scans;
	else
		json_decref(scans);
	return rc;
}

rc_t regioscan_importeer(struct store *s, const struct principal *who, const struct klok *klok, const char *csv,
			 size_t len, struct arena *a, json_t **out, struct error *e)
{
	if (!(who->roles & ROL_PROGRAMMABUREAU))
		return error_set(e, RC_FORBIDDEN, "Het programmabureau voert de regioscan in.");
	json_t *scans = NULL;
	rc_t rc = regioscan_csv_lees(csv, len, a, &scans, e);
	if (rc == RC_OK)
		rc = scans_opslaan(s, who, klok, scans, a, out, e);
	json_decref(scans);
	return rc;
}

struct lijst_ctx {
	const char *regio, *meting;
	struct arena *a;
	struct store_rows r;
};

static rc_t lijst_tx(struct store *s, void *ctx, struct error *e)
{
	struct lijst_ctx *c = ctx;
	return store_regioscan_lijst(s, c->regio, c->meting, true, c->a, &c->r, e);
}

rc_t regioscan_lijst(struct store *s, const char *regio, const char *meting, struct arena *a, json_t **out,
		     struct error *e)
{
	struct lijst_ctx c = {regio, meting, a, {0}};
	rc_t rc = store_tx(s, STORE_READ, lijst_tx, &c, e);
	if (rc != RC_OK)
		return rc;
	json_t *lijst = json_array();
	for (size_t i = 0; i < c.r.nrows; i++) {
		json_t *doc = json_loads(store_text(&c.r, i, 5), 0, NULL);
		json_t *o = json_pack("{s:I, s:s, s:s, s:I, s:I, s:s, s:s}", "id", (json_int_t)store_int(&c.r, i, 0, 0),
			"regio", store_text(&c.r, i, 1), "meting", store_text(&c.r, i, 2), "versie",
			(json_int_t)store_int(&c.r, i, 3, 0), "regioindeling_versie", (json_int_t)store_int(&c.r, i, 4, 0),
			"ingevoerd_op", store_text(&c.r, i, 6), "ingevoerd_door", store_text(&c.r, i, 7));
		json_object_set(o, "basisfunctionaliteiten", json_object_get(doc, "basisfunctionaliteiten"));
		json_object_set(o, "gezamenlijk_advies", json_object_get(doc, "gezamenlijk_advies"));
		json_decref(doc);
		json_array_append_new(lijst, o);
	}
	*out = json_pack("{s:o}", "regioscans", lijst);
	return RC_OK;
}
