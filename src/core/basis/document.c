/*
 * document.c -- blocks rendered as HTML and as PDF. See document.h.
 */
#include "core/basis/document.h"

#include <hpdf.h>
#include <inttypes.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/basis/bedrag.h"
#include "core/basis/klok.h"

bool document_begin(struct document *d, struct arena *a, size_t cap)
{
	memset(d, 0, sizeof *d);
	d->a = a;
	d->blok = arena_alloc(a, cap * sizeof *d->blok);
	d->cap = d->blok ? cap : 0;
	return d->blok != NULL;
}

void document_voeg(struct document *d, enum document_blok_soort soort, const float *breedtes, size_t n, ...)
{
	if (d->n >= d->cap) {
		d->vol = true;
		return;
	}
	struct document_blok *b = &d->blok[d->n++];
	memset(b, 0, sizeof *b);
	b->soort = soort;
	b->breedtes = breedtes;
	va_list ap;
	va_start(ap, n);
	for (size_t i = 0; i < n && i < DOCUMENT_CELLEN_MAX; i++) {
		const char *t = va_arg(ap, const char *);
		b->cel[i] = t ? t : "";
	}
	va_end(ap);
	b->cellen = n < DOCUMENT_CELLEN_MAX ? n : DOCUMENT_CELLEN_MAX;
}

const char *document_bedrag(struct arena *a, int64_t cent)
{
	char t[48];
	bedrag_tekst(cent, t, sizeof t);
	return arena_strdup(a, t);
}

const char *document_datum(struct arena *a, const char *moment)
{
	static const char *const maand[] = {"januari", "februari", "maart", "april", "mei", "juni", "juli",
					    "augustus", "september", "oktober", "november", "december"};
	int j, m, d;
	if (!moment || sscanf(moment, "%4d-%2d-%2d", &j, &m, &d) != 3 || m < 1 || m > 12 || d < 1 || d > 31)
		return moment ? moment : "";
	return arena_printf(a, "%d %s %d", d, maand[m - 1], j);
}

/* The day (days since 1970) of the last Sunday of month `m` of year `j`. */
static int64_t laatste_zondag(int j, int m)
{
	static const int dagen[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
	char t[11];
	int64_t dag = 0;
	snprintf(t, sizeof t, "%04d-%02d-%02d", j, m, dagen[m - 1]);
	if (!klok_datum_lees(t, &dag))
		return 0;
	/* 1970-01-01 was a Thursday: weekday 0 = Sunday is (dag + 4) mod 7 */
	return dag - ((dag % 7 + 7 + 4) % 7);
}

const char *document_moment(struct arena *a, const char *moment)
{
	int64_t us;
	if (!moment || !klok_lees(moment, &us))
		return moment ? moment : "";
	int64_t s = us / KLOK_US_PER_S;
	int j = 0;
	char t[KLOK_TEKST_BYTES];
	klok_tekst(us, t, sizeof t);
	if (sscanf(t, "%4d", &j) != 1)
		return moment;
	int64_t zomer_van = laatste_zondag(j, 3) * 86400 + 3600, zomer_tot = laatste_zondag(j, 10) * 86400 + 3600;
	int64_t lokaal = s + (s >= zomer_van && s < zomer_tot ? 7200 : 3600);
	klok_tekst(lokaal * KLOK_US_PER_S, t, sizeof t);
	return arena_printf(a, "%s om %.8s uur", document_datum(a, t), t + 11);
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

const char document_stijl[] =
	"body{font-family:sans-serif;max-width:50em;margin:2em auto;line-height:1.4}"
	"table{border-collapse:collapse;width:100%;margin:.5em 0}th,td{border:1px solid #999;"
	"padding:.25em .5em;text-align:left;vertical-align:top}";

rc_t document_html(const struct document *d, const char *titel, const char **html, size_t *len, struct error *e)
{
	if (d->vol)
		return error_set(e, RC_INTERNAL, "Het document heeft te veel onderdelen.");
	struct arena *arena = d->a;
	char *buf = NULL;
	size_t n = 0;
	FILE *f = open_memstream(&buf, &n);
	if (!f)
		return error_set(e, RC_NOMEM, "Onvoldoende geheugen.");
	fputs("<!DOCTYPE html>\n<html lang=\"nl\">\n<head>\n<meta charset=\"utf-8\">\n<title>", f);
	html_tekst(f, titel);
	fputs("</title>\n<style>", f);
	fputs(document_stijl, f);
	fputs("</style>\n</head>\n<body>\n", f);
	bool in_tabel = false;
	for (size_t i = 0; i < d->n; i++) {
		const struct document_blok *k = &d->blok[i];
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

static void pdf_blok(struct pdf *p, const struct document_blok *k)
{
	float grootte = k->soort == BLOK_TITEL ? 16 : k->soort == BLOK_KOP ? 12 : 9;
	HPDF_Font font = (k->soort == BLOK_ALINEA || k->soort == BLOK_RIJ) ? p->gewoon : p->vet;
	float regel = grootte * 1.35f;
	const char *regels[DOCUMENT_CELLEN_MAX][REGELS_MAX];
	size_t aantal[DOCUMENT_CELLEN_MAX] = {0}, hoogste = 0;
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

rc_t document_pdf(const struct document *d, const char *titel, const char *auteur, const unsigned char **pdf,
		  size_t *len, struct error *e)
{
	if (d->vol)
		return error_set(e, RC_INTERNAL, "Het document heeft te veel onderdelen.");
	struct arena *arena = d->a;
	struct pdf p = {.a = arena};
	p.doc = HPDF_New(pdf_fout, &p);
	if (!p.doc)
		return error_set(e, RC_NOMEM, "De PDF-bibliotheek kan niet starten.");
	HPDF_SetCompressionMode(p.doc, HPDF_COMP_NONE);
	HPDF_SetInfoAttr(p.doc, HPDF_INFO_TITLE, naar_1252(arena, titel));
	HPDF_SetInfoAttr(p.doc, HPDF_INFO_AUTHOR, naar_1252(arena, auteur));
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
