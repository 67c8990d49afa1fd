/*
 * monitoring.h -- monitoring and transparency (DOMAIN.md §6,
 * docs/monitoring.md): a granted project's progress per quarter, the
 * signals computed from it, the programme's dashboard, the quarterly
 * programme report and the open data of every honoured plan.
 *
 * Sources: per project milestones and KPIs with target dates, workload
 * reduction, full scale-up and steering when off-plan [004 "Monitoring en
 * bijsturing"]; the board discusses progress every quarter and VWS has a
 * quarterly report made [003 "Kwartaalrapportages"]; the mid-term review
 * wants the plans submitted and honoured and the financial realisation
 * [003 MTR]; the impact figure is fte saved per EUR 1 mln [001 Gupta
 * "Aanpak"], the ambition ~27,600 fte [001 Gupta "Samenvatting"].
 *
 * Money is int64 cents, fte milli-fte; no floating point.
 */
#ifndef DOORBRAAK_MONITORING_H
#define DOORBRAAK_MONITORING_H

#include <jansson.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>

#include "store/store.h"
#include "core/basis/klok.h"
#include "core/toegang/toegang.h"

#define BRON_MONITORING "[004 \"Monitoring en bijsturing\"]"
#define BRON_KWARTAAL "[003 \"Kwartaalrapportages\"]"
#define BRON_MTR "[003 MTR]"

#define MONITORING_TEKST_MAX 4000
#define MONITORING_RISICO_MAX 20
#define MONITORING_PAGINA 1000              /* projects read per query */
#define SIGNALEN_PAGINA_MAX 1000            /* projects per page of signals */
/* Tolerances of the signals (a programme choice, docs/monitoring.md §3). */
#define MONITORING_FTE_TOLERANTIE_BP 2000   /* fte realised more than 20 % behind plan */
#define MONITORING_GELD_TOLERANTIE_BP 2500  /* spending more than 25 % behind or ahead */

/* ---- project progress (projectvoortgang.c) ---- */

/* The lead of granted beschikking `beschikking_id` reports its progress for
 * a period: {"periode", "mijlpalen": [{"id", "status", "toelichting"?}],
 * "kpis": [{"kpi", "waarde", "toelichting"?}], "fte_gerealiseerd_milli",
 * "meetmethode_gevolgd", "meetmethode_toelichting"?, "besteed_cent",
 * "risicos": [{"omschrijving", "maatregel"}], "bijsturing"}. Every problem
 * at once (RC_INVALID): an unknown period ("periode_onbekend"), a KPI that
 * is not one of the modelplan's ("kpi_onbekend"), a milestone not in the
 * beschikking. A refused beschikking: RC_CONFLICT "niet_verleend"; not a
 * party: RC_NOT_FOUND; a party but not the lead: RC_FORBIDDEN. A second
 * report for a period is the next version. One transaction with its audit
 * record; *out {id, periode, versie}. */
rc_t projectvoortgang_voeg_toe(struct store *s, const struct principal *who, const struct klok *klok,
			       int64_t beschikking_id, json_t *body, struct arena *a, json_t **out, struct error *e);

/* A project's reports for who may read them (the parties, and the
 * programme's readers: monitoring_ziet_alles): the plan (KPIs with their
 * targets, the method of measurement the application named, fte pledged,
 * the periods) and every version, newest per period marked. */
rc_t projectvoortgang_lijst(struct store *s, const struct principal *who, int64_t beschikking_id, struct arena *a,
			    json_t **out, struct error *e);

/* The reporting periods: [{code, van, tot, inleveren_voor}]. */
rc_t monitoring_perioden(struct store *s, struct arena *a, json_t **out, struct error *e);

/* True for the roles that see every project's monitoring: board,
 * programme office, VWS, NZa, Zorginstituut, auditor. */
bool monitoring_ziet_alles(const struct principal *who);

/* ---- signals (signalen.c) ---- */

/* The signals on `peildag` (days since 1970) for who may see them: the
 * coordinating insurer its projects, monitoring_ziet_alles everything.
 * Each {sleutel, code, beschikking_id, kenmerk, titel, omschrijving, bron,
 * erkend, kennisnames[]}. `alleen_open` leaves acknowledged ones out.
 * Paged by project: the signals of at most `limiet` projects (0: all) with
 * a beschikking id above `na`; "volgende_na" names the next page. */
rc_t signalen_lijst(struct store *s, const struct principal *who, int64_t peildag, bool alleen_open, int64_t na,
		    int64_t limiet, struct arena *a, json_t **out, struct error *e);

/* The coordinating insurer acknowledges signal {"beschikking_id",
 * "sleutel", "notitie"}: stored with who and when; nothing is deleted.
 * RC_NOT_FOUND for a signal that does not exist on `peildag`. */
rc_t signaal_erken(struct store *s, const struct principal *who, const struct klok *klok, int64_t peildag,
		   json_t *body, struct arena *a, json_t **out, struct error *e);

/* ---- the programme (programma.c) ---- */

/* The dashboard on `peildag`: fte pledged vs realised vs the ambition per
 * quarter; money per theme, year, region and sector through every stage;
 * plans submitted and honoured per theme, application area, region and
 * sector; the signals counted per rule. */
rc_t monitoring_dashboard(struct store *s, int64_t peildag, struct arena *a, json_t **out, struct error *e);

/* The same as JSON text, kept in the process while the database does not
 * change (core/basis/antwoordcache.h): a dashboard polled by the board
 * costs one read of the last audit record. */
rc_t monitoring_dashboard_tekst(struct store *s, int64_t peildag, struct arena *a, const char **tekst, size_t *lengte,
				struct error *e);

/* The quarterly programme report for the board as HTML or PDF. */
rc_t kwartaalrapport_document(struct store *s, int64_t peildag, bool pdf, struct arena *a, const void **data,
			      size_t *len, struct error *e);

/* ---- open data (opendata.c) ---- */

struct opendata_kolom {
	const char *naam, *titel, *type, *beschrijving;
};
extern const struct opendata_kolom opendata_kolommen[];
extern const size_t opendata_kolom_aantal;

/* Every honoured plan as open data (no personal data): an array of
 * objects with exactly the columns of opendata_kolommen. */
rc_t opendata_plannen(struct store *s, struct arena *a, json_t **out, struct error *e);

/* The rows of opendata_plannen as CSV (the columns in order, ';'-separated,
 * CRLF) to `f`. */
void opendata_csv(FILE *f, json_t *plannen);

/* {"plannen": [...]} as JSON text, kept while the database does not change. */
rc_t opendata_plannen_tekst(struct store *s, struct arena *a, const char **tekst, size_t *lengte, struct error *e);

/* The description of the data set (DCAT-AP-NL in spirit): title,
 * publisher, licence, distributions and every column. */
json_t *opendata_beschrijving(void);

#endif
