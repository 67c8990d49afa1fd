/*
 * catalogus.h -- the catalogue: validation, publication and reading.
 *
 * The catalogue is the versioned reference data every application is
 * checked against (DOMAIN.md §3; format and rules in docs/catalogus.md).
 * Two kinds of document exist: a whole catalogue ("soort": "catalogus")
 * and a new version of one modelplan ("soort": "modelplan").
 *
 * Validation reports every problem at once as error items: field
 * "<bestand>#<JSON pointer>", the rule's stable code, a Dutch detail and
 * the rule's source. Publication stores a valid document in one
 * transaction with its audit record; nothing published ever changes or
 * disappears. Reads name a catalogue version (0: the newest).
 *
 * All amounts and shares are int64; there is no floating point here.
 */
#ifndef DOORBRAAK_CATALOGUS_H
#define DOORBRAAK_CATALOGUS_H

#include <jansson.h>
#include <stdbool.h>
#include <stdint.h>

#include "store/store.h"
#include "core/basis/klok.h"
#include "core/basis/arena.h"
#include "core/basis/error.h"

/* The largest catalogue document accepted (file or request body). */
#define CATALOGUS_MAX_BYTES (4u * 1024u * 1024u)

/* The catalogue compiled into the binary: version 1, loaded by init. */
#define CATALOGUS_STANDAARD "catalogus/catalogus.json"

/* What is known outside a standalone modelplan document: the catalogue
 * it names and the versions of its plan published so far. */
enum catalogus_bestaand {
	CATALOGUS_NIEUW = 0,   /* (id, versie) was not published */
	CATALOGUS_GELIJK,      /* published with the same content */
	CATALOGUS_ANDERS,      /* published with other content */
};

struct catalogus_bekend {
	json_t *catalogus;             /* catalogue version named by catalogus_versie; NULL: unknown */
	int64_t hoogste_versie;        /* highest published version of the plan id; 0: none */
	const char *toepassingsgebied; /* that version's area; NULL when none */
	enum catalogus_bestaand bestaand; /* the document's own (id, versie) in the store */
};

/* Checks `doc` (a catalogue or a standalone modelplan document) against
 * every rule of docs/catalogus.md §4 and adds one error item per problem
 * to `e` (field "<bestand>#<pointer>"). A modelplan document is checked
 * against the catalogue compiled into the binary. Returns RC_OK when
 * there is no problem, else RC_INVALID (RC_CONFLICT when every problem
 * is a version conflict). `doc` is not changed. */
rc_t catalogus_valideer(json_t *doc, const char *bestand, struct error *e);

/* Like catalogus_valideer, with the knowledge for a modelplan document
 * given explicitly (ignored for a catalogue). *conflicten (may be NULL)
 * receives the number of problems that are version conflicts. */
rc_t catalogus_valideer_tegen(json_t *doc, const char *bestand,
			      const struct catalogus_bekend *bekend,
			      size_t *conflicten, struct error *e);

/* How a document is published. */
struct catalogus_publicatie {
	const char *bestand;      /* for problem fields: a file name or "body" */
	const char *actor;        /* audit actor: "cli", "systeem", "gebruiker:12" */
	const char *soort;        /* the kind required ("catalogus"/"modelplan"), NULL: either */
	const char *modelplan_id; /* the plan id required (the API path), NULL: any */
	/* true only when the board's framework decision publishes
	 * (core/verdeling/kaderbesluit.h): then a theme's macrobedrag and the
	 * chosen impact bar may change. Any other catalogue version keeps them
	 * as the newest has them: 409 "kader_van_bestuur" [001 "Vervolgproces"]. */
	bool door_kaderbesluit;
};

/* What a publication stored. */
struct catalogus_publicatie_resultaat {
	char soort[16];          /* "catalogus" or "modelplan" */
	char modelplan_id[72];   /* for a modelplan document */
	int64_t versie;          /* the catalogue version, or the modelplan version */
	int64_t catalogusversie; /* the catalogue version the result belongs to */
	int64_t nieuwe_modelplanversies; /* modelplan versions added (a catalogue reuses identical ones) */
};

/* Publishes `doc` in one write transaction with its audit record:
 * validates it (RC_INVALID, nothing stored), checks it against what was
 * published (a catalogue version must be the newest + 1; a stored
 * modelplan version never changes; a new modelplan version is the
 * newest + 1 with the same area: RC_CONFLICT, nothing stored), then
 * stores it. A modelplan document is linked to the newest catalogue
 * version. *out is written only on RC_OK. */
rc_t catalogus_publiceer_met(struct store *s, json_t *doc,
			     const struct catalogus_publicatie *p,
			     struct catalogus_publicatie_resultaat *out, struct error *e);

/* catalogus_publiceer_met inside the caller's write transaction (the
 * board's framework decision stores itself and its catalogue version in
 * one). Refusals as there; the caller's transaction then rolls back. */
rc_t catalogus_publiceer_tx(struct store *s, json_t *doc, const struct catalogus_publicatie *p,
			    struct catalogus_publicatie_resultaat *out, struct error *e);

/* Inside the caller's transaction: the next catalogue version as the
 * newest is, to be changed and published (what the programme office's
 * form does in the browser): a copy of the newest document with versie
 * newest + 1, vorige_versie, gepubliceerd_op today (klok) and every
 * modelplan at its newest version linked to the newest catalogue version.
 * *doc_out is a new reference; RC_NOT_FOUND without a catalogue. */
rc_t catalogus_volgende_tx(struct store *s, const struct klok *klok, struct arena *arena,
			   json_t **doc_out, struct error *e);

/* catalogus_publiceer_met for either kind, problem fields named after
 * the document ("catalogus#/..."); *versie_out as in the result. */
rc_t catalogus_publiceer(struct store *s, json_t *doc, const char *actor,
			 int64_t *versie_out, struct error *e);

/* Publishes the catalogue compiled into the binary as actor "systeem"
 * when no catalogue version exists yet; otherwise does nothing. Safe to
 * run repeatedly and concurrently. *versie_out (may be NULL) is the
 * version published, 0 when nothing was done. */
rc_t catalogus_laad_standaard(struct store *s, int64_t *versie_out, struct error *e);

/* ---- reading -------------------------------------------------------- */

/* Filters of the collections; NULL members do not filter. */
struct catalogus_filter {
	const char *thema;             /* toepassingsgebieden: thema_id */
	const char *sector;            /* toepassingsgebieden: in sectoren */
	const char *geldt_voor;        /* basiseisen: "zvw" or "sociaal-domein" */
	const char *toepassingsgebied; /* modelplannen: toepassingsgebied_id */
};

/* The names of the collections, NULL-terminated: "fondsen", "themas",
 * "toepassingsgebieden", "basiseisen", "modelplannen", "impactlatten",
 * "basisfunctionaliteiten", "referentiecijfers". */
extern const char *const catalogus_onderdelen[];

/* Reads one collection of catalogue version `catalogusversie` (0: the
 * newest) as {"catalogusversie": N, "<onderdeel>": [...] , ...}. A filter
 * value that is not allowed is RC_INVALID (item named after the filter);
 * an unknown version or no catalogue at all RC_NOT_FOUND. *out is a new
 * reference the caller releases (json_decref), written only on RC_OK. */
rc_t catalogus_lijst(struct store *s, int64_t catalogusversie, const char *onderdeel,
		     const struct catalogus_filter *f, json_t **out, struct error *e);

/* The name of theme `id` in the newest catalogue ("AI" for "ai"), in the
 * arena; the id itself when the theme or the catalogue cannot be read
 * (a document then still says something true). */
const char *catalogus_thema_naam(struct store *s, struct arena *arena, const char *id);

/* Reads one modelplan: {"catalogusversie": N, "modelplan": {...},
 * "versies": [...every published version...]}. `versie` 0 picks the
 * newest version belonging to the catalogue version; another value any
 * published version. RC_NOT_FOUND when the plan or version is unknown. */
rc_t catalogus_modelplan(struct store *s, int64_t catalogusversie, const char *id,
			 int64_t versie, json_t **out, struct error *e);

/* Lists the published catalogue versions: {"catalogusversies": [...]},
 * newest first. */
rc_t catalogus_versies(struct store *s, json_t **out, struct error *e);

/* The published document of catalogue version `versie` (0: the newest)
 * as JSON text in `arena`, exactly as stored; *versie_out the version. */
rc_t catalogus_document(struct store *s, int64_t versie, struct arena *arena,
			const char **text_out, int64_t *versie_out, struct error *e);

/* The Zvw pot (kanaal "zorgverzekeraars") of catalogue document `doc`,
 * borrowed from it; NULL when there is none. */
json_t *catalogus_zvw_pot(json_t *doc);

/* Inside the caller's transaction: the spending period of the Zvw pot in
 * the newest catalogue, the fund's years a payment may be booked in
 * [002 §1], [002 §5a], [003 §8b] (2027 up to and including 2029).
 * RC_NOT_FOUND without a catalogue; RC_INTERNAL when it has no Zvw pot
 * with a period. */
rc_t catalogus_zvw_periode_tx(struct store *s, struct arena *arena, int64_t *van_jaar,
			      int64_t *tot_en_met_jaar, struct error *e);

/* Parses a query or command-line value as a version number: decimal
 * digits only, 1 ... 2^62. Returns false for anything else. */
bool catalogus_versie_parse(const char *text, int64_t *out);

#endif
