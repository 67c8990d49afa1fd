/*
 * verantwoording.c -- the accountability document and its rules V1-V9.
 * See verantwoording.h and docs/verantwoording.md.
 */
#include "core/verantwoording/verantwoording.h"

#include <inttypes.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "core/basis/json.h"
#include "core/basis/tekst.h"

#define BRON_KOSTEN "[001 §5]"
#define BRON_JAREN "[001 §5], [001 §2]"
#define BRON_HULPMIDDELEN "[002 §4.1]"
#define BRON_IMPULS "[004 BE8]"

/* ---- reading ------------------------------------------------------------ */

static const char *const velden[] = {"jaar", "regels", "mijlpalen", "geen_dubbele_financiering",
				     "elders_gefinancierd_cent", NULL};
static const char *const regelvelden[] = {"zorgaanbieder", "kostensoort", "aard", "doel", "bedrag_cent",
					  "toelichting", NULL};

/* The enum value whose document name is `naam`; -1 when none. */
static int soort_van(const char *naam)
{
	for (int k = KOSTENSOORT_PERSONEEL; naam && k <= KOSTENSOORT_MATERIEEL; k++)
		if (strcmp(naam, aanvraag_kostensoort_naam((enum kostensoort)k)) == 0)
			return k;
	return -1;
}

static int aard_van(const char *naam)
{
	for (int k = KOSTENAARD_EENMALIG; naam && k <= KOSTENAARD_STRUCTUREEL; k++)
		if (strcmp(naam, aanvraag_aard_naam((enum kostenaard)k)) == 0)
			return k;
	return -1;
}

static int doel_van(const char *naam)
{
	for (int k = 0; naam && k < DOEL__AANTAL; k++)
		if (strcmp(naam, aanvraag_doel_naam((enum begrotingsdoel)k)) == 0)
			return k;
	return -1;
}

/* Reads one line at /regels/i; false when it has problems (added to e). */
static bool regel_lees(json_t *r, size_t i, struct verantwoording_regel *out, struct error *e)
{
	char waar[32];
	snprintf(waar, sizeof waar, "/regels/%zu", i);
	if (!json_is_object(r)) {
		error_add(e, waar, "type", NULL, "Een kostenregel is een object.");
		return false;
	}
	size_t voor = e->item_count;
	json_reject_unknown(r, regelvelden, waar, e);
	const char *soort = NULL, *aard = NULL, *doel = NULL;
	json_get_int(r, "zorgaanbieder", true, waar, &out->zorgaanbieder, e);
	json_get_int(r, "bedrag_cent", true, waar, &out->bedrag_cent, e);
	json_get_string(r, "toelichting", false, waar, &out->toelichting, e);
	char veld[48];
	if (json_get_string(r, "kostensoort", true, waar, &soort, e) && soort_van(soort) < 0) {
		snprintf(veld, sizeof veld, "%s/kostensoort", waar);
		error_add(e, veld, "onbekend", NULL, "Kostensoort is personeel of materieel.");
	}
	if (json_get_string(r, "aard", true, waar, &aard, e) && aard_van(aard) < 0) {
		snprintf(veld, sizeof veld, "%s/aard", waar);
		error_add(e, veld, "onbekend", NULL, "Aard is eenmalig of structureel.");
	}
	if (json_get_string(r, "doel", false, waar, &doel, e) && doel_van(doel) < 0) {
		snprintf(veld, sizeof veld, "%s/doel", waar);
		error_add(e, veld, "onbekend", NULL, "Onbekend doel '%s'.", doel);
	}
	if (out->toelichting && strlen(out->toelichting) > VERANTWOORDING_TOELICHTING_MAX) {
		snprintf(veld, sizeof veld, "%s/toelichting", waar);
		error_add(e, veld, "te_lang", NULL, "Een toelichting is hoogstens %d tekens.",
			  VERANTWOORDING_TOELICHTING_MAX);
	}
	out->kostensoort = soort_van(soort) < 0 ? KOSTENSOORT_PERSONEEL : (enum kostensoort)soort_van(soort);
	out->aard = aard_van(aard) < 0 ? KOSTENAARD_EENMALIG : (enum kostenaard)aard_van(aard);
	out->doel = doel_van(doel) < 0 ? DOEL_OVERIG : (enum begrotingsdoel)doel_van(doel);
	return e->item_count == voor;
}

rc_t verantwoording_lees(json_t *doc, struct arena *arena, struct verantwoording_invoer *out,
			 struct error *e)
{
	memset(out, 0, sizeof *out);
	if (!json_is_object(doc))
		return error_set(e, RC_INVALID, "De verantwoording is een JSON-object.");
	json_reject_unknown(doc, velden, "", e);
	json_get_int(doc, "jaar", true, "", &out->jaar, e);
	json_get_int(doc, "elders_gefinancierd_cent", false, "", &out->elders_gefinancierd_cent, e);
	bool janee = false;
	if (json_get_bool(doc, "geen_dubbele_financiering", false, "", &janee, e))
		out->geen_dubbele_financiering = janee ? JANEE_JA : JANEE_NEE;
	json_t *regels = NULL, *mijlpalen = NULL;
	if (json_get_array(doc, "regels", true, "", &regels, e)) {
		size_t n = json_array_size(regels);
		if (n > VERANTWOORDING_REGELS_MAX)
			error_add(e, "/regels", "te_veel", NULL, "Hoogstens %d kostenregels.", VERANTWOORDING_REGELS_MAX);
		out->regels = arena_alloc(arena, (n + 1) * sizeof *out->regels);
		if (!out->regels)
			return error_set(e, RC_NOMEM, "Onvoldoende geheugen.");
		for (size_t i = 0; i < n && i < VERANTWOORDING_REGELS_MAX; i++)
			regel_lees(json_array_get(regels, i), i, &out->regels[out->regel_aantal++], e);
	}
	if (json_get_array(doc, "mijlpalen", false, "", &mijlpalen, e)) {
		size_t n = json_array_size(mijlpalen);
		out->mijlpalen = arena_alloc(arena, (n + 1) * sizeof *out->mijlpalen);
		if (!out->mijlpalen)
			return error_set(e, RC_NOMEM, "Onvoldoende geheugen.");
		for (size_t i = 0; i < n && i < VERANTWOORDING_REGELS_MAX; i++) {
			const char *id = json_string_value(json_array_get(mijlpalen, i));
			if (!id) {
				char veld[32];
				snprintf(veld, sizeof veld, "/mijlpalen/%zu", i);
				error_add(e, veld, "type", NULL, "Een mijlpaal wordt genoemd bij zijn id, zoals \"m1\".");
				continue;
			}
			out->mijlpalen[out->mijlpaal_aantal++] = id;
		}
	}
	if (e->item_count > 0 || e->items_dropped > 0)
		return error_set(e, RC_INVALID, "De verantwoording is niet leesbaar.");
	return RC_OK;
}

/* ---- the rules --------------------------------------------------------------- */

static void vind(struct verantwoording_bevindingen *b, const char *code, const char *bron,
		 enum verantwoording_uitkomst u, const char *veld, const char *fmt, ...)
	__attribute__((format(printf, 6, 7)));

static void vind(struct verantwoording_bevindingen *b, const char *code, const char *bron,
		 enum verantwoording_uitkomst u, const char *veld, const char *fmt, ...)
{
	if (u == VB_NIET_VOLDAAN)
		b->compleet = false;
	if (b->aantal >= VERANTWOORDING_BEVINDINGEN_MAX) {
		b->weggelaten++;
		return;
	}
	struct verantwoording_bevinding *x = &b->lijst[b->aantal++];
	x->code = code;
	x->bron = bron;
	x->uitkomst = u;
	snprintf(x->veld, sizeof x->veld, "%s", veld);
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(x->bericht, sizeof x->bericht, fmt, ap);
	va_end(ap);
}

static bool bevat(const int64_t *l, size_t n, int64_t v)
{
	for (size_t i = 0; i < n; i++)
		if (l[i] == v)
			return true;
	return false;
}

/* The budget of (provider, kind, nature) in `jaar` in the granted version. */
static int64_t begroot(const struct verantwoording_project *p, int64_t jaar,
		       const struct verantwoording_regel *r)
{
	int64_t som = 0;
	for (size_t i = 0; i < p->begroting_aantal; i++) {
		const struct aanvraag_regel *b = &p->begroting[i];
		if (b->jaar == jaar && b->zorgaanbieder == r->zorgaanbieder && b->kostensoort == r->kostensoort &&
		    b->aard == r->aard && b->bedrag_cent > 0 && som <= INT64_MAX - b->bedrag_cent)
			som += b->bedrag_cent;
	}
	return som;
}

/* The actual costs of (provider, kind, nature) in the document. */
static int64_t werkelijk(const struct verantwoording_invoer *in, const struct verantwoording_regel *r,
			 bool *toegelicht)
{
	int64_t som = 0;
	*toegelicht = false;
	for (size_t i = 0; i < in->regel_aantal; i++) {
		const struct verantwoording_regel *x = &in->regels[i];
		if (x->zorgaanbieder != r->zorgaanbieder || x->kostensoort != r->kostensoort || x->aard != r->aard)
			continue;
		if (x->bedrag_cent > 0 && som <= INT64_MAX - x->bedrag_cent)
			som += x->bedrag_cent;
		*toegelicht = *toegelicht || tekst_aanwezig(x->toelichting);
	}
	return som;
}

/* V6: every (provider, kind, nature) group once, at its first line. */
static void afwijkingen(const struct verantwoording_invoer *in, const struct verantwoording_project *p,
			const struct verantwoording_kader *k, struct verantwoording_bevindingen *b)
{
	for (size_t i = 0; i < in->regel_aantal; i++) {
		const struct verantwoording_regel *r = &in->regels[i];
		bool eerder = false;
		for (size_t j = 0; j < i && !eerder; j++)
			eerder = in->regels[j].zorgaanbieder == r->zorgaanbieder &&
				 in->regels[j].kostensoort == r->kostensoort && in->regels[j].aard == r->aard;
		if (eerder)
			continue;
		bool toegelicht = false;
		int64_t w = werkelijk(in, r, &toegelicht), g = begroot(p, in->jaar, r);
		int64_t verschil = w > g ? w - g : g - w;
		/* beyond the tolerance: |w - g| * 10000 > g * tolerantie (128 bits) */
		__extension__ typedef __int128 i128;
		if ((i128)verschil * 10000 <= (i128)g * k->tolerantie_bp)
			continue;
		char veld[48];
		snprintf(veld, sizeof veld, "/regels/%zu/toelichting", i);
		vind(b, "afwijking_zonder_toelichting", BRON_KOSTEN, toegelicht ? VB_BEOORDELAAR : VB_NIET_VOLDAAN,
		     veld, "%s %s (%s) van zorgaanbieder %" PRId64 ": begroot %" PRId64 " cent, werkelijk %" PRId64
		     " cent, meer dan %" PRId64 ",%02" PRId64 " %% verschil; %s",
		     aanvraag_kostensoort_naam(r->kostensoort), aanvraag_aard_naam(r->aard),
		     g == 0 ? "niet begroot" : "begroot", r->zorgaanbieder, g, w, k->tolerantie_bp / 100,
		     k->tolerantie_bp % 100, toegelicht ? "de zorgverzekeraar weegt de toelichting."
						       : "licht het verschil toe.");
	}
}

/* V1-V5, V9 per line, with what is acceptable. */
static void regels_toets(const struct verantwoording_invoer *in, const struct verantwoording_project *p,
			 bool jaar_ok, struct verantwoording_bevindingen *b)
{
	for (size_t i = 0; i < in->regel_aantal; i++) {
		const struct verantwoording_regel *r = &in->regels[i];
		char veld[48];
		bool goed = jaar_ok;
		if (r->bedrag_cent <= 0) {
			snprintf(veld, sizeof veld, "/regels/%zu/bedrag_cent", i);
			vind(b, "werkelijke_kosten", BRON_KOSTEN, VB_NIET_VOLDAAN, veld,
			     "Alleen werkelijk gemaakte kosten worden vergoed: een kostenregel is een positief bedrag.");
			goed = false;
		}
		if (r->doel == DOEL_AANSCHAF_HULPMIDDELEN) {
			snprintf(veld, sizeof veld, "/regels/%zu/doel", i);
			vind(b, "hulpmiddelen", BRON_HULPMIDDELEN, VB_NIET_VOLDAAN, veld,
			     "De aanschaf van hulpmiddelen wordt niet uit de doorbraakmiddelen betaald.");
			goed = false;
		}
		if (r->aard == KOSTENAARD_STRUCTUREEL) {
			snprintf(veld, sizeof veld, "/regels/%zu/aard", i);
			vind(b, "structureel", BRON_IMPULS, VB_NIET_VOLDAAN, veld,
			     "Alleen de eenmalige impuls wordt vergoed; structurele kosten draagt de reguliere bekostiging.");
			goed = false;
		}
		if (!bevat(p->deelnemers, p->deelnemer_aantal, r->zorgaanbieder)) {
			snprintf(veld, sizeof veld, "/regels/%zu/zorgaanbieder", i);
			vind(b, "geen_deelnemer", BRON_KOSTEN, VB_NIET_VOLDAAN, veld,
			     "Organisatie %" PRId64 " hoort niet bij de coalitie van dit project.", r->zorgaanbieder);
			goed = false;
		}
		if (r->bedrag_cent > 0 && b->totaal_cent <= INT64_MAX - r->bedrag_cent)
			b->totaal_cent += r->bedrag_cent;
		if (goed && b->aanvaardbaar_cent <= INT64_MAX - r->bedrag_cent)
			b->aanvaardbaar_cent += r->bedrag_cent;
	}
}

void verantwoording_toets(const struct verantwoording_invoer *in,
			  const struct verantwoording_project *project,
			  const struct verantwoording_kader *kader,
			  const struct verantwoording_context *ctx,
			  struct verantwoording_bevindingen *out)
{
	memset(out, 0, sizeof *out);
	out->compleet = true;
	/* V2: the year */
	bool jaar_ok = bevat(project->jaren, project->jaar_aantal, in->jaar) && in->jaar >= project->beschikking_jaar;
	if (!jaar_ok)
		vind(out, "jaar_buiten_project", BRON_JAREN, VB_NIET_VOLDAAN, "/jaar",
		     "%" PRId64 " is geen jaar van dit project (de jaren van de bovengrens, niet vóór de beschikking "
		     "van %" PRId64 ").", in->jaar, project->beschikking_jaar);
	if (in->regel_aantal == 0)
		vind(out, "werkelijke_kosten", BRON_KOSTEN, VB_NIET_VOLDAAN, "/regels",
		     "Een verantwoording noemt de werkelijke kosten van het jaar, per zorgaanbieder.");
	regels_toets(in, project, jaar_ok, out);
	/* V5: nothing twice */
	if (in->geen_dubbele_financiering != JANEE_JA)
		vind(out, "dubbele_financiering", BRON_KOSTEN, VB_NIET_VOLDAAN, "/geen_dubbele_financiering",
		     "Verklaar dat geen van deze kosten ook elders is gefinancierd.");
	if (in->elders_gefinancierd_cent > 0)
		vind(out, "dubbele_financiering", BRON_KOSTEN, VB_NIET_VOLDAAN, "/elders_gefinancierd_cent",
		     "%" PRId64 " cent van deze kosten is elders gefinancierd: haal die uit de kostenregels.",
		     in->elders_gefinancierd_cent);
	/* V6: deviations need an explanation */
	afwijkingen(in, project, kader, out);
	/* V7: the accountant's statement from the threshold on */
	if (kader->accountant_vanaf_cent > 0 && out->totaal_cent >= kader->accountant_vanaf_cent &&
	    !ctx->heeft_accountantsverklaring)
		vind(out, "accountantsverklaring", BRON_KOSTEN, VB_NIET_VOLDAAN, "",
		     "Vanaf %" PRId64 " cent in een jaar hoort er een accountantsverklaring bij; voeg die toe als bijlage.",
		     kader->accountant_vanaf_cent);
	/* V8: late is shown */
	if (kader->deadline_us > 0 && ctx->ingediend_us > kader->deadline_us)
		vind(out, "te_laat", BRON_KOSTEN, VB_BEOORDELAAR, "",
		     "Ingediend na de termijn voor %" PRId64 "; de zorgverzekeraar weegt dat mee.", in->jaar);
	/* the milestones named must be the project's */
	for (size_t i = 0; i < in->mijlpaal_aantal; i++) {
		bool bekend = false;
		for (size_t j = 0; j < project->mijlpaal_aantal && !bekend; j++)
			bekend = strcmp(in->mijlpalen[i], project->mijlpalen[j]) == 0;
		if (!bekend) {
			char veld[32];
			snprintf(veld, sizeof veld, "/mijlpalen/%zu", i);
			vind(out, "onbekende_mijlpaal", BRON_KOSTEN, VB_NIET_VOLDAAN, veld,
			     "Mijlpaal '%.40s' hoort niet bij dit project.", in->mijlpalen[i]);
		}
	}
}

json_t *verantwoording_bevindingen_json(const struct verantwoording_bevindingen *b)
{
	static const char *const namen[] = {"voldaan", "beoordelaar", "niet_voldaan"};
	json_t *l = json_array();
	for (size_t i = 0; l && i < b->aantal; i++) {
		const struct verantwoording_bevinding *x = &b->lijst[i];
		json_array_append_new(l, json_pack("{s:s, s:s, s:s, s:s, s:s}", "code", x->code, "bron", x->bron,
						   "uitkomst", namen[x->uitkomst], "veld", x->veld, "bericht", x->bericht));
	}
	return json_pack("{s:b, s:I, s:I, s:o, s:I}", "compleet", b->compleet, "totaal_cent",
			 (json_int_t)b->totaal_cent, "aanvaardbaar_cent", (json_int_t)b->aanvaardbaar_cent,
			 "bevindingen", l ? l : json_array(), "weggelaten", (json_int_t)b->weggelaten);
}
