/*
 * werkblad.c -- a list as XLSX. See werkblad.h.
 */
#include "core/basis/werkblad.h"

#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <xlsxwriter.h>

/* A "YYYY-MM-DD" prefix as a date; false when it is none. */
static bool datum(const char *t, lxw_datetime *d)
{
	int j, m, dag;
	if (!t || strlen(t) < 10 || sscanf(t, "%4d-%2d-%2d", &j, &m, &dag) != 3 || j < 1900 || m < 1 || m > 12 ||
	    dag < 1 || dag > 31)
		return false;
	*d = (lxw_datetime){.year = j, .month = m, .day = dag};
	return true;
}

/* The euro value a spreadsheet caches for display of `cent`: the only
 * place the amount becomes a double, as XLSX numbers are. */
static double euro_weergave(int64_t cent)
{
	return (double)cent / 100.0;
}

/* Reads the finished file into the arena. */
static rc_t lees_terug(const char *pad, struct arena *arena, const unsigned char **uit, size_t *len,
		       struct error *e)
{
	FILE *f = fopen(pad, "rb");
	if (!f)
		return error_set(e, RC_INTERNAL, "Het werkblad kon niet worden gelezen.");
	fseek(f, 0, SEEK_END);
	long n = ftell(f);
	fseek(f, 0, SEEK_SET);
	unsigned char *buf = n > 0 ? arena_alloc(arena, (size_t)n) : NULL;
	size_t gelezen = buf ? fread(buf, 1, (size_t)n, f) : 0;
	fclose(f);
	if (!buf || gelezen != (size_t)n)
		return error_set(e, RC_NOMEM, "Onvoldoende geheugen voor het werkblad.");
	*uit = buf;
	*len = gelezen;
	return RC_OK;
}

rc_t werkblad_xlsx(const char *blad, const struct werkblad_kolom *kolommen, size_t nkol,
		   const struct werkblad_cel *cellen, size_t nrij, struct arena *arena,
		   const unsigned char **xlsx, size_t *len, struct error *e)
{
	const char *tmp = getenv("TMPDIR");
	char pad[512];
	snprintf(pad, sizeof pad, "%s/doorbraak-werkblad-XXXXXX", tmp && *tmp ? tmp : "/tmp");
	int fd = mkstemp(pad);
	if (fd < 0)
		return error_set(e, RC_INTERNAL, "Geen tijdelijk bestand voor het werkblad.");
	close(fd);
	lxw_workbook *wb = workbook_new(pad);
	lxw_worksheet *ws = wb ? workbook_add_worksheet(wb, blad) : NULL;
	if (!ws) {
		if (wb)
			workbook_close(wb);
		unlink(pad);
		return error_set(e, RC_INTERNAL, "Het werkblad kon niet worden gemaakt.");
	}
	lxw_format *kop = workbook_add_format(wb), *euro = workbook_add_format(wb), *dag = workbook_add_format(wb),
		   *geheel = workbook_add_format(wb);
	format_set_bold(kop);
	format_set_num_format(euro, "#,##0.00");   /* shown with the reader's separators: 1.234,56 in Dutch */
	format_set_num_format(dag, "yyyy-mm-dd");
	format_set_num_format(geheel, "0");
	for (size_t k = 0; k < nkol; k++) {
		worksheet_write_string(ws, 0, (lxw_col_t)k, kolommen[k].kop, kop);
		worksheet_set_column(ws, (lxw_col_t)k, (lxw_col_t)k, kolommen[k].breedte > 0 ? kolommen[k].breedte : 16,
				     NULL);
	}
	for (size_t r = 0; r < nrij; r++) {
		lxw_row_t rij = (lxw_row_t)(r + 1);
		for (size_t k = 0; k < nkol; k++) {
			const struct werkblad_cel *c = &cellen[r * nkol + k];
			lxw_datetime d;
			switch (kolommen[k].soort) {
			case WERKBLAD_GETAL:
			case WERKBLAD_CENT:
				worksheet_write_number(ws, rij, (lxw_col_t)k, (double)c->getal, geheel);
				break;
			case WERKBLAD_EURO: {
				char cel[16], formule[48];
				lxw_rowcol_to_cell(cel, rij, (lxw_col_t)kolommen[k].cent_kolom);
				snprintf(formule, sizeof formule, "=%s/100", cel);
				worksheet_write_formula_num(ws, rij, (lxw_col_t)k, formule, euro, euro_weergave(c->getal));
				break;
			}
			case WERKBLAD_DATUM:
				if (datum(c->tekst, &d))
					worksheet_write_datetime(ws, rij, (lxw_col_t)k, &d, dag);
				else if (c->tekst)   /* not a date: shown as text */
					worksheet_write_string(ws, rij, (lxw_col_t)k, c->tekst, NULL);
				break;
			case WERKBLAD_TEKST:
				if (c->tekst)
					worksheet_write_string(ws, rij, (lxw_col_t)k, c->tekst, NULL);
				break;
			}
		}
	}
	worksheet_freeze_panes(ws, 1, 0);
	if (nkol > 0)
		worksheet_autofilter(ws, 0, 0, (lxw_row_t)nrij, (lxw_col_t)(nkol - 1));
	lxw_error fout = workbook_close(wb);
	rc_t rc = fout == LXW_NO_ERROR ? lees_terug(pad, arena, xlsx, len, e)
				       : error_set(e, RC_INTERNAL, "Het werkblad kon niet worden geschreven (%s).",
						   lxw_strerror(fout));
	unlink(pad);
	return rc;
}
