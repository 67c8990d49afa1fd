/*
 * beschikking.h -- NZa's decision on a joint request (DOMAIN.md
 * §4 steps 7-8): a beschikking that fixes one upper bound (bovengrens)
 * for all providers of the transformation, equal to the proposed
 * multi-year amount [001 §3, §7], with its prestaties (the milestones of
 * the assessed application [001 §2]); or a refusal with reasons.
 *
 * Granting runs in ONE transaction: the checks (nza_toets.h) must all be
 * met; then one linked ledger chain per year of the request (all years or
 * none, docs/grootboek.md §2):
 *
 *   the board's reservation "toekenning/<aanvraag>/<jaar>" is posted for
 *   the year's part of the upper bound (for less: the rest returns to the
 *   theme's year), or voided when the year gets nothing;
 *   a year that gets more than the board reserved for it takes the rest
 *   directly from the free room of zvw/<thema>/<jaar> -- a capped account,
 *   so this fails when the money is not there;
 *
 * then the decision row, the request's new status and the audit record.
 * In the same transaction every other request of the theme that is still
 * in treatment and no longer fits is refused (its reservations voided):
 * "NZa wijst lopende aanvragen af indien anders het maximum overschreden
 * zou worden" [001 §3]. A refusal voids the request's open reservations.
 * When the ledger refuses any entry nothing at all is written (RC_CONFLICT
 * with the ledger's reasons). Because every euro of a project passed
 * through the capped pot and theme-year accounts, the sum of upper bounds
 * cannot exceed the EUR 600M macrokader nor a year's money -- also with
 * several server processes on one PostgreSQL database (SERIALIZABLE plus
 * the ledger's pair assertions; docs/grootboek.md §7).
 */
#ifndef DOORBRAAK_BESCHIKKING_H
#define DOORBRAAK_BESCHIKKING_H

#include <jansson.h>
#include <stdbool.h>
#include <stdint.h>

#include "store/store.h"
#include "core/basis/klok.h"
#include "core/toegang/toegang.h"
#include "core/beschikking/nza_aanvraag.h"

#define BESCHIKKING_MOTIVERING_MAX 20000
#define BESCHIKKING_PAGINA_MAX 1000
#define BESCHIKKING_AUTOMATISCH_MAX 64   /* requests refused in one decision */

/* The body of POST /beschikkingen. */
struct beschikking_invoer {
	int64_t nza_aanvraag_id;
	bool verlenen;              /* "besluit": "verleend" | "afgewezen" */
	const char *motivering;
};

/* Reads it; every problem at once (RC_INVALID); strings point into body. */
rc_t beschikking_lees_invoer(json_t *body, struct beschikking_invoer *out, struct error *e);

/* A stored decision; strings in the caller's arena. */
struct beschikking {
	int64_t id, nza_aanvraag_id, aanvraag_id;
	const char *kenmerk;
	const char *besluit;           /* "verleend" / "afgewezen" */
	int64_t bovengrens_cent;       /* 0 when refused */
	struct nza_aanvraag_jaar jaren[NZA_AANVRAAG_JAREN_MAX];
	size_t jaar_aantal;
	const char *motivering;
	const char *bevindingen;       /* JSON list of findings at the moment of decision */
	const char *mijlpalen;         /* JSON list [{"id", "streefdatum", "bedrag_cent"}] */
	const char *genomen_op, *genomen_door;
	const char *thema, *titel;
	int64_t penvoerder_id, coordinerend_verzekeraar_id, tweede_verzekeraar_id;
};

/* What a decision did. */
struct beschikking_uitkomst {
	int64_t id;
	char kenmerk[64];
	size_t automatisch_afgewezen;                        /* other requests refused */
	int64_t afgewezen[BESCHIKKING_AUTOMATISCH_MAX];      /* their nza_aanvraag ids */
};

/* Takes the decision `in` as NZa officer `who` (see above). Refused:
 * a request NZa cannot see (not submitted, or none: RC_NOT_FOUND); one
 * already decided ("al_beschikt"); granting while a finding is not met
 * (one problem per finding, "bevinding_<code>"); the ledger refusing
 * (e.g. "past_niet", a reservation already posted or voided): all
 * RC_CONFLICT, nothing written. Fills *out. */
rc_t beschikking_neem(struct store *s, const struct principal *who, const struct klok *klok,
		      const struct beschikking_invoer *in, struct beschikking_uitkomst *out,
		      struct error *e);

/* Reads decision `id` for `who`: NZa, the Zorginstituut and the auditor
 * read all; the two insurers and the coalition their own; anyone else
 * RC_NOT_FOUND (recorded as a refusal), as for a missing one. */
rc_t beschikking_open(struct store *s, struct arena *arena, const struct principal *who,
		      int64_t id, struct beschikking *out, struct error *e);

/* Inside the caller's transaction: *partij tells whether `who` may read
 * beschikking `b` (its parties, NZa, the Zorginstituut, the auditor) --
 * the rule beschikking_open applies. A write refused to a party is
 * RC_FORBIDDEN, to anyone else RC_NOT_FOUND. */
rc_t beschikking_partij_tx(struct store *s, const struct principal *who, const struct beschikking *b,
			   bool *partij, struct error *e);

/* The same without an access check (the CLI). */
rc_t beschikking_lees(struct store *s, struct arena *arena, int64_t id, struct beschikking *out,
		      struct error *e);

/* The decisions `who` may see, by id after `na`, at most `limiet`. */
rc_t beschikking_lijst(struct store *s, struct arena *arena, const struct principal *who,
		       int64_t na, int64_t limiet, struct beschikking **out, size_t *n,
		       struct error *e);

/* Inside a running transaction. */
rc_t beschikking_lees_tx(struct store *s, struct arena *arena, int64_t id, struct beschikking *out,
			 struct error *e);

json_t *beschikking_json(const struct beschikking *b);

/* ---- the decision document (beschikking_document.c) ------------------------- */

/* The document as HTML (UTF-8, self-contained, no scripts): reference,
 * date, parties, decision, upper bound and its years, prestaties,
 * findings with their sources, motivation, legal sources. In `arena`. */
rc_t beschikking_document_html(struct store *s, struct arena *arena, const struct beschikking *b,
			       const char **html, size_t *len, struct error *e);

/* (Its inline style sheet, whose hash goes into the answer's
 * Content-Security-Policy: document_stijl, core/basis/document.h.) */

/* The same document as PDF (libharu). In `arena`. */
rc_t beschikking_document_pdf(struct store *s, struct arena *arena, const struct beschikking *b,
			      const unsigned char **pdf, size_t *len, struct error *e);

#endif
