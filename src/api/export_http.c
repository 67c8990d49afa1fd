/*
 * export_http.c -- every list as a download (http.h, http_export_lijst;
 * docs/monitoring.md §6). The route's own handler is called page by page
 * -- so the export shows exactly what the list shows to this caller --
 * and each page's rows are written at once to a temporary file, CSV or
 * XLSX (core/basis/werkblad.h, constant memory), then dropped: an export
 * of any length holds one page in memory. The file is streamed to the
 * client with its length, so the client can show progress.
 *
 * A route that answers with several lists (the programme monitor, the
 * macro overview) also declares ?lijst=, the dotted path of the list to
 * export; such a list is whole in every answer, so it is not paged.
 *
 * Columns come from the first row: every scalar member, and the scalar
 * members of a nested object as "object.member"; lists and links are left
 * out. A member ending in _cent is an amount: its whole cents, and beside
 * it the same amount in euros (XLSX: a formula over the cents with a euro
 * format; CSV: a decimal with a point). Whole numbers are numbers; texts
 * that start with a date are dates in XLSX.
 */
#include "api/http.h"

#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "core/basis/csv.h"
#include "core/basis/werkblad.h"

#define EXPORT_KOLOMMEN_MAX 64
#define EXPORT_PAGINAS_MAX 10000

struct kolom {
	char naam[96];
	char ouder[48], lid[48];   /* json path: ouder.lid, or lid alone (ouder "") -- copies: the
				      first page's keys are gone when later pages are written */
	enum werkblad_soort soort;
	bool euro;                 /* the euro column beside a cents column */
};

struct export {
	bool xlsx;
	struct kolom k[EXPORT_KOLOMMEN_MAX];
	struct werkblad_kolom wk[EXPORT_KOLOMMEN_MAX];
	size_t n;
	FILE *csv;
	struct werkblad_stroom *ws;
	size_t rijen;
};

static bool is_datum(const char *t)
{
	return t && strlen(t) >= 10 && t[4] == '-' && t[7] == '-' && t[0] >= '0' && t[0] <= '9';
}

static bool eindigt_op(const char *s, const char *x)
{
	size_t a = strlen(s), b = strlen(x);
	return a >= b && strcmp(s + a - b, x) == 0;
}

static void kolom_voeg(struct export *x, const char *ouder, const char *lid, json_t *v)
{
	if (x->n + 2 > EXPORT_KOLOMMEN_MAX || lid[0] == '_' || strlen(lid) >= sizeof x->k[0].lid ||
	    (ouder && strlen(ouder) >= sizeof x->k[0].ouder))
		return;
	struct kolom *k = &x->k[x->n];
	*k = (struct kolom){.soort = WERKBLAD_TEKST};
	snprintf(k->ouder, sizeof k->ouder, "%s", ouder ? ouder : "");
	snprintf(k->lid, sizeof k->lid, "%s", lid);
	snprintf(k->naam, sizeof k->naam, "%s%s%s", ouder ? ouder : "", ouder ? "." : "", lid);
	if (json_is_integer(v))
		k->soort = eindigt_op(lid, "_cent") ? WERKBLAD_CENT : WERKBLAD_GETAL;
	else if (json_is_string(v) && is_datum(json_string_value(v)))
		k->soort = WERKBLAD_DATUM;
	x->n++;
	if (k->soort == WERKBLAD_CENT) {
		char naam[sizeof k->naam];
		snprintf(naam, sizeof naam, "%.*s_euro", (int)(strlen(k->naam) - 5), k->naam);
		struct kolom *eu = &x->k[x->n++];
		*eu = *k;
		eu->euro = true;
		eu->soort = WERKBLAD_EURO;
		memcpy(eu->naam, naam, sizeof naam);
	}
}

/* The columns from the first row. */
static void kolommen(struct export *x, json_t *rij)
{
	const char *sleutel;
	json_t *v;
	json_object_foreach(rij, sleutel, v) {
		if (json_is_object(v)) {
			const char *s2;
			json_t *v2;
			json_object_foreach(v, s2, v2)
				if (!json_is_object(v2) && !json_is_array(v2))
					kolom_voeg(x, sleutel, s2, v2);
		} else if (!json_is_array(v)) {
			kolom_voeg(x, NULL, sleutel, v);
		}
	}
	for (size_t i = 0; i < x->n; i++)
		x->wk[i] = (struct werkblad_kolom){.kop = x->k[i].naam, .soort = x->k[i].soort,
						   .cent_kolom = x->k[i].euro ? i - 1 : 0, .breedte = 0};
}

static json_t *waarde(json_t *rij, const struct kolom *k)
{
	json_t *o = k->ouder[0] ? json_object_get(rij, k->ouder) : rij;
	return json_object_get(o, k->lid);
}

/* A cell's text for CSV or a text column, in buf when it must be made. */
static const char *tekst(json_t *v, const struct kolom *k, char *buf, size_t n)
{
	if (!v || json_is_null(v))
		return NULL;
	if (json_is_string(v))
		return json_string_value(v);
	if (json_is_boolean(v))
		return json_is_true(v) ? "ja" : "nee";
	if (json_is_integer(v)) {
		int64_t c = json_integer_value(v);
		if (k->euro) {
			uint64_t a = c < 0 ? (uint64_t)0 - (uint64_t)c : (uint64_t)c;
			snprintf(buf, n, "%s%" PRIu64 ".%02" PRIu64, c < 0 ? "-" : "", a / 100, a % 100);
		} else {
			snprintf(buf, n, "%" PRId64, c);
		}
		return buf;
	}
	char *d = json_dumps(v, JSON_ENCODE_ANY | JSON_COMPACT);
	snprintf(buf, n, "%s", d ? d : "");
	free(d);
	return buf;
}

static void rij_schrijf(struct export *x, json_t *rij, struct arena *a)
{
	if (!x->xlsx) {
		for (size_t i = 0; i < x->n; i++) {
			char buf[64];
			if (i)
				fputc(';', x->csv);
			json_t *v = waarde(rij, &x->k[i]);
			const char *t = tekst(v, &x->k[i], buf, sizeof buf);
			if (json_is_integer(v))   /* a number as a number: "-500", not a neutralised "'-500" */
				fputs(t, x->csv);
			else
				csv_veld(x->csv, t);
		}
		fputs("\r\n", x->csv);
		x->rijen++;
		return;
	}
	struct werkblad_cel cel[EXPORT_KOLOMMEN_MAX];
	for (size_t i = 0; i < x->n; i++) {
		json_t *v = waarde(rij, &x->k[i]);
		cel[i] = (struct werkblad_cel){.tekst = NULL, .getal = 0};
		if (x->k[i].soort == WERKBLAD_GETAL || x->k[i].soort == WERKBLAD_CENT || x->k[i].soort == WERKBLAD_EURO) {
			if (json_is_integer(v))
				cel[i].getal = json_integer_value(v);
			else
				cel[i].tekst = werkblad_leeg;
		} else {
			char buf[64];
			const char *t = tekst(v, &x->k[i], buf, sizeof buf);
			cel[i].tekst = t == buf ? arena_strdup(a, buf) : t;
		}
	}
	werkblad_stroom_rij(x->ws, cel);
	x->rijen++;
}

static rc_t begin(struct export *x, struct error *e)
{
	if (x->xlsx)
		return werkblad_stroom_begin("Lijst", x->wk, x->n, &x->ws, e);
	x->csv = tmpfile();
	if (!x->csv)
		return error_set(e, RC_INTERNAL, "Geen tijdelijk bestand voor de export.");
	fputs("\xEF\xBB\xBF", x->csv);   /* UTF-8 byte order mark: spreadsheets read the accents right */
	for (size_t i = 0; i < x->n; i++) {
		if (i)
			fputc(';', x->csv);
		csv_veld(x->csv, x->k[i].naam);
	}
	fputs("\r\n", x->csv);
	return RC_OK;
}

/* The list at dotted path `pad` of `body` ("geld.per_thema", from
 * ?lijst=), or without one the first member of `body` that is a list. */
static json_t *lijst_van(json_t *body, const char *pad)
{
	if (pad) {
		json_t *v = body;
		char deel[64];
		while (v && *pad) {
			size_t n = strcspn(pad, ".");
			snprintf(deel, sizeof deel, "%.*s", (int)(n < sizeof deel - 1 ? n : sizeof deel - 1), pad);
			v = json_object_get(v, deel);
			pad += n + (pad[n] == '.');
		}
		return json_is_array(v) ? v : NULL;
	}
	if (json_is_array(body))
		return body;
	const char *s;
	json_t *v;
	json_object_foreach(body, s, v)
		if (json_is_array(v))
			return v;
	return NULL;
}

static rc_t einde(struct export *x, struct http_response *rs, struct error *e)
{
	int fd = -1;
	size_t len = 0;
	if (x->xlsx) {
		if (!x->ws)
			return RC_OK;
		rc_t rc = werkblad_stroom_einde(x->ws, &fd, &len, e);
		x->ws = NULL;
		if (rc != RC_OK)
			return rc;
	} else {
		fflush(x->csv);
		long n = ftell(x->csv);
		fd = n >= 0 ? dup(fileno(x->csv)) : -1;
		fclose(x->csv);
		x->csv = NULL;
		if (fd < 0)
			return error_set(e, RC_INTERNAL, "De export kon niet worden geschreven.");
		len = (size_t)n;
		lseek(fd, 0, SEEK_SET);
	}
	rs->fd = fd;
	rs->body_len = len;
	return RC_OK;
}

static void opruimen(struct export *x)
{
	if (x->csv)
		fclose(x->csv);
	if (x->ws) {
		int fd;
		size_t len;
		struct error e2 = {0};
		if (werkblad_stroom_einde(x->ws, &fd, &len, &e2) == RC_OK)
			close(fd);
	}
}

/* One page: the handler's answer, its rows written. *volgende the next
 * page's ?na= (NULL: done). */
static rc_t pagina(struct http_request *rq, struct export *x, const char **volgende, struct error *e)
{
	struct arena *vorig = rq->arena, pa;
	arena_init(&pa, ARENA_VERZOEK_BYTES);
	rq->arena = &pa;
	struct http_response r = {0};
	rc_t rc = rq->route->handler(rq, &r, e);
	json_t *body = NULL;
	if (rc == RC_OK && (!r.content_type || strncmp(r.content_type, "application/json", 16) != 0))
		rc = error_set(e, RC_INVALID, "Deze lijst kan niet als bestand worden gedownload.");
	if (rc == RC_OK && !(body = json_loadb(r.body, r.body_len, 0, NULL)))
		rc = error_set(e, RC_INTERNAL, "Het antwoord van de lijst is onleesbaar.");
	json_t *l = lijst_van(body, http_query(rq, "lijst"));
	if (rc == RC_OK && !l) {
		error_add(e, "lijst", "parameter_ongeldig", NULL, "Dit antwoord heeft geen lijst '%s'.", http_query(rq, "lijst"));
		rc = RC_INVALID;
	}
	if (rc == RC_OK && x->n == 0 && !x->csv && !x->ws) {
		if (json_array_size(l))
			kolommen(x, json_array_get(l, 0));
		rc = begin(x, e);
	}
	size_t i;
	json_t *rij;
	json_array_foreach(l, i, rij)
		if (rc == RC_OK && json_is_object(rij))
			rij_schrijf(x, rij, &pa);
	json_t *na = json_object_get(body, "volgende_na");
	/* the pages of a route page its list; a list picked with ?lijst= is one of an answer's several, whole */
	*volgende = rc == RC_OK && json_is_integer(na) && strstr(rq->route->query_params, "na:") && !http_query(rq, "lijst")
		    ? arena_printf(vorig, "%" PRId64, (int64_t)json_integer_value(na)) : NULL;
	json_decref(body);
	rq->arena = vorig;
	arena_release(&pa);
	return rc;
}

rc_t http_export_lijst(struct http_request *rq, struct http_response *rs, struct error *e)
{
	bool xlsx = false;
	rc_t rc = http_export_formaat(rq, &xlsx, e);
	if (rc != RC_OK)
		return rc;
	struct export *x = arena_alloc(rq->arena, sizeof *x);
	if (!x)
		return error_set(e, RC_NOMEM, "Onvoldoende geheugen.");
	x->xlsx = xlsx;
	const char *na = http_query(rq, "na");
	rq->export_pagina = true;
	for (size_t p = 0; rc == RC_OK && p < EXPORT_PAGINAS_MAX; p++) {
		rq->export_na = na;
		rc = pagina(rq, x, &na, e);
		if (!na)
			break;
	}
	rq->export_pagina = false;
	if (rc == RC_OK)
		rc = einde(x, rs, e);
	if (rc != RC_OK) {
		opruimen(x);
		return rc;
	}
	const char *slash = strrchr(rq->route->pattern, '/');
	char naam[64];
	snprintf(naam, sizeof naam, "%s", slash ? slash + 1 : "lijst");
	for (char *c = naam; *c; c++)
		if (*c == '{' || *c == '}')
			*c = '_';
	http_reply_export(rq, rs, NULL, rs->body_len, xlsx, naam);
	char *n = arena_printf(rq->arena, "%zu", x->rijen);
	if (n)
		http_add_header(rq, rs, "Doorbraak-Rijen", n);
	return RC_OK;
}
