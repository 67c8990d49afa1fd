/*
 * beoordeling.c -- assessments, the two-insurer rule and requests for
 * information. See beoordeling.h.
 */
#include "core/beoordeling/beoordeling.h"

#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "store/store_aanvragen.h"
#include "core/aanvraag/aanvraag.h"
#include "core/basis/audit.h"
#include "core/aanvraag/indiening.h"
#include "core/basis/json.h"
#include "core/basis/tekst.h"

#define BRON_BEOORDELING "[002 §4.2], [001 \"Vervolgproces\"]"

static const char *const oordeel_namen[] = {"positief", "negatief", "meer_informatie"};
static const char *const basiseis_namen[] = {"voldaan", "niet_voldaan", "niet_van_toepassing"};

const char *beoordeling_oordeel_naam(enum beoordeling_oordeel o)
{
	return (size_t)o < 3 ? oordeel_namen[o] : "onbekend";
}

bool beoordeling_oordeel_uit_naam(const char *naam, enum beoordeling_oordeel *out)
{
	for (size_t i = 0; naam && i < 3; i++)
		if (strcmp(naam, oordeel_namen[i]) == 0) {
			*out = (enum beoordeling_oordeel)i;
			return true;
		}
	return false;
}

const char *basiseis_oordeel_naam(enum basiseis_oordeel o)
{
	return (size_t)o < 3 ? basiseis_namen[o] : "onbekend";
}

enum aanvraag_status beoordeling_status(const struct beoordeling_stand *st)
{
	bool vraag = (st->coordinerend_gegeven && st->coordinerend == OORDEEL_MEER_INFORMATIE) ||
		     (st->tweede_gegeven && st->tweede == OORDEEL_MEER_INFORMATIE);
	if (vraag)
		return AANVRAAG_INFORMATIE_GEVRAAGD;
	if (st->coordinerend_gegeven && st->tweede_gegeven)
		return st->coordinerend == OORDEEL_POSITIEF && st->tweede == OORDEEL_POSITIEF
			? AANVRAAG_POSITIEF : AANVRAAG_NEGATIEF;
	if (st->coordinerend_gegeven || st->tweede_gegeven)
		return AANVRAAG_IN_BEOORDELING;
	return AANVRAAG_INGEDIEND;
}

/* ---- reading an assessment -------------------------------------------- */

/* A required, non-blank text of at most BEOORDELING_TEKST_MAX bytes. */
static const char *motivering(json_t *obj, const char *veld, const char *pad, const char *wat,
			      struct error *e)
{
	const char *t = NULL;
	char p[ERROR_FIELD_MAX];
	snprintf(p, sizeof p, "%s/%s", pad, veld);
	if (!json_get_string(obj, veld, false, pad, &t, e)) {
		if (!json_object_get(obj, veld))
			error_add(e, p, "motivering_ontbreekt", BRON_BEOORDELING, "%s", wat);
		return NULL;
	}
	if (!tekst_aanwezig(t)) {
		error_add(e, p, "motivering_ontbreekt", BRON_BEOORDELING, "%s", wat);
		return NULL;
	}
	if (strlen(t) > BEOORDELING_TEKST_MAX) {
		error_add(e, p, "te_lang", NULL, "Hoogstens %d tekens.", BEOORDELING_TEKST_MAX);
		return NULL;
	}
	return t;
}

static void lees_basiseisen(json_t *body, struct beoordeling_invoer *in, struct error *e)
{
	json_t *lijst = NULL;
	bool gezien[BEOORDELING_BASISEISEN] = {false};
	if (!json_get_array(body, "basiseisen", false, "", &lijst, e)) {
		if (!json_object_get(body, "basiseisen"))
			error_add(e, "/basiseisen", "verplicht", "[004 \"Opname basiseisen\"]",
				  "Geef per basiseis 1 tot en met 14 een oordeel met motivering.");
		return;
	}
	static const char *const velden[] = {"volgnummer", "oordeel", "motivering", NULL};
	size_t i;
	json_t *item;
	json_array_foreach(lijst, i, item) {
		char pad[48], veld[ERROR_FIELD_MAX];
		snprintf(pad, sizeof pad, "/basiseisen/%zu", i);
		if (i >= 2 * BEOORDELING_BASISEISEN) {
			error_add(e, "/basiseisen", "te_veel", NULL, "Er zijn %d basiseisen.", BEOORDELING_BASISEISEN);
			break;
		}
		if (!json_is_object(item)) {
			error_add(e, pad, "type", NULL, "Elk oordeel is een object {volgnummer, oordeel, motivering}.");
			continue;
		}
		json_reject_unknown(item, velden, pad, e);
		int64_t nr = 0;
		const char *oordeel = NULL;
		snprintf(veld, sizeof veld, "%s/volgnummer", pad);
		if (!json_get_int(item, "volgnummer", false, pad, &nr, e))
			toegang_verplicht(e, veld, "Noem de basiseis met zijn volgnummer (1-14).");
		else if (nr < 1 || nr > BEOORDELING_BASISEISEN)
			error_add(e, veld, "basiseis_onbekend", "[004 \"Opname basiseisen\"]",
				  "Basiseis %" PRId64 " bestaat niet; de volgnummers zijn 1 tot en met 14.", nr);
		else if (gezien[nr - 1])
			error_add(e, veld, "basiseis_dubbel", NULL, "Basiseis %" PRId64 " staat er twee keer.", nr);
		bool geldig = nr >= 1 && nr <= BEOORDELING_BASISEISEN && !gezien[nr - 1];
		if (geldig)
			gezien[nr - 1] = true;
		snprintf(veld, sizeof veld, "%s/oordeel", pad);
		enum basiseis_oordeel o = BASISEIS_VOLDAAN;
		bool o_ok = false;
		if (!json_get_string(item, "oordeel", false, pad, &oordeel, e))
			toegang_verplicht(e, veld, "Het oordeel is voldaan, niet_voldaan of niet_van_toepassing.");
		else {
			for (size_t k = 0; k < 3; k++)
				if (strcmp(oordeel, basiseis_namen[k]) == 0) {
					o = (enum basiseis_oordeel)k;
					o_ok = true;
				}
			if (!o_ok)
				error_add(e, veld, "waarde_ongeldig", NULL,
					  "'%.40s' is geen oordeel; kies voldaan, niet_voldaan of niet_van_toepassing.", oordeel);
		}
		const char *m = motivering(item, "motivering", pad,
					   "Een oordeel over een basiseis heeft een motivering.", e);
		if (geldig) {
			in->basiseisen[nr - 1].oordeel = o;
			in->basiseisen[nr - 1].motivering = m;
		}
	}
	for (int k = 0; k < BEOORDELING_BASISEISEN; k++)
		if (!gezien[k])
			error_add(e, "/basiseisen", "basiseis_ontbreekt", "[004 \"Opname basiseisen\"]",
				  "Het oordeel over basiseis %d ontbreekt.", k + 1);
}

static void lees_informatieverzoek(json_t *body, struct beoordeling_invoer *in, bool gevraagd,
				   struct error *e)
{
	json_t *iv = json_object_get(body, "informatieverzoek");
	if (!iv || json_is_null(iv)) {
		if (gevraagd)
			error_add(e, "/informatieverzoek", "verplicht", BRON_BEOORDELING,
				  "Bij meer_informatie hoort een informatieverzoek: de velden (JSON-pointers) en de vraag.");
		return;
	}
	if (!gevraagd) {
		error_add(e, "/informatieverzoek", "informatieverzoek_onverwacht", NULL,
			  "Een informatieverzoek hoort alleen bij het oordeel meer_informatie.");
		return;
	}
	if (!json_is_object(iv)) {
		error_add(e, "/informatieverzoek", "type", NULL, "Het informatieverzoek is een object {velden, vraag}.");
		return;
	}
	static const char *const velden[] = {"velden", "vraag", NULL};
	json_reject_unknown(iv, velden, "/informatieverzoek", e);
	in->vraag = motivering(iv, "vraag", "/informatieverzoek", "Zeg wat de aanvrager moet aanvullen.", e);
	json_t *lijst = NULL;
	if (!json_get_array(iv, "velden", false, "/informatieverzoek", &lijst, e) ||
	    json_array_size(lijst) == 0) {
		if (!lijst || json_array_size(lijst) == 0)
			toegang_verplicht(e, "/informatieverzoek/velden",
					  "Noem minstens één veld (een JSON-pointer in het document, zoals /impact/meetmethode).");
		return;
	}
	if (json_array_size(lijst) > INFORMATIEVERZOEK_VELDEN_MAX) {
		error_add(e, "/informatieverzoek/velden", "te_veel", NULL, "Hoogstens %d velden.",
			  INFORMATIEVERZOEK_VELDEN_MAX);
		return;
	}
	size_t i;
	json_t *v;
	json_array_foreach(lijst, i, v) {
		char pad[ERROR_FIELD_MAX];
		snprintf(pad, sizeof pad, "/informatieverzoek/velden/%zu", i);
		const char *p = json_string_value(v);
		if (!informatieverzoek_pointer_geldig(p)) {
			error_add(e, pad, "pointer_ongeldig", NULL,
				  "Een veld is een JSON-pointer in het aanvraagdocument, zoals /impact/meetmethode of "
				  "/begroting/3; niet /soort, /schema_versie, /catalogus_versie of /modelplan.");
			continue;
		}
		in->velden[in->veld_aantal++] = p;
	}
}

rc_t beoordeling_lees(json_t *body, struct beoordeling_invoer *out, struct error *e)
{
	static const char *const velden[] = {"versie", "geen_belangenconflict", "basiseisen", "oordeel",
					     "motivering", "informatieverzoek", NULL};
	struct beoordeling_invoer in;
	memset(&in, 0, sizeof in);
	size_t voor = e->item_count;
	json_reject_unknown(body, velden, "", e);
	if (!json_get_int(body, "versie", false, "", &in.versie, e))
		toegang_verplicht(e, "/versie", "Noem de ingediende versie die u beoordeelt.");
	else if (in.versie < 1)
		error_add(e, "/versie", "buiten_bereik", NULL, "De versie is 1 of hoger.");
	if (!json_get_bool(body, "geen_belangenconflict", false, "", &in.geen_belangenconflict, e))
		toegang_verplicht(e, "/geen_belangenconflict",
				  "Verklaar dat u geen belangenconflict heeft (geen_belangenconflict: true).");
	else if (!in.geen_belangenconflict)
		error_add(e, "/geen_belangenconflict", "belangenconflict", BRON_BEOORDELING,
			  "Wie een belangenconflict heeft, beoordeelt niet; laat een collega zonder "
			  "belangenconflict de aanvraag beoordelen.");
	lees_basiseisen(body, &in, e);
	const char *oordeel = NULL;
	bool oordeel_ok = false;
	if (!json_get_string(body, "oordeel", false, "", &oordeel, e))
		toegang_verplicht(e, "/oordeel", "Het oordeel is positief, negatief of meer_informatie.");
	else if (!(oordeel_ok = beoordeling_oordeel_uit_naam(oordeel, &in.oordeel)))
		error_add(e, "/oordeel", "waarde_ongeldig", NULL,
			  "'%.40s' is geen oordeel; kies positief, negatief of meer_informatie.", oordeel);
	in.motivering = motivering(body, "motivering", "", "Het oordeel heeft een motivering.", e);
	if (oordeel_ok && in.oordeel == OORDEEL_POSITIEF)
		for (int k = 0; k < BEOORDELING_BASISEISEN; k++)
			if (in.basiseisen[k].oordeel == BASISEIS_NIET_VOLDAAN)
				error_add(e, "/oordeel", "oordeel_strijdig", "[004 \"Opname basiseisen\"]",
					  "Positief kan niet terwijl basiseis %d niet voldaan is.", k + 1);
	lees_informatieverzoek(body, &in, oordeel_ok && in.oordeel == OORDEEL_MEER_INFORMATIE, e);
	if (e->item_count > voor || e->rc != RC_OK)
		return e->rc != RC_OK ? e->rc : RC_INVALID;
	*out = in;
	return RC_OK;
}

/* ---- storing an assessment -------------------------------------------- */

struct beoordeel_ctx {
	const struct principal *who;
	const struct klok *klok;
	const struct beoordeling_invoer *in;
	int64_t id;
	const char *actor;
	const char *basiseisen, *informatieverzoek;   /* JSON texts */
	int64_t beoordeling_id;
	enum aanvraag_status status;
	rc_t weiger;
};

static rc_t conflict(struct error *e, const char *code, const char *bericht)
{
	error_set(e, RC_CONFLICT, "%s", bericht);
	error_add(e, "/", code, BRON_BEOORDELING, "%s", bericht);
	e->rc = RC_CONFLICT;
	return RC_CONFLICT;
}

/* The state of version `versie` from its assessments, with `nieuw` added. */
static void stand_uit(const struct store_rows *rows, const struct aanvraagdossier *d,
		      struct beoordeling_stand *st)
{
	memset(st, 0, sizeof *st);
	for (size_t i = 0; i < rows->nrows; i++) {
		enum beoordeling_oordeel o;
		if (!beoordeling_oordeel_uit_naam(store_text(rows, i, SB_OORDEEL), &o))
			continue;
		int64_t org = store_int(rows, i, SB_VERZEKERAAR, 0);
		if (org == d->coordinerend_verzekeraar_id) {
			st->coordinerend_gegeven = true;
			st->coordinerend = o;
		} else if (org == d->tweede_verzekeraar_id) {
			st->tweede_gegeven = true;
			st->tweede = o;
		}
	}
}

static rc_t beoordeel_tx(struct store *s, void *ctx, struct error *e)
{
	struct beoordeel_ctx *c = ctx;
	c->weiger = RC_OK;
	struct arena a;
	arena_init(&a, ARENA_DOSSIER_BYTES);
	struct aanvraagdossier d;
	bool coalitie = false;
	struct store_rows rows;
	rc_t rc = store_aanvragen_schrijfslot(s, e);
	if (rc == RC_OK)
		rc = aanvraagdossier_lees_tx(s, &a, c->id, false, c->who->organisatie_id, &d, &coalitie, e);
	int64_t nu = klok_nu_us(c->klok);
	if (rc == RC_OK && aanvraagdossier_toegang(c->who, &d, coalitie, nu) != AANVRAAG_VERZEKERAAR)
		rc = c->weiger = RC_NOT_FOUND;
	if (rc == RC_OK && d.status != AANVRAAG_INGEDIEND && d.status != AANVRAAG_IN_BEOORDELING &&
	    d.status != AANVRAAG_INFORMATIE_GEVRAAGD)
		rc = conflict(e, "afgerond", "Over deze aanvraag is al beslist; er komt geen oordeel meer bij.");
	if (rc == RC_OK && c->in->versie != d.versie) {
		char m[160];
		snprintf(m, sizeof m, "Versie %" PRId64 " is niet de nieuwste ingediende versie (%" PRId64 ").",
			 c->in->versie, d.versie);
		rc = conflict(e, "versie_verouderd", m);
	}
	if (rc == RC_OK)
		rc = store_beoordeling_lijst(s, c->id, d.versie, &a, &rows, e);
	for (size_t i = 0; rc == RC_OK && i < rows.nrows; i++)
		if (store_int(&rows, i, SB_VERZEKERAAR, 0) == c->who->organisatie_id)
			rc = conflict(e, "al_beoordeeld", "Uw zorgverzekeraar heeft deze versie al beoordeeld.");
	if (rc != RC_OK) {
		arena_release(&a);
		return rc;
	}
	bool coordinerend = c->who->organisatie_id == d.coordinerend_verzekeraar_id;
	char op[KLOK_TEKST_BYTES];
	klok_tekst(nu, op, sizeof op);
	struct store_beoordeling b = {
		.aanvraag_id = c->id, .versie = d.versie, .verzekeraar_id = c->who->organisatie_id,
		.verzekeraar_rol = coordinerend ? "coordinerend" : "tweede",
		.oordeel = beoordeling_oordeel_naam(c->in->oordeel), .motivering = c->in->motivering,
		.basiseisen = c->basiseisen, .informatieverzoek = c->informatieverzoek,
		.beoordeeld_door = c->actor, .beoordeeld_op_us = nu, .beoordeeld_op = op,
	};
	rc = store_beoordeling_insert(s, &b, &c->beoordeling_id, e);
	struct beoordeling_stand st;
	stand_uit(&rows, &d, &st);
	if (coordinerend) {
		st.coordinerend_gegeven = true;
		st.coordinerend = c->in->oordeel;
	} else {
		st.tweede_gegeven = true;
		st.tweede = c->in->oordeel;
	}
	c->status = beoordeling_status(&st);
	if (rc == RC_OK)
		rc = store_aanvraag_status(s, c->id, aanvraag_status_naam(c->status), d.versie,
					   d.coordinerend_verzekeraar_id, d.tweede_verzekeraar_id, op, e);
	if (rc == RC_OK) {
		char object[64], detail[200];
		snprintf(object, sizeof object, "aanvraag/%" PRId64 "/versie/%" PRId64, c->id, d.versie);
		snprintf(detail, sizeof detail,
			 "{\"verzekeraar\":%" PRId64 ",\"rol\":\"%s\",\"oordeel\":\"%s\",\"status\":\"%s\"}",
			 b.verzekeraar_id, b.verzekeraar_rol, b.oordeel, aanvraag_status_naam(c->status));
		struct audit_entry entry = {c->actor, "beoordeling.maak", object, "gelukt", detail};
		rc = audit_append(s, &entry, e);
	}
	arena_release(&a);
	return rc;
}

/* The stored forms of the requirement verdicts and of the request. */
static rc_t beoordeling_teksten(const struct beoordeling_invoer *in, struct beoordeel_ctx *c,
				struct arena *a, struct error *e)
{
	json_t *lijst = json_array();
	for (int k = 0; lijst && k < BEOORDELING_BASISEISEN; k++)
		json_array_append_new(lijst, json_pack("{s:i, s:s, s:s}", "volgnummer", k + 1,
			"oordeel", basiseis_oordeel_naam(in->basiseisen[k].oordeel),
			"motivering", in->basiseisen[k].motivering));
	c->basiseisen = lijst ? json_encode(a, lijst) : NULL;
	json_decref(lijst);
	c->informatieverzoek = NULL;
	if (in->oordeel == OORDEEL_MEER_INFORMATIE) {
		json_t *v = json_array();
		for (size_t i = 0; v && i < in->veld_aantal; i++)
			json_array_append_new(v, json_string(in->velden[i]));
		json_t *iv = v ? json_pack("{s:o, s:s}", "velden", v, "vraag", in->vraag) : NULL;
		c->informatieverzoek = iv ? json_encode(a, iv) : NULL;
		json_decref(iv);
		if (!c->informatieverzoek)
			return error_set(e, RC_NOMEM, "Onvoldoende geheugen.");
	}
	return c->basiseisen ? RC_OK : error_set(e, RC_NOMEM, "Onvoldoende geheugen.");
}

rc_t beoordeling_maak(struct store *s, const struct principal *who, const struct klok *klok,
		      int64_t aanvraag_id, const struct beoordeling_invoer *in, int64_t *id_out,
		      enum aanvraag_status *status_out, struct error *e)
{
	char object[48];
	snprintf(object, sizeof object, "aanvraag/%" PRId64, aanvraag_id);
	if (!who || !(who->roles & ROL_BEOORDELAAR) || who->organisatie_id <= 0)
		return toegang_weiger(s, who, RC_NOT_FOUND, object, "geen beoordelaar van de aanvraag", e);
	struct arena a;
	arena_init(&a, ARENA_DOSSIER_BYTES);
	struct beoordeel_ctx c = {.who = who, .klok = klok, .in = in, .id = aanvraag_id,
				  .actor = who->actor ? who->actor : "systeem"};
	rc_t rc = beoordeling_teksten(in, &c, &a, e);
	if (rc == RC_OK)
		rc = store_aanvragen_tx(s, beoordeel_tx, &c, e);
	arena_release(&a);
	if (rc != RC_OK && c.weiger != RC_OK)
		return toegang_weiger(s, who, c.weiger, object, "geen beoordelaar van de aanvraag "
				      "of de ronde is nog niet gesloten", e);
	if (rc == RC_CONFLICT) {
		e->rc = rc;
		toegang_weigering_vastleggen(s, c.actor, "beoordeling.maak", object, e);
	}
	if (rc == RC_OK) {
		*id_out = c.beoordeling_id;
		*status_out = c.status;
	}
	return rc;
}

/* ---- reading assessments ---------------------------------------------- */

struct lijst_ctx {
	struct arena *arena;
	int64_t id;
	struct store_rows rows;
};

static rc_t lijst_tx(struct store *s, void *ctx, struct error *e)
{
	struct lijst_ctx *c = ctx;
	return store_beoordeling_lijst(s, c->id, 0, c->arena, &c->rows, e);
}

/* Per version: both insurers in, any request, and who's own verdict. */
static bool zichtbaar(const struct store_rows *r, size_t i, const struct principal *who,
		      enum aanvraag_toegang toegang)
{
	if (toegang == AANVRAAG_AUDITOR)
		return true;
	int64_t versie = store_int(r, i, SB_VERSIE, 0);
	size_t aantal = 0;
	bool vraag = false, eigen = false;
	for (size_t k = 0; k < r->nrows; k++) {
		if (store_int(r, k, SB_VERSIE, 0) != versie)
			continue;
		aantal++;
		vraag = vraag || store_text(r, k, SB_INFORMATIEVERZOEK) != NULL;
		eigen = eigen || store_int(r, k, SB_VERZEKERAAR, 0) == who->organisatie_id;
	}
	if (toegang == AANVRAAG_VERZEKERAAR)
		return eigen || aantal >= 2;
	return aantal >= 2 || vraag;
}

rc_t beoordeling_lijst(struct store *s, struct arena *arena, const struct principal *who,
		       enum aanvraag_toegang toegang, int64_t aanvraag_id,
		       struct beoordeling **out, size_t *n, struct error *e)
{
	struct lijst_ctx c = {.arena = arena, .id = aanvraag_id};
	rc_t rc = store_tx(s, STORE_READ, lijst_tx, &c, e);
	if (rc != RC_OK)
		return rc;
	struct beoordeling *l = arena_alloc(arena, (c.rows.nrows + 1) * sizeof *l);
	if (!l)
		return error_set(e, RC_NOMEM, "Onvoldoende geheugen.");
	size_t k = 0;
	for (size_t i = 0; i < c.rows.nrows; i++) {
		if (!zichtbaar(&c.rows, i, who, toegang))
			continue;
		const struct store_rows *r = &c.rows;
		l[k++] = (struct beoordeling){
			.id = store_int(r, i, SB_ID, 0), .aanvraag_id = store_int(r, i, SB_AANVRAAG, 0),
			.versie = store_int(r, i, SB_VERSIE, 0),
			.verzekeraar_id = store_int(r, i, SB_VERZEKERAAR, 0),
			.verzekeraar_rol = store_text(r, i, SB_ROL), .oordeel = store_text(r, i, SB_OORDEEL),
			.motivering = store_text(r, i, SB_MOTIVERING),
			.basiseisen = store_text(r, i, SB_BASISEISEN),
			.informatieverzoek = store_text(r, i, SB_INFORMATIEVERZOEK),
			.beoordeeld_door = store_text(r, i, SB_DOOR), .beoordeeld_op = store_text(r, i, SB_OP),
		};
	}
	*out = l;
	*n = k;
	return RC_OK;
}

/* Adds the string pointers of `velden` that `lijst` lacks. */
static void voeg_velden_toe(json_t *lijst, json_t *velden)
{
	size_t k, q;
	json_t *p, *x;
	json_array_foreach(velden, k, p) {
		bool al = false;
		json_array_foreach(lijst, q, x) al = al || json_equal(x, p);
		if (!al && json_is_string(p))
			json_array_append(lijst, p);
	}
}

rc_t beoordeling_open_velden_zichtbaar(struct store *s, struct arena *arena,
				       const struct principal *who, enum aanvraag_toegang toegang,
				       const struct aanvraagdossier *d, json_t **out,
				       struct error *e)
{
	*out = NULL;
	if (d->status != AANVRAAG_INFORMATIE_GEVRAAGD)
		return RC_OK;
	struct beoordeling *l = NULL;
	size_t n = 0;
	rc_t rc = beoordeling_lijst(s, arena, who, toegang, d->id, &l, &n, e);
	if (rc != RC_OK)
		return rc;
	json_t *velden = json_array();
	if (!velden)
		return error_set(e, RC_NOMEM, "Onvoldoende geheugen.");
	for (size_t i = 0; i < n; i++) {
		if (l[i].versie != d->versie || !l[i].informatieverzoek)
			continue;
		json_t *iv = json_loads(l[i].informatieverzoek, 0, NULL);
		if (!iv) {
			json_decref(velden);
			return error_set(e, RC_STORE, "Informatieverzoek %" PRId64 " is geen JSON.", l[i].id);
		}
		voeg_velden_toe(velden, json_object_get(iv, "velden"));
		json_decref(iv);
	}
	*out = velden;
	return RC_OK;
}

json_t *beoordeling_json(const struct beoordeling *b)
{
	json_t *eisen = b->basiseisen ? json_loads(b->basiseisen, 0, NULL) : NULL;
	json_t *iv = b->informatieverzoek ? json_loads(b->informatieverzoek, 0, NULL) : NULL;
	return json_pack("{s:I, s:I, s:I, s:s, s:s, s:s, s:o, s:o, s:s, s:s}",
		"id", (json_int_t)b->id, "versie", (json_int_t)b->versie,
		"verzekeraar_id", (json_int_t)b->verzekeraar_id, "verzekeraar_rol", b->verzekeraar_rol,
		"oordeel", b->oordeel, "motivering", b->motivering,
		"basiseisen", eisen ? eisen : json_array(), "informatieverzoek", iv ? iv : json_null(),
		"beoordeeld_door", b->beoordeeld_door, "beoordeeld_op", b->beoordeeld_op);
}
