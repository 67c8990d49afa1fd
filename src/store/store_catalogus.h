/*
 * store_catalogus.h -- the SQL of published catalogue and modelplan
 * versions (see core/catalogus.h; tables in migrations/002_catalogus.sql).
 *
 * Every function runs inside store_tx(). Rows are only ever added:
 * the database refuses UPDATE and DELETE on these tables.
 */
#ifndef DOORBRAAK_STORE_CATALOGUS_H
#define DOORBRAAK_STORE_CATALOGUS_H

#include "store/store.h"

/* One catalogue version to store. */
struct store_catalogusversie {
	int64_t versie;
	const char *gepubliceerd_op;   /* the document's date */
	const char *opgeslagen_op;     /* UTC time of storing */
	const char *gepubliceerd_door; /* the audit actor */
	const char *bron;
	const char *document;          /* the whole document, compact JSON */
	const char *sha256;            /* hex of the canonical document */
};

/* One modelplan version to store. */
struct store_modelplanversie {
	const char *modelplan;
	int64_t versie;
	int64_t catalogusversie;       /* the version it was published with or under */
	const char *toepassingsgebied;
	const char *status;
	const char *gepubliceerd_op;
	const char *opgeslagen_op;
	const char *gepubliceerd_door;
	const char *wijzigingen;       /* JSON list, NULL when it came with a catalogue */
	const char *bron;
	const char *document;          /* the plan's fields, compact JSON */
	const char *sha256;
};

/* The newest catalogue version, 0 when there is none. */
rc_t store_catalogus_nieuwste(struct store *s, int64_t *versie, struct error *e);

/* The document of catalogue version `versie` into `arena`; RC_NOT_FOUND
 * when it does not exist. */
rc_t store_catalogus_document(struct store *s, int64_t versie, struct arena *arena,
			      const char **document, struct error *e);

/* The SHA-256 of catalogue version `versie`'s document, into the arena. */
rc_t store_catalogus_sha256(struct store *s, int64_t versie, struct arena *arena,
			    const char **sha256, struct error *e);

/* All catalogue versions, newest first; columns: versie, gepubliceerd_op,
 * opgeslagen_op, gepubliceerd_door, bron, sha256. */
rc_t store_catalogus_versies(struct store *s, struct arena *arena, struct store_rows *out,
			     struct error *e);

rc_t store_catalogus_voeg_toe(struct store *s, const struct store_catalogusversie *v,
			      struct error *e);

/* All versions of one modelplan, oldest first; columns: versie,
 * catalogusversie, toepassingsgebied, status, gepubliceerd_op,
 * opgeslagen_op, gepubliceerd_door, wijzigingen, sha256, bron. */
rc_t store_modelplan_versies(struct store *s, const char *modelplan, struct arena *arena,
			     struct store_rows *out, struct error *e);

/* The document of (modelplan, versie); RC_NOT_FOUND when unknown. */
rc_t store_modelplan_document(struct store *s, const char *modelplan, int64_t versie,
			      struct arena *arena, const char **document, struct error *e);

rc_t store_modelplan_voeg_toe(struct store *s, const struct store_modelplanversie *m,
			      struct error *e);

/* Links (modelplan, versie) to a catalogue version. */
rc_t store_catalogus_koppel(struct store *s, int64_t catalogusversie, const char *modelplan,
			    int64_t versie, struct error *e);

/* Per modelplan linked to catalogue version `catalogusversie`, its
 * highest linked version; columns: modelplan, versie, document. */
rc_t store_catalogus_modelplannen(struct store *s, int64_t catalogusversie,
				  struct arena *arena, struct store_rows *out, struct error *e);

/* Row counts of the three tables (for checks and tests). */
rc_t store_catalogus_aantallen(struct store *s, int64_t *catalogusversies,
			       int64_t *modelplanversies, int64_t *koppelingen, struct error *e);

#endif
