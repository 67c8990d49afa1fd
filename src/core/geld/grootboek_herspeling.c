/*
 * grootboek_herspeling.c -- replaying the ledger's log from zero and
 * comparing with the stored balances (grootboek_herspeel). See
 * grootboek.h and docs/grootboek.md.
 */
#include "core/geld/grootboek.h"
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/geld/grootboek_intern.h"
#include "core/basis/klok.h"


/* The index of account `id` (binary search), GEEN when unknown. */
static size_t afspeel_zoek(const struct afspeel *sp, int64_t id)
{
	size_t lo = 0, hi = sp->nrek;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if (sp->rek[mid].id == id)
			return mid;
		if (sp->rek[mid].id < id)
			lo = mid + 1;
		else
			hi = mid;
	}
	return GEEN;
}

/* Marks reservation `id` resolved; false when it already was (or on OOM,
 * with the reason said). */
static bool afspeel_markeer(struct afspeel *sp, int64_t id)
{
	if ((uint64_t)id >= sp->capafgehandeld) {
		size_t cap = sp->capafgehandeld ? sp->capafgehandeld : 4096;
		while (cap <= (uint64_t)id)
			cap *= 2;
		uint8_t *n = realloc(sp->afgehandeld, cap);
		if (!n) {
			snprintf(sp->reden, sizeof sp->reden, "onvoldoende geheugen");
			return false;
		}
		memset(n + sp->capafgehandeld, 0, cap - sp->capafgehandeld);
		sp->afgehandeld = n;
		sp->capafgehandeld = cap;
	}
	if (sp->afgehandeld[id]) {
		snprintf(sp->reden, sizeof sp->reden, "reservering %" PRId64 " wordt twee keer afgehandeld", id);
		return false;
	}
	sp->afgehandeld[id] = 1;
	return true;
}

/* A post or void (row r): checks it against its reservation and takes the
 * reserved amount out of the pending balances. */
static bool afspeel_afhandeling(struct afspeel *sp, const struct store_rows *rows, size_t r,
				struct store_gb_saldi *d, struct store_gb_saldi *c)
{
	int64_t id = store_int(rows, r, SGB_ID, 0), rid = store_int(rows, r, SGB_RESERVERING_ID, 0);
	int64_t bedrag = store_int(rows, r, SGB_BEDRAG, 0);
	int64_t gereserveerd = store_int(rows, r, SGB_RESERVERING_BEDRAG, 0);
	bool post = gb_gelijk(store_text(rows, r, SGB_SOORT), "boeking_van_reservering");
	if (rid <= 0 || rid >= id || !gb_gelijk(store_text(rows, r, SGB_RESERVERING_SOORT), "reservering") ||
	    store_int(rows, r, SGB_RESERVERING_DEBET_ID, 0) != store_int(rows, r, SGB_DEBET_ID, -1) ||
	    store_int(rows, r, SGB_RESERVERING_CREDIT_ID, 0) != store_int(rows, r, SGB_CREDIT_ID, -1)) {
		snprintf(sp->reden, sizeof sp->reden, "verwijst niet naar een eerdere reservering met dezelfde rekeningen");
		return false;
	}
	if (post ? bedrag > gereserveerd : bedrag != gereserveerd) {
		snprintf(sp->reden, sizeof sp->reden, "bedrag past niet bij de reservering");
		return false;
	}
	if (!afspeel_markeer(sp, rid))
		return false;
	d->debet_gereserveerd -= gereserveerd;
	c->credit_gereserveerd -= gereserveerd;
	if (d->debet_gereserveerd < 0 || c->credit_gereserveerd < 0) {
		snprintf(sp->reden, sizeof sp->reden, "gereserveerd saldo onder nul");
		return false;
	}
	if (post && (gb_optel(&d->debet_geboekt, bedrag) || gb_optel(&c->credit_geboekt, bedrag))) {
		snprintf(sp->reden, sizeof sp->reden, "overloop");
		return false;
	}
	return true;
}

/* True when the account obeys its cap with balances `b`. */
static bool binnen_grens(unsigned vlaggen, const struct store_gb_saldi *b)
{
	if (vlaggen == REKENING_DEBET_BEGRENSD)
		return (__int128)b->debet_geboekt + b->debet_gereserveerd <= b->credit_geboekt;
	if (vlaggen == REKENING_CREDIT_BEGRENSD)
		return (__int128)b->credit_geboekt + b->credit_gereserveerd <= b->debet_geboekt;
	return true;
}

/* Applies entry row r to the recomputed balances; false (with sp->reden)
 * when it breaks a rule. *d_out, *c_out: its accounts' indices. */
static bool afspeel_boeking(struct afspeel *sp, const struct store_rows *rows, size_t r,
			    size_t *d_out, size_t *c_out)
{
	size_t d = afspeel_zoek(sp, store_int(rows, r, SGB_DEBET_ID, 0));
	size_t c = afspeel_zoek(sp, store_int(rows, r, SGB_CREDIT_ID, 0));
	int64_t bedrag = store_int(rows, r, SGB_BEDRAG, 0);
	enum boeking_soort soort;
	if (d == GEEN || c == GEEN || d == c || bedrag <= 0 ||
	    !boeking_soort_lees(store_text(rows, r, SGB_SOORT), &soort)) {
		snprintf(sp->reden, sizeof sp->reden, "ongeldige rekeningen, soort of bedrag");
		return false;
	}
	struct store_gb_saldi dn = sp->her[d], cn = sp->her[c];
	bool ok = true;
	if (soort == BOEKING_DIRECT)
		ok = !(gb_optel(&dn.debet_geboekt, bedrag) || gb_optel(&cn.credit_geboekt, bedrag));
	else if (soort == BOEKING_RESERVERING)
		ok = !(gb_optel(&dn.debet_gereserveerd, bedrag) || gb_optel(&cn.credit_gereserveerd, bedrag));
	else if (!afspeel_afhandeling(sp, rows, r, &dn, &cn))
		return false;
	if (!ok) {
		snprintf(sp->reden, sizeof sp->reden, "overloop");
		return false;
	}
	if (!binnen_grens(sp->rek[d].vlaggen, &dn) || !binnen_grens(sp->rek[c].vlaggen, &cn)) {
		snprintf(sp->reden, sizeof sp->reden, "begrensde rekening %s of %s komt buiten haar grens",
			 sp->rek[d].code, sp->rek[c].code);
		return false;
	}
	sp->her[d] = dn;
	sp->her[c] = cn;
	*d_out = d;
	*c_out = c;
	return true;
}

/* Reads the stored accounts and sets their recomputed balances to zero. */
rc_t afspeel_begin(struct store *s, struct arena *arena, struct afspeel *sp, struct error *e)
{
	memset(sp, 0, sizeof *sp);
	rc_t rc = gb_rekeningen_lees(s, arena, &sp->rek, &sp->nrek, e);
	if (rc != RC_OK)
		return rc;
	sp->her = arena_alloc(arena, (sp->nrek + 1) * sizeof *sp->her);
	if (!sp->her)
		return error_set(e, RC_NOMEM, "Onvoldoende geheugen om te herspelen.");
	return RC_OK;
}

/* Replays the whole log in pages, calling fn (may be NULL) after each
 * entry; stops at the first breach (sp->breuk_id). */
rc_t afspeel_log(struct store *s, struct afspeel *sp, afspeel_fn fn, void *arg,
			struct error *e)
{
	rc_t rc = RC_OK;
	for (int64_t na = 0;;) {
		struct arena pagina;
		arena_init(&pagina, ARENA_DOSSIER_BYTES);
		struct store_rows rows;
		rc = store_gb_boeking_page(s, na, LEES_PAGINA, &pagina, &rows, e);
		for (size_t r = 0; rc == RC_OK && r < rows.nrows && !sp->breuk_id; r++) {
			size_t d = GEEN, c = GEEN;
			na = store_int(&rows, r, SGB_ID, 0);
			sp->boekingen++;
			if (!afspeel_boeking(sp, &rows, r, &d, &c))
				sp->breuk_id = na;
			else if (fn)
				rc = fn(arg, sp, &rows, r, d, c, e);
		}
		size_t gelezen = rc == RC_OK ? rows.nrows : 0;
		arena_release(&pagina);
		if (rc != RC_OK || sp->breuk_id || gelezen < LEES_PAGINA)
			return rc;
	}
}

/* Compares the recomputed balances with the stored ones, and the sums of
 * debits and credits. */
static void herspeel_vergelijk(const struct afspeel *sp, struct grootboek_herspeling *out)
{
	__int128 debet = 0, credit = 0, debet_res = 0, credit_res = 0;
	for (size_t i = 0; i < sp->nrek; i++) {
		const struct rekening *r = &sp->rek[i];
		const struct store_gb_saldi *h = &sp->her[i];
		debet += h->debet_geboekt;
		credit += h->credit_geboekt;
		debet_res += h->debet_gereserveerd;
		credit_res += h->credit_gereserveerd;
		if (out->klopt && (h->debet_geboekt != r->debet_geboekt_cent ||
				   h->credit_geboekt != r->credit_geboekt_cent ||
				   h->debet_gereserveerd != r->debet_gereserveerd_cent ||
				   h->credit_gereserveerd != r->credit_gereserveerd_cent)) {
			out->klopt = false;
			snprintf(out->rekening, sizeof out->rekening, "%s", r->code);
			snprintf(out->reden, sizeof out->reden,
				 "opgeslagen saldi van %s wijken af van het herspeelde logboek", r->code);
		}
	}
	if (out->klopt && (debet != credit || debet_res != credit_res)) {
		out->klopt = false;
		snprintf(out->reden, sizeof out->reden, "som van debet en credit is niet gelijk");
	}
}

/* store_tx function of grootboek_herspeel; *ctx is the outcome. */
static rc_t herspeel_tx(struct store *s, void *ctx, struct error *e)
{
	struct grootboek_herspeling *out = ctx;
	memset(out, 0, sizeof *out);
	struct arena a;
	arena_init(&a, WERK_ARENA_BYTES);
	struct afspeel sp;
	rc_t rc = afspeel_begin(s, &a, &sp, e);
	if (rc == RC_OK)
		rc = afspeel_log(s, &sp, NULL, NULL, e);
	if (rc == RC_OK) {
		out->boekingen = sp.boekingen;
		out->rekeningen = (int64_t)sp.nrek;
		out->klopt = sp.breuk_id == 0;
		out->boeking_id = sp.breuk_id;
		if (sp.breuk_id)
			snprintf(out->reden, sizeof out->reden, "boeking %" PRId64 ": %.200s", sp.breuk_id, sp.reden);
		else
			herspeel_vergelijk(&sp, out);
	}
	free(sp.afgehandeld);
	arena_release(&a);
	return rc;
}

rc_t grootboek_herspeel(struct store *s, struct grootboek_herspeling *out, struct error *e)
{
	struct grootboek_herspeling h;
	rc_t rc = store_tx(s, STORE_READ, herspeel_tx, &h, e);
	if (rc == RC_OK)
		*out = h;
	return rc;
}

