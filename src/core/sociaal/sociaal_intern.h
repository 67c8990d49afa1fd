/*
 * sociaal_intern.h -- helpers shared by the files of the social-domain
 * track (core/sociaal); not for other modules.
 */
#ifndef DOORBRAAK_SOCIAAL_INTERN_H
#define DOORBRAAK_SOCIAAL_INTERN_H

#include "core/sociaal/sociaal.h"

/* The caller's municipality: its CBS code (in `a`) and name, when who is
 * an official of a municipality organisation; RC_FORBIDDEN otherwise. */
rc_t sociaal_gemeente_van(struct store *s, const struct principal *who, struct arena *a, const char **cbs,
			  struct error *e);

/* The soort of who's organisation ("gemeente", "zorgverzekeraar", ...), or
 * NULL; inside the caller's transaction. */
const char *sociaal_organisatie_soort(struct store *s, const struct principal *who, struct arena *a,
				      struct error *e);

/* Canonical JSON of `doc` in the arena (NULL when memory runs out). */
const char *sociaal_tekst(json_t *doc, struct arena *a);

/* Appends an audit record (action, object, detail JSON text). */
rc_t sociaal_audit(struct store *s, const struct principal *who, const char *actie, const char *object,
		   const char *detail, struct error *e);

/* A required text of 1..max characters that is not only spaces, at
 * `waar`/`veld`; else an item with `code` and `bron`. */
const char *sociaal_tekst_veld(json_t *obj, const char *veld, const char *waar, size_t max, const char *code,
			       const char *bron, struct error *e);

/* The catalogue's basisfunctionaliteiten (ids) and the social-domain
 * pot's tranches and spending period, read from the newest catalogue. */
struct sociaal_catalogus {
	char bf[SOCIAAL_BF_MAX][80];
	char bf_naam[SOCIAAL_BF_MAX][120];
	size_t bf_aantal;
	int64_t tranche_jaar[4], tranche_cent[4];
	size_t tranche_aantal;
	int64_t van_jaar, tot_jaar;
	char deadline[11];             /* regioplannen-sociaal-domein, "" when none */
};
rc_t sociaal_catalogus_lees(struct store *s, struct sociaal_catalogus *c, struct error *e);

/* Index of basisfunctionaliteit `id`, or -1. */
int sociaal_bf_index(const struct sociaal_catalogus *c, const char *id);

/* True when region `regio` has a final work agenda that VNG and ZN both
 * assessed positively (the two-party rule) [001], [003 D5]; inside the
 * caller's transaction (a read failure leaves e set and gives false). */
bool werkagenda_goedgekeurd_tx(struct store *s, const char *regio, struct arena *a, struct error *e);

#endif
