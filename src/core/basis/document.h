/*
 * document.h -- the documents the system issues (a beschikking, a yearly
 * judgement, a settlement) as one list of blocks -- title, heading,
 * paragraph, table header and row -- rendered twice, as HTML and as PDF
 * (libharu, Debian's libhpdf), so both say exactly the same. The PDF uses
 * the standard Helvetica font with WinAnsiEncoding; text is converted from
 * UTF-8 to Windows-1252 (the characters it lacks become '?'). It is not
 * compressed, so its text can be searched.
 */
#ifndef DOORBRAAK_DOCUMENT_H
#define DOORBRAAK_DOCUMENT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "core/basis/arena.h"
#include "core/basis/error.h"

#define DOCUMENT_CELLEN_MAX 6

enum document_blok_soort { BLOK_TITEL, BLOK_KOP, BLOK_ALINEA, BLOK_KOPRIJ, BLOK_RIJ };

struct document_blok {
	enum document_blok_soort soort;
	const char *cel[DOCUMENT_CELLEN_MAX];   /* ALINEA, KOP, TITEL: cel[0] */
	size_t cellen;
	const float *breedtes;                  /* rows: column widths in points (495 in all) */
};

struct document {
	struct arena *a;
	struct document_blok *blok;
	size_t n, cap;
	bool vol;                               /* a block did not fit: the document is refused */
};

/* Room for `cap` blocks in arena `a`; false when the arena is full. */
bool document_begin(struct document *d, struct arena *a, size_t cap);

/* Appends a block of `n` cells (texts; NULL is shown as ""). Beyond the
 * capacity it sets d->vol instead. */
void document_voeg(struct document *d, enum document_blok_soort soort, const float *breedtes, size_t n, ...);

/* An amount in cents as Dutch euros ("EUR 1.234,56"), in the arena. */
const char *document_bedrag(struct arena *a, int64_t cent);

/* A moment or date "YYYY-MM-DD..." as a Dutch date ("6 december 2026"),
 * in the arena; the text itself when it is no date. */
const char *document_datum(struct arena *a, const char *moment);

/* A moment "YYYY-MM-DDTHH:MM:SS...Z" (UTC) as Dutch date and time in the
 * Netherlands ("7 december 2026 om 11:15:30 uur"): UTC+1, and UTC+2 from
 * the last Sunday of March 01:00 UTC to the last Sunday of October 01:00
 * UTC (the EU summer time rule). The text itself when it is no moment. */
const char *document_moment(struct arena *a, const char *moment);

/* The HTML document (lang nl, its one inline style sheet document_stijl)
 * titled `titel`, in the arena. */
rc_t document_html(const struct document *d, const char *titel, const char **html, size_t *len, struct error *e);

/* The same as PDF (A4), with `titel` and `auteur` in its metadata. */
rc_t document_pdf(const struct document *d, const char *titel, const char *auteur, const unsigned char **pdf,
		  size_t *len, struct error *e);

/* The documents' one inline style sheet; the HTTP face allows exactly this
 * text by its hash in the answer's Content-Security-Policy. */
extern const char document_stijl[];

#endif
