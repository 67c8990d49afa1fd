/*
 * grootboek_hledger.c -- the ledger as an hledger journal
 * (grootboek_hledger), written while replaying the log. See grootboek.h.
 */
#include "core/geld/grootboek.h"
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/geld/grootboek_intern.h"
#include "core/basis/klok.h"

/* Writes cents as hledger reads them: -1234567 -> "-12345.67". */
static void euro_hledger(int64_t cent, char *out, size_t n)
{
	uint64_t v = cent < 0 ? (uint64_t)0 - (uint64_t)cent : (uint64_t)cent;
	snprintf(out, n, "%s%" PRIu64 ".%02u", cent < 0 ? "-" : "", v / 100, (unsigned)(v % 100));
}

/* An account code as an hledger account name ("zvw/ai" -> "zvw:ai"); the
 * pending side lives under "Gereserveerd:", which no code can start with
 * (codes are lower case). */
static void hledger_naam(const char *code, bool gereserveerd, char *out, size_t n)
{
	int k = snprintf(out, n, "%s%s", gereserveerd ? "Gereserveerd:" : "", code);
	for (int i = 0; i < k && (size_t)i < n; i++)
		if (out[i] == '/')
			out[i] = ':';
}

/* One posting with its balance assertion. */
static void hledger_post(FILE *f, const char *code, bool gereserveerd, int64_t bedrag, int64_t saldo)
{
	char naam[GROOTBOEK_CODE_MAX + 16], a[40], b[40];
	hledger_naam(code, gereserveerd, naam, sizeof naam);
	euro_hledger(bedrag, a, sizeof a);
	euro_hledger(saldo, b, sizeof b);
	fprintf(f, "    %-40s  EUR %s = EUR %s\n", naam, a, b);
}

/* Free text for a description: ';' would start a comment there. */
static void hledger_tekst(FILE *f, const char *s)
{
	for (; s && *s; s++)
		fputc(*s == ';' ? ',' : *s, f);
}

/* afspeel_fn: writes the transaction of entry row r. Balances in hledger
 * are debit minus credit. */
static rc_t hledger_boeking(void *arg, const struct afspeel *sp, const struct store_rows *rows,
			    size_t r, size_t d, size_t c, struct error *e)
{
	FILE *f = arg;
	const struct store_gb_saldi *dn = &sp->her[d], *cn = &sp->her[c];
	const char *soort = store_text(rows, r, SGB_SOORT), *tijd = store_text(rows, r, SGB_TIJDSTIP);
	int64_t bedrag = store_int(rows, r, SGB_BEDRAG, 0);
	fprintf(f, "\n%.10s * (%s) %s %s", tijd, store_text(rows, r, SGB_ID), soort,
		store_text(rows, r, SGB_SLEUTEL));
	if (!gb_leeg(store_text(rows, r, SGB_OMSCHRIJVING))) {
		fputs(" | ", f);
		hledger_tekst(f, store_text(rows, r, SGB_OMSCHRIJVING));
	}
	fprintf(f, "\n    ; code:%s, tijdstip:%s", store_text(rows, r, SGB_CODE), tijd);
	if (store_text(rows, r, SGB_KETEN))
		fprintf(f, ", keten:%s", store_text(rows, r, SGB_KETEN));
	fputc('\n', f);
	const char *dc = sp->rek[d].code, *cc = sp->rek[c].code;
	if (strcmp(soort, "direct") != 0) {
		int64_t res = strcmp(soort, "reservering") == 0 ? bedrag
			      : store_int(rows, r, SGB_RESERVERING_BEDRAG, 0);
		int64_t teken = strcmp(soort, "reservering") == 0 ? 1 : -1;
		hledger_post(f, dc, true, teken * res, dn->debet_gereserveerd - dn->credit_gereserveerd);
		hledger_post(f, cc, true, -teken * res, cn->debet_gereserveerd - cn->credit_gereserveerd);
	}
	if (strcmp(soort, "direct") == 0 || strcmp(soort, "boeking_van_reservering") == 0) {
		hledger_post(f, dc, false, bedrag, dn->debet_geboekt - dn->credit_geboekt);
		hledger_post(f, cc, false, -bedrag, cn->debet_geboekt - cn->credit_geboekt);
	}
	return ferror(f) ? error_set(e, RC_IO, "Schrijven van het journaal mislukt.") : RC_OK;
}

/* The header: the commodity and every account with its kind and cap. */
static void hledger_kop(FILE *f, const struct afspeel *sp, const char *nu)
{
	fprintf(f, "; doorbraak grootboek, uitgevoerd %s\n"
		   "; Saldo = debet - credit. Gereserveerde bedragen staan onder Gereserveerd:.\n"
		   "; Controle: hledger -f BESTAND check -s\n\ncommodity EUR 1000.00\n", nu);
	for (size_t i = 0; i < sp->nrek; i++) {
		char naam[GROOTBOEK_CODE_MAX + 16];
		const struct rekening *r = &sp->rek[i];
		const char *grens = r->vlaggen == REKENING_DEBET_BEGRENSD ? "debet"
				    : r->vlaggen == REKENING_CREDIT_BEGRENSD ? "credit" : "geen";
		hledger_naam(r->code, false, naam, sizeof naam);
		fprintf(f, "account %s  ; soort:%s, grens:%s\n", naam, rekening_soort_naam(r->soort), grens);
		hledger_naam(r->code, true, naam, sizeof naam);
		fprintf(f, "account %s\n", naam);
	}
}

/* The closing transaction: every stored balance, asserted. Dated no
 * earlier than the last entry, so hledger checks it last. */
static void hledger_slot(FILE *f, const struct afspeel *sp, const char *datum)
{
	fprintf(f, "\n%.10s * eindsaldi volgens de opgeslagen rekeningen\n", datum);
	for (size_t i = 0; i < sp->nrek; i++) {
		const struct rekening *r = &sp->rek[i];
		hledger_post(f, r->code, false, 0, r->debet_geboekt_cent - r->credit_geboekt_cent);
		hledger_post(f, r->code, true, 0, r->debet_gereserveerd_cent - r->credit_gereserveerd_cent);
	}
}

struct hledger_ctx {
	char *buf;
	size_t len;
};

struct hledger_arg {
	FILE *f;
	char datum[16]; /* the latest date seen, for the closing transaction */
};

/* afspeel_fn: writes entry row r and keeps the latest date. */
static rc_t hledger_boeking_datum(void *arg, const struct afspeel *sp, const struct store_rows *rows,
				  size_t r, size_t d, size_t c, struct error *e)
{
	struct hledger_arg *h = arg;
	const char *tijd = store_text(rows, r, SGB_TIJDSTIP);
	if (tijd && strncmp(tijd, h->datum, 10) > 0)
		snprintf(h->datum, sizeof h->datum, "%.10s", tijd);
	return hledger_boeking(h->f, sp, rows, r, d, c, e);
}

/* store_tx function of grootboek_hledger: builds the journal in memory,
 * from scratch on every attempt. */
static rc_t hledger_tx(struct store *s, void *ctx, struct error *e)
{
	struct hledger_ctx *c = ctx;
	free(c->buf); /* an earlier attempt's text */
	c->buf = NULL;
	c->len = 0;
	struct hledger_arg h = {.f = open_memstream(&c->buf, &c->len)};
	if (!h.f)
		return error_set(e, RC_NOMEM, "Onvoldoende geheugen voor het journaal.");
	char nu[40];
	gb_tijdstip_nu(nu);
	snprintf(h.datum, sizeof h.datum, "%.10s", nu);
	struct arena a;
	arena_init(&a, WERK_ARENA_BYTES);
	struct afspeel sp;
	rc_t rc = afspeel_begin(s, &a, &sp, e);
	if (rc == RC_OK) {
		hledger_kop(h.f, &sp, nu);
		rc = afspeel_log(s, &sp, hledger_boeking_datum, &h, e);
	}
	if (rc == RC_OK && sp.breuk_id)
		rc = error_set(e, RC_INTERNAL, "Het grootboek klopt niet bij boeking %" PRId64 ": %s.",
			       sp.breuk_id, sp.reden);
	if (rc == RC_OK)
		hledger_slot(h.f, &sp, h.datum);
	if (fclose(h.f) != 0 && rc == RC_OK)
		rc = error_set(e, RC_IO, "Schrijven van het journaal mislukt.");
	free(sp.afgehandeld);
	arena_release(&a);
	return rc;
}

rc_t grootboek_hledger(struct store *s, FILE *out, struct error *e)
{
	struct hledger_ctx c = {0};
	rc_t rc = store_tx(s, STORE_READ, hledger_tx, &c, e);
	if (rc == RC_OK && c.len > 0 && fwrite(c.buf, 1, c.len, out) != c.len)
		rc = error_set(e, RC_IO, "Schrijven van het journaal mislukt.");
	if (rc == RC_OK && fflush(out) != 0)
		rc = error_set(e, RC_IO, "Schrijven van het journaal mislukt.");
	free(c.buf);
	return rc;
}
