/*
 * store_monitoring.h -- the SQL of monitoring (migration 020;
 * docs/monitoring.md). Every function runs inside the caller's store_tx();
 * rows are copied into the caller's arena, columns in the order named.
 */
#ifndef DOORBRAAK_STORE_MONITORING_H
#define DOORBRAAK_STORE_MONITORING_H

#include "store/store.h"

/* The reporting periods, oldest first: code, van, tot, inleveren_voor. */
rc_t store_monitoring_perioden(struct store *s, struct arena *a, struct store_rows *out, struct error *e);

rc_t store_projectvoortgang_voeg_toe(struct store *s, int64_t beschikking_id, const char *periode, int64_t versie,
				     const char *document, int64_t fte_milli, int64_t besteed_cent, const char *op,
				     const char *door, int64_t *id, struct error *e);

/* Every version of every report of one beschikking: id, beschikking_id,
 * periode, versie, document, fte_gerealiseerd_milli, besteed_cent,
 * ingediend_op, ingediend_door. By period and version. */
rc_t store_projectvoortgang_lijst(struct store *s, int64_t beschikking_id, struct arena *a, struct store_rows *out,
				  struct error *e);

/* Every report's numbers, for the programme's computations: beschikking_id,
 * periode, versie, fte_gerealiseerd_milli, besteed_cent, ingediend_op; by
 * beschikking, period and version (the newest of a period last); of the
 * beschikkingen with an id above `van` up to `tot` (as the next two). */
rc_t store_monitoring_rapporten(struct store *s, int64_t van, int64_t tot, struct arena *a, struct store_rows *out,
			       struct error *e);

/* The newest version number of (beschikking, periode); 0 when none. */
rc_t store_projectvoortgang_versie(struct store *s, int64_t beschikking_id, const char *periode, int64_t *versie,
				   struct error *e);

rc_t store_signaal_kennisname_voeg_toe(struct store *s, int64_t beschikking_id, const char *sleutel,
				       const char *notitie, const char *op, const char *door, int64_t *id,
				       struct error *e);

/* Acknowledgements, oldest first: id, beschikking_id, sleutel, notitie,
 * genomen_op, genomen_door. */
rc_t store_signaal_kennisnames(struct store *s, struct arena *a, struct store_rows *out, struct error *e);

/* Every granted project with what monitoring needs, by beschikking id:
 * PR_* columns. Paged: ids above `na`, at most `limiet`; only those that
 * insurer `coordinerend` coordinates when it is not 0. */
enum store_project_kolom {
	PR_BESCHIKKING, PR_AANVRAAG, PR_KENMERK, PR_BOVENGRENS, PR_JAREN, PR_MIJLPALEN, PR_GENOMEN_OP,
	PR_TITEL, PR_THEMA, PR_GEBIED, PR_REGIO, PR_RONDE, PR_COORDINEREND, PR_PENVOERDER, PR_PENVOERDER_NAAM,
	PR_BEREIKT, PR_BETAALD, PR_GECORRIGEERD, PR_VERANTWOORD, PR_TWEEDE,
};
rc_t store_monitoring_projecten(struct store *s, int64_t coordinerend, int64_t na, int64_t limiet, struct arena *a,
				struct store_rows *out, struct error *e);

/* Reported milestones: beschikking_id, mijlpaal. */
rc_t store_monitoring_meldingen(struct store *s, int64_t van, int64_t tot, struct arena *a, struct store_rows *out,
				struct error *e);

/* Money per project and year by stage: beschikking_id, jaar, betaald_cent
 * (payments and corrections), verantwoord_cent (the accepted costs of the
 * newest accountability of that year). */
rc_t store_monitoring_jaargeld(struct store *s, int64_t van, int64_t tot, struct arena *a, struct store_rows *out,
			      struct error *e);

/* Per application the board's grant per year: aanvraag_id, jaar,
 * bedrag_cent, thema, toepassingsgebied, regio ('' when none). */
rc_t store_monitoring_toekenningen(struct store *s, struct arena *a, struct store_rows *out, struct error *e);

/* Settled in risk equalisation per year: jaar, bedrag_cent. */
rc_t store_monitoring_verevend(struct store *s, struct arena *a, struct store_rows *out, struct error *e);

/* Submitted applications per status and dimension: thema,
 * toepassingsgebied, regio ('' when none), status, gehonoreerd (0/1),
 * aantal. */
rc_t store_monitoring_plannen(struct store *s, struct arena *a, struct store_rows *out, struct error *e);

#endif
