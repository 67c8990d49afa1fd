/*
 * verevening.c -- the Zorginstituut's settlement. See verevening.h.
 */
#include "core/verantwoording/verevening.h"

#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/basis/audit.h"
#include "core/basis/bedrag.h"
#include "core/basis/csv.h"
#include "core/basis/werkblad.h"
#include "core/verantwoording/jaarstaat.h"
#include "core/basis/json.h"
#include "core/geld/grootboek.h"
#include "store/store_beschikking.h"
#include "store/store_verantwoording.h"

#define BRON "[001 §4], [003 §8b]"

static json_t *verevening_json(const struct store_rows *r, size_t i)
{
	json_t *j = json_pack("{s:I, s:I, s:s?, s:s?, s:I, s:I, s:I, s:s, s:s}", "id",
			      (json_int_t)store_int(r, i, SVV_ID, 0), "verzekeraar_id",
			      (json_int_t)store_int(r, i, SVV_VERZEKERAAR, 0), "uzovi_code", store_text(r, i, SVV_UZOVI),
			      "verzekeraar", store_text(r, i, SVV_NAAM), "jaar", (json_int_t)store_int(r, i, SVV_JAAR, 0),
			      "rechtsoordeel_id", (json_int_t)store_int(r, i, SVV_OORDEEL, 0), "bedrag_cent",
			      (json_int_t)store_int(r, i, SVV_BEDRAG, 0), "verevend_op", store_text(r, i, SVV_OP),
			      "verevend_door", store_text(r, i, SVV_DOOR));
	if (j)
		json_object_set_new(j, "boeking_id", store_text(r, i, SVV_BOEKING)
				    ? json_integer(store_int(r, i, SVV_BOEKING, 0)) : json_null());
	return j;
}

struct maak_ctx {
	const struct principal *who;
	const struct klok *klok;
	int64_t verzekeraar, jaar, bedrag;
	bool bedrag_gegeven;
	struct arena *arena;
	json_t *uit;
};

/* Books the settlement; *boeking_id the entry (0 when nothing to book). */
static rc_t boek(struct store *s, const char *uzovi, int64_t jaar, int64_t bedrag, int64_t *boeking_id,
		 struct error *e)
{
	*boeking_id = 0;
	if (bedrag == 0)
		return RC_OK;
	char credit[GROOTBOEK_CODE_MAX + 1], sleutel[GROOTBOEK_SLEUTEL_MAX + 1], omschrijving[160];
	snprintf(credit, sizeof credit, "verzekeraar/%s/verevend", uzovi);
	snprintf(sleutel, sizeof sleutel, "verevening/%s/%" PRId64, uzovi, jaar);
	snprintf(omschrijving, sizeof omschrijving, "Nacalculatie vaste kosten doorbraakmiddelen %" PRId64, jaar);
	struct rekening_def fonds = {"zorgverzekeringsfonds", "Zorgverzekeringsfonds (risicoverevening)", REKENING_BRON, 0};
	struct rekening_def verz = {credit, "Door het Zorginstituut nagecalculeerd", REKENING_VERZEKERAAR, 0};
	int64_t id;
	rc_t rc = grootboek_rekening_open(s, &fonds, &id, e);
	if (rc == RC_CONFLICT) {
		error_clear(e);
		rc = RC_OK;
	}
	if (rc == RC_OK)
		rc = grootboek_rekening_open(s, &verz, &id, e);
	if (rc == RC_CONFLICT) {
		error_clear(e);
		rc = RC_OK;
	}
	struct boeking bk = {.sleutel = sleutel, .soort = BOEKING_DIRECT, .debet = "zorgverzekeringsfonds",
			     .credit = credit, .bedrag_cent = bedrag, .code = "verevening.nacalculatie",
			     .omschrijving = omschrijving};
	struct boeking_resultaat res;
	if (rc == RC_OK)
		rc = grootboek_boek(s, &bk, 1, &res, e);
	if (rc == RC_OK && res.uitkomst != GROOTBOEK_OK)
		return grootboek_weigeringen(&bk, &res, 1, e);
	if (rc == RC_OK)
		*boeking_id = res.boeking_id;
	return rc;
}

static rc_t maak_tx(struct store *s, void *ctx, struct error *e)
{
	struct maak_ctx *c = ctx;
	struct store_rows bestaand, jr, orr;
	rc_t rc = store_verevening_lijst(s, c->verzekeraar, c->jaar, c->arena, &bestaand, e);
	if (rc == RC_OK && bestaand.nrows > 0) {
		error_add(e, "/jaar", "al_verevend", BRON, "Het jaar %" PRId64 " van deze verzekeraar is al verevend op %s.",
			  c->jaar, store_text(&bestaand, 0, SVV_OP));
		return RC_CONFLICT;
	}
	if (rc == RC_OK)
		rc = store_jaarstaat_lijst(s, c->verzekeraar, c->jaar, c->arena, &jr, e);
	if (rc == RC_OK && jr.nrows == 1)
		rc = store_rechtsoordeel_lees(s, store_int(&jr, 0, SJS_ID, 0), c->arena, &orr, e);
	if (rc != RC_OK)
		return rc;
	if (jr.nrows == 0 || orr.nrows == 0) {
		error_add(e, "/jaar", "geen_rechtsoordeel", "[001 §5]", "Alleen wat de NZa in haar bestuurlijk rechtsoordeel "
			  "plausibel achtte, wordt verevend; over %" PRId64 " van deze verzekeraar is %s.", c->jaar,
			  jr.nrows == 0 ? "geen jaarstaat ingediend" : "nog niet geoordeeld");
		return RC_CONFLICT;
	}
	int64_t erkend = store_int(&orr, 0, SRO_ERKEND, 0);
	if (c->bedrag_gegeven && c->bedrag != erkend) {
		char t1[BEDRAG_TEKST_BYTES], t2[BEDRAG_TEKST_BYTES];
		error_add(e, "/bedrag_cent", c->bedrag > erkend ? "boven_rechtsoordeel" : "onder_rechtsoordeel", BRON,
			  "De verevening is volledig: precies wat de NZa erkende, %s (gevraagd: %s).",
			  bedrag_tekst(erkend, t1, sizeof t1), bedrag_tekst(c->bedrag, t2, sizeof t2));
		return RC_CONFLICT;
	}
	const char *naam = NULL, *uzovi = NULL;
	rc = store_organisatie_naam(s, c->verzekeraar, c->arena, &naam, &uzovi, e);
	if (rc == RC_OK && !uzovi)
		return error_set(e, RC_INTERNAL, "De verzekeraar heeft geen UZOVI-code.");
	int64_t boeking = 0, id = 0;
	if (rc == RC_OK)
		rc = boek(s, uzovi, c->jaar, erkend, &boeking, e);
	char nu[KLOK_TEKST_BYTES];
	klok_tekst(klok_nu_us(c->klok), nu, sizeof nu);
	if (rc == RC_OK)
		rc = store_verevening_voeg_toe(s, c->verzekeraar, c->jaar, store_int(&orr, 0, SRO_ID, 0), erkend, boeking, nu,
					       c->who->actor, &id, e);
	char object[48], detail[160];
	snprintf(object, sizeof object, "verevening/%" PRId64, id);
	snprintf(detail, sizeof detail, "{\"verzekeraar\":%" PRId64 ",\"jaar\":%" PRId64 ",\"bedrag_cent\":%" PRId64 "}",
		 c->verzekeraar, c->jaar, erkend);
	struct audit_entry ae = {c->who->actor, "verevening.maak", object, "gelukt", detail};
	if (rc == RC_OK)
		rc = audit_append(s, &ae, e);
	if (rc == RC_OK)
		rc = store_verevening_lijst(s, c->verzekeraar, c->jaar, c->arena, &bestaand, e);
	if (rc == RC_OK && bestaand.nrows == 1)
		c->uit = verevening_json(&bestaand, 0);
	return rc;
}

rc_t verevening_maak(struct store *s, const struct principal *who, const struct klok *klok, json_t *body,
		     struct arena *arena, json_t **out, struct error *e)
{
	static const char *const velden[] = {"verzekeraar_id", "jaar", "bedrag_cent", NULL};
	struct maak_ctx c = {.who = who, .klok = klok, .arena = arena};
	json_reject_unknown(body, velden, "", e);
	json_get_int(body, "verzekeraar_id", true, "", &c.verzekeraar, e);
	if (json_get_int(body, "jaar", true, "", &c.jaar, e) && (c.jaar < 2000 || c.jaar > 2100))
		error_add(e, "/jaar", "buiten_bereik", NULL, "Het jaar ligt tussen 2000 en 2100.");
	c.bedrag_gegeven = json_get_int(body, "bedrag_cent", false, "", &c.bedrag, e);
	if (e->item_count > 0)
		return error_set(e, RC_INVALID, "De verevening is niet geldig.");
	rc_t rc = store_tx(s, STORE_WRITE, maak_tx, &c, e);
	if (rc == RC_CONFLICT && e->item_count == 0) {
		/* a concurrent settlement of the same year won the unique key
		 * (PostgreSQL, two servers at once): read again, now it says so */
		error_clear(e);
		rc = store_tx(s, STORE_WRITE, maak_tx, &c, e);
	}
	if (rc == RC_CONFLICT) {
		char object[64];
		snprintf(object, sizeof object, "verevening/%" PRId64 "/%" PRId64, c.verzekeraar, c.jaar);
		e->rc = rc;
		toegang_weigering_vastleggen(s, who->actor, "verevening.maak", object, e);
	}
	if (rc == RC_OK && !c.uit)
		rc = error_set(e, RC_NOMEM, "Onvoldoende geheugen.");
	if (rc == RC_OK)
		*out = c.uit;
	else
		json_decref(c.uit);
	return rc;
}

struct lijst_ctx {
	int64_t verzekeraar, jaar;
	struct arena *arena;
	struct store_rows r;
};

static rc_t lijst_tx(struct store *s, void *ctx, struct error *e)
{
	struct lijst_ctx *c = ctx;
	return store_verevening_lijst(s, c->verzekeraar, c->jaar, c->arena, &c->r, e);
}

/* The rows `who` may read. */
static rc_t lees(struct store *s, const struct principal *who, int64_t jaar, struct arena *arena,
		 struct store_rows *out, struct error *e)
{
	struct lijst_ctx c = {.jaar = jaar, .arena = arena};
	rc_t rc = jaarstaat_lezer(who, &c.verzekeraar, e);   /* the statements' readers */
	if (rc == RC_OK)
		rc = store_tx(s, STORE_READ, lijst_tx, &c, e);
	if (rc == RC_OK)
		*out = c.r;
	return rc;
}

rc_t verevening_lijst(struct store *s, const struct principal *who, int64_t jaar, struct arena *arena,
		      json_t **out, struct error *e)
{
	struct store_rows r;
	rc_t rc = lees(s, who, jaar, arena, &r, e);
	if (rc != RC_OK)
		return rc;
	json_t *l = json_array();
	for (size_t i = 0; l && i < r.nrows; i++)
		json_array_append_new(l, verevening_json(&r, i));
	*out = json_pack("{s:o}", "vereveningen", l ? l : json_array());
	return *out ? RC_OK : error_set(e, RC_NOMEM, "Onvoldoende geheugen.");
}


rc_t verevening_csv(struct store *s, const struct principal *who, int64_t jaar, struct arena *arena,
		    const char **csv, size_t *len, struct error *e)
{
	struct store_rows r;
	rc_t rc = lees(s, who, jaar, arena, &r, e);
	if (rc != RC_OK)
		return rc;
	char *buf = NULL;
	size_t n = 0;
	FILE *f = open_memstream(&buf, &n);
	if (!f)
		return error_set(e, RC_NOMEM, "Onvoldoende geheugen.");
	fputs("jaar;uzovi_code;verzekeraar;bedrag_euro;bedrag_cent;rechtsoordeel_id;boeking_id;verevend_op\r\n", f);
	for (size_t i = 0; i < r.nrows; i++) {
		char euro[BEDRAG_TEKST_BYTES];
		fprintf(f, "%" PRId64 ";", store_int(&r, i, SVV_JAAR, 0));
		csv_veld(f, store_text(&r, i, SVV_UZOVI));
		fputc(';', f);
		csv_veld(f, store_text(&r, i, SVV_NAAM));
		fprintf(f, ";%s;%" PRId64 ";%" PRId64 ";%s;", bedrag_getal(store_int(&r, i, SVV_BEDRAG, 0), euro, sizeof euro),
			store_int(&r, i, SVV_BEDRAG, 0), store_int(&r, i, SVV_OORDEEL, 0),
			store_text(&r, i, SVV_BOEKING) ? store_text(&r, i, SVV_BOEKING) : "");
		csv_veld(f, store_text(&r, i, SVV_OP));
		fputs("\r\n", f);
	}
	fclose(f);
	char *kopie = buf ? arena_strndup(arena, buf, n) : NULL;
	free(buf);
	if (!kopie)
		return error_set(e, RC_NOMEM, "Onvoldoende geheugen.");
	*csv = kopie;
	*len = n;
	return RC_OK;
}

rc_t verevening_xlsx(struct store *s, const struct principal *who, int64_t jaar, struct arena *arena,
		     const unsigned char **xlsx, size_t *len, struct error *e)
{
	static const struct werkblad_kolom kolommen[] = {
		{"Jaar", WERKBLAD_GETAL, 0, 8}, {"UZOVI-code", WERKBLAD_TEKST, 0, 12},
		{"Zorgverzekeraar", WERKBLAD_TEKST, 0, 32}, {"Bedrag (euro)", WERKBLAD_EURO, 4, 18},
		{"Bedrag (cent)", WERKBLAD_CENT, 0, 16}, {"Rechtsoordeel", WERKBLAD_GETAL, 0, 14},
		{"Boeking", WERKBLAD_GETAL, 0, 10}, {"Verevend op", WERKBLAD_DATUM, 0, 14},
	};
	enum { N = sizeof kolommen / sizeof kolommen[0] };
	struct store_rows r;
	rc_t rc = lees(s, who, jaar, arena, &r, e);
	if (rc != RC_OK)
		return rc;
	struct werkblad_cel *c = arena_alloc(arena, (r.nrows + 1) * N * sizeof *c);
	if (!c)
		return error_set(e, RC_NOMEM, "Onvoldoende geheugen.");
	for (size_t i = 0; i < r.nrows; i++) {
		struct werkblad_cel *rij = &c[i * N];
		rij[0].getal = store_int(&r, i, SVV_JAAR, 0);
		rij[1].tekst = store_text(&r, i, SVV_UZOVI);
		rij[2].tekst = store_text(&r, i, SVV_NAAM);
		rij[3].getal = rij[4].getal = store_int(&r, i, SVV_BEDRAG, 0);
		rij[5].getal = store_int(&r, i, SVV_OORDEEL, 0);
		rij[6].getal = store_int(&r, i, SVV_BOEKING, 0);
		rij[7].tekst = store_text(&r, i, SVV_OP);
	}
	return werkblad_xlsx("Vereveningen", kolommen, N, c, r.nrows, arena, xlsx, len, e);
}
