/*
 * verantwoording_dossier.h -- the stored accountability (issue 15;
 * docs/verantwoording.md §3): the programme office's framework per year,
 * the lead's submission for a beschikking and a year with the findings of
 * the rules (verantwoording.h) at that moment, the documents that go with
 * it (the accountant's statement) as attachments, and who reads them.
 * Every write is one transaction with its audit record.
 */
#ifndef DOORBRAAK_VERANTWOORDING_DOSSIER_H
#define DOORBRAAK_VERANTWOORDING_DOSSIER_H

#include <jansson.h>

#include "core/basis/klok.h"
#include "core/bijlage/bijlage.h"
#include "core/toegang/toegang.h"
#include "core/verantwoording/verantwoording.h"
#include "store/store.h"

/* Sets the framework of `jaar` from {"tolerantie_bp", "accountant_vanaf_cent",
 * "deadline" (ISO 8601 UTC)}: every problem at once (RC_INVALID). One
 * transaction with its audit record ("verantwoordingskader.zet"). *out: the
 * framework as JSON (new reference). */
rc_t verantwoordingskader_zet(struct store *s, const struct principal *who, const struct klok *klok,
			      int64_t jaar, json_t *body, struct arena *arena, json_t **out,
			      struct error *e);

/* Every year's framework as JSON {"verantwoordingskaders": [...]}. */
rc_t verantwoordingskaders(struct store *s, struct arena *arena, json_t **out, struct error *e);

/* The lead (aanvrager of the penvoerder) submits the accountability of
 * `body`'s year for beschikking `id`. Refused: an unreadable document
 * (RC_INVALID, every problem); a beschikking the caller may not see
 * (RC_NOT_FOUND) or another party (RC_FORBIDDEN); a refusal
 * ("niet_verleend"), a year without a framework ("geen_kader"), a year
 * accounted for before ("al_ingediend"): RC_CONFLICT. Stored with the
 * findings of V1-V9 -- they do not block: the insurer judges. *out: the
 * accountability as JSON (new reference). */
rc_t verantwoording_dien_in(struct store *s, const struct principal *who, const struct klok *klok,
			    int64_t beschikking_id, json_t *body, struct arena *arena, json_t **out,
			    struct error *e);

/* The accountabilities of a beschikking for who may read it, as JSON
 * {"verantwoordingen": [...]} (new reference). */
rc_t verantwoording_lijst(struct store *s, struct arena *arena, const struct principal *who,
			  int64_t beschikking_id, json_t **out, struct error *e);

/* The lead adds a document to the accountability of `jaar` (before or
 * after submitting; an accountant's statement counts for V7 when it is
 * there at submission). Checked as every attachment (docs/bijlagen.md);
 * access as for a submission. Object "verantwoording/<beschikking>/<jaar>". */
rc_t verantwoording_bijlage_voeg_toe(struct store *s, const struct principal *who,
				     const struct klok *klok, int64_t beschikking_id, int64_t jaar,
				     const char *naam, const void *data, size_t len, struct arena *arena,
				     struct bijlage *out, struct error *e);

/* The coordinating insurer tests accountability `verantwoording_id` for
 * plausibility (core/verantwoording/plausibiliteit.h): every line judged,
 * every problem at once (RC_INVALID); another party RC_FORBIDDEN, one who
 * may not see it RC_NOT_FOUND; tested before ("al_getoetst"): RC_CONFLICT.
 * Stored with its audit record ("verantwoording.plausibiliteit"); *out:
 * the accountability with its test (new reference). */
rc_t verantwoording_plausibiliteit(struct store *s, const struct principal *who, const struct klok *klok,
				   int64_t verantwoording_id, json_t *body, struct arena *arena, json_t **out,
				   struct error *e);

#define VERANTWOORDING_VRAAG_MAX 20000

/* The coordinating insurer asks the lead for information on accountability
 * version `verantwoording_id` ({"vraag": text}) [001 §5]: the year is
 * reopened; the lead answers with a new version (verantwoording_dien_in,
 * versie + 1) that the insurer tests; the old version and the question
 * stay as history. Only on the newest, untested version without a pending
 * request ("niet_nieuwste", "al_getoetst", "informatie_gevraagd":
 * RC_CONFLICT); a missing question RC_INVALID; access as for the test.
 * One transaction with its audit record (verantwoording.informatieverzoek). */
rc_t verantwoording_vraag_informatie(struct store *s, const struct principal *who, const struct klok *klok,
				     int64_t verantwoording_id, json_t *body, struct arena *arena, json_t **out,
				     struct error *e);

#endif
