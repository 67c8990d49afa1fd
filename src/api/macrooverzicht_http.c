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
#include "api/parameters.h"

#include <stdio.h>
#include <string.h>

#include "core/verdeling/macrooverzicht.h"

rc_t macrooverzicht_get(struct http_request *rq, struct http_response *rs, struct error *e)
{
	struct macrooverzicht_filter f = {
		.thema = http_query(rq, "thema"), .toepassingsgebied = http_query(rq, "toepassingsgebied"),
		.sector = http_query(rq, "sector"), .regio = http_query(rq, "regio"),
	};
	int64_t ronde = http_query_getal(rq, "indieningsronde");
	if (!ronde)
		error_add(e, "indieningsronde", "verplicht", NULL,
			  "Geef de indieningsronde: ?indieningsronde=<id>.");
	f.jaar = http_query_getal(rq, "jaar");
	f.na = http_query_getal(rq, "na");
	f.limiet = http_query_getal(rq, "limiet");
	f.aanvragen = http_query_janee(rq, "aanvragen");
	if (e->item_count > 0)
		return RC_INVALID;
	const char *tekst = NULL;
	size_t lengte = 0;
	rc_t rc = macrooverzicht_tekst(rq->store, rq->arena, &rq->who, NULL, ronde, &f, &tekst,
				       &lengte, e);
	if (rc == RC_NOT_FOUND)
		return error_set(e, RC_NOT_FOUND, "Indieningsronde %lld bestaat niet.", (long long)ronde);
	if (rc != RC_OK)
		return rc;
	http_reply_raw(rs, 200, "application/json", tekst, lengte);
	http_reply_etag(rq, rs);
	return RC_OK;
}
