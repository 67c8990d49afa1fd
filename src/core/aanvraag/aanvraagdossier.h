/*
 * aanvraagdossier.h -- the stored application: a coalition's application
 * in one round, its working document (the draft) and its state.
 *
 * The document itself is aanvraag.h's; this module stores it. A draft
 * (concept) is saved as often as wanted: each save replaces the working
 * document (kept in canonical JSON) and is an audit record with the
 * document's SHA-256, so the history of saves is in the audit chain.
 * Only structurally valid documents are stored (aanvraag_lees), on a
 * modelplan version of the round's catalogue version; completeness and
 * consistency are checks (toets.h) that the applicant sees with every
 * save and that block only submission (indiening.h).
 *
 * Who sees what (docs/indiening.md §5): the lead (penvoerder: the
 * organisation that made it) reads and writes; the other organisations of
 * the coalition read the working document; the coordinating and the second
 * insurer of the newest submitted version read the submitted versions,
 * and only after the round closed (a sealed round: before that the answer
 * is the same as for an application that does not exist); the auditor
 * reads everything. Everyone else gets 404, recorded as a refusal.
 */
#ifndef DOORBRAAK_AANVRAAGDOSSIER_H
#define DOORBRAAK_AANVRAAGDOSSIER_H

#include <jansson.h>
#include <stdbool.h>
#include <stdint.h>

#include "store/store.h"
#include "core/aanvraag/aanvraag.h"
#include "core/aanvraag/indieningsronde.h"
#include "core/basis/klok.h"
#include "core/toegang/toegang.h"
#include "core/aanvraag/toets.h"

#define AANVRAAG_REGIO_MAX 100
#define AANVRAAG_PAGINA_MAX 1000
#define AANVRAAG_DOCUMENT_MAX_BYTES (2u * 1024u * 1024u)

enum aanvraag_status {
	AANVRAAG_CONCEPT = 0,         /* a draft, never submitted */
	AANVRAAG_INGEDIEND,           /* submitted; no assessment of this version yet */
	AANVRAAG_IN_BEOORDELING,      /* one of the two insurers has assessed it */
	AANVRAAG_INFORMATIE_GEVRAAGD, /* an insurer asked for more information: partly reopened */
	AANVRAAG_POSITIEF,            /* both insurers positive */
	AANVRAAG_NEGATIEF,            /* both assessed, not both positive */
};

/* "concept", "ingediend", "in_beoordeling", "informatie_gevraagd",
 * "positief", "negatief". */
const char *aanvraag_status_naam(enum aanvraag_status s);
bool aanvraag_status_uit_naam(const char *naam, enum aanvraag_status *out);

/* Still with the insurers: ingediend, in_beoordeling, informatie_gevraagd
 * [002 §4.2]. The board decides only once none is left. */
bool aanvraag_status_lopend(enum aanvraag_status s);

/* Counts in the board's overview and allocation: positief, and with
 * `met_lopend` also the ones still being assessed [001 "Vervolgproces"],
 * [002 §4.2]. The one rule; the store gets the names from here. */
bool aanvraag_status_telt_voor_verdeling(enum aanvraag_status s, bool met_lopend);

#define AANVRAAG_STATUS_AANTAL 6

/* The names of the statuses that count (aanvraag_status_telt_voor_verdeling)
 * into namen[0..AANVRAAG_STATUS_AANTAL); returns their number. */
size_t aanvraag_statussen_voor_verdeling(bool met_lopend, const char *namen[AANVRAAG_STATUS_AANTAL]);

struct aanvraagdossier {
	int64_t id, ronde_id, penvoerder_id;
	enum aanvraag_status status;
	const char *titel, *regio;            /* NULL when not given */
	const char *modelplan;
	int64_t modelplan_versie;
	const char *toepassingsgebied, *thema;
	const char *concept;                  /* canonical JSON of the working document; NULL in lists */
	const char *concept_sha256;
	int64_t concept_revisie;              /* number of saves */
	bool concept_indienbaar;              /* the checks at the last save: no blocking finding */
	const char *concept_route;            /* and the route they gave; NULL: not recorded */
	int64_t versie;                       /* newest submitted version, 0: none */
	int64_t coordinerend_verzekeraar_id, tweede_verzekeraar_id;  /* of that version; 0: none */
	int64_t sluit_op_us;                  /* of its round */
	const char *beoordeeld_uiterlijk_op;  /* of its round: verdicts by this date; NULL: none set */
	int64_t gevraagd_cent;                /* what the newest version asks in all; -1: unknown */
	int64_t behandelaar_coordinerend_id;  /* the assessor each insurer assigned; 0: none */
	int64_t behandelaar_tweede_id;
	bool demo;
	const char *aangemaakt_op, *aangemaakt_door, *gewijzigd_op;
};

/* What the caller may do with one application. */
enum aanvraag_toegang {
	AANVRAAG_GEEN = 0,
	AANVRAAG_COALITIE,    /* a participant: reads the working document */
	AANVRAAG_PENVOERDER,  /* the lead: reads and writes */
	AANVRAAG_VERZEKERAAR, /* coordinating or second insurer, round closed: reads submitted versions, assesses */
	AANVRAAG_AUDITOR,     /* reads everything */
};

/* Which applications `who` sees at all, by role, before any object:
 * the auditor all of them; the coalition's roles (aanvrager, gemeente)
 * those of their organisation's coalitions; an insurer (beoordelaar) the
 * submitted ones naming it, once their round has closed; anyone else
 * none. The one rule behind aanvraagdossier_toegang (per object) and
 * aanvraagdossier_lijst (per page); the API asks it too. Pure. */
enum aanvraag_zicht {
	AANVRAAG_ZICHT_GEEN,
	AANVRAAG_ZICHT_ALLES,
	AANVRAAG_ZICHT_COALITIE,
	AANVRAAG_ZICHT_VERZEKERAAR,
};
enum aanvraag_zicht aanvraag_zicht(const struct principal *who);

/* The access rule above for `who` on `d` at `nu_us`; `coalitie` says
 * whether who's organisation is the lead or a participant of the working
 * document. Pure. */
enum aanvraag_toegang aanvraagdossier_toegang(const struct principal *who,
					      const struct aanvraagdossier *d, bool coalitie,
					      int64_t nu_us);

/* A new draft or a save of one. */
struct aanvraagdossier_invoer {
	int64_t ronde_id;     /* on create: the round (0: absent); ignored on save */
	const char *regio;    /* a label of the applicant's region (NULL: none) */
	json_t *document;     /* the application document (aanvraag.h); NULL: absent */
	bool demo;
};

/* What a save stored, and the live checks of the saved document. */
struct aanvraagdossier_opgeslagen {
	int64_t id;
	int64_t revisie;
	char sha256[65];
	struct toets_resultaat *toetsing;   /* in the caller's arena */
};

/* Creates an application in round `in->ronde_id` with `who`'s
 * organisation as its lead, in one transaction with its audit record
 * ("aanvraag.maak"). Refused with every problem (nothing stored): a
 * structurally invalid document (aanvraag_lees), an unknown round, a
 * document on another catalogue version than the round's or on a modelplan
 * version that catalogue version does not have, a lead in the document
 * other than who's organisation; a round that has closed is RC_CONFLICT.
 * Only an account with the role aanvrager of a care provider makes one.
 * On success fills *out (toetsing allocated from `arena`). */
rc_t aanvraagdossier_maak(struct store *s, const struct principal *who, const struct klok *klok,
			  const struct aanvraagdossier_invoer *in, struct arena *arena,
			  struct aanvraagdossier_opgeslagen *out, struct error *e);

/* Saves a new working document of application `id` (the same refusals;
 * audit "aanvraag.concept"). Only the lead; only a draft in a round that
 * has not closed, or an application whose insurers asked for more
 * information -- then only the asked fields may differ from the newest
 * submitted version (problem code "niet_gevraagd" per other change). A
 * submitted application is frozen: RC_CONFLICT. Someone who may not see
 * the application gets RC_NOT_FOUND (recorded as a refusal). */
rc_t aanvraagdossier_bewaar(struct store *s, const struct principal *who, const struct klok *klok,
			    int64_t id, const struct aanvraagdossier_invoer *in,
			    struct arena *arena, struct aanvraagdossier_opgeslagen *out,
			    struct error *e);

/* Reads application `id` for `who`: *out with its working document, and
 * what who may do (*toegang, never AANVRAAG_GEEN on RC_OK). A missing
 * application and one who may not see are both RC_NOT_FOUND with the
 * same message; the latter is recorded as a refusal. */
rc_t aanvraagdossier_open(struct store *s, struct arena *arena, const struct principal *who,
			  const struct klok *klok, int64_t id, struct aanvraagdossier *out,
			  enum aanvraag_toegang *toegang, struct error *e);

/* Filters of the list (NULL / 0: no filter). */
struct aanvraagdossier_filter {
	const char *status, *thema, *toepassingsgebied, *regio;
	int64_t verzekeraar, ronde;
	int64_t na, limiet;
};

/* The applications `who` may see that match `f`, by id; *out an arena
 * array of *n (without working documents). An unknown status is
 * RC_INVALID. */
rc_t aanvraagdossier_lijst(struct store *s, struct arena *arena, const struct principal *who,
			   const struct klok *klok, const struct aanvraagdossier_filter *f,
			   struct aanvraagdossier **out, size_t *n, struct error *e);

/* Runs the checks (toets.h) on document `doc` of application `id`
 * against its round and the register of its parties; *out from `arena`.
 * Runs inside a transaction of its own. */
rc_t aanvraagdossier_toets(struct store *s, struct arena *arena, int64_t id,
			   const struct indieningsronde *ronde, const char *doc,
			   struct toets_resultaat **out, struct error *e);

/* The same inside a running store_tx(), on a parsed document. */
rc_t aanvraagdossier_toets_tx(struct store *s, struct arena *arena, int64_t id,
			      const struct indieningsronde *ronde, const struct aanvraag *a,
			      struct toets_resultaat **out, struct error *e);

/* Reads a row of store_aanvraag_lees()/lijst() into *out (internal to
 * the application modules). */
struct store_rows;
void aanvraagdossier_uit_rij(const struct store_rows *r, size_t i, bool met_concept,
			     struct aanvraagdossier *out);

/* Reads one application inside a running transaction (its working
 * document only when `met_concept`): RC_NOT_FOUND when missing;
 * *coalitie whether `organisatie` is lead or participant. */
rc_t aanvraagdossier_lees_tx(struct store *s, struct arena *arena, int64_t id, bool met_concept,
			     int64_t organisatie, struct aanvraagdossier *out, bool *coalitie,
			     struct error *e);

/* A random id for a new application: 2^32 .. 2^53-1, so it is exact in
 * every JSON client and reveals nothing about order. */
int64_t aanvraagdossier_nieuw_id(void);

/* Loads the demo round and applications in every state (demo_aanvragen.c). */
rc_t aanvraag_demo_laad(struct store *s, struct error *e);

/* Adds "behandelaar_id" to `j`: the assessor insurer `verzekeraar_id`
 * assigned to this application (null: none; only for that insurer). */
void aanvraagdossier_behandelaar_json(json_t *j, const struct aanvraagdossier *d, int64_t verzekeraar_id);

/* The summary of an application (docs/indiening.md); the draft's fields
 * only when `concept_zichtbaar` (not for the insurers). New reference. */
json_t *aanvraagdossier_json(const struct aanvraagdossier *d, bool concept_zichtbaar);

/* Reads a request body {"indieningsronde_id" (only `nieuw`), "regio"?,
 * "document"} into *in (pointers into body); problems go to `e`, unknown
 * members refused. */
void aanvraagdossier_lees_invoer(json_t *body, bool nieuw, struct aanvraagdossier_invoer *in,
				 struct error *e);

#endif
