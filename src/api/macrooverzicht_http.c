/*
 * macrooverzicht_http.c -- GET /api/v1/macrooverzicht: the totals of a
 * round against the theme budgets and the per-year availability
 * (docs/bestuur.md §2).
 *
 * Public: anyone sees the totals per theme and year and the fte against
 * the ambition. The board, the programme office, the auditor and the
 * insurers (who present the overview to the board) also see the lines per
 * application area, sector and region, may filter, and drill down to the
 * applications (?aanvragen=true; an insurer sees only those it assesses).
 * The core decides; this file reads the query.
 */
#include "api/toegang_http.h"

#include <stdio.h>
#include <string.h>

#include "core/verdeling/macrooverzicht.h"

/* An optional whole-number parameter: 0 when absent. */
static void getal(struct http_request *rq, const char *naam, int64_t *out, struct error *e)
{
	const char *t = http_query(rq, naam);
	*out = 0;
	if (!t)
		return;
	int64_t v = 0;
	size_t n = strlen(t);
	bool ok = n > 0 && n <= 18;
	for (size_t i = 0; ok && i < n; i++) {
		ok = t[i] >= '0' && t[i] <= '9';
		v = v * 10 + (t[i] - '0');
	}
	if (ok)
		*out = v;
	else
		error_add(e, naam, "parameter_ongeldig", NULL, "%s is een geheel getal (0 of hoger).", naam);
}

rc_t macrooverzicht_get(struct http_request *rq, struct http_response *rs, struct error *e)
{
	struct macrooverzicht_filter f = {
		.thema = http_query(rq, "thema"), .toepassingsgebied = http_query(rq, "toepassingsgebied"),
		.sector = http_query(rq, "sector"), .regio = http_query(rq, "regio"),
	};
	int64_t ronde = 0;
	getal(rq, "indieningsronde", &ronde, e);
	if (!http_query(rq, "indieningsronde"))
		error_add(e, "indieningsronde", "verplicht", NULL,
			  "Geef de indieningsronde: ?indieningsronde=<id>.");
	getal(rq, "jaar", &f.jaar, e);
	getal(rq, "na", &f.na, e);
	getal(rq, "limiet", &f.limiet, e);
	const char *aanvragen = http_query(rq, "aanvragen");
	if (aanvragen && strcmp(aanvragen, "true") != 0 && strcmp(aanvragen, "false") != 0)
		error_add(e, "aanvragen", "parameter_ongeldig", NULL, "aanvragen is true of false.");
	f.aanvragen = aanvragen && strcmp(aanvragen, "true") == 0;
	if (http_query(rq, "limiet") && f.limiet == 0)
		error_add(e, "limiet", "parameter_ongeldig", NULL, "limiet ligt tussen 1 en %d.",
			  MACROOVERZICHT_PAGINA_MAX);
	if (e->item_count > 0)
		return RC_INVALID;
	json_t *uit = NULL;
	rc_t rc = macrooverzicht_maak(rq->store, rq->arena, &rq->who, NULL, ronde, &f, &uit, e);
	if (rc == RC_NOT_FOUND)
		return error_set(e, RC_NOT_FOUND, "Indieningsronde %lld bestaat niet.", (long long)ronde);
	if (rc != RC_OK)
		return rc;
	return http_reply_json(rq, rs, 200, uit, e);
}
