/*
 * werkblad.c -- a list as XLSX. See werkblad.h.
 */
#include "core/basis/werkblad.h"

#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <fcntl.h>
#include <sys/stat.h>
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

const char werkblad_leeg[] = "";

struct werkblad_stroom {
	lxw_workbook *wb;
	lxw_worksheet *ws;
	lxw_format *euro, *dag, *geheel;
	const struct werkblad_kolom *kolommen;
	size_t nkol;
	lxw_row_t rij;
	char pad[512];
};

rc_t werkblad_stroom_begin(const char *blad, const struct werkblad_kolom *kolommen, size_t nkol,
			   struct werkblad_stroom **out, struct error *e)
{
	struct werkblad_stroom *w = calloc(1, sizeof *w);
	if (!w)
		return error_set(e, RC_NOMEM, "Onvoldoende geheugen voor het werkblad.");
	const char *tmp = getenv("TMPDIR");
	snprintf(w->pad, sizeof w->pad, "%s/doorbraak-werkblad-XXXXXX", tmp && *tmp ? tmp : "/tmp");
	int fd = mkstemp(w->pad);
	if (fd < 0) {
		free(w);
		return error_set(e, RC_INTERNAL, "Geen tijdelijk bestand voor het werkblad.");
	}
	close(fd);
	/* constant memory: every row goes to disk as it is written */
	lxw_workbook_options opties = {.constant_memory = LXW_TRUE, .tmpdir = tmp && *tmp ? (char *)tmp : NULL};
	w->wb = workbook_new_opt(w->pad, &opties);
	w->ws = w->wb ? workbook_add_worksheet(w->wb, blad) : NULL;
	if (!w->ws) {
		if (w->wb)
			workbook_close(w->wb);
		unlink(w->pad);
		free(w);
		return error_set(e, RC_INTERNAL, "Het werkblad kon niet worden gemaakt.");
	}
	w->kolommen = kolommen;
	w->nkol = nkol;
	lxw_format *kop = workbook_add_format(w->wb);
	w->euro = workbook_add_format(w->wb);
	w->dag = workbook_add_format(w->wb);
	w->geheel = workbook_add_format(w->wb);
	format_set_bold(kop);
	format_set_num_format(w->euro, "#,##0.00");   /* shown with the reader's separators: 1.234,56 in Dutch */
	format_set_num_format(w->dag, "yyyy-mm-dd");
	format_set_num_format(w->geheel, "0");
	for (size_t k = 0; k < nkol; k++)
		worksheet_set_column(w->ws, (lxw_col_t)k, (lxw_col_t)k,
				     kolommen[k].breedte > 0 ? kolommen[k].breedte : 16, NULL);
	worksheet_freeze_panes(w->ws, 1, 0);
	for (size_t k = 0; k < nkol; k++)
		worksheet_write_string(w->ws, 0, (lxw_col_t)k, kolommen[k].kop, kop);
	*out = w;
	return RC_OK;
}

void werkblad_stroom_rij(struct werkblad_stroom *w, const struct werkblad_cel *cellen)
{
	lxw_row_t rij = ++w->rij;
	lxw_worksheet *ws = w->ws;
	for (size_t k = 0; k < w->nkol; k++) {
		const struct werkblad_cel *c = &cellen[k];
		lxw_datetime d;
		switch (w->kolommen[k].soort) {
		case WERKBLAD_GETAL:
		case WERKBLAD_CENT:
			if (c->tekst == werkblad_leeg)
				break;
			worksheet_write_number(ws, rij, (lxw_col_t)k, (double)c->getal, w->geheel);
			break;
		case WERKBLAD_EURO: {
			if (c->tekst == werkblad_leeg)
				break;
			char cel[16], formule[48];
			lxw_rowcol_to_cell(cel, rij, (lxw_col_t)w->kolommen[k].cent_kolom);
			snprintf(formule, sizeof formule, "=%s/100", cel);
			worksheet_write_formula_num(ws, rij, (lxw_col_t)k, formule, w->euro, euro_weergave(c->getal));
			break;
		}
		case WERKBLAD_DATUM:
			if (datum(c->tekst, &d))
				worksheet_write_datetime(ws, rij, (lxw_col_t)k, &d, w->dag);
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

rc_t werkblad_stroom_einde(struct werkblad_stroom *w, int *fd, size_t *len, struct error *e)
{
	if (w->nkol > 0)
		worksheet_autofilter(w->ws, 0, 0, w->rij, (lxw_col_t)(w->nkol - 1));
	lxw_error fout = workbook_close(w->wb);
	rc_t rc = RC_OK;
	*fd = -1;
	if (fout != LXW_NO_ERROR)
		rc = error_set(e, RC_INTERNAL, "Het werkblad kon niet worden geschreven (%s).", lxw_strerror(fout));
	else if ((*fd = open(w->pad, O_RDONLY | O_CLOEXEC)) < 0)
		rc = error_set(e, RC_INTERNAL, "Het werkblad kon niet worden gelezen.");
	struct stat st;
	if (rc == RC_OK && fstat(*fd, &st) != 0) {
		close(*fd);
		*fd = -1;
		rc = error_set(e, RC_INTERNAL, "Het werkblad kon niet worden gelezen.");
	}
	if (rc == RC_OK)
		*len = (size_t)st.st_size;
	unlink(w->pad);   /* the open descriptor keeps the content until it is closed */
	free(w);
	return rc;
}

rc_t werkblad_xlsx(const char *blad, const struct werkblad_kolom *kolommen, size_t nkol,
		   const struct werkblad_cel *cellen, size_t nrij, struct arena *arena,
		   const unsigned char **xlsx, size_t *len, struct error *e)
{
	struct werkblad_stroom *w;
	rc_t rc = werkblad_stroom_begin(blad, kolommen, nkol, &w, e);
	if (rc != RC_OK)
		return rc;
	for (size_t r = 0; r < nrij; r++)
		werkblad_stroom_rij(w, &cellen[r * nkol]);
	int fd;
	rc = werkblad_stroom_einde(w, &fd, len, e);
	if (rc != RC_OK)
		return rc;
	unsigned char *buf = *len ? arena_alloc(arena, *len) : NULL;
	size_t gelezen = 0;
	while (buf && gelezen < *len) {
		ssize_t n = read(fd, buf + gelezen, *len - gelezen);
		if (n <= 0)
			break;
		gelezen += (size_t)n;
	}
	close(fd);
	if (!buf || gelezen != *len)
		return error_set(e, RC_NOMEM, "Onvoldoende geheugen voor het werkblad.");
	*xlsx = buf;
	return RC_OK;
}
