/*
 * toets.c -- the automated checks of an application, and the readers of
 * the data they compare with (a modelplan version's norms, the round).
 * See toets.h; the checks are listed in docs/aanvraag.md §5.
 *
 * Each check is one function that reports through meld(); when it
 * reports nothing, einde() records one voldaan finding, so the applicant
 * sees every check, passed or not.
 */
#include "core/aanvraag/toets.h"

#include <inttypes.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "core/basis/json.h"
#include "core/basis/klok.h"
#include "core/basis/tekst.h"
#include "core/basis/bedrag.h"

__extension__ typedef __int128 i128;

#define CENT_PER_MILJOEN 100000000 /* EUR 1 mln in cents */


/* ======================================================================
 * The checks, as data
 * ====================================================================== */

enum {
	C_MODELPLAN, C_ANTWOORDEN, C_REGIOCONTEXT, C_ZORGPADEN, C_GEGEVENS, C_SOMMEN,
	C_MIJLPALEN, C_COALITIE, C_VERZEKERAARS, C_VERKLARINGEN, C_HULPMIDDELEN,
	C_AFWIJKINGEN, C_IMPACTLAT, C_FTE_NORM, C_JAREN, C_IMPULS, C_STRUCTUREEL,
	C_GEZAMENLIJK, C_VERANDERKUNDIG, C_BEDRAGKADER, C__AANTAL
};

#define B_OPNAME "[004 \"Opname basiseisen\"]"
#define B_OPBOUW_I "[004 \"Opbouw en onderdelen van het modelplan I\"]"
#define B_OPBOUW_II "[004 \"Opbouw en onderdelen van het modelplan II\"]"
#define B_OPBOUW "[004 \"Opbouw en onderdelen van het modelplan\"]"

static const struct toets_check checks[C__AANTAL] = {
	[C_MODELPLAN] = {"T00-modelplan", 0, "[002 §4.2], [004 \"Doelstellingen\"]", true,
			 "Aanvraag op deze modelplanversie"},
	[C_ANTWOORDEN] = {"T01-antwoorden", 0, B_OPBOUW_I ", " B_OPBOUW_II ", " B_OPBOUW, true,
			  "Alle vragen van het modelplan beantwoord"},
	[C_REGIOCONTEXT] = {"T02-regiocontext", 0,
			    "[004 \"Algemene uitgangspunten modelplannen\"], " B_OPBOUW_I, true,
			    "Regionale context waar de vraag erom vraagt"},
	[C_ZORGPADEN] = {"T03-zorgpaden", 0, "[002 §4.1.2], [001 \"Van voorbereiding naar praktijk\"]",
			 true, "Zorgpad gekozen uit het toepassingsgebied"},
	[C_GEGEVENS] = {"T04-gegevens", 0, B_OPBOUW_II ", " B_OPBOUW, true,
			"Gegevens van coalitie, begroting, impact en structurele kosten volledig"},
	[C_SOMMEN] = {"T05-sommen", 0, B_OPBOUW_II ", [001 §2], [001 Gupta \"Aanpak\"]", true,
		      "Bedragen tellen op tot het totaal"},
	[C_MIJLPALEN] = {"T06-mijlpalen", 0, "[001 §2], " B_OPBOUW, true,
			 "Mijlpalen volgens het sjabloon van het modelplan"},
	[C_COALITIE] = {"T07-coalitie", 0, "[003 D5], [001 \"Werkwijze\"]", true,
			"Coalitie van zorgaanbieders met een penvoerder"},
	[C_VERZEKERAARS] = {"T08-verzekeraars", 0, "[002 §4.2], [001 \"Vervolgproces\"]", true,
			    "Coördinerende en tweede zorgverzekeraar, verschillend"},
	[C_VERKLARINGEN] = {"T09-verklaringen", 0, "[001 \"Werkwijze\"], " B_OPBOUW_II, true,
			    "Verklaringen afgegeven"},
	[C_HULPMIDDELEN] = {"T10-hulpmiddelen", 0, "[002 §4.1]", true,
			    "Geen aanschaf van hulpmiddelen"},
	[C_AFWIJKINGEN] = {"T11-afwijkingen", 0, "[001 \"Vervolgproces\"], [002 §4.2]", true,
			   "Elke afwijking en regionale aanpassing toegelicht"},
	[C_IMPACTLAT] = {"T12-impactlat", 1, B_OPNAME ", [001 Gupta \"Samenvatting\"]", false,
			 "Fte per EUR 1 mln tegen de impactlat van de ronde"},
	[C_FTE_NORM] = {"T13-fte-norm", 1, B_OPBOUW_II ", [002 §4.2]", false,
			"Fte per EUR 1 mln tegen de norm van het modelplan"},
	[C_JAREN] = {"T14-jaren", 4, B_OPNAME ", [002 §1], [002 §5a]", false,
		     "Kosten en mijlpalen alleen in toegestane jaren"},
	[C_IMPULS] = {"T15-eenmalige-impuls", 8, B_OPNAME, false,
		      "Eenmalige financiële impuls onderbouwd en borging beschreven"},
	[C_STRUCTUREEL] = {"T16-structureel", 9, B_OPNAME ", [001 Gupta \"Aanpak\"]", false,
			   "Besparing minstens zo hoog als de structurele kosten"},
	[C_GEZAMENLIJK] = {"T17-gezamenlijk", 12, B_OPNAME, false,
			   "Gezamenlijke aanvraag"},
	[C_VERANDERKUNDIG] = {"T18-veranderkundig", 13, B_OPNAME, false,
			      "Budget voor scholing en veranderkundige ondersteuning"},
	[C_BEDRAGKADER] = {"T19-bedragkader", 0, "[002 §4.2], " B_OPBOUW_II, false,
			   "Bedragen binnen de kaders van het modelplan"},
};

const struct toets_check *toets_checks(size_t *n)
{
	*n = C__AANTAL;
	return checks;
}

const char *toets_uitkomst_naam(enum toets_uitkomst u)
{
	switch (u) {
	case TOETS_VOLDAAN:
		return "voldaan";
	case TOETS_BEOORDELAAR:
		return "beoordelaar";
	case TOETS_NIET_VOLDAAN:
		return "niet_voldaan";
	}
	return "?";
}

/* ======================================================================
 * Reporting
 * ====================================================================== */

_Static_assert(TOETS_BEVINDINGEN_MAX >= C__AANTAL * (TOETS_PER_CHECK_MAX + 1),
	       "every check can report its maximum plus a summary");

/* The state of one run of toets_aanvraag(). */
struct toets {
	const struct aanvraag *a;
	const struct toets_context *ctx;
	const struct modelplan_normen *n;
	struct toets_resultaat *out;
	const struct toets_check *check;   /* the check running now */
	size_t gemeld;                     /* its findings so far */
	size_t onderdrukt;                 /* its findings beyond the maximum */
	enum toets_uitkomst slechtste_onderdrukt;
};

static void begin(struct toets *t, int c)
{
	t->check = &checks[c];
	t->gemeld = 0;
	t->onderdrukt = 0;
	t->slechtste_onderdrukt = TOETS_VOLDAAN;
}

static void bevinding_v(struct toets *t, enum toets_uitkomst u, const char *veld,
			const char *fmt, va_list ap)
{
	struct toets_resultaat *r = t->out;
	if (r->aantal >= TOETS_BEVINDINGEN_MAX) {
		r->weggelaten++;
		return;
	}
	struct toets_bevinding *b = &r->bevindingen[r->aantal++];
	b->check = t->check;
	b->resultaat = u;
	snprintf(b->veld, sizeof b->veld, "%s", veld ? veld : "");
	vsnprintf(b->bericht, sizeof b->bericht, fmt, ap);
}

/* Records a finding of the running check; beyond TOETS_PER_CHECK_MAX
 * they are only counted, and einde() sums them up. */
__attribute__((format(printf, 4, 5)))
static void meld(struct toets *t, enum toets_uitkomst u, const char *veld, const char *fmt, ...)
{
	if (t->gemeld >= TOETS_PER_CHECK_MAX) {
		t->onderdrukt++;
		if (u > t->slechtste_onderdrukt)
			t->slechtste_onderdrukt = u;
		return;
	}
	t->gemeld++;
	va_list ap;
	va_start(ap, fmt);
	bevinding_v(t, u, veld, fmt, ap);
	va_end(ap);
}

/* Ends the running check: a summary of suppressed findings, or one
 * voldaan finding with the given message when it reported nothing. */
__attribute__((format(printf, 3, 4)))
static void einde(struct toets *t, const char *veld, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	if (t->onderdrukt > 0) {
		char tekst[96];
		snprintf(tekst, sizeof tekst, "En nog %zu soortgelijke bevindingen bij deze toets.",
			 t->onderdrukt);
		struct toets_resultaat *r = t->out;
		if (r->aantal < TOETS_BEVINDINGEN_MAX) {
			struct toets_bevinding *b = &r->bevindingen[r->aantal++];
			b->check = t->check;
			b->resultaat = t->slechtste_onderdrukt;
			snprintf(b->veld, sizeof b->veld, "%s", veld);
			snprintf(b->bericht, sizeof b->bericht, "%s", tekst);
		} else {
			r->weggelaten++;
		}
	} else if (t->gemeld == 0) {
		bevinding_v(t, TOETS_VOLDAAN, veld, fmt, ap);
	}
	va_end(ap);
}

/* ======================================================================
 * Helpers on the application
 * ====================================================================== */

/* The kind of organisation `id`: from the caller's register when there
 * is one (ORGANISATIE_ONBEKEND when absent from it), else what the
 * document says. */
static enum organisatie_soort soort_van(const struct toets *t, int64_t id,
					enum organisatie_soort volgens_document)
{
	if (!t->ctx->organisaties)
		return volgens_document;
	for (size_t i = 0; i < t->ctx->organisatie_aantal; i++)
		if (t->ctx->organisaties[i].id == id)
			return t->ctx->organisaties[i].soort;
	return ORGANISATIE_ONBEKEND;
}

/* Index of participant `id` in the coalition, or -1. */
static long deelnemer_index(const struct aanvraag *a, int64_t id)
{
	for (size_t i = 0; i < a->coalitie.deelnemer_aantal; i++)
		if (a->coalitie.deelnemers[i].organisatie == id)
			return (long)i;
	return -1;
}

/* True when participant i is a care provider (by the register if any). */
static bool is_zorgaanbieder(const struct toets *t, size_t i)
{
	const struct aanvraag_deelnemer *d = &t->a->coalitie.deelnemers[i];
	return d->soort == ORGANISATIE_ZORGAANBIEDER &&
	       soort_van(t, d->organisatie, d->soort) == ORGANISATIE_ZORGAANBIEDER;
}

static size_t zorgaanbieders(const struct toets *t)
{
	size_t n = 0;
	for (size_t i = 0; i < t->a->coalitie.deelnemer_aantal; i++)
		n += is_zorgaanbieder(t, i);
	return n;
}

static const struct aanvraag_antwoord *antwoord(const struct aanvraag *a, const char *id,
						size_t *index)
{
	for (size_t i = 0; i < a->antwoord_aantal; i++)
		if (a->antwoorden[i].vraag_id && strcmp(a->antwoorden[i].vraag_id, id) == 0) {
			*index = i;
			return &a->antwoorden[i];
		}
	return NULL;
}

/* Joins ids into "a, b, c". */
static char *ids_tekst(char *buf, size_t n, const char (*ids)[NORMEN_ID_BYTES], size_t k)
{
	size_t off = 0;
	buf[0] = '\0';
	for (size_t i = 0; i < k && off < n; i++)
		off += (size_t)snprintf(buf + off, n - off, "%s%s", i ? ", " : "", ids[i]);
	return buf;
}

static bool in_ids(const char (*ids)[NORMEN_ID_BYTES], size_t k, const char *id)
{
	for (size_t i = 0; id && i < k; i++)
		if (strcmp(ids[i], id) == 0)
			return true;
	return false;
}

/* A year is allowed when the round allows it (2027, 2028; 2029 only when
 * the round says so) and the modelplan has it as a budget year
 * [004 "Opname basiseisen"] (4), [002 §5a]. */
static bool jaar_toegestaan(const struct toets *t, int64_t jaar)
{
	const struct toets_ronde *r = t->ctx->ronde;
	bool ronde = r->uitloopjaar_toegestaan && jaar == r->uitloopjaar;
	for (size_t i = 0; i < r->jaar_aantal; i++)
		ronde |= r->jaren[i] == jaar;
	return ronde && normen_jaar(t->n, jaar) != NULL;
}

static char *jaren_tekst(const struct toets *t, char *buf, size_t n)
{
	size_t off = 0;
	buf[0] = '\0';
	for (size_t i = 0; i < t->n->jaar_aantal && off < n; i++)
		if (jaar_toegestaan(t, t->n->jaren[i].jaar))
			off += (size_t)snprintf(buf + off, n - off, "%s%" PRId64, off ? ", " : "",
						t->n->jaren[i].jaar);
	return buf;
}

/* Reports every deviation of `soort` as a finding of the running check:
 * explained ones go to the assessors, unexplained ones are not met. */
static void spiegel(struct toets *t, enum afwijking_soort soort)
{
	const struct afwijking_lijst *l = &t->out->afwijkingen;
	for (size_t i = 0; i < l->aantal; i++) {
		const struct afwijking *w = &l->items[i];
		if (w->soort != soort)
			continue;
		if (w->toegelicht)
			meld(t, TOETS_BEOORDELAAR, w->veld,
			     "Toegelichte afwijking (%s): norm %s, aanvraag %s. De beoordelaars "
			     "wegen de toelichting in de verdiepte beoordeling.", w->element, w->norm,
			     w->waarde);
		else
			meld(t, TOETS_NIET_VOLDAAN, w->veld,
			     "Afwijking van het modelplan: norm %s, aanvraag %s. Pas de aanvraag aan of "
			     "licht de afwijking toe onder 'afwijkingen' met element \"%s\".",
			     w->norm, w->waarde, w->element);
	}
}

/* ======================================================================
 * Completeness and consistency (blocking)
 * ====================================================================== */

/* T00: the application names the modelplan version it is checked against
 * (an application is made on one modelplan version) [002 §4.2]. */
static void toets_modelplan(struct toets *t)
{
	const struct aanvraag *a = t->a;
	const struct modelplan_normen *n = t->n;
	begin(t, C_MODELPLAN);
	if (!a->modelplan_id || strcmp(a->modelplan_id, n->modelplan_id) != 0 ||
	    a->modelplan_versie != n->modelplan_versie)
		meld(t, TOETS_NIET_VOLDAAN, "/modelplan",
		     "De aanvraag noemt modelplan '%s' versie %" PRId64 ", maar is getoetst aan '%s' "
		     "versie %" PRId64 ". Kies de juiste modelplanversie.",
		     a->modelplan_id ? a->modelplan_id : "?", a->modelplan_versie, n->modelplan_id,
		     n->modelplan_versie);
	if (a->catalogus_versie != n->catalogus_versie)
		meld(t, TOETS_NIET_VOLDAAN, "/catalogus_versie",
		     "De aanvraag noemt catalogusversie %" PRId64 "; het modelplan hoort bij versie %"
		     PRId64 ". Pas 'catalogus_versie' aan.", a->catalogus_versie, n->catalogus_versie);
	einde(t, "/modelplan", "Aanvraag op %s versie %" PRId64 " (catalogus %" PRId64 ").",
	      n->modelplan_id, n->modelplan_versie, n->catalogus_versie);
}

/* Must question q be answered? Conditional questions only when their
 * condition holds [004 "Opbouw en onderdelen van het modelplan II"]. */
static bool vraag_vereist(const struct toets *t, const struct normen_vraag *q)
{
	switch (q->voorwaarde) {
	case VOORWAARDE_ALTIJD:
		return true;
	case VOORWAARDE_STRUCTURELE_KOSTEN:
		return t->a->structurele_kosten_per_jaar_cent > 0;
	case VOORWAARDE_MEERDERE_AANBIEDERS:
		return zorgaanbieders(t) > 1;
	case VOORWAARDE_ONBEPAALD:
		return false;
	}
	return true;
}

/* T01: every question of the modelplan answered; no answers to
 * questions the modelplan does not have. */
static void toets_antwoorden(struct toets *t)
{
	char veld[ERROR_FIELD_MAX];
	begin(t, C_ANTWOORDEN);
	for (size_t k = 0; k < t->n->vraag_aantal; k++) {
		const struct normen_vraag *q = &t->n->vragen[k];
		size_t i = 0;
		const struct aanvraag_antwoord *w = antwoord(t->a, q->id, &i);
		if (!vraag_vereist(t, q) || (w && tekst_aanwezig(w->tekst)))
			continue;
		if (w)
			snprintf(veld, sizeof veld, "/antwoorden/%zu/tekst", i);
		else
			snprintf(veld, sizeof veld, "/antwoorden");
		meld(t, TOETS_NIET_VOLDAAN, veld, "Vraag %s (%s) is nog niet beantwoord. "
		     "Beantwoord de vraag.", q->id, q->label);
	}
	for (size_t i = 0; i < t->a->antwoord_aantal; i++) {
		const char *id = t->a->antwoorden[i].vraag_id;
		bool bekend = false;
		for (size_t k = 0; id && k < t->n->vraag_aantal && !bekend; k++)
			bekend = strcmp(t->n->vragen[k].id, id) == 0;
		if (bekend || !id)
			continue;
		snprintf(veld, sizeof veld, "/antwoorden/%zu/vraag_id", i);
		meld(t, TOETS_NIET_VOLDAAN, veld, "Vraag %s hoort niet bij dit modelplan. "
		     "Verwijder dit antwoord of zet het bij de juiste vraag.", id);
	}
	einde(t, "/antwoorden", "Alle %zu vragen van het modelplan zijn beantwoord.",
	      t->n->vraag_aantal);
}

/* T02: regional context where the question is marked
 * "[aanvulling met (boven-)regio-context]" [004]. */
static void toets_regiocontext(struct toets *t)
{
	char veld[ERROR_FIELD_MAX];
	begin(t, C_REGIOCONTEXT);
	for (size_t k = 0; k < t->n->vraag_aantal; k++) {
		const struct normen_vraag *q = &t->n->vragen[k];
		size_t i = 0;
		const struct aanvraag_antwoord *w = antwoord(t->a, q->id, &i);
		if (!q->regiocontext || (w && tekst_aanwezig(w->regiocontext)))
			continue;
		if (w)
			snprintf(veld, sizeof veld, "/antwoorden/%zu/regiocontext", i);
		else
			snprintf(veld, sizeof veld, "/antwoorden");
		meld(t, TOETS_NIET_VOLDAAN, veld, "Vraag %s (%s) vraagt om de regionale context. "
		     "Beschrijf bij deze vraag de regionale context: de situatie in uw (boven)regio.", q->id, q->label);
	}
	einde(t, "/antwoorden", "Regionale context is gegeven bij alle vragen die erom vragen.");
}

/* T03: care pathway(s) chosen where the area has them and the modelplan
 * requires a choice (choice K5) [002 §4.1.2]. */
static void toets_zorgpaden(struct toets *t)
{
	char veld[ERROR_FIELD_MAX], keuze[512];
	const struct modelplan_normen *n = t->n;
	begin(t, C_ZORGPADEN);
	ids_tekst(keuze, sizeof keuze, n->zorgpaden, n->zorgpad_aantal);
	if (n->zorgpadkeuze_verplicht && t->a->zorgpad_aantal == 0)
		meld(t, TOETS_NIET_VOLDAAN, "/zorgpaden",
		     "Kies ten minste één zorgpad uit dit toepassingsgebied: %s.", keuze);
	for (size_t i = 0; i < t->a->zorgpad_aantal; i++) {
		const char *z = t->a->zorgpaden[i];
		if (!z || in_ids(n->zorgpaden, n->zorgpad_aantal, z))
			continue;
		snprintf(veld, sizeof veld, "/zorgpaden/%zu", i);
		if (n->zorgpad_aantal == 0)
			meld(t, TOETS_NIET_VOLDAAN, veld, "Dit toepassingsgebied kent geen zorgpaden; "
			     "verwijder '%s'.", z);
		else
			meld(t, TOETS_NIET_VOLDAAN, veld, "Zorgpad '%s' hoort niet bij dit "
			     "toepassingsgebied; kies uit %s.", z, keuze);
	}
	einde(t, "/zorgpaden", n->zorgpadkeuze_verplicht ? "Er is een zorgpad gekozen."
		  : "Voor dit modelplan hoeft geen zorgpad gekozen te worden.");
}

/* T04: the structured data of the form is filled in [004]. */
static void toets_gegevens(struct toets *t)
{
	const struct aanvraag *a = t->a;
	begin(t, C_GEGEVENS);
	if (a->coalitie.deelnemer_aantal == 0)
		meld(t, TOETS_NIET_VOLDAAN, "/coalitie/deelnemers",
		     "Noem de deelnemers van de coalitie: de zorgaanbieders (en eventueel gemeenten).");
	if (a->coalitie.penvoerder == 0)
		meld(t, TOETS_NIET_VOLDAAN, "/coalitie/penvoerder",
		     "Wijs een penvoerder aan: een zorgaanbieder uit de coalitie.");
	if (a->regel_aantal == 0)
		meld(t, TOETS_NIET_VOLDAAN, "/begroting", "Vul de begroting in: regels per "
		     "zorgaanbieder, jaar, kostensoort (personeel/materieel) en aard.");
	if (a->totaal_bedrag_cent <= 0)
		meld(t, TOETS_NIET_VOLDAAN, "/totaal_bedrag_cent",
		     "Vul het totaal gevraagde bedrag in.");
	if (a->fte_besparing_milli < 0)
		meld(t, TOETS_NIET_VOLDAAN, "/impact/fte_besparing_milli",
		     "Geef de verwachte fte-besparing bij volledige opschaling, bijvoorbeeld 12,5 fte.");
	if (!tekst_aanwezig(a->meetmethode))
		meld(t, TOETS_NIET_VOLDAAN, "/impact/meetmethode",
		     "Beschrijf hoe de fte-besparing en de werkdrukvermindering worden gemeten.");
	if (a->structurele_kosten_per_jaar_cent < 0)
		meld(t, TOETS_NIET_VOLDAAN, "/structureel/kosten_per_jaar_cent",
		     "Geef de structurele kosten per jaar na afloop (0 als die er niet zijn).");
	if (a->structurele_besparing_per_jaar_cent < 0)
		meld(t, TOETS_NIET_VOLDAAN, "/structureel/besparing_per_jaar_cent",
		     "Geef de onderbouwde structurele besparing per jaar.");
	for (size_t k = 0; k < t->n->eenheid_aantal; k++) {
		bool gegeven = false;
		for (size_t i = 0; i < a->eenheid_aantal && !gegeven; i++)
			gegeven = a->eenheden[i].id && strcmp(a->eenheden[i].id, t->n->eenheden[k].id) == 0;
		if (!gegeven)
			meld(t, TOETS_NIET_VOLDAAN, "/eenheden", "Geef het aantal eenheden '%s' "
			     "waarvoor u aanvraagt; het bedragkader per eenheid hangt ervan af.",
			     t->n->eenheden[k].id);
	}
	einde(t, "", "Coalitie, begroting, totaal, impact, meetmethode en structurele kosten "
	      "zijn ingevuld.");
}

/* T05a: the stated total equals the requested (financierbare) lines;
 * structural costs are reported but never requested [001 Gupta "Aanpak"]. */
static void sommen_totaal(struct toets *t)
{
	const struct aanvraag *a = t->a;
	const struct begroting_totalen *tot = &t->out->totalen;
	char x[40], y[40], z[40];
	if (a->totaal_bedrag_cent < 0 || a->totaal_bedrag_cent == tot->gevraagd_cent)
		return;
	bedrag_tekst(a->totaal_bedrag_cent, x, sizeof x);
	bedrag_tekst(tot->gevraagd_cent, y, sizeof y);
	if (tot->niet_financierbaar_cent > 0 &&
	    a->totaal_bedrag_cent - tot->gevraagd_cent == tot->niet_financierbaar_cent)
		meld(t, TOETS_NIET_VOLDAAN, "/totaal_bedrag_cent",
		     "Het totaal (%s) telt de structurele kosten (%s) mee; die worden niet uit de "
		     "doorbraakmiddelen betaald. Het gevraagde bedrag is %s.", x,
		     bedrag_tekst(tot->niet_financierbaar_cent, z, sizeof z), y);
	else
		meld(t, TOETS_NIET_VOLDAAN, "/totaal_bedrag_cent",
		     "Het totaal (%s) is niet gelijk aan de som van de financierbare "
		     "begrotingsregels (%s). Pas het totaal of de regels aan.", x, y);
}

/* T05b: per provider, the stated amount (question 5.9) equals its lines;
 * the providers together make the total. */
static void sommen_aanbieders(struct toets *t)
{
	const struct aanvraag *a = t->a;
	char veld[ERROR_FIELD_MAX], x[40], y[40];
	for (size_t i = 0; i < a->coalitie.deelnemer_aantal; i++) {
		const struct aanvraag_deelnemer *d = &a->coalitie.deelnemers[i];
		int64_t p = afwijking_gevraagd_aanbieder(a, t->n, d->organisatie);
		if (d->bedrag_cent < 0 || d->bedrag_cent == p)
			continue;
		snprintf(veld, sizeof veld, "/coalitie/deelnemers/%zu/bedrag_cent", i);
		meld(t, TOETS_NIET_VOLDAAN, veld, "Het bedrag van organisatie %" PRId64 " (%s) is "
		     "niet gelijk aan de som van haar financierbare begrotingsregels (%s).",
		     d->organisatie, bedrag_tekst(d->bedrag_cent, x, sizeof x),
		     bedrag_tekst(p, y, sizeof y));
	}
	if (a->coalitie.deelnemer_aantal > 0 && a->totaal_bedrag_cent >= 0 &&
	    a->som_deelnemers_cent != a->totaal_bedrag_cent)
		meld(t, TOETS_NIET_VOLDAAN, "/coalitie/deelnemers",
		     "De bedragen per deelnemer tellen op tot %s, het totaal is %s. Maak ze gelijk.",
		     bedrag_tekst(a->som_deelnemers_cent, x, sizeof x),
		     bedrag_tekst(a->totaal_bedrag_cent, y, sizeof y));
	if (a->mijlpaal_aantal > 0 && a->totaal_bedrag_cent >= 0 &&
	    a->som_mijlpalen_cent != a->totaal_bedrag_cent)
		meld(t, TOETS_NIET_VOLDAAN, "/mijlpalen",
		     "De bedragen van de mijlpalen tellen op tot %s, het totaal is %s. De betaling "
		     "loopt per mijlpaal, dus maak ze gelijk.",
		     bedrag_tekst(a->som_mijlpalen_cent, x, sizeof x),
		     bedrag_tekst(a->totaal_bedrag_cent, y, sizeof y));
}

/* T05c: units named in the budget or counted exist in the modelplan. */
static void sommen_eenheden(struct toets *t)
{
	char veld[ERROR_FIELD_MAX];
	for (size_t i = 0; i < t->a->regel_aantal; i++) {
		const char *u = t->a->begroting[i].eenheid_id;
		bool bekend = !u;
		for (size_t k = 0; u && k < t->n->eenheid_aantal; k++)
			bekend |= strcmp(t->n->eenheden[k].id, u) == 0;
		if (bekend)
			continue;
		snprintf(veld, sizeof veld, "/begroting/%zu/eenheid_id", i);
		meld(t, TOETS_NIET_VOLDAAN, veld, "Eenheid '%s' komt niet voor in het modelplan; "
		     "gebruik een eenheid uit de bedragkaders of laat het veld weg.", u);
	}
	for (size_t i = 0; i < t->a->eenheid_aantal; i++) {
		const char *u = t->a->eenheden[i].id;
		bool bekend = false;
		for (size_t k = 0; u && k < t->n->eenheid_aantal; k++)
			bekend |= strcmp(t->n->eenheden[k].id, u) == 0;
		if (bekend || !u)
			continue;
		snprintf(veld, sizeof veld, "/eenheden/%zu/id", i);
		meld(t, TOETS_NIET_VOLDAAN, veld, "Eenheid '%s' komt niet voor in het modelplan; "
		     "verwijder haar.", u);
	}
}

static void toets_sommen(struct toets *t)
{
	char x[40];
	begin(t, C_SOMMEN);
	sommen_totaal(t);
	sommen_aanbieders(t);
	sommen_eenheden(t);
	einde(t, "/totaal_bedrag_cent", "Begroting, bedragen per zorgaanbieder en mijlpalen "
	      "tellen op tot het totaal van %s.",
	      bedrag_tekst(t->out->totalen.gevraagd_cent, x, sizeof x));
}

/* T06: the milestones are those of the template, each once, in the order
 * of the template (payment per milestone reached) [001 §2]. */
static void toets_mijlpalen(struct toets *t)
{
	const struct aanvraag *a = t->a;
	char veld[ERROR_FIELD_MAX];
	int64_t vorige_dag = INT64_MIN;
	const char *vorige = NULL;
	begin(t, C_MIJLPALEN);
	for (size_t k = 0; k < t->n->mijlpaal_aantal; k++) {
		const struct normen_mijlpaal *m = &t->n->mijlpalen[k];
		size_t i = 0;
		while (i < a->mijlpaal_aantal && (!a->mijlpalen[i].id || strcmp(a->mijlpalen[i].id, m->id)))
			i++;
		if (i == a->mijlpaal_aantal) {
			meld(t, TOETS_NIET_VOLDAAN, "/mijlpalen", "Mijlpaal %s (%s) ontbreekt; neem "
			     "hem op met streefdatum en bedrag.", m->id, m->naam);
			continue;
		}
		if (a->mijlpalen[i].streefdatum && a->mijlpalen[i].streefdag < vorige_dag) {
			snprintf(veld, sizeof veld, "/mijlpalen/%zu/streefdatum", i);
			meld(t, TOETS_NIET_VOLDAAN, veld, "Mijlpaal %s ligt vóór mijlpaal %s; de "
			     "mijlpalen volgen elkaar op. Pas de streefdatum aan.", m->id, vorige);
		}
		if (a->mijlpalen[i].streefdatum) {
			vorige_dag = a->mijlpalen[i].streefdag;
			vorige = m->id;
		}
	}
	for (size_t i = 0; i < a->mijlpaal_aantal; i++) {
		if (!a->mijlpalen[i].id || normen_mijlpaal(t->n, a->mijlpalen[i].id))
			continue;
		snprintf(veld, sizeof veld, "/mijlpalen/%zu/id", i);
		meld(t, TOETS_NIET_VOLDAAN, veld, "Mijlpaal '%s' staat niet in het modelplan; "
		     "gebruik de mijlpalen van het modelplan.", a->mijlpalen[i].id);
	}
	einde(t, "/mijlpalen", "Alle %zu mijlpalen van het modelplan staan erin, in volgorde.",
	      t->n->mijlpaal_aantal);
}

/* T07a: each participant is what it says (per the register), a provider
 * names its sector, and a municipality receives no Zvw money: the money
 * is for Zvw providers transforming their own care [001 "Werkwijze"]. */
static void coalitie_deelnemer(struct toets *t, size_t i)
{
	const struct aanvraag_deelnemer *d = &t->a->coalitie.deelnemers[i];
	char veld[ERROR_FIELD_MAX], keuze[256];
	enum organisatie_soort echt = soort_van(t, d->organisatie, d->soort);
	snprintf(veld, sizeof veld, "/coalitie/deelnemers/%zu/organisatie", i);
	if (echt == ORGANISATIE_ONBEKEND)
		meld(t, TOETS_NIET_VOLDAAN, veld, "Organisatie %" PRId64 " is niet bekend; "
		     "registreer haar eerst of kies een bestaande organisatie.", d->organisatie);
	else if (echt != d->soort)
		meld(t, TOETS_NIET_VOLDAAN, veld, "Organisatie %" PRId64 " is geregistreerd als %s, "
		     "maar de aanvraag noemt haar %s. Pas 'soort' aan%s.", d->organisatie,
		     aanvraag_organisatie_soort_naam(echt),
		     aanvraag_organisatie_soort_naam(d->soort), echt == ORGANISATIE_ZORGVERZEKERAAR ?
		     " (een zorgverzekeraar is beoordelaar, geen deelnemer)" : "");
	snprintf(veld, sizeof veld, "/coalitie/deelnemers/%zu/sector", i);
	ids_tekst(keuze, sizeof keuze, t->n->sectoren, t->n->sector_aantal);
	if (d->soort == ORGANISATIE_ZORGAANBIEDER && !d->sector)
		meld(t, TOETS_NIET_VOLDAAN, veld, "Geef de sector van zorgaanbieder %" PRId64
		     " (%s).", d->organisatie, keuze);
	else if (d->sector && !in_ids(t->n->sectoren, t->n->sector_aantal, d->sector))
		meld(t, TOETS_NIET_VOLDAAN, veld, "Sector '%s' staat niet in de catalogus; kies "
		     "uit %s.", d->sector, keuze);
	snprintf(veld, sizeof veld, "/coalitie/deelnemers/%zu/bedrag_cent", i);
	if (d->soort == ORGANISATIE_GEMEENTE && d->bedrag_cent > 0)
		meld(t, TOETS_NIET_VOLDAAN, veld, "Gemeente %" PRId64 " kan geen "
		     "Zvw-doorbraakmiddelen ontvangen; zet het bedrag op 0.", d->organisatie);
}

/* T07b: the lead is a care provider of the coalition: municipalities may
 * take part but never apply on their own [003 D5]. */
static void coalitie_penvoerder(struct toets *t)
{
	const struct aanvraag *a = t->a;
	int64_t p = a->coalitie.penvoerder;
	long i = deelnemer_index(a, p);
	if (a->coalitie.deelnemer_aantal > 0 && zorgaanbieders(t) == 0)
		meld(t, TOETS_NIET_VOLDAAN, "/coalitie/deelnemers", "De coalitie heeft geen "
		     "zorgaanbieder. Gemeenten kunnen geen zelfstandige aanvrager zijn; zij doen mee "
		     "in het plan van een Zvw-zorgaanbieder. Voeg zorgaanbieders toe.");
	if (p == 0)
		return;
	if (i < 0)
		meld(t, TOETS_NIET_VOLDAAN, "/coalitie/penvoerder", "De penvoerder (organisatie %"
		     PRId64 ") staat niet in de deelnemerslijst; voeg haar toe als zorgaanbieder.", p);
	else if (!is_zorgaanbieder(t, (size_t)i))
		meld(t, TOETS_NIET_VOLDAAN, "/coalitie/penvoerder", "De penvoerder moet een "
		     "zorgaanbieder zijn; organisatie %" PRId64 " is dat niet (gemeenten kunnen geen "
		     "zelfstandige aanvrager zijn). Kies een zorgaanbieder als penvoerder.", p);
}

/* T07c: every budget line belongs to a care provider of the coalition. */
static void coalitie_regels(struct toets *t)
{
	char veld[ERROR_FIELD_MAX];
	for (size_t r = 0; r < t->a->regel_aantal; r++) {
		int64_t z = t->a->begroting[r].zorgaanbieder;
		long i = deelnemer_index(t->a, z);
		if (z <= 0 || (i >= 0 && is_zorgaanbieder(t, (size_t)i)))
			continue;
		snprintf(veld, sizeof veld, "/begroting/%zu/zorgaanbieder", r);
		meld(t, TOETS_NIET_VOLDAAN, veld, "Organisatie %" PRId64 " is geen zorgaanbieder in "
		     "de coalitie; begrotingsregels horen bij een zorgaanbieder uit de coalitie.", z);
	}
}

static void toets_coalitie(struct toets *t)
{
	begin(t, C_COALITIE);
	for (size_t i = 0; i < t->a->coalitie.deelnemer_aantal; i++)
		coalitie_deelnemer(t, i);
	coalitie_penvoerder(t);
	coalitie_regels(t);
	einde(t, "/coalitie", "De coalitie bestaat uit %zu zorgaanbieder(s) met een "
	      "zorgaanbieder als penvoerder.", zorgaanbieders(t));
}

/* T08: a coordinating and a second insurer, two different insurers,
 * neither of them a participant [002 §4.2], [001 "Vervolgproces"]. */
static void verzekeraar(struct toets *t, int64_t id, const char *veld, const char *rol)
{
	if (id == 0) {
		meld(t, TOETS_NIET_VOLDAAN, veld, "Noem de %s zorgverzekeraar.", rol);
		return;
	}
	if (t->ctx->organisaties && soort_van(t, id, ORGANISATIE_ZORGVERZEKERAAR) !=
	    ORGANISATIE_ZORGVERZEKERAAR)
		meld(t, TOETS_NIET_VOLDAAN, veld, "Organisatie %" PRId64 " is geen (bekende) "
		     "zorgverzekeraar; kies een zorgverzekeraar als %s verzekeraar.", id, rol);
	if (deelnemer_index(t->a, id) >= 0)
		meld(t, TOETS_NIET_VOLDAAN, veld, "Zorgverzekeraar %" PRId64 " staat ook als "
		     "deelnemer in de coalitie; een verzekeraar beoordeelt en is geen deelnemer.", id);
}

static void toets_verzekeraars(struct toets *t)
{
	const struct aanvraag_coalitie *c = &t->a->coalitie;
	begin(t, C_VERZEKERAARS);
	verzekeraar(t, c->coordinerend_verzekeraar, "/coalitie/coordinerend_verzekeraar",
		    "coördinerende");
	verzekeraar(t, c->tweede_verzekeraar, "/coalitie/tweede_verzekeraar", "tweede");
	if (c->coordinerend_verzekeraar != 0 && c->coordinerend_verzekeraar == c->tweede_verzekeraar)
		meld(t, TOETS_NIET_VOLDAAN, "/coalitie/tweede_verzekeraar", "De tweede "
		     "zorgverzekeraar moet een andere zijn dan de coördinerende; kies een tweede "
		     "verzekeraar.");
	einde(t, "/coalitie", "Coördinerende (%" PRId64 ") en tweede (%" PRId64 ") "
	      "zorgverzekeraar zijn twee verschillende verzekeraars.",
	      c->coordinerend_verzekeraar, c->tweede_verzekeraar);
}

/* T09: the declarations (no double financing; no earlier IZA
 * transformation funds for the same thing; knowledge shared free of
 * charge) [001 "Werkwijze"], [004 "Opbouw en onderdelen van het modelplan II"]. */
static void verklaring(struct toets *t, enum janee v, const char *sleutel, const char *wat)
{
	char veld[ERROR_FIELD_MAX];
	snprintf(veld, sizeof veld, "/verklaringen/%s", sleutel);
	if (v == JANEE_LEEG)
		meld(t, TOETS_NIET_VOLDAAN, veld, "Geef de verklaring dat %s.", wat);
	else if (v == JANEE_NEE)
		meld(t, TOETS_NIET_VOLDAAN, veld, "Zonder de verklaring dat %s kan de aanvraag niet "
		     "worden ingediend. Pas het plan aan zodat u haar kunt afgeven.", wat);
}

static void toets_verklaringen(struct toets *t)
{
	begin(t, C_VERKLARINGEN);
	verklaring(t, t->a->geen_dubbele_financiering, "geen_dubbele_financiering",
		   "er geen dubbele financiering is (met reguliere zorg of andere middelen)");
	verklaring(t, t->a->geen_eerdere_iza_transformatiemiddelen,
		   "geen_eerdere_iza_transformatiemiddelen",
		   "hiervoor niet eerder IZA-transformatiemiddelen of subsidie zijn ontvangen");
	verklaring(t, t->a->kennis_kosteloos_delen, "kennis_kosteloos_delen",
		   "de kennis uit het project om niet beschikbaar komt voor anderen");
	einde(t, "/verklaringen", "Alle drie de verklaringen zijn afgegeven.");
}

/* T10: the purchase of hulpmiddelen itself cannot be funded: hulpmiddelen
 * care is outside the Wmg; knowledge networks on their use can be
 * [002 §4.1] (rule aanschaf-hulpmiddelen-uitgesloten). */
static void toets_hulpmiddelen(struct toets *t)
{
	char veld[ERROR_FIELD_MAX], x[40];
	begin(t, C_HULPMIDDELEN);
	for (size_t i = 0; i < t->a->regel_aantal; i++) {
		const struct aanvraag_regel *r = &t->a->begroting[i];
		if (r->doel != DOEL_AANSCHAF_HULPMIDDELEN || r->bedrag_cent <= 0 ||
		    !normen_financierbaar(t->n, r->kostensoort, r->aard))
			continue;
		snprintf(veld, sizeof veld, "/begroting/%zu/doel", i);
		meld(t, TOETS_NIET_VOLDAAN, veld, "De aanschaf van hulpmiddelen (%s) kan niet uit de "
		     "doorbraakmiddelen worden betaald: hulpmiddelenzorg valt buiten de Wmg. Verwijder "
		     "de regel; kennisnetwerken over het gebruik mogen wel (doel 'kennisdeling').",
		     bedrag_tekst(r->bedrag_cent, x, sizeof x));
	}
	einde(t, "/begroting", "Er wordt geen aanschaf van hulpmiddelen gevraagd.");
}

/* T11: every deviation from a normative element, and every regional
 * adjustment, carries an explanation before submission (pas toe of leg
 * uit) [001 "Vervolgproces"], [002 §4.2]. */
static void toets_afwijkingen(struct toets *t)
{
	const struct afwijking_lijst *l = &t->out->afwijkingen;
	const struct aanvraag *a = t->a;
	char veld[ERROR_FIELD_MAX];
	begin(t, C_AFWIJKINGEN);
	for (size_t i = 0; i < l->aantal; i++) {
		const struct afwijking *w = &l->items[i];
		if (w->toegelicht)
			meld(t, TOETS_BEOORDELAAR, w->veld, "Toegelichte afwijking (%s): norm %s, "
			     "aanvraag %s. Route verdiept: de beoordelaars wegen de toelichting.",
			     w->element, w->norm, w->waarde);
		else
			meld(t, TOETS_NIET_VOLDAAN, w->veld, "Afwijking zonder toelichting: norm %s, "
			     "aanvraag %s. Licht haar toe onder 'afwijkingen' met element \"%s\", of "
			     "pas de aanvraag aan.", w->norm, w->waarde, w->element);
	}
	if (l->weggelaten > 0)
		meld(t, TOETS_NIET_VOLDAAN, "/afwijkingen", "Er zijn nog %zu afwijkingen meer; "
		     "breng de aanvraag dichter bij het modelplan.", l->weggelaten);
	for (size_t i = 0; i < a->aanpassing_aantal; i++) {
		const struct aanvraag_aanpassing *p = &a->aanpassingen[i];
		bool uitgelegd = tekst_aanwezig(p->toelichting);
		snprintf(veld, sizeof veld, "/regionale_aanpassingen/%zu/toelichting", i);
		meld(t, uitgelegd ? TOETS_BEOORDELAAR : TOETS_NIET_VOLDAAN, veld, uitgelegd ?
		     "Regionale aanpassing '%s'. Route verdiept: de beoordelaars wegen de toelichting."
		     : "Licht de regionale aanpassing '%s' toe.", p->onderwerp ? p->onderwerp : "");
	}
	einde(t, "/afwijkingen", "Geen afwijkingen van het modelplan en geen regionale "
	      "aanpassingen: route licht.");
}

/* ======================================================================
 * Basic requirements and frames (never blocking: the assessors decide)
 * ====================================================================== */

/* T12 (1): fte saved per EUR 1 mln of the one-off request against the
 * round's impact bar [001 Gupta "Samenvatting"]. Exact: with F the fte
 * (milli), R the request (cent) and L the bar (milli-fte per EUR 1 mln),
 * F / (R / 10^8) >= L  <=>  F x 10^8 >= L x R, in 128 bits. */
static void toets_impactlat(struct toets *t)
{
	const struct toets_ronde *r = t->ctx->ronde;
	int64_t f = t->a->fte_besparing_milli, geld = t->out->totalen.gevraagd_cent;
	char x[32], y[32];
	begin(t, C_IMPACTLAT);
	if (f < 0 || geld <= 0) {
		meld(t, TOETS_NIET_VOLDAAN, "/impact/fte_besparing_milli", "Vul de fte-besparing en "
		     "de begroting in; dan wordt de impact per EUR 1 mln berekend.");
	} else if (r->impactlat_fte_per_miljoen_milli <= 0) {
		i128 per = (i128)f * CENT_PER_MILJOEN / geld;
		meld(t, TOETS_BEOORDELAAR, "/impact/fte_besparing_milli", "De aanvraag levert %s fte "
		     "per EUR 1 mln. Het BO IZA/AZWA heeft de impactlat nog niet gekozen; de "
		     "beoordelaars wegen de impact.",
		     duizendsten_tekst(per > INT64_MAX ? INT64_MAX : (int64_t)per, x, sizeof x));
	} else if ((i128)f * CENT_PER_MILJOEN < (i128)r->impactlat_fte_per_miljoen_milli * geld) {
		i128 per = (i128)f * CENT_PER_MILJOEN / geld;
		meld(t, TOETS_NIET_VOLDAAN, "/impact/fte_besparing_milli", "De aanvraag levert %s fte "
		     "per EUR 1 mln; de impactlat (%s) is %s. Verhoog de fte-besparing of verlaag het "
		     "gevraagde bedrag.", duizendsten_tekst((int64_t)per, x, sizeof x),
		     r->impactlat_id, duizendsten_tekst(r->impactlat_fte_per_miljoen_milli, y, sizeof y));
	}
	i128 per = geld > 0 && f >= 0 ? (i128)f * CENT_PER_MILJOEN / geld : 0;
	einde(t, "/impact/fte_besparing_milli", "De aanvraag levert %s fte per EUR 1 mln; de "
	      "impactlat (%s) is %s.", duizendsten_tekst(per > INT64_MAX ? INT64_MAX : (int64_t)per,
	      x, sizeof x), r->impactlat_id,
	      duizendsten_tekst(r->impactlat_fte_per_miljoen_milli, y, sizeof y));
}

/* T13 (1): fte per EUR 1 mln against the modelplan's norm, within its
 * tolerance (a normative element: deviations need explaining). */
static void toets_fte_norm(struct toets *t)
{
	char x[32];
	begin(t, C_FTE_NORM);
	if (t->a->fte_besparing_milli < 0 || t->out->totalen.gevraagd_cent <= 0)
		meld(t, TOETS_NIET_VOLDAAN, "/impact/fte_besparing_milli", "Vul de fte-besparing en "
		     "de begroting in; dan wordt de impact tegen de norm van het modelplan gelegd.");
	spiegel(t, AFWIJKING_FTE_NORM);
	einde(t, "/impact/fte_besparing_milli", "De fte-impact haalt de norm van het modelplan "
	      "(%s fte per EUR 1 mln).",
	      duizendsten_tekst(t->n->min_fte_per_miljoen_milli, x, sizeof x));
}

static int64_t jaar_van_datum(const char *iso)
{
	return (iso[0] - '0') * 1000 + (iso[1] - '0') * 100 + (iso[2] - '0') * 10 + (iso[3] - '0');
}

/* T14 (4): requested costs and milestones only in allowed years
 * (2027-2028; 2029 where the round allows), and no more than the
 * modelplan's share in a year [004 "Opname basiseisen"], [002 §5a]. */
static void toets_jaren(struct toets *t)
{
	char veld[ERROR_FIELD_MAX], jaren[64];
	begin(t, C_JAREN);
	jaren_tekst(t, jaren, sizeof jaren);
	for (size_t i = 0; i < t->a->regel_aantal; i++) {
		const struct aanvraag_regel *r = &t->a->begroting[i];
		if (r->bedrag_cent <= 0 || !normen_financierbaar(t->n, r->kostensoort, r->aard) ||
		    jaar_toegestaan(t, r->jaar))
			continue;
		snprintf(veld, sizeof veld, "/begroting/%zu/jaar", i);
		meld(t, TOETS_NIET_VOLDAAN, veld, "Kosten in %" PRId64 " zijn niet toegestaan; de "
		     "middelen worden besteed in %s. Verplaats deze kosten.", r->jaar, jaren);
	}
	for (size_t i = 0; i < t->a->mijlpaal_aantal; i++) {
		const struct aanvraag_mijlpaal *m = &t->a->mijlpalen[i];
		if (!m->streefdatum || jaar_toegestaan(t, jaar_van_datum(m->streefdatum)))
			continue;
		snprintf(veld, sizeof veld, "/mijlpalen/%zu/streefdatum", i);
		meld(t, TOETS_NIET_VOLDAAN, veld, "Mijlpaal %s valt in %" PRId64 "; mijlpalen vallen "
		     "in %s. Vervroeg de streefdatum.", m->id ? m->id : "?",
		     jaar_van_datum(m->streefdatum), jaren);
	}
	spiegel(t, AFWIJKING_JAARAANDEEL);
	einde(t, "/begroting", "Kosten en mijlpalen vallen in %s, binnen de maxima per jaar.", jaren);
}

/* T15 (8): why the application cannot get off the ground without a
 * one-off impulse, and how it is secured afterwards through regular
 * operation and contracting [004 "Opname basiseisen"]. */
static void toets_impuls(struct toets *t)
{
	begin(t, C_IMPULS);
	if (!tekst_aanwezig(t->a->impuls_toelichting))
		meld(t, TOETS_NIET_VOLDAAN, "/eenmalige_impuls/toelichting", "Leg uit waarom de "
		     "toepassing niet van de grond komt zonder een eenmalige financiële impuls.");
	if (!tekst_aanwezig(t->a->impuls_borging))
		meld(t, TOETS_NIET_VOLDAAN, "/eenmalige_impuls/borging", "Beschrijf hoe de "
		     "eenmalige impuls na afloop wordt geborgd via reguliere exploitatie en "
		     "contractering.");
	einde(t, "/eenmalige_impuls", "De eenmalige impuls is onderbouwd en de borging "
	      "beschreven.");
}

/* T16 (9): with structural costs, the substantiated savings are at
 * least as high [004 "Opname basiseisen"]; structural costs are covered
 * otherwise [001 Gupta "Aanpak"]. */
static void toets_structureel(struct toets *t)
{
	int64_t k = t->a->structurele_kosten_per_jaar_cent;
	int64_t b = t->a->structurele_besparing_per_jaar_cent;
	char x[40], y[40];
	begin(t, C_STRUCTUREEL);
	if (k < 0 || b < 0) {
		meld(t, TOETS_NIET_VOLDAAN, "/structureel", "Vul de structurele kosten en de "
		     "besparing per jaar in (0 als er geen structurele kosten zijn).");
	} else if (k > b) {
		meld(t, TOETS_NIET_VOLDAAN, "/structureel/besparing_per_jaar_cent", "De structurele "
		     "kosten (%s per jaar) zijn hoger dan de onderbouwde besparing (%s per jaar). "
		     "Verlaag de kosten of onderbouw een hogere besparing.",
		     bedrag_tekst(k, x, sizeof x), bedrag_tekst(b, y, sizeof y));
	} else if (k == 0 && t->out->totalen.niet_financierbaar_cent > 0) {
		meld(t, TOETS_NIET_VOLDAAN, "/structureel/kosten_per_jaar_cent", "De begroting bevat "
		     "structurele kosten (%s), maar de structurele kosten per jaar staan op 0. Vul ze in.",
		     bedrag_tekst(t->out->totalen.niet_financierbaar_cent, x, sizeof x));
	}
	einde(t, "/structureel", "De besparing (%s per jaar) is minstens zo hoog als de "
	      "structurele kosten (%s per jaar).", bedrag_tekst(b, x, sizeof x),
	      bedrag_tekst(k, y, sizeof y));
}

/* T17 (12): a joint application by cooperating providers; a single
 * provider only where the modelplan allows it; required sectors covered
 * [004 "Opname basiseisen"]. */
static void toets_gezamenlijk(struct toets *t)
{
	size_t aantal = zorgaanbieders(t);
	int64_t min = t->n->min_aantal_zorgaanbieders;
	begin(t, C_GEZAMENLIJK);
	if (!t->n->individuele_aanvraag_toegestaan && min < 2)
		min = 2;
	if (t->a->coalitie.deelnemer_aantal == 0)
		meld(t, TOETS_NIET_VOLDAAN, "/coalitie/deelnemers", "Vul de coalitie in; een aanvraag "
		     "wordt gezamenlijk gedaan door samenwerkende zorgaanbieders.");
	else if ((int64_t)aantal < min)
		meld(t, TOETS_NIET_VOLDAAN, "/coalitie/deelnemers", "De coalitie telt %zu "
		     "zorgaanbieder(s); dit modelplan vraagt er minstens %" PRId64 ". Aanvragen van "
		     "individuele aanbieders worden niet gehonoreerd; voeg zorgaanbieders toe.",
		     aantal, min);
	spiegel(t, AFWIJKING_VEREISTE_SECTOR);
	if (aantal == 1 && t->n->individuele_aanvraag_toegestaan)
		einde(t, "/coalitie/deelnemers", "Eén zorgaanbieder: dit modelplan staat een "
		      "individuele aanvraag toe.");
	else
		einde(t, "/coalitie/deelnemers", "Gezamenlijke aanvraag van %zu zorgaanbieders.", aantal);
}

/* T18 (13): training and change support take at least the modelplan's
 * share of the budget. */
static void toets_veranderkundig(struct toets *t)
{
	char x[40];
	begin(t, C_VERANDERKUNDIG);
	if (t->out->totalen.gevraagd_cent <= 0)
		meld(t, TOETS_NIET_VOLDAAN, "/begroting", "Vul de begroting in, met regels voor "
		     "scholing en veranderkundige ondersteuning.");
	spiegel(t, AFWIJKING_VERANDERKUNDIG);
	einde(t, "/begroting", "Scholing en veranderkundige ondersteuning: %s, minstens het "
	      "aandeel dat het modelplan vraagt (%" PRId64 ",%02" PRId64 " %%).",
	      bedrag_tekst(t->out->totalen.veranderkundig_cent, x, sizeof x),
	      t->n->min_aandeel_veranderkundig_bp / 100, t->n->min_aandeel_veranderkundig_bp % 100);
}

/* T19: amounts within the modelplan's frames per application, provider
 * and unit [002 §4.2] (financial frames of the modelplan). */
static void toets_bedragkader(struct toets *t)
{
	begin(t, C_BEDRAGKADER);
	if (t->out->totalen.gevraagd_cent <= 0)
		meld(t, TOETS_NIET_VOLDAAN, "/begroting", "Vul de begroting in; dan worden de "
		     "bedragen tegen de kaders van het modelplan gelegd.");
	spiegel(t, AFWIJKING_BEDRAG_AANVRAAG);
	spiegel(t, AFWIJKING_BEDRAG_ZORGAANBIEDER);
	spiegel(t, AFWIJKING_BEDRAG_EENHEID);
	einde(t, "/totaal_bedrag_cent", "De bedragen blijven binnen de kaders van het modelplan "
	      "(per aanvraag, per zorgaanbieder en per eenheid).");
}

/* ======================================================================
 * Running all checks
 * ====================================================================== */

rc_t toets_aanvraag(const struct aanvraag *a, const struct toets_context *ctx,
		    struct toets_resultaat *out)
{
	memset(out, 0, sizeof *out);
	if (!a || !ctx || !ctx->normen || !ctx->ronde)
		return RC_INTERNAL;
	struct toets t = {a, ctx, ctx->normen, out, NULL, 0, 0, TOETS_VOLDAAN};
	afwijking_totalen(a, ctx->normen, &out->totalen);
	afwijking_bepaal(a, ctx->normen, &out->afwijkingen);
	out->route = afwijking_route(a, &out->afwijkingen);
	static void (*const alle[C__AANTAL])(struct toets *) = {
		toets_modelplan, toets_antwoorden, toets_regiocontext, toets_zorgpaden,
		toets_gegevens, toets_sommen, toets_mijlpalen, toets_coalitie,
		toets_verzekeraars, toets_verklaringen, toets_hulpmiddelen, toets_afwijkingen,
		toets_impactlat, toets_fte_norm, toets_jaren, toets_impuls, toets_structureel,
		toets_gezamenlijk, toets_veranderkundig, toets_bedragkader,
	};
	for (size_t c = 0; c < C__AANTAL; c++)
		alle[c](&t);
	for (size_t i = 0; i < out->aantal; i++)
		if (out->bevindingen[i].check->blokkerend &&
		    out->bevindingen[i].resultaat == TOETS_NIET_VOLDAAN)
			out->blokkerend_aantal++;
	out->indienbaar = out->blokkerend_aantal == 0 && out->weggelaten == 0;
	return RC_OK;
}

bool toets_resultaat_uitkomst(const struct toets_resultaat *r, const char *id,
			      enum toets_uitkomst *out)
{
	bool gevonden = false;
	enum toets_uitkomst slechtste = TOETS_VOLDAAN;
	for (size_t i = 0; i < r->aantal; i++) {
		const struct toets_bevinding *b = &r->bevindingen[i];
		if (strcmp(b->check->id, id) != 0)
			continue;
		gevonden = true;
		if (b->resultaat > slechtste)
			slechtste = b->resultaat;
	}
	if (gevonden)
		*out = slechtste;
	return gevonden;
}

/* ======================================================================
 * The result as JSON
 * ====================================================================== */

static json_t *bevinding_json(const struct toets_bevinding *b)
{
	return json_pack("{s:s, s:i, s:s, s:s, s:b, s:s, s:s}",
			 "id", b->check->id, "basiseis", b->check->basiseis, "bron", b->check->bron,
			 "resultaat", toets_uitkomst_naam(b->resultaat), "blokkerend",
			 b->check->blokkerend, "veld", b->veld, "bericht", b->bericht);
}

static json_t *afwijking_json(const struct afwijking *w)
{
	return json_pack("{s:s, s:s, s:s, s:s, s:b, s:s}", "element", w->element, "veld", w->veld,
			 "norm", w->norm, "waarde", w->waarde, "toegelicht", w->toegelicht,
			 "bron", w->bron);
}

json_t *toets_resultaat_json(const struct toets_resultaat *r)
{
	json_t *bev = json_array(), *afw = json_array();
	bool ok = bev && afw;
	for (size_t i = 0; ok && i < r->aantal; i++)
		ok = json_array_append_new(bev, bevinding_json(&r->bevindingen[i])) == 0;
	for (size_t i = 0; ok && i < r->afwijkingen.aantal; i++)
		ok = json_array_append_new(afw, afwijking_json(&r->afwijkingen.items[i])) == 0;
	json_t *doc = ok ? json_pack("{s:b, s:s, s:I, s:{s:I, s:I, s:I}, s:O, s:I, s:O, s:I}",
		"indienbaar", r->indienbaar, "route", afwijking_route_naam(r->route),
		"blokkerend_aantal", (json_int_t)r->blokkerend_aantal,
		"totalen", "gevraagd_cent", (json_int_t)r->totalen.gevraagd_cent,
		"niet_financierbaar_cent", (json_int_t)r->totalen.niet_financierbaar_cent,
		"veranderkundig_cent", (json_int_t)r->totalen.veranderkundig_cent,
		"bevindingen", bev, "bevindingen_weggelaten", (json_int_t)r->weggelaten,
		"afwijkingen", afw, "afwijkingen_weggelaten", (json_int_t)r->afwijkingen.weggelaten)
		: NULL;
	json_decref(bev);
	json_decref(afw);
	return doc;
}
