/*
 * voortgang.c -- the regions' progress twice a year and the overview for
 * the meeting of VNG's Bestuurlijk Netwerk Gezond Leven, ZN and VWS
 * [001 "Transformeren op het snijvlak"]. See sociaal.h.
 */
#include "core/sociaal/sociaal_intern.h"

#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/basis/bedrag.h"
#include "core/basis/csv.h"
#include "core/basis/json.h"
#include "core/basis/werkblad.h"
#include "core/toegang/rol.h"
#include "store/store_sociaal.h"

#define BRON_VOORTGANG "[001 \"Transformeren op het snijvlak\"] (twee keer per jaar)"

static const char *const statussen[] = {"niet_gestart", "in_voorbereiding", "in_uitvoering", "gerealiseerd"};
#define STATUS_AANTAL 4

static int status_index(const char *s)
{
	for (int i = 0; s && i < STATUS_AANTAL; i++)
		if (strcmp(statussen[i], s) == 0)
			return i;
	return -1;
}

/* "2027-1" or "2027-2" within the spending period. */
static bool periode_geldig(const char *p, const struct sociaal_catalogus *cat)
{
	if (!p || strlen(p) != 6 || p[4] != '-' || (p[5] != '1' && p[5] != '2'))
		return false;
	for (int i = 0; i < 4; i++)
		if (p[i] < '0' || p[i] > '9')
			return false;
	long jaar = strtol(p, NULL, 10);
	return jaar >= cat->van_jaar && jaar <= cat->tot_jaar;
}

struct voortgang_ctx {
	const struct principal *who;
	const struct klok *klok;
	json_t *body;
	struct sociaal_catalogus cat;
	struct arena *a;
	int64_t id, versie;
};

static rc_t voeg_toe_tx(struct store *s, void *ctx, struct error *e)
{
	struct voortgang_ctx *c = ctx;
	json_t *indeling = NULL;
	int64_t iv = 0;
	rc_t rc = sociaal_vaststelling_huidig_tx(s, "regioindeling", c->a, &iv, &indeling, e);
	if (rc != RC_OK)
		return rc;
	const char *code = json_string_value(json_object_get(c->body, "regio"));
	json_t *regio = regio_zoek(indeling, code);
	const char *cbs = NULL, *mandaat = json_string_value(json_object_get(regio, "mandaatgemeente"));
	if (!regio)
		error_add(e, "/regio", "regio_onbekend", BRON_VOORTGANG, "Regio %s bestaat niet.", code ? code : "?");
	else if (sociaal_gemeente_van(s, c->who, c->a, &cbs, e) != RC_OK || !mandaat || strcmp(mandaat, cbs) != 0)
		rc = error_set(e, RC_FORBIDDEN, "Alleen de mandaatgemeente van regio %s rapporteert de voortgang %s.", code,
			       BRON_VOORTGANG);
	static const char *const velden[] = {"regio", "periode", "basisfunctionaliteiten", "knelpunten", NULL};
	json_reject_unknown(c->body, velden, "", e);
	const char *periode = json_string_value(json_object_get(c->body, "periode"));
	if (!periode_geldig(periode, &c->cat))
		error_add(e, "/periode", "periode_ongeldig", BRON_VOORTGANG,
			  "De periode is een halfjaar van de bestedingsperiode, zoals '2027-1' of '2027-2'.");
	sociaal_tekst_veld(c->body, "knelpunten", "", SOCIAAL_TEKST_MAX, "knelpunten_ontbreken", BRON_VOORTGANG, e);
	bool gezien[SOCIAAL_BF_MAX] = {false};
	int64_t besteed = 0;
	size_t i;
	json_t *b;
	json_array_foreach(json_object_get(c->body, "basisfunctionaliteiten"), i, b) {
		char w[48];
		snprintf(w, sizeof w, "/basisfunctionaliteiten/%zu", i);
		int k = sociaal_bf_index(&c->cat, json_string_value(json_object_get(b, "id")));
		if (k < 0 || gezien[k])
			error_add(e, w, "basisfunctionaliteit_onbekend", "[002 §4.3]", "Onbekende of dubbele basisfunctionaliteit.");
		else
			gezien[k] = true;
		if (status_index(json_string_value(json_object_get(b, "status"))) < 0)
			error_add(e, w, "status_ongeldig", BRON_VOORTGANG,
				  "De status is niet_gestart, in_voorbereiding, in_uitvoering of gerealiseerd.");
		int64_t x = -1;
		json_get_int(b, "besteed_cent", true, w, &x, e);
		if (x < 0 || !bedrag_tel_op(&besteed, x))
			error_add(e, w, "bedrag_ongeldig", BRON_VOORTGANG, "Besteed is een bedrag in centen, niet negatief.");
	}
	for (size_t k = 0; k < c->cat.bf_aantal; k++)
		if (!gezien[k])
			error_add(e, "/basisfunctionaliteiten", "basisfunctionaliteit_ontbreekt", "[002 §4.3]",
				  "Rapporteer ook over %s.", c->cat.bf_naam[k]);
	if (rc == RC_OK && (e->item_count || e->items_dropped))
		rc = RC_INVALID;
	struct store_rows r;
	if (rc == RC_OK)
		rc = store_voortgang_lijst(s, code, periode, true, c->a, &r, e);
	c->versie = rc == RC_OK && r.nrows ? store_int(&r, 0, 3, 0) + 1 : 1;
	const char *tekst = rc == RC_OK ? sociaal_tekst(c->body, c->a) : NULL;
	char nu[KLOK_TEKST_BYTES];
	klok_nu_tekst(c->klok, nu, sizeof nu);
	if (rc == RC_OK)
		rc = store_voortgang_voeg_toe(s, code, periode, c->versie, tekst, besteed, nu, c->who->actor, &c->id, e);
	if (rc == RC_OK) {
		char object[48], detail[96];
		snprintf(object, sizeof object, "voortgang/%" PRId64, c->id);
		snprintf(detail, sizeof detail, "{\"regio\":\"%s\",\"periode\":\"%s\",\"versie\":%" PRId64 "}", code, periode,
			 c->versie);
		rc = sociaal_audit(s, c->who, "voortgang.voeg_toe", object, detail, e);
	}
	json_decref(indeling);
	return rc;
}

rc_t voortgang_voeg_toe(struct store *s, const struct principal *who, const struct klok *klok, json_t *body,
			struct arena *a, json_t **out, struct error *e)
{
	if (!json_is_object(body))
		return error_set(e, RC_INVALID, "Stuur de voortgang als JSON-object.");
	struct voortgang_ctx *c = arena_alloc(a, sizeof *c);
	if (!c)
		return error_set(e, RC_NOMEM, "Geen geheugen.");
	*c = (struct voortgang_ctx){.who = who, .klok = klok, .body = body, .a = a};
	rc_t rc = sociaal_catalogus_lees(s, &c->cat, e);
	if (rc == RC_OK)
		rc = store_tx(s, STORE_WRITE, voeg_toe_tx, c, e);
	if (rc == RC_OK)
		*out = json_pack("{s:I, s:O, s:O, s:I}", "id", (json_int_t)c->id, "regio", json_object_get(body, "regio"),
				 "periode", json_object_get(body, "periode"), "versie", (json_int_t)c->versie);
	return rc;
}

/* ---- the overview ---- */

struct overzicht_ctx {
	const char *periode;
	struct arena *a;
	struct store_rows r;
	json_t *indeling;
	int64_t iv;
};

static rc_t overzicht_tx(struct store *s, void *ctx, struct error *e)
{
	struct overzicht_ctx *c = ctx;
	rc_t rc = sociaal_vaststelling_huidig_tx(s, "regioindeling", c->a, &c->iv, &c->indeling, e);
	if (rc == RC_OK && !c->periode) {
		/* the newest period that has reports */
		rc = store_voortgang_lijst(s, NULL, NULL, true, c->a, &c->r, e);
		if (rc == RC_OK && c->r.nrows)
			c->periode = arena_strdup(c->a, store_text(&c->r, c->r.nrows - 1, 2));
	}
	if (rc == RC_OK)
		rc = store_voortgang_lijst(s, NULL, c->periode ? c->periode : "-", true, c->a, &c->r, e);
	return rc;
}

rc_t voortgang_overzicht(struct store *s, const char *periode, struct arena *a, json_t **out, struct error *e)
{
	struct sociaal_catalogus cat;
	rc_t rc = sociaal_catalogus_lees(s, &cat, e);
	if (rc == RC_OK && periode && !periode_geldig(periode, &cat)) {
		error_add(e, "/periode", "periode_ongeldig", BRON_VOORTGANG, "De periode is bijvoorbeeld '2027-1' of '2027-2'.");
		return RC_INVALID;
	}
	struct overzicht_ctx c = {.periode = periode, .a = a};
	if (rc == RC_OK)
		rc = store_tx(s, STORE_READ, overzicht_tx, &c, e);
	if (rc != RC_OK) {
		json_decref(c.indeling);
		return rc;
	}
	int64_t tel[SOCIAAL_BF_MAX][STATUS_AANTAL] = {{0}}, besteed[SOCIAAL_BF_MAX] = {0}, totaal = 0;
	json_t *regios = json_array();
	size_t i, k;
	json_t *reg, *b;
	json_array_foreach(json_object_get(c.indeling, "regios"), i, reg) {
		const char *code = json_string_value(json_object_get(reg, "code"));
		json_t *o = json_pack("{s:s, s:O, s:b}", "regio", code, "naam", json_object_get(reg, "naam"), "ingediend", false);
		for (size_t q = 0; q < c.r.nrows; q++) {
			if (strcmp(store_text(&c.r, q, 1), code) != 0)
				continue;
			json_t *doc = json_loads(store_text(&c.r, q, 4), 0, NULL);
			json_object_set_new(o, "ingediend", json_true());
			json_object_set_new(o, "versie", json_integer(store_int(&c.r, q, 3, 0)));
			json_object_set_new(o, "ingediend_op", json_string(store_text(&c.r, q, 6)));
			json_object_set_new(o, "besteed_cent", json_integer(store_int(&c.r, q, 5, 0)));
			json_object_set(o, "knelpunten", json_object_get(doc, "knelpunten"));
			json_object_set(o, "basisfunctionaliteiten", json_object_get(doc, "basisfunctionaliteiten"));
			totaal += store_int(&c.r, q, 5, 0);
			json_array_foreach(json_object_get(doc, "basisfunctionaliteiten"), k, b) {
				int x = sociaal_bf_index(&cat, json_string_value(json_object_get(b, "id")));
				int st = status_index(json_string_value(json_object_get(b, "status")));
				if (x >= 0 && st >= 0) {
					tel[x][st]++;
					besteed[x] += json_integer_value(json_object_get(b, "besteed_cent"));
				}
			}
			json_decref(doc);
		}
		json_array_append_new(regios, o);
	}
	json_t *landelijk = json_array();
	for (size_t x = 0; x < cat.bf_aantal; x++) {
		json_t *per = json_object();
		for (int st = 0; st < STATUS_AANTAL; st++)
			json_object_set_new(per, statussen[st], json_integer(tel[x][st]));
		json_array_append_new(landelijk, json_pack("{s:s, s:s, s:o, s:I}", "id", cat.bf[x], "naam", cat.bf_naam[x],
							   "regios_per_status", per, "besteed_cent", (json_int_t)besteed[x]));
	}
	*out = json_pack("{s:s?, s:I, s:I, s:I, s:o, s:o}", "periode", c.periode, "regioindeling_versie", (json_int_t)c.iv,
			 "regios_ingediend", (json_int_t)c.r.nrows, "besteed_cent", (json_int_t)totaal, "landelijk", landelijk,
			 "regios", regios);
	json_decref(c.indeling);
	return RC_OK;
}

/* ---- the export ---- */

rc_t voortgang_export(struct store *s, const char *periode, bool xlsx, struct arena *a, const char **data,
		      size_t *len, struct error *e)
{
	json_t *o = NULL;
	rc_t rc = voortgang_overzicht(s, periode, a, &o, e);
	if (rc != RC_OK)
		return rc;
	const char *p = arena_strdup(a, json_string_value(json_object_get(o, "periode")) ?: "");
	size_t n = 0, i, k;
	json_t *r, *b;
	json_array_foreach(json_object_get(o, "regios"), i, r)
		n += json_is_true(json_object_get(r, "ingediend")) ? json_array_size(json_object_get(r, "basisfunctionaliteiten")) : 1;
	struct werkblad_cel *cel = arena_alloc(a, (n ? n : 1) * 7 * sizeof *cel);
	if (!cel) {
		json_decref(o);
		return error_set(e, RC_NOMEM, "Geen geheugen voor de export.");
	}
	size_t rij = 0;
	json_array_foreach(json_object_get(o, "regios"), i, r) {
		const char *code = arena_strdup(a, json_string_value(json_object_get(r, "regio")));
		const char *naam = arena_strdup(a, json_string_value(json_object_get(r, "naam")));
		const char *knel = arena_strdup(a, json_string_value(json_object_get(r, "knelpunten")) ?: "");
		if (!json_is_true(json_object_get(r, "ingediend"))) {
			struct werkblad_cel x[7] = {{p ? p : "", 0}, {code, 0}, {naam, 0}, {"", 0}, {"niet_ingediend", 0},
						    {"", 0}, {"", 0}};
			memcpy(&cel[7 * rij++], x, sizeof x);
			continue;
		}
		json_array_foreach(json_object_get(r, "basisfunctionaliteiten"), k, b) {
			struct werkblad_cel x[7] = {{p, 0}, {code, 0}, {naam, 0},
				{arena_strdup(a, json_string_value(json_object_get(b, "id"))), 0},
				{arena_strdup(a, json_string_value(json_object_get(b, "status"))), 0},
				{NULL, json_integer_value(json_object_get(b, "besteed_cent"))}, {knel, 0}};
			memcpy(&cel[7 * rij++], x, sizeof x);
		}
	}
	json_decref(o);
	if (xlsx) {
		static const struct werkblad_kolom kol[] = {
			{"Periode", WERKBLAD_TEKST, 0, 10}, {"Regio", WERKBLAD_TEKST, 0, 8}, {"Regionaam", WERKBLAD_TEKST, 0, 28},
			{"Basisfunctionaliteit", WERKBLAD_TEKST, 0, 40}, {"Status", WERKBLAD_TEKST, 0, 18},
			{"Besteed (cent)", WERKBLAD_CENT, 0, 16}, {"Knelpunten", WERKBLAD_TEKST, 0, 60}};
		return werkblad_xlsx("Voortgang", kol, 7, cel, rij, a, (const unsigned char **)data, len, e);
	}
	char *buf = NULL;
	size_t bl = 0;
	FILE *f = open_memstream(&buf, &bl);
	if (!f)
		return error_set(e, RC_NOMEM, "Onvoldoende geheugen.");
	fputs("periode;regio;regionaam;basisfunctionaliteit;status;besteed_euro;besteed_cent;knelpunten\r\n", f);
	for (size_t q = 0; q < rij; q++) {
		const struct werkblad_cel *x = &cel[7 * q];
		char euro[BEDRAG_TEKST_BYTES];
		for (int j = 0; j < 5; j++) {
			csv_veld(f, x[j].tekst);
			fputc(';', f);
		}
		if (x[5].tekst)
			fputs(";;", f);
		else
			fprintf(f, "%s;%" PRId64 ";", bedrag_getal(x[5].getal, euro, sizeof euro), x[5].getal);
		csv_veld(f, x[6].tekst);
		fputs("\r\n", f);
	}
	fclose(f);
	char *kopie = buf ? arena_strndup(a, buf, bl) : NULL;
	free(buf);
	if (!kopie)
		return error_set(e, RC_NOMEM, "Onvoldoende geheugen.");
	*data = kopie;
	*len = bl;
	return RC_OK;
}
