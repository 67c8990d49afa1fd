/*
 * namen.h -- the names a person needs beside the references an answer
 * carries (issue 18, docs/toegang.md "Namen"): who acted, which
 * organisation, which application.
 *
 * namen_verrijk() walks a JSON answer and adds, beside
 *   "<x>_door": "gebruiker:12", "door" and "actor": "token:3"
 *       "<x>_door_naam" / "door_naam" / "actor_naam": "Eva de Groot, directeur
 *       Zorgmarkten Cure, Nederlandse Zorgautoriteit (NZa)" (an account
 *       without a person's name shows its account name; "cli", "systeem",
 *       "demo" and an anonymous caller are described in words);
 *   an organisation's id ("organisatie_id", "penvoerder_id",
 *   "verzekeraar_id", "coordinerend_verzekeraar_id",
 *   "tweede_verzekeraar_id") "<x>_naam": the organisation's name;
 *   "aanvraag_id" "aanvraag_titel": the application's title (or, without
 *   one, "Aanvraag van <the lead>"), and a ledger account of a project
 *   ("debet", "credit", "rekening": "project/<application id>") the same
 *   title in "<key>_naam",
 * unless the object has that key already. It leaves alone what a party
 * wrote or signed and may send back: the values under "document",
 * "ontvangstbewijs" and "open_velden". All names of one answer are read in
 * one transaction, STORE_NAMEN_PER_VRAAG per query.
 *
 * Who may see the names: the API adds them to answers for logged-in
 * callers on routes that are not public (public answers and open data name
 * no person).
 */
#ifndef DOORBRAAK_NAMEN_H
#define DOORBRAAK_NAMEN_H

#include <jansson.h>

#include "core/basis/arena.h"
#include "core/basis/error.h"
#include "store/store.h"

/* Adds the names to `antwoord` in place (see above); references to what
 * does not exist get no name. RC_NOMEM or the store's error; the answer may
 * then be partly named. */
rc_t namen_verrijk(struct store *s, struct arena *arena, json_t *antwoord, struct error *e);

/* The words for an actor of the audit log ("gebruiker:12", "cli", ...) in
 * the arena: the same as "<x>_door_naam" above. Reads the store for
 * accounts and tokens; NULL when there is nothing to say (an unknown id)
 * or on OOM. */
const char *namen_actor(struct store *s, struct arena *arena, const char *actor, struct error *e);

/* The person behind actor `actor` ("gebruiker:12"), inside a transaction:
 * their name (the account name when they have none) and function (NULL
 * when none), in the arena, for a decision's signing block. *naam stays
 * NULL for an actor that is no account or an account that does not exist. */
rc_t namen_persoon_tx(struct store *s, struct arena *arena, const char *actor, const char **naam,
		      const char **functie, struct error *e);

/* The same in a read transaction of its own. */
rc_t namen_persoon(struct store *s, struct arena *arena, const char *actor, const char **naam,
		   const char **functie, struct error *e);

#endif
