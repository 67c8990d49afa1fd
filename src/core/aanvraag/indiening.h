/*
 * indiening.h -- submitting an application, the receipt, and verifying it.
 *
 * Submission happens only inside the round, by the server's clock: from
 * the opening moment up to but not including the closing moment; the
 * client's clock plays no part [001 "Vervolgproces"], [002 §4.2]. The
 * blocking checks (completeness and consistency, toets.h) must pass;
 * findings on the basic requirements do not block -- the insurers decide.
 * A submitted version is frozen: its canonical document is stored as is,
 * with its SHA-256 and the server time, in one short write transaction
 * with the audit record; nothing is stored half. The applicant gets a
 * receipt that anyone can verify later against the stored version.
 * The canonical document and its hash: core/basis/canoniek.h.
 */
#ifndef DOORBRAAK_INDIENING_H
#define DOORBRAAK_INDIENING_H

#include <jansson.h>
#include <stdbool.h>
#include <stdint.h>

#include "store/store.h"
#include "core/basis/canoniek.h"
#include "core/aanvraag/aanvraagdossier.h"
#include "core/basis/klok.h"
#include "core/toegang/toegang.h"

#define INDIENING_SHA_HEX CANONIEK_SHA_HEX

/* The receipt of one submitted version. */
struct ontvangstbewijs {
	int64_t aanvraag_id;
	int64_t versie;
	int64_t ronde_id;
	int64_t ingediend_op_us;
	char ingediend_op[KLOK_TEKST_BYTES];   /* the same moment, ISO 8601 UTC, microseconds */
	char sha256[INDIENING_SHA_HEX];
};



/* Submits the working document of application `id` as its next version.
 * Only the lead (penvoerder). The first submission only while the round
 * is open at klok's now (before: "ronde_niet_open", at or after the closing
 * moment: "ronde_gesloten", both RC_CONFLICT); a submitted application
 * cannot be submitted again ("al_ingediend", RC_CONFLICT) unless an
 * insurer asked for more information -- then only the asked fields may
 * have changed, and the round need not be open. Blocking findings are
 * RC_INVALID, one problem per finding (field: its JSON pointer in the
 * document, code: the check id). `concept_sha256`, when not NULL, is the
 * hash of the draft the applicant means to submit: a draft saved since
 * (by a colleague) is "concept_gewijzigd", RC_CONFLICT. On success fills
 * *out. Someone who may
 * not see the application: RC_NOT_FOUND, recorded as a refusal. */
rc_t indiening_dien_in(struct store *s, const struct principal *who, const struct klok *klok,
		       int64_t id, const char *concept_sha256, struct arena *arena,
		       struct ontvangstbewijs *out, struct error *e);

/* One submitted version. */
struct indiening_versie {
	int64_t aanvraag_id, versie, ronde_id;
	const char *sha256;
	int64_t grootte_bytes;
	int64_t ingediend_op_us;
	const char *ingediend_op, *ingediend_door, *route;
	const char *open_velden;   /* JSON list, for a version answering a request; NULL */
	const char *document;      /* the canonical document; NULL in lists */
};

/* Version `versie` (0: the newest) of application `id`, with its
 * document; RC_NOT_FOUND when there is none. No access check: the caller
 * opened the application (aanvraagdossier_open). */
rc_t indiening_versie(struct store *s, struct arena *arena, int64_t id, int64_t versie,
		      struct indiening_versie *out, struct error *e);

/* The document `toegang` sees of application `d`: the working draft, or
 * for an insurer the newest submitted version (insurers judge what was
 * submitted, never a draft) [002 §4.2]. */
rc_t indiening_zichtbaar_document(struct store *s, struct arena *arena,
				  const struct aanvraagdossier *d, enum aanvraag_toegang toegang,
				  const char **tekst, struct error *e);

/* Every version of application `id`, oldest first, without documents. */
rc_t indiening_versies(struct store *s, struct arena *arena, int64_t id,
		       struct indiening_versie **out, size_t *n, struct error *e);

/* The receipt of a version. */
void indiening_ontvangstbewijs(const struct indiening_versie *v, struct ontvangstbewijs *out);

/* {"aanvraag_id", "versie", "indieningsronde_id", "ingediend_op", "sha256"}. */
json_t *ontvangstbewijs_json(const struct ontvangstbewijs *b);

/* Reads a receipt as ontvangstbewijs_json() writes it; every problem at
 * once (RC_INVALID); unknown fields are refused. */
rc_t ontvangstbewijs_lees(json_t *v, struct ontvangstbewijs *out, struct error *e);

/* Verifies a receipt against the stored version: *geldig is true when
 * that version exists with exactly this round, moment and hash, AND the
 * stored document still hashes to it. Reveals nothing else. */
rc_t indiening_verifieer(struct store *s, const struct ontvangstbewijs *b, bool *geldig,
			 struct error *e);

/* The receipt of version `v` of application `d` as a PDF to keep (issue
 * 18): title, number, lead and place, who submitted it by name, the round,
 * the moment in Dutch time, version, route, size, the hash, how to check
 * it, and the JSON receipt itself. In the arena. */
struct aanvraagdossier;
rc_t ontvangstbewijs_pdf(struct store *s, struct arena *a, const struct aanvraagdossier *d,
			 const struct indiening_versie *v, const unsigned char **pdf, size_t *len, struct error *e);

/* A submitted version without its document. New reference. */
json_t *indiening_versie_json(const struct indiening_versie *v);

#endif
