/*
 * informatieverzoek.h -- what a request for information reopens.
 *
 * An insurer that asks for more information (verdict meer_informatie,
 * core/beoordeling) names the fields it asks about as JSON pointers into
 * the application document [002 §4.2], [001 "Vervolgproces"]. Those fields,
 * and only those, are open: the lead may change what lies at or below an
 * asked pointer and re-submits a new version. This module holds that rule
 * once; the working copy (aanvraagdossier), the submission (indiening) and
 * the API's view of an application call it.
 */
#ifndef DOORBRAAK_INFORMATIEVERZOEK_H
#define DOORBRAAK_INFORMATIEVERZOEK_H

#include <jansson.h>
#include <stdbool.h>
#include <stdint.h>

#include "core/basis/arena.h"
#include "core/basis/error.h"
#include "store/store.h"

#define INFORMATIEVERZOEK_VELDEN_MAX 50
#define INFORMATIEVERZOEK_POINTER_MAX 120

/* True when `p` is a JSON pointer (RFC 6901) into an application
 * document that an insurer may ask about: "/" + a field of the document
 * other than soort, schema_versie, catalogus_versie and modelplan, at most
 * INFORMATIEVERZOEK_POINTER_MAX bytes, no empty tokens, "~" only as ~0/~1. */
bool informatieverzoek_pointer_geldig(const char *p);

/* Compares `oud` and `nieuw` and adds a problem "niet_gevraagd" (field:
 * the highest changed pointer) for every change that does not lie at or
 * below one of velden[0..n). Returns the number of such changes. Pure. */
size_t informatieverzoek_wijzigingen(json_t *oud, json_t *nieuw, const char *const *velden,
				     size_t n, struct error *e);

/* The union of the pointers asked by the meer_informatie assessments of
 * version `versie`, in the arena. Inside a transaction. */
rc_t informatieverzoek_open_velden(struct store *s, struct arena *arena, int64_t aanvraag_id,
			     int64_t versie, const char ***velden, size_t *n, struct error *e);

/* The same as a JSON list text. */
rc_t informatieverzoek_open_velden_json(struct store *s, struct arena *arena, int64_t aanvraag_id,
				  int64_t versie, const char **tekst, struct error *e);

/* Checks a new working document `nieuw` against version `versie` and its
 * open fields: RC_INVALID with a problem per change outside them. Inside
 * a transaction. */
rc_t informatieverzoek_aanvulling_controleer(struct store *s, struct arena *arena, int64_t aanvraag_id,
				       int64_t versie, json_t *nieuw, struct error *e);

#endif
