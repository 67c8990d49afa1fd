/*
 * sociaal_vaststelling.c -- versioned data of the social-domain track and
 * the regions. See sociaal.h.
 */
#include "core/sociaal/sociaal_intern.h"

#include <inttypes.h>
#include <stdio.h>
#include <string.h>

#include "core/basis/audit.h"
#include "core/basis/canoniek.h"
#include "core/basis/embedded.h"
#include "core/basis/json.h"
#include "core/basis/tekst.h"
#include "core/catalogus/catalogus.h"
#include "core/toegang/identificatie.h"
#include "core/toegang/rol.h"
#include "store/store_partijen.h"
#include "store/store_sociaal.h"

#define BRON_REGIO "[001 \"Transformeren op het snijvlak\"], [003 D5]"
#define BRON_KADER "[003 D5], [004 \"Opname basiseisen\"]"
#define BRON_SLEUTEL "[003 D5], [001 \"Transformeren op het snijvlak\"]"

/* ---- shared helpers ---- */

rc_t sociaal_gemeente_van(struct store *s, const struct principal *who, struct arena *a, const char **cbs,
			  struct error *e)
{
	struct store_rows r;
	rc_t rc = store_organisatie_by_id(s, who ? who->organisatie_id : 0, a, &r, e);
	if (rc != RC_OK)
		return rc;
	if (!(who->roles & ROL_GEMEENTE) || r.nrows != 1 || !store_text(&r, 0, SO_CBS) ||
	    strcmp(store_text(&r, 0, SO_SOORT), "gemeente") != 0)
		return error_set(e, RC_FORBIDDEN, "Alleen een gemeente kan dit doen [003 D5].");
	*cbs = store_text(&r, 0, SO_CBS);
	return RC_OK;
}

const char *sociaal_organisatie_soort(struct store *s, const struct principal *who, struct arena *a,
				      struct error *e)
{
	struct store_rows r;
	if (!who || store_organisatie_by_id(s, who->organisatie_id, a, &r, e) != RC_OK || r.nrows != 1)
		return NULL;
	return store_text(&r, 0, SO_SOORT);
}

const char *sociaal_tekst(json_t *doc, struct arena *a)
{
	const char *t = NULL;
	char sha[CANONIEK_SHA_HEX];
	struct error e;
	error_clear(&e);
	return canoniek_json(doc, a, &t, NULL, sha, &e) == RC_OK ? t : NULL;
}

rc_t sociaal_audit(struct store *s, const struct principal *who, const char *actie, const char *object,
		   const char *detail, struct error *e)
{
	struct audit_entry ae = {who && who->actor ? who->actor : "systeem", actie, object, "gelukt", detail};
	return audit_append(s, &ae, e);
}

const char *sociaal_tekst_veld(json_t *obj, const char *veld, const char *waar, size_t max, const char *code,
			       const char *bron, struct error *e)
{
	const char *t = NULL;
	json_t *v = json_object_get(obj, veld);
	if (json_is_string(v))
		t = json_string_value(v);
	if (!t || !tekst_aanwezig(t) || strlen(t) > max) {
		char pad[ERROR_FIELD_MAX];
		snprintf(pad, sizeof pad, "%s/%s", waar, veld);
		error_add(e, pad, code, bron, "Vul '%s' in (tekst van hoogstens %zu tekens).", veld, max);
		return NULL;
	}
	return t;
}

int sociaal_bf_index(const struct sociaal_catalogus *c, const char *id)
{
	for (size_t i = 0; id && i < c->bf_aantal; i++)
		if (strcmp(c->bf[i], id) == 0)
			return (int)i;
	return -1;
}

rc_t sociaal_catalogus_lees(struct store *s, struct sociaal_catalogus *c, struct error *e)
{
	memset(c, 0, sizeof *c);
	struct arena a;
	arena_init(&a, ARENA_DOSSIER_BYTES);
	const char *tekst = NULL;
	int64_t versie = 0;
	rc_t rc = catalogus_document(s, 0, &a, &tekst, &versie, e);
	json_t *cat = rc == RC_OK ? json_loads(tekst, 0, NULL) : NULL;
	if (rc == RC_OK && !cat)
		rc = error_set(e, RC_STORE, "De catalogus is geen JSON.");
	size_t i;
	json_t *v;
	json_array_foreach(json_object_get(cat, "basisfunctionaliteiten"), i, v) {
		if (c->bf_aantal >= SOCIAAL_BF_MAX)
			break;
		snprintf(c->bf[c->bf_aantal], sizeof c->bf[0], "%s", json_string_value(json_object_get(v, "id")));
		snprintf(c->bf_naam[c->bf_aantal], sizeof c->bf_naam[0], "%s",
			 json_string_value(json_object_get(v, "naam")));
		c->bf_aantal++;
	}
	json_array_foreach(json_object_get(cat, "potten"), i, v) {
		const char *kanaal = json_string_value(json_object_get(v, "kanaal"));
		if (!kanaal || strcmp(kanaal, "gemeenten-spuk") != 0)
			continue;
		size_t k;
		json_t *t;
		json_array_foreach(json_object_get(v, "tranches"), k, t) {
			if (c->tranche_aantal >= 4)
				break;
			c->tranche_jaar[c->tranche_aantal] = json_integer_value(json_object_get(t, "jaar"));
			c->tranche_cent[c->tranche_aantal++] = json_integer_value(json_object_get(t, "bedrag_cent"));
		}
		json_t *p = json_object_get(v, "bestedingsperiode");
		c->van_jaar = json_integer_value(json_object_get(p, "van_jaar"));
		c->tot_jaar = json_integer_value(json_object_get(p, "tot_en_met_jaar"));
	}
	json_array_foreach(json_object_get(cat, "termijnen"), i, v) {
		const char *id = json_string_value(json_object_get(v, "id"));
		const char *d = json_string_value(json_object_get(v, "datum"));
		if (id && d && strcmp(id, "regioplannen-sociaal-domein") == 0)
			snprintf(c->deadline, sizeof c->deadline, "%.10s", d);
	}
	json_decref(cat);
	arena_release(&a);
	if (rc == RC_OK && (c->bf_aantal == 0 || c->tranche_aantal == 0))
		rc = error_set(e, RC_CONFLICT, "De catalogus noemt geen basisfunctionaliteiten of SPUK-tranches [002 §4.3].");
	return rc;
}

/* ---- regions ---- */

json_t *regio_zoek(json_t *indeling, const char *code)
{
	size_t i;
	json_t *r;
	json_array_foreach(json_object_get(indeling, "regios"), i, r) {
		const char *c = json_string_value(json_object_get(r, "code"));
		if (c && code && strcmp(c, code) == 0)
			return r;
	}
	return NULL;
}

json_t *regio_van_gemeente(json_t *indeling, const char *cbs)
{
	size_t i, k;
	json_t *r, *g;
	json_array_foreach(json_object_get(indeling, "regios"), i, r)
		json_array_foreach(json_object_get(r, "gemeenten"), k, g)
			if (cbs && json_is_string(g) && strcmp(json_string_value(g), cbs) == 0)
				return r;
	return NULL;
}

/* True when `t` is a 4-digit code. */
static bool cbs_vorm(const char *t)
{
	return t && strlen(t) == 4 && identificatie_cijfers(t, 4);
}

/* Adds code `c` to the seen set; false when it was there. */
static bool gezien_voeg(const char **gezien, size_t *n, size_t max, const char *c)
{
	for (size_t i = 0; i < *n; i++)
		if (strcmp(gezien[i], c) == 0)
			return false;
	if (*n < max)
		gezien[(*n)++] = c;
	return true;
}

static bool in_lijst(const char *const *lijst, size_t n, const char *c)
{
	for (size_t i = 0; i < n; i++)
		if (strcmp(lijst[i], c) == 0)
			return true;
	return false;
}

/* The municipalities of a region set, all codes (at most max). */
static size_t alle_gemeenten(json_t *doc, const char **uit, size_t max)
{
	size_t n = 0, i, k;
	json_t *r, *g;
	json_array_foreach(json_object_get(doc, "regios"), i, r)
		json_array_foreach(json_object_get(r, "gemeenten"), k, g)
			if (json_is_string(g) && n < max)
				uit[n++] = json_string_value(g);
	return n;
}

#define GEMEENTEN_MAX 1000

/* Mergers: every municipality that disappears or appears against the
 * previous version is named in one. */
static void samenvoegingen_toets(json_t *doc, json_t *vorige, const char **nu, size_t nn, struct error *e)
{
	const char *oud[GEMEENTEN_MAX], *opgeheven[GEMEENTEN_MAX], *nieuw[GEMEENTEN_MAX];
	size_t no = vorige ? alle_gemeenten(vorige, oud, GEMEENTEN_MAX) : 0, nop = 0, nni = 0, i, k;
	json_t *s, *g;
	json_array_foreach(json_object_get(doc, "samenvoegingen"), i, s) {
		json_array_foreach(json_object_get(s, "opgeheven"), k, g)
			if (json_is_string(g) && nop < GEMEENTEN_MAX)
				opgeheven[nop++] = json_string_value(g);
		const char *n = json_string_value(json_object_get(s, "nieuw"));
		if (n && nni < GEMEENTEN_MAX)
			nieuw[nni++] = n;
	}
	if (!vorige) {
		error_add(e, "/peiljaar", "peiljaar_onbekend", BRON_REGIO,
			  "Voor dit peiljaar is geen gemeentelijst ingebouwd en er is geen vorige indeling om "
			  "samenvoegingen tegen te toetsen.");
		return;
	}
	for (i = 0; i < no; i++)
		if (!in_lijst(nu, nn, oud[i]) && !in_lijst(opgeheven, nop, oud[i]))
			error_add(e, "/samenvoegingen", "gemeente_verdwenen", BRON_REGIO,
				  "Gemeente %s verdwijnt uit de indeling zonder samenvoeging die haar opheft.", oud[i]);
	for (i = 0; i < nn; i++)
		if (!in_lijst(oud, no, nu[i]) && !in_lijst(nieuw, nni, nu[i]))
			error_add(e, "/samenvoegingen", "gemeente_nieuw", BRON_REGIO,
				  "Gemeente %s is nieuw in de indeling zonder samenvoeging die haar vormt.", nu[i]);
}

rc_t regioindeling_valideer(json_t *doc, json_t *vorige, struct error *e)
{
	static const char *const velden[] = {"peiljaar", "bron", "toelichting", "samenvoegingen", "regios", NULL};
	json_reject_unknown(doc, velden, "", e);
	int64_t peiljaar = 0;
	json_get_int(doc, "peiljaar", true, "", &peiljaar, e);
	sociaal_tekst_veld(doc, "bron", "", SOCIAAL_TEKST_MAX, "bron_ontbreekt", BRON_REGIO, e);
	json_t *regios = NULL;
	if (json_get_array(doc, "regios", true, "", &regios, e) &&
	    (json_array_size(regios) == 0 || json_array_size(regios) > SOCIAAL_REGIOS_MAX))
		error_add(e, "/regios", "regios_aantal", BRON_REGIO, "Een indeling heeft 1 tot %d regio's.",
			  SOCIAAL_REGIOS_MAX);
	const char *codes[SOCIAAL_REGIOS_MAX], *gemeenten[GEMEENTEN_MAX];
	size_t nc = 0, ng = 0, i, k;
	json_t *r, *g;
	json_array_foreach(regios, i, r) {
		char w[64];
		snprintf(w, sizeof w, "/regios/%zu", i);
		static const char *const rv[] = {"code", "naam", "mandaatgemeente", "gemeenten", NULL};
		json_reject_unknown(r, rv, w, e);
		const char *code = sociaal_tekst_veld(r, "code", w, 16, "code_ontbreekt", BRON_REGIO, e);
		sociaal_tekst_veld(r, "naam", w, 200, "naam_ontbreekt", BRON_REGIO, e);
		if (code && !gezien_voeg(codes, &nc, SOCIAAL_REGIOS_MAX, code))
			error_add(e, w, "regio_dubbel", BRON_REGIO, "Regiocode %s staat er twee keer in.", code);
		const char *mandaat = json_string_value(json_object_get(r, "mandaatgemeente"));
		json_t *lijst = json_object_get(r, "gemeenten");
		if (!json_is_array(lijst) || json_array_size(lijst) == 0)
			error_add(e, w, "regio_zonder_gemeenten", BRON_REGIO, "Regio %s heeft geen gemeenten.",
				  code ? code : "?");
		bool mandaat_lid = false;
		json_array_foreach(lijst, k, g) {
			const char *c = json_string_value(g);
			char wg[ERROR_FIELD_MAX];
			snprintf(wg, sizeof wg, "%s/gemeenten/%zu", w, k);
			if (!cbs_vorm(c)) {
				error_add(e, wg, "gemeentecode_ongeldig", BRON_REGIO, "Een gemeente is een CBS-code van vier cijfers.");
				continue;
			}
			if (!gezien_voeg(gemeenten, &ng, GEMEENTEN_MAX, c))
				error_add(e, wg, "gemeente_dubbel", BRON_REGIO,
					  "Gemeente %s staat in meer dan één regio (of twee keer); elke gemeente hoort in precies één regio.", c);
			if (mandaat && strcmp(mandaat, c) == 0)
				mandaat_lid = true;
		}
		if (!mandaat || !mandaat_lid)
			error_add(e, strcat(w, "/mandaatgemeente"), "mandaatgemeente_niet_in_regio", BRON_REGIO,
				  "De mandaatgemeente moet een gemeente van haar eigen regio zijn.");
	}
	if (peiljaar == 2025) {
		for (size_t j = 0; j < identificatie_gemeente_aantal(); j++) {
			const struct gemeente *gm = identificatie_gemeente_nr(j);
			if (!in_lijst(gemeenten, ng, gm->cbs_code))
				error_add(e, "/regios", "gemeente_zonder_regio", BRON_REGIO,
					  "Gemeente %s (%s) hoort in geen enkele regio; elke gemeente hoort in precies één regio.",
					  gm->cbs_code, gm->naam);
		}
		for (size_t j = 0; j < ng; j++)
			if (!identificatie_gemeente(gemeenten[j]))
				error_add(e, "/regios", "gemeente_onbekend", BRON_REGIO,
					  "Gemeentecode %s staat niet in de CBS-lijst van 2025.", gemeenten[j]);
	} else if (peiljaar > 0) {
		samenvoegingen_toets(doc, vorige, gemeenten, ng, e);
	}
	return e->item_count || e->items_dropped ? RC_INVALID : RC_OK;
}

/* ---- the other kinds ---- */

static rc_t schaal_valideer(json_t *doc, struct error *e)
{
	static const char *const velden[] = {"niveaus", "bron", "toelichting", NULL};
	json_reject_unknown(doc, velden, "", e);
	sociaal_tekst_veld(doc, "bron", "", SOCIAAL_TEKST_MAX, "bron_ontbreekt", BRON_REGIO, e);
	json_t *niv = NULL;
	if (json_get_array(doc, "niveaus", true, "", &niv, e) && (json_array_size(niv) < 2 || json_array_size(niv) > 10))
		error_add(e, "/niveaus", "niveaus_aantal", BRON_REGIO, "Een schaal heeft 2 tot 10 niveaus.");
	size_t i;
	json_t *v;
	json_array_foreach(niv, i, v) {
		char w[32];
		snprintf(w, sizeof w, "/niveaus/%zu", i);
		int64_t n = -1;
		if (json_get_int(v, "niveau", true, w, &n, e) && n != (int64_t)i)
			error_add(e, w, "niveau_volgorde", BRON_REGIO, "De niveaus zijn 0, 1, 2 ... in volgorde.");
		sociaal_tekst_veld(v, "naam", w, 200, "naam_ontbreekt", BRON_REGIO, e);
	}
	return e->item_count || e->items_dropped ? RC_INVALID : RC_OK;
}

/* The board's framework: criteria with id, name and source; a basic
 * requirement that does not apply to the social domain (8) is refused
 * [004 "Opname basiseisen"]. */
static rc_t kader_valideer(json_t *basiseisen, json_t *doc, struct error *e)
{
	static const char *const velden[] = {"criteria", "toelichting", NULL};
	json_reject_unknown(doc, velden, "", e);
	json_t *crit = NULL, *be = NULL;
	if (json_get_array(doc, "criteria", true, "", &crit, e) && (json_array_size(crit) == 0 || json_array_size(crit) > 40))
		error_add(e, "/criteria", "criteria_aantal", BRON_KADER, "Een kader heeft 1 tot 40 criteria.");
	be = json_object_get(basiseisen, "basiseisen");
	const char *ids[64];
	size_t n = 0, i, k;
	json_t *c, *b;
	json_array_foreach(crit, i, c) {
		char w[32];
		snprintf(w, sizeof w, "/criteria/%zu", i);
		const char *id = sociaal_tekst_veld(c, "id", w, 80, "id_ontbreekt", BRON_KADER, e);
		sociaal_tekst_veld(c, "naam", w, 300, "naam_ontbreekt", BRON_KADER, e);
		sociaal_tekst_veld(c, "bron", w, 300, "bron_ontbreekt", BRON_KADER, e);
		if (id && !gezien_voeg(ids, &n, 64, id))
			error_add(e, w, "criterium_dubbel", BRON_KADER, "Criterium %s staat er twee keer in.", id);
		json_array_foreach(be, k, b) {
			const char *bid = json_string_value(json_object_get(b, "id"));
			if (id && bid && strcmp(id, bid) == 0 && json_is_false(json_object_get(b, "geldt_voor_sociaal_domein")))
				error_add(e, w, "basiseis_niet_van_toepassing", "[004 \"Opname basiseisen\"]",
					  "Basiseis %" JSON_INTEGER_FORMAT " (%s) geldt niet voor de 2 x EUR 100 mln van het sociaal domein.",
					  json_integer_value(json_object_get(b, "volgnummer")), bid);
		}
	}
	return e->item_count || e->items_dropped ? RC_INVALID : RC_OK;
}

/* The key: niveau regio|gemeente, grondslag inwoners|aandelen; shares
 * cover every recipient once and sum to 1,000,000 ppm. */
static rc_t sleutel_valideer(json_t *doc, json_t *indeling, struct error *e)
{
	static const char *const velden[] = {"naam", "niveau", "grondslag", "aandelen", "bron", "toelichting", NULL};
	json_reject_unknown(doc, velden, "", e);
	sociaal_tekst_veld(doc, "naam", "", 200, "naam_ontbreekt", BRON_SLEUTEL, e);
	const char *niveau = json_string_value(json_object_get(doc, "niveau"));
	const char *grond = json_string_value(json_object_get(doc, "grondslag"));
	bool regio = niveau && strcmp(niveau, "regio") == 0, gemeente = niveau && strcmp(niveau, "gemeente") == 0;
	if (!regio && !gemeente)
		error_add(e, "/niveau", "niveau_ongeldig", BRON_SLEUTEL, "Verdeel per 'regio' of per 'gemeente'.");
	bool inw = grond && strcmp(grond, "inwoners") == 0, aand = grond && strcmp(grond, "aandelen") == 0;
	if (!inw && !aand)
		error_add(e, "/grondslag", "grondslag_ongeldig", BRON_SLEUTEL,
			  "De grondslag is 'inwoners' (aandeel inwoners) of 'aandelen' (vaste aandelen per ontvanger).");
	json_t *aandelen = json_object_get(doc, "aandelen");
	if (inw && aandelen)
		error_add(e, "/aandelen", "aandelen_bij_inwoners", BRON_SLEUTEL, "Met grondslag 'inwoners' geen aandelen opgeven.");
	if (!aand || (!regio && !gemeente))
		return e->item_count || e->items_dropped ? RC_INVALID : RC_OK;
	if (!json_is_array(aandelen)) {
		error_add(e, "/aandelen", "aandelen_ontbreken", BRON_SLEUTEL, "Geef per ontvanger een aandeel in miljoensten.");
		return RC_INVALID;
	}
	const char *gezien[GEMEENTEN_MAX];
	size_t n = 0, i;
	int64_t som = 0;
	json_t *v;
	json_array_foreach(aandelen, i, v) {
		char w[40];
		snprintf(w, sizeof w, "/aandelen/%zu", i);
		const char *o = json_string_value(json_object_get(v, "ontvanger"));
		int64_t ppm = -1;
		json_get_int(v, "aandeel_ppm", true, w, &ppm, e);
		if (ppm < 0 || ppm > SOCIAAL_PPM)
			error_add(e, w, "aandeel_ongeldig", BRON_SLEUTEL, "Een aandeel ligt tussen 0 en 1.000.000 miljoensten.");
		else
			som += ppm;
		bool bekend = o && (regio ? regio_zoek(indeling, o) != NULL : regio_van_gemeente(indeling, o) != NULL);
		if (!bekend)
			error_add(e, w, "ontvanger_onbekend", BRON_SLEUTEL, "Ontvanger %s is geen %s van de regio-indeling.",
				  o ? o : "?", regio ? "regio" : "gemeente");
		else if (!gezien_voeg(gezien, &n, GEMEENTEN_MAX, o))
			error_add(e, w, "ontvanger_dubbel", BRON_SLEUTEL, "Ontvanger %s staat er twee keer in.", o);
	}
	size_t verwacht = 0;
	json_t *r;
	json_array_foreach(json_object_get(indeling, "regios"), i, r)
		verwacht += regio ? 1 : json_array_size(json_object_get(r, "gemeenten"));
	if (n != verwacht)
		error_add(e, "/aandelen", "ontvangers_onvolledig", BRON_SLEUTEL,
			  "De sleutel noemt %zu van de %zu ontvangers; elke ontvanger krijgt een aandeel.", n, verwacht);
	if (som != SOCIAAL_PPM)
		error_add(e, "/aandelen", "aandelen_som", BRON_SLEUTEL,
			  "De aandelen tellen op tot %" PRId64 " miljoensten in plaats van 1.000.000.", som);
	return e->item_count || e->items_dropped ? RC_INVALID : RC_OK;
}

unsigned sociaal_vaststelling_rol(const char *soort)
{
	if (!soort)
		return 0;
	if (strcmp(soort, "regioindeling") == 0 || strcmp(soort, "regioscanschaal") == 0)
		return ROL_PROGRAMMABUREAU;
	if (strcmp(soort, "beoordelingskader") == 0)
		return ROL_BESTUUR;
	if (strcmp(soort, "verdeelsleutel") == 0)
		return ROL_VWS;
	return 0;
}

rc_t sociaal_vaststelling_huidig_tx(struct store *s, const char *soort, struct arena *a, int64_t *versie,
				    json_t **doc, struct error *e)
{
	struct store_rows r;
	rc_t rc = store_vaststelling_lees(s, soort, 0, a, &r, e);
	if (rc != RC_OK)
		return rc;
	if (r.nrows == 0)
		return error_set(e, RC_NOT_FOUND, "Er is nog geen %s vastgesteld.", soort);
	*versie = store_int(&r, 0, 0, 0);
	if (!(*doc = json_loads(store_text(&r, 0, 1), 0, NULL)))
		return error_set(e, RC_STORE, "De %s is geen JSON.", soort);
	return RC_OK;
}

struct vaststel_ctx {
	const struct principal *who;
	const struct klok *klok;
	const char *soort;
	json_t *body;
	struct arena *a;
	int64_t versie;
	json_t *basiseisen;     /* the catalogue's, read before the transaction */
};

static rc_t vaststel_tx(struct store *s, void *ctx, struct error *e)
{
	struct vaststel_ctx *c = ctx;
	json_t *vorige = NULL, *indeling = NULL;
	int64_t v = 0, iv = 0;
	struct error ne;
	error_clear(&ne);
	rc_t rc = sociaal_vaststelling_huidig_tx(s, c->soort, c->a, &v, &vorige, &ne);
	if (rc == RC_NOT_FOUND)
		rc = RC_OK, v = 0;
	else if (rc != RC_OK)
		return error_set(e, rc, "%s", ne.message);
	if (strcmp(c->soort, "regioindeling") == 0)
		rc = regioindeling_valideer(c->body, vorige, e);
	else if (strcmp(c->soort, "regioscanschaal") == 0)
		rc = schaal_valideer(c->body, e);
	else if (strcmp(c->soort, "beoordelingskader") == 0)
		rc = kader_valideer(c->basiseisen, c->body, e);
	else {
		rc = sociaal_vaststelling_huidig_tx(s, "regioindeling", c->a, &iv, &indeling, e);
		if (rc == RC_OK)
			rc = sleutel_valideer(c->body, indeling, e);
	}
	json_decref(vorige);
	json_decref(indeling);
	const char *tekst = rc == RC_OK ? sociaal_tekst(c->body, c->a) : NULL;
	if (rc == RC_OK && !tekst)
		rc = error_set(e, RC_NOMEM, "Het document is te groot.");
	char nu[KLOK_TEKST_BYTES];
	klok_nu_tekst(c->klok, nu, sizeof nu);
	c->versie = v + 1;
	const char *door = c->who && c->who->actor ? c->who->actor : "systeem";
	if (rc == RC_OK)
		rc = store_vaststelling_voeg_toe(s, c->soort, c->versie, tekst, nu, door, e);
	if (rc == RC_OK) {
		char object[64], detail[64];
		snprintf(object, sizeof object, "%s/%" PRId64, c->soort, c->versie);
		snprintf(detail, sizeof detail, "{\"versie\":%" PRId64 "}", c->versie);
		rc = sociaal_audit(s, c->who, "sociaal.vaststelling", object, detail, e);
	}
	return rc;
}

rc_t sociaal_vaststel(struct store *s, const struct principal *who, const struct klok *klok, const char *soort,
		      json_t *body, struct arena *a, json_t **out, struct error *e)
{
	unsigned rol = sociaal_vaststelling_rol(soort);
	if (!rol)
		return error_set(e, RC_NOT_FOUND, "Onbekende soort vaststelling.");
	if (who && !(who->roles & rol))
		return error_set(e, RC_FORBIDDEN, "Deze vaststelling is niet aan uw rol [003 D5].");
	if (!json_is_object(body))
		return error_set(e, RC_INVALID, "Stuur het document als JSON-object.");
	struct vaststel_ctx c = {who, klok, soort, body, a, 0, NULL};
	rc_t rc = strcmp(soort, "beoordelingskader") == 0
		  ? catalogus_lijst(s, 0, "basiseisen", NULL, &c.basiseisen, e) : RC_OK;
	if (rc == RC_OK)
		rc = store_tx(s, STORE_WRITE, vaststel_tx, &c, e);
	json_decref(c.basiseisen);
	return rc == RC_OK ? sociaal_vaststellingen(s, soort, c.versie, a, out, e) : rc;
}

struct lees_ctx {
	const char *soort;
	int64_t versie;
	struct arena *a;
	struct store_rows r;
};

static rc_t vaststellingen_tx(struct store *s, void *ctx, struct error *e)
{
	struct lees_ctx *c = ctx;
	return store_vaststelling_lees(s, c->soort, c->versie, c->a, &c->r, e);
}

rc_t sociaal_vaststellingen(struct store *s, const char *soort, int64_t versie, struct arena *a, json_t **out,
			    struct error *e)
{
	if (!sociaal_vaststelling_rol(soort))
		return error_set(e, RC_NOT_FOUND, "Onbekende soort vaststelling.");
	struct lees_ctx c = {soort, versie, a, {0}};
	rc_t rc = store_tx(s, STORE_READ, vaststellingen_tx, &c, e);
	if (rc != RC_OK)
		return rc;
	if (versie > 0 && c.r.nrows == 0)
		return error_set(e, RC_NOT_FOUND, "Deze versie bestaat niet.");
	json_t *lijst = json_array();
	for (size_t i = 0; i < c.r.nrows; i++)
		json_array_append_new(lijst, json_pack("{s:s, s:I, s:s?, s:s?, s:o?}", "soort", soort, "versie",
			(json_int_t)store_int(&c.r, i, 0, 0), "vastgesteld_op", store_text(&c.r, i, 2),
			"vastgesteld_door", store_text(&c.r, i, 3), "document", json_loads(store_text(&c.r, i, 1), 0, NULL)));
	*out = versie > 0 ? json_incref(json_array_get(lijst, 0)) : json_pack("{s:o}", "versies", json_incref(lijst));
	json_decref(lijst);
	return RC_OK;
}

/* ---- defaults ---- */

static json_t *standaard_kader(struct store *s)
{
	json_t *crit = json_array(), *lijst = NULL;
	struct error e;
	error_clear(&e);
	if (catalogus_lijst(s, 0, "basiseisen", NULL, &lijst, &e) == RC_OK) {
		size_t i;
		json_t *b;
		json_array_foreach(json_object_get(lijst, "basiseisen"), i, b) {
			if (!json_is_true(json_object_get(b, "geldt_voor_sociaal_domein")))
				continue;
			char naam[300];
			snprintf(naam, sizeof naam, "Basiseis %" JSON_INTEGER_FORMAT ": %s",
				 json_integer_value(json_object_get(b, "volgnummer")),
				 json_string_value(json_object_get(b, "titel")));
			json_array_append_new(crit, json_pack("{s:O, s:s, s:O}", "id", json_object_get(b, "id"), "naam",
							      naam, "bron", json_object_get(b, "bron")));
		}
	}
	json_decref(lijst);
	json_array_append_new(crit, json_pack("{s:s, s:s, s:s}", "id", "aansluiting-regioscan", "naam",
		"De werkagenda betrekt de regioscan en het gezamenlijk advies en motiveert elke afwijking",
		"bron", "[001 \"Transformeren op het snijvlak\"]"));
	json_array_append_new(crit, json_pack("{s:s, s:s, s:s}", "id", "arbeidsbesparing", "naam",
		"Impactvolle inzet, onder meer gericht op arbeidsbesparing", "bron", "[003 D5]"));
	json_array_append_new(crit, json_pack("{s:s, s:s, s:s}", "id", "wederkerigheid", "naam",
		"Wederkerige afspraken tussen sociaal domein en zorg", "bron", "[003 D5]"));
	return json_pack("{s:o, s:s}", "criteria", crit, "toelichting",
			 "Standaardkader: de basiseisen die voor het sociaal domein gelden (basiseis 8 niet [004]) en de "
			 "eisen van AZWA D5. Het BO IZA/AZWA stelt het kader vast [003 D5].");
}

static json_t *standaard(struct store *s, const char *soort)
{
	if (strcmp(soort, "regioindeling") == 0) {
		const struct embedded_file *f = embedded_find("data/regioindeling-2025.json");
		return f ? json_loadb(f->data, f->size, 0, NULL) : NULL;
	}
	if (strcmp(soort, "regioscanschaal") == 0)
		return json_pack("{s:[{s:i,s:s},{s:i,s:s},{s:i,s:s},{s:i,s:s}], s:s}", "niveaus",
			"niveau", 0, "naam", "Niet aanwezig", "niveau", 1, "naam", "In voorbereiding",
			"niveau", 2, "naam", "Deels geïmplementeerd", "niveau", 3, "naam", "Volledig geïmplementeerd",
			"bron", "Aanname: de schaal van de regioscan (Berenschot, in opdracht van VNG, ZN en VWS) is niet "
			"gepubliceerd [001 \"Transformeren op het snijvlak\"]; het programmabureau stelt haar vast.");
	if (strcmp(soort, "beoordelingskader") == 0)
		return standaard_kader(s);
	return json_pack("{s:s, s:s, s:s, s:s, s:s}", "naam", "Aandeel inwoners", "niveau", "regio", "grondslag",
			 "inwoners", "bron", BRON_SLEUTEL, "toelichting",
			 "Generieke verdeelsleutel: elke regio krijgt naar het aandeel van haar inwoners (CBS-lijst 2025); "
			 "de mandaatgemeente ontvangt namens de regio.");
}

rc_t sociaal_laad_standaard(struct store *s, struct error *e)
{
	static const char *const soorten[] = {"regioindeling", "regioscanschaal", "beoordelingskader", "verdeelsleutel"};
	for (size_t i = 0; i < 4; i++) {
		struct arena a;
		arena_init(&a, ARENA_DOSSIER_BYTES);
		struct lees_ctx c = {soorten[i], 0, &a, {0}};
		rc_t rc = store_tx(s, STORE_READ, vaststellingen_tx, &c, e);
		if (rc == RC_OK && c.r.nrows == 0) {
			json_t *doc = standaard(s, soorten[i]);
			struct vaststel_ctx v = {NULL, NULL, soorten[i], doc, &a, 0, NULL};
			rc = catalogus_lijst(s, 0, "basiseisen", NULL, &v.basiseisen, e);
			if (rc == RC_OK)
				rc = doc ? store_tx(s, STORE_WRITE, vaststel_tx, &v, e)
					 : error_set(e, RC_INTERNAL, "Geen standaard voor %s.", soorten[i]);
			json_decref(v.basiseisen);
			json_decref(doc);
		}
		arena_release(&a);
		if (rc != RC_OK)
			return rc;
	}
	return RC_OK;
}

/* ---- regions for everyone ---- */

struct regios_ctx {
	struct arena *a;
	int64_t versie;
	json_t *doc;
};

static rc_t regios_tx(struct store *s, void *ctx, struct error *e)
{
	struct regios_ctx *c = ctx;
	return sociaal_vaststelling_huidig_tx(s, "regioindeling", c->a, &c->versie, &c->doc, e);
}

rc_t sociaal_regios(struct store *s, struct arena *a, json_t **out, struct error *e)
{
	struct regios_ctx c = {a, 0, NULL};
	rc_t rc = store_tx(s, STORE_READ, regios_tx, &c, e);
	if (rc != RC_OK)
		return rc;
	json_t *lijst = json_array();
	size_t i, k;
	json_t *r, *g;
	json_array_foreach(json_object_get(c.doc, "regios"), i, r) {
		json_t *gem = json_array();
		int64_t inwoners = 0;
		const char *mandaat = json_string_value(json_object_get(r, "mandaatgemeente"));
		json_array_foreach(json_object_get(r, "gemeenten"), k, g) {
			const struct gemeente *gm = identificatie_gemeente(json_string_value(g));
			int64_t n = gm ? gm->inwoners : 0;
			inwoners += n;
			json_array_append_new(gem, json_pack("{s:O, s:s?, s:I}", "cbs_code", g, "naam", gm ? gm->naam : NULL,
							     "inwoners", (json_int_t)n));
		}
		const struct gemeente *mg = identificatie_gemeente(mandaat);
		json_array_append_new(lijst, json_pack("{s:O, s:O, s:{s:s?, s:s?}, s:I, s:o}", "code", json_object_get(r, "code"),
			"naam", json_object_get(r, "naam"), "mandaatgemeente", "cbs_code", mandaat, "naam", mg ? mg->naam : NULL,
			"inwoners", (json_int_t)inwoners, "gemeenten", gem));
	}
	*out = json_pack("{s:I, s:O?, s:o}", "regioindeling_versie", (json_int_t)c.versie, "bron",
			 json_object_get(c.doc, "bron"), "regios", lijst);
	json_decref(c.doc);
	return RC_OK;
}
