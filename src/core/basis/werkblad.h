/*
 * werkblad.h -- a list as a spreadsheet (XLSX, libxlsxwriter from Debian):
 * one sheet with a header row, frozen and filtered, columns typed as a
 * reader needs them -- text, whole numbers, amounts and dates. Amounts are
 * given in integer cents: the cents column stays exact (an integer is
 * exact in a spreadsheet up to 2^53); an amount column shows the same
 * amount in euros with a decimal comma as a formula over the cents
 * (=cents/100), so the file itself never computes money in floating point
 * beyond the value it caches for display.
 */
#ifndef DOORBRAAK_WERKBLAD_H
#define DOORBRAAK_WERKBLAD_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "core/basis/arena.h"
#include "core/basis/error.h"

enum werkblad_soort {
	WERKBLAD_TEKST,   /* cel.tekst */
	WERKBLAD_GETAL,   /* cel.getal, a whole number */
	WERKBLAD_CENT,    /* cel.getal in cents, as a whole number (exact) */
	WERKBLAD_EURO,    /* cel.getal in cents, shown in euros: =<cents column>/100 */
	WERKBLAD_DATUM,   /* cel.tekst "YYYY-MM-DD..." as a date; anything else as text */
};

struct werkblad_kolom {
	const char *kop;
	enum werkblad_soort soort;
	size_t cent_kolom;   /* WERKBLAD_EURO: the index of its WERKBLAD_CENT column */
	double breedte;      /* characters; 0: a default */
};

struct werkblad_cel {
	const char *tekst;
	int64_t getal;
};

/* A number cell without a value: tekst == werkblad_leeg (nothing written). */
extern const char werkblad_leeg[];

/* The XLSX of `nrij` rows of `nkol` cells (row-major) on sheet `blad`, in
 * the arena. Written to a temporary file (libxlsxwriter 1.1.4 writes files
 * only) that is removed before returning. */
rc_t werkblad_xlsx(const char *blad, const struct werkblad_kolom *kolommen, size_t nkol,
		   const struct werkblad_cel *cellen, size_t nrij, struct arena *arena,
		   const unsigned char **xlsx, size_t *len, struct error *e);

/* The same, streamed: rows go to a temporary file as they are written
 * (libxlsxwriter's constant-memory mode), so a list of any length takes
 * the memory of one row. begin, then a row of `nkol` cells per call, then
 * einde: *fd is an open descriptor of the finished file (already removed
 * from the directory; the caller closes it) of *len bytes. einde frees the
 * writer whatever it returns. */
struct werkblad_stroom;
rc_t werkblad_stroom_begin(const char *blad, const struct werkblad_kolom *kolommen, size_t nkol,
			   struct werkblad_stroom **out, struct error *e);
void werkblad_stroom_rij(struct werkblad_stroom *w, const struct werkblad_cel *cellen);
rc_t werkblad_stroom_einde(struct werkblad_stroom *w, int *fd, size_t *len, struct error *e);

#endif
