/*
 * toegang.h -- who is asking, and the per-object checks every module uses.
 *
 * A `struct principal` is the caller: an account logged in with a
 * session, a system client with an API token, or anonymous. The HTTP face
 * fills it (api/auth_http.c) and checks the route's roles; the handlers
 * then check every object they read or write against the caller's
 * organisation with the functions below. Deny by default: a function
 * answers true only for the cases it names.
 *
 * A refusal is always an audit record. Where telling "forbidden" from
 * "does not exist" would leak that an object exists (another
 * organisation's object), the answer is RC_NOT_FOUND with the same
 * message as a real miss: TOEGANG_NIET_GEVONDEN.
 */
#ifndef DOORBRAAK_TOEGANG_H
#define DOORBRAAK_TOEGANG_H

#include <stdbool.h>
#include <stdint.h>

#include "store/store.h"
#include "core/toegang/rol.h"

#define TOEGANG_NIET_GEVONDEN "Deze resource bestaat niet of u heeft er geen toegang toe."

/* Who is asking. An anonymous caller has account_id 0, token_id 0 and
 * roles ROL_PUBLIEK. */
struct principal {
	int64_t account_id;
	int64_t organisatie_id;
	unsigned roles;           /* enum rol bits held */
	const char *actor;        /* for the audit log: "gebruiker:12", "token:3", "anoniem@1.2.3.4" */
	bool via_cookie;          /* cookie sessions need the CSRF check on writes */
	bool via_token;
	int64_t token_id;         /* the API token used, when via_token */
	int64_t sessie_id;        /* the session used, when via_cookie */
};

/* True when the caller may read the organisation `organisatie_id` and
 * what belongs to it: its own organisation always; every organisation
 * for the administrator (beheerder) and the read-only auditor. */
bool toegang_mag_organisatie(const struct principal *who, int64_t organisatie_id);

/* The same for an object that belongs to several organisations at once
 * (an application: the coalition's providers, the coordinating and the
 * second insurer): true when the caller may see any one of them. */
bool toegang_mag_een_van(const struct principal *who, const int64_t *organisatie_ids, size_t n);

/* True when the caller may read every organisation's objects (beheerder,
 * auditor): list functions use it to decide whether to filter. */
bool toegang_ziet_alles(const struct principal *who);

/* Records a refusal ("toegang.geweigerd", resultaat "geweigerd") in a
 * transaction of its own and returns `rc` with the matching message in
 * `e`: RC_NOT_FOUND gets TOEGANG_NIET_GEVONDEN, others `waarom`. `object`
 * names what was refused ("organisatie/7", "GET /api/v1/gebruikers");
 * `waarom` is a short Dutch reason kept in the audit detail. When the
 * audit record cannot be written, that store error is returned instead:
 * a refusal that is not recorded is not silently served either way. */
rc_t toegang_weiger(struct store *s, const struct principal *who, rc_t rc,
		    const char *object, const char *waarom, struct error *e);

/* Records a refused write (resultaat "geweigerd") in a transaction of
 * its own, with the rc name and the codes of the problems in `why` --
 * never the values, which may be anything the caller sent. Failure to
 * record is ignored: `why` is what the caller reports. */
void toegang_weigering_vastleggen(struct store *s, const char *actor, const char *actie,
				  const char *object, const struct error *why);

/* Adds the problem "verplicht" (with `detail`) for `field`, unless `e`
 * already holds a problem for that field -- a wrong JSON type, say --
 * so that one mistake is reported once. */
void toegang_verplicht(struct error *e, const char *field, const char *detail);

#endif
