/*
 * beschikking_document.c -- the decision document, as HTML and as PDF
 * (libharu, Debian's libhpdf). See beschikking.h.
 *
 * The content is built once as a list of blocks (title, heading,
 * paragraph, table row) and rendered twice, so the HTML and the PDF say
 * exactly the same: reference, date, parties, decision, upper bound and
 * its years, prestaties, the findings with their sources, motivation and
 * the sources of law. The PDF uses the standard Helvetica font with
 * WinAnsiEncoding; text is converted from UTF-8 to Windows-1252 (the
 * characters it lacks become '?'). It is not compressed, so its text can
 * be searched.
 */
#include <hpdf.h>
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "store/store_beschikking.h"
#include "core/beschikking/beschikking.h"
#include "core/beschikking/nza_toets.h"
#include "core/basis/bedrag.h"

#define BLOKKEN_MAX 256
#define CELLEN_MAX 5

enum blok_soort { BLOK_TITEL, BLOK_KOP, BLOK_ALINEA, BLOK_KOPRIJ, BLOK_RIJ };

struct blok {
	enum blok_soort soort;
	const char *cel[CELLEN_MAX];   /* ALINEA, KOP, TITEL: cel[0] */
	size_t cellen;
	const float *breedtes;         /* rows: column widths in points */
};

struct document {
	struct arena *a;
	struct blok blok[BLOKKEN_MAX];
	size_t n;
	bool vol;
};

static void voeg(struct document *d, enum blok_soort soort, const float *breedtes, size_t n, ...)
{
	if (d->n >= BLOKKEN_MAX) {
		d->vol = true;
		return;
	}
	struct blok *b = &d->blok[d->n++];
	memset(b, 0, sizeof *b);
	b->soort = soort;
	b->breedtes = breedtes;
	va_list ap;
	va_start(ap, n);
	for (size_t i = 0; i < n && i < CELLEN_MAX; i++) {
		const char *t = va_arg(ap, const char *);
		b->cel[i] = t ? t : "";
	}
	va_end(ap);
	b->cellen = n;
}

static const char *bedrag(struct arena *a, int64_t cent)
{
	char t[48];
	bedrag_tekst(cent, t, sizeof t);
	return arena_strdup(a, t);
}

struct partijen_ctx {
	struct arena *a;
	int64_t aanvraag_id;
	struct store_rows r;
};

static rc_t partijen_tx(struct store *s, void *ctx, struct error *e)
{
	struct partijen_ctx *c = ctx;
	return store_beschikking_partijen(s, c->aanvraag_id, c->a, &c->r, e);
}

static const float KOLOM_2[] = {150, 345};
static const float KOLOM_3[] = {70, 110, 315};
static const float KOLOM_TOETS[] = {30, 150, 75, 240};

static void partijen(struct document *d, const struct store_rows *r)
{
	static const struct { const char *rol, *naam; } rollen[] = {
		{"penvoerder", "Penvoerder (namens de zorgaanbieders)"},
		{"deelnemer", "Zorgaanbieder in de coalitie"},
		{"coordinerend_verzekeraar", "Coördinerend zorgverzekeraar"},
		{"tweede_verzekeraar", "Tweede zorgverzekeraar"},
	};
	voeg(d, BLOK_KOP, NULL, 1, "Partijen");
	for (size_t k = 0; k < sizeof rollen / sizeof rollen[0]; k++)
		for (size_t i = 0; i < r->nrows; i++)
			if (strcmp(store_text(r, i, 0), rollen[k].rol) == 0)
				voeg(d, BLOK_RIJ, KOLOM_2, 2, rollen[k].naam, store_text(r, i, 1));
}

static void besluit(struct document *d, const struct beschikking *b)
{
	bool verleend = strcmp(b->besluit, "verleend") == 0;
	voeg(d, BLOK_KOP, NULL, 1, "Besluit");
	if (!verleend) {
		voeg(d, BLOK_ALINEA, NULL, 1, "De Nederlandse Zorgautoriteit wijst de tweezijdige aanvraag af. "
		     "De reserveringen voor deze aanvraag zijn vrijgegeven; het geld keert terug naar het "
		     "thema en het jaar waaruit het kwam. De redenen staan hieronder.");
		return;
	}
	voeg(d, BLOK_ALINEA, NULL, 1, arena_printf(d->a,
	     "De Nederlandse Zorgautoriteit stelt voor deze impactvolle transformatie één individuele "
	     "bovengrens vast voor alle betrokken zorgaanbieders van %s, gelijk aan de totale "
	     "(meerjarige) aanvraag [001 §3], [001 §7]. De som van de tarieven van de prestaties blijft "
	     "binnen deze bovengrens; de zorgverzekeraar betaalt per bereikte mijlpaal [001 §2].",
	     bedrag(d->a, b->bovengrens_cent)));
	voeg(d, BLOK_KOPRIJ, KOLOM_3, 3, "Jaar", "Bedrag", "");
	for (size_t i = 0; i < b->jaar_aantal; i++)
		voeg(d, BLOK_RIJ, KOLOM_3, 3, arena_printf(d->a, "%" PRId64, b->jaren[i].jaar),
		     bedrag(d->a, b->jaren[i].bedrag_cent), "");
	voeg(d, BLOK_RIJ, KOLOM_3, 3, "Totaal", bedrag(d->a, b->bovengrens_cent), "");
}

static void prestaties(struct document *d, const struct beschikking *b)
{
	if (strcmp(b->besluit, "verleend") != 0)
		return;
	voeg(d, BLOK_KOP, NULL, 1, "Prestaties (mijlpalen)");
	voeg(d, BLOK_ALINEA, NULL, 1, "De aparte prestaties zijn de mijlpalen van de transformatie; het "
	     "tarief is vrij en is standaard het geplande bedrag [001 §2], [001 §7].");
	voeg(d, BLOK_KOPRIJ, KOLOM_3, 3, "Mijlpaal", "Streefdatum", "Gepland bedrag");
	json_t *l = b->mijlpalen ? json_loads(b->mijlpalen, 0, NULL) : NULL;
	size_t i;
	json_t *m;
	json_array_foreach(l, i, m) {
		const char *sd = json_string_value(json_object_get(m, "streefdatum"));
		voeg(d, BLOK_RIJ, KOLOM_3, 3, arena_strdup(d->a, json_string_value(json_object_get(m, "id"))),
		     sd ? arena_strdup(d->a, sd) : "-",
		     bedrag(d->a, json_integer_value(json_object_get(m, "bedrag_cent"))));
	}
	json_decref(l);
}

static void toetsing(struct document *d, const struct beschikking *b)
{
	voeg(d, BLOK_KOP, NULL, 1, "Toetsing door de NZa");
	voeg(d, BLOK_KOPRIJ, KOLOM_TOETS, 4, "", "Toetspunt", "Uitkomst", "Toelichting en bron");
	json_t *l = b->bevindingen ? json_loads(b->bevindingen, 0, NULL) : NULL;
	size_t i;
	json_t *v;
	json_array_foreach(l, i, v) {
		const char *u = json_string_value(json_object_get(v, "uitkomst"));
		voeg(d, BLOK_RIJ, KOLOM_TOETS, 4, arena_strdup(d->a, json_string_value(json_object_get(v, "code"))),
		     arena_strdup(d->a, json_string_value(json_object_get(v, "naam"))),
		     u && strcmp(u, "voldaan") == 0 ? "voldaan" : "niet voldaan",
		     arena_printf(d->a, "%s %s", json_string_value(json_object_get(v, "toelichting")),
				  json_string_value(json_object_get(v, "bron"))));
	}
	json_decref(l);
}

/* Builds the blocks of decision `b`. */
static rc_t opbouwen(struct store *s, struct arena *a, const struct beschikking *b,
		     struct document *d, struct error *e)
{
	struct partijen_ctx pc = {.a = a, .aanvraag_id = b->aanvraag_id};
	rc_t rc = store_tx(s, STORE_READ, partijen_tx, &pc, e);
	if (rc != RC_OK)
		return rc;
	memset(d, 0, sizeof *d);
	d->a = a;
	voeg(d, BLOK_TITEL, NULL, 1, "Beschikking prestatie doorbraakmiddelen");
	voeg(d, BLOK_ALINEA, NULL, 1, "Nederlandse Zorgautoriteit (NZa)");
	voeg(d, BLOK_RIJ, KOLOM_2, 2, "Kenmerk", b->kenmerk);
	voeg(d, BLOK_RIJ, KOLOM_2, 2, "Datum", b->genomen_op);
	voeg(d, BLOK_RIJ, KOLOM_2, 2, "Besluit", strcmp(b->besluit, "verleend") == 0
	     ? "bovengrens vastgesteld" : "afgewezen");
	voeg(d, BLOK_RIJ, KOLOM_2, 2, "Aanvraag", arena_printf(a, "%s (aanvraag %" PRId64 ", tweezijdige "
	     "aanvraag %" PRId64 ")", b->titel ? b->titel : "-", b->aanvraag_id, b->nza_aanvraag_id));
	voeg(d, BLOK_RIJ, KOLOM_2, 2, "Thema", b->thema);
	partijen(d, &pc.r);
	besluit(d, b);
	prestaties(d, b);
	toetsing(d, b);
	voeg(d, BLOK_KOP, NULL, 1, "Motivering");
	voeg(d, BLOK_ALINEA, NULL, 1, b->motivering);
	voeg(d, BLOK_KOP, NULL, 1, "Bronnen");
	voeg(d, BLOK_ALINEA, NULL, 1, "[001] Voorhangbrief prestatie doorbraakmiddelen (28 mei 2026): §2 "
	     "(prestaties per mijlpaal, vrij tarief), §3 (toetspunten a-d, bovengrens, maximaal EUR 600 mln), "
	     "§7 (één bovengrens per transformatie), \"Werkwijze\" (cumulatieve formele voorwaarden).");
	voeg(d, BLOK_ALINEA, NULL, 1, "[003] Aanvullend Zorg- en Welzijnsakkoord §8b (toets op het per jaar "
	     "beschikbare bedrag). [002] Nota ter beslissing §4.2 (beoordeling en bijsturing vóór de "
	     "beschikking).");
	voeg(d, BLOK_ALINEA, NULL, 1, arena_printf(a, "Genomen op %s door %s.", b->genomen_op, b->genomen_door));
	if (d->vol)
		return error_set(e, RC_INTERNAL, "Het document heeft te veel onderdelen.");
	return RC_OK;
}

/* ---- HTML ----------------------------------------------------------------------- */

static void html_tekst(FILE *f, const char *t)
{
	for (; t && *t; t++) {
		switch (*t) {
		case '&': fputs("&amp;", f); break;
		case '<': fputs("&lt;", f); break;
		case '>': fputs("&gt;", f); break;
		case '"': fputs("&quot;", f); break;
		case '\'': fputs("&#39;", f); break;
		default: fputc(*t, f);
		}
	}
}

/* The document's one inline style sheet; the HTTP face allows exactly this text by
 * its hash in the answer's Content-Security-Policy. */
const char beschikking_document_stijl[] =
	"body{font-family:sans-serif;max-width:50em;margin:2em auto;line-height:1.4}"
	"table{border-collapse:collapse;width:100%;margin:.5em 0}th,td{border:1px solid #999;"
	"padding:.25em .5em;text-align:left;vertical-align:top}";

rc_t beschikking_document_html(struct store *s, struct arena *arena, const struct beschikking *b,
			       const char **html, size_t *len, struct error *e)
{
	struct document *d = arena_alloc(arena, sizeof *d);
	if (!d)
		return error_set(e, RC_NOMEM, "Onvoldoende geheugen.");
	rc_t rc = opbouwen(s, arena, b, d, e);
	if (rc != RC_OK)
		return rc;
	char *buf = NULL;
	size_t n = 0;
	FILE *f = open_memstream(&buf, &n);
	if (!f)
		return error_set(e, RC_NOMEM, "Onvoldoende geheugen.");
	fputs("<!DOCTYPE html>\n<html lang=\"nl\">\n<head>\n<meta charset=\"utf-8\">\n<title>Beschikking ", f);
	html_tekst(f, b->kenmerk);
	fputs("</title>\n<style>", f);
	fputs(beschikking_document_stijl, f);
	fputs("</style>\n</head>\n<body>\n", f);
	bool in_tabel = false;
	for (size_t i = 0; i < d->n; i++) {
		const struct blok *k = &d->blok[i];
		bool rij = k->soort == BLOK_RIJ || k->soort == BLOK_KOPRIJ;
		if (in_tabel && !rij) {
			fputs("</table>\n", f);
			in_tabel = false;
		}
		if (rij && !in_tabel) {
			fputs("<table>\n", f);
			in_tabel = true;
		}
		static const char *const tag[] = {"h1", "h2", "p"};
		if (!rij) {
			fprintf(f, "<%s>", tag[k->soort]);
			html_tekst(f, k->cel[0]);
			fprintf(f, "</%s>\n", tag[k->soort]);
			continue;
		}
		fputs("<tr>", f);
		for (size_t c = 0; c < k->cellen; c++) {
			fputs(k->soort == BLOK_KOPRIJ ? "<th>" : "<td>", f);
			html_tekst(f, k->cel[c]);
			fputs(k->soort == BLOK_KOPRIJ ? "</th>" : "</td>", f);
		}
		fputs("</tr>\n", f);
	}
	if (in_tabel)
		fputs("</table>\n", f);
	fputs("</body>\n</html>\n", f);
	fclose(f);
	char *kopie = buf ? arena_strndup(arena, buf, n) : NULL;
	free(buf);
	if (!kopie)
		return error_set(e, RC_NOMEM, "Onvoldoende geheugen.");
	*html = kopie;
	*len = n;
	return RC_OK;
}

/* ---- PDF ------------------------------------------------------------------------ */

/* UTF-8 to Windows-1252 (WinAnsiEncoding), '?' for what it lacks. */
static char *naar_1252(struct arena *a, const char *t)
{
	size_t n = strlen(t);
	char *o = arena_alloc(a, n + 1);
	if (!o)
		return NULL;
	size_t k = 0;
	const unsigned char *p = (const unsigned char *)t;
	while (*p) {
		uint32_t cp;
		if (p[0] < 0x80) {
			cp = *p++;
		} else if ((p[0] & 0xE0) == 0xC0 && p[1]) {
			cp = ((uint32_t)(p[0] & 0x1F) << 6) | (p[1] & 0x3F);
			p += 2;
		} else if ((p[0] & 0xF0) == 0xE0 && p[1] && p[2]) {
			cp = ((uint32_t)(p[0] & 0x0F) << 12) | ((uint32_t)(p[1] & 0x3F) << 6) | (p[2] & 0x3F);
			p += 3;
		} else {
			cp = '?';
			p++;
			while ((*p & 0xC0) == 0x80)
				p++;
		}
		unsigned char c = '?';
		if (cp == '\n' || cp == '\t' || cp == '\r')
			c = ' ';
		else if (cp >= 0x20 && cp < 0x7F)
			c = (unsigned char)cp;
		else if (cp >= 0xA0 && cp <= 0xFF)
			c = (unsigned char)cp;
		else if (cp == 0x20AC)
			c = 0x80;
		else if (cp == 0x2013)
			c = 0x96;
		else if (cp == 0x2014)
			c = 0x97;
		else if (cp == 0x2018)
			c = 0x91;
		else if (cp == 0x2019)
			c = 0x92;
		else if (cp == 0x201C)
			c = 0x93;
		else if (cp == 0x201D)
			c = 0x94;
		else if (cp == 0x2026)
			c = 0x85;
		o[k++] = (char)c;
	}
	o[k] = '\0';
	return o;
}

struct pdf {
	HPDF_Doc doc;
	HPDF_Page pagina;
	HPDF_Font gewoon, vet;
	float y;
	HPDF_STATUS fout;
	struct arena *a;
};

static void pdf_fout(HPDF_STATUS fout, HPDF_STATUS detail, void *gebruiker)
{
	struct pdf *p = gebruiker;
	(void)detail;
	if (!p->fout)
		p->fout = fout;
}

#define PDF_LINKS 50.0f
#define PDF_BOVEN 790.0f
#define PDF_ONDER 60.0f
#define PDF_BREEDTE 495.0f

static void nieuwe_pagina(struct pdf *p)
{
	p->pagina = HPDF_AddPage(p->doc);
	HPDF_Page_SetSize(p->pagina, HPDF_PAGE_SIZE_A4, HPDF_PAGE_PORTRAIT);
	p->y = PDF_BOVEN;
}

/* Splits `t` into lines of at most `breedte` points in `font`/`grootte`
 * (libharu measures, breaking at spaces where it can); returns the number
 * of lines (at most `max`), each in the arena. */
static size_t afbreken(struct pdf *p, const char *t, HPDF_Font font, float grootte, float breedte,
		       const char **regels, size_t max)
{
	size_t n = 0, len = strlen(t), begin = 0;
	while (begin < len && n < max) {
		HPDF_REAL echt = 0;
		HPDF_UINT past = HPDF_Font_MeasureText(font, (const HPDF_BYTE *)t + begin,
						       (HPDF_UINT)(len - begin), breedte, grootte, 0, 0,
						       HPDF_TRUE, &echt);
		if (past == 0)   /* one word wider than the column: cut it */
			past = HPDF_Font_MeasureText(font, (const HPDF_BYTE *)t + begin,
						     (HPDF_UINT)(len - begin), breedte, grootte, 0, 0,
						     HPDF_FALSE, &echt);
		if (past == 0)
			past = 1;
		size_t eind = begin + past;
		while (eind > begin + 1 && t[eind - 1] == ' ')
			eind--;
		regels[n++] = arena_strndup(p->a, t + begin, eind - begin);
		begin += past;
		while (begin < len && t[begin] == ' ')
			begin++;
	}
	return n;
}

static void tekst(struct pdf *p, float x, float y, HPDF_Font font, float grootte, const char *t)
{
	HPDF_Page_BeginText(p->pagina);
	HPDF_Page_SetFontAndSize(p->pagina, font, grootte);
	HPDF_Page_TextOut(p->pagina, x, y, t ? t : "");
	HPDF_Page_EndText(p->pagina);
}

#define REGELS_MAX 400

static void pdf_blok(struct pdf *p, const struct blok *k)
{
	float grootte = k->soort == BLOK_TITEL ? 16 : k->soort == BLOK_KOP ? 12 : 9;
	HPDF_Font font = (k->soort == BLOK_ALINEA || k->soort == BLOK_RIJ) ? p->gewoon : p->vet;
	float regel = grootte * 1.35f;
	const char *regels[CELLEN_MAX][REGELS_MAX];
	size_t aantal[CELLEN_MAX] = {0}, hoogste = 0;
	size_t cellen = k->soort == BLOK_RIJ || k->soort == BLOK_KOPRIJ ? k->cellen : 1;
	for (size_t c = 0; c < cellen; c++) {
		float breedte = cellen > 1 ? k->breedtes[c] - 6 : PDF_BREEDTE;
		char *t = naar_1252(p->a, k->cel[c]);
		aantal[c] = t ? afbreken(p, t, font, grootte, breedte, regels[c], REGELS_MAX) : 0;
		hoogste = aantal[c] > hoogste ? aantal[c] : hoogste;
	}
	float voor = k->soort == BLOK_KOP ? 10 : k->soort == BLOK_TITEL ? 0 : 3;
	p->y -= voor;
	if (cellen == 1) {   /* a paragraph flows over pages line by line */
		for (size_t r = 0; r < aantal[0]; r++) {
			if (p->y - regel < PDF_ONDER)
				nieuwe_pagina(p);
			tekst(p, PDF_LINKS, p->y - regel, font, grootte, regels[0][r]);
			p->y -= regel;
		}
		p->y -= k->soort == BLOK_TITEL ? 6 : 0;
		return;
	}
	if (p->y - regel * (float)(hoogste ? hoogste : 1) < PDF_ONDER)
		nieuwe_pagina(p);
	float x = PDF_LINKS;
	for (size_t c = 0; c < cellen; c++) {
		for (size_t r = 0; r < aantal[c]; r++)
			tekst(p, x, p->y - regel * (float)(r + 1), font, grootte, regels[c][r]);
		x += k->breedtes[c];
	}
	p->y -= regel * (float)(hoogste ? hoogste : 1);
}

rc_t beschikking_document_pdf(struct store *s, struct arena *arena, const struct beschikking *b,
			      const unsigned char **pdf, size_t *len, struct error *e)
{
	struct document *d = arena_alloc(arena, sizeof *d);
	if (!d)
		return error_set(e, RC_NOMEM, "Onvoldoende geheugen.");
	rc_t rc = opbouwen(s, arena, b, d, e);
	if (rc != RC_OK)
		return rc;
	struct pdf p = {.a = arena};
	p.doc = HPDF_New(pdf_fout, &p);
	if (!p.doc)
		return error_set(e, RC_NOMEM, "De PDF-bibliotheek kan niet starten.");
	HPDF_SetCompressionMode(p.doc, HPDF_COMP_NONE);
	HPDF_SetInfoAttr(p.doc, HPDF_INFO_TITLE, naar_1252(arena, arena_printf(arena, "Beschikking %s", b->kenmerk)));
	HPDF_SetInfoAttr(p.doc, HPDF_INFO_AUTHOR, "Nederlandse Zorgautoriteit (doorbraak)");
	p.gewoon = HPDF_GetFont(p.doc, "Helvetica", "WinAnsiEncoding");
	p.vet = HPDF_GetFont(p.doc, "Helvetica-Bold", "WinAnsiEncoding");
	nieuwe_pagina(&p);
	for (size_t i = 0; i < d->n && !p.fout; i++)
		pdf_blok(&p, &d->blok[i]);
	unsigned char *uit = NULL;
	HPDF_UINT32 grootte = 0;
	if (!p.fout && HPDF_SaveToStream(p.doc) == HPDF_OK) {
		grootte = HPDF_GetStreamSize(p.doc);
		uit = arena_alloc(arena, grootte + 1);
		if (uit && HPDF_ReadFromStream(p.doc, uit, &grootte) != HPDF_OK && !p.fout)
			p.fout = 1;
	}
	HPDF_STATUS fout = p.fout;
	HPDF_Free(p.doc);
	if (fout)
		return error_set(e, RC_INTERNAL, "De PDF kon niet worden gemaakt (libharu-fout 0x%04X).",
				 (unsigned)fout);
	if (!uit)
		return error_set(e, RC_NOMEM, "Onvoldoende geheugen.");
	*pdf = uit;
	*len = grootte;
	return RC_OK;
}
