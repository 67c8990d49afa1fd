/*
 * auth_http.c -- who is asking, and may they use this route.
 *
 * Until accounts exist (issue 4) every caller is anonymous: public routes
 * are served, every other route is refused with 401 (deny by default).
 */
#include "http.h"

rc_t auth_identify(struct http_request *rq, struct error *e)
{
	(void)e;
	rq->who = (struct principal){.roles = ROL_PUBLIEK, .actor = "anoniem"};
	return RC_OK;
}

rc_t auth_authorize(struct http_request *rq, struct error *e)
{
	unsigned allowed = rq->route->roles;
	if (allowed & ROL_PUBLIEK)
		return RC_OK;
	if (allowed & rq->who.roles)
		return RC_OK;
	if (rq->who.account_id == 0)
		return error_set(e, RC_UNAUTHENTICATED, "Log eerst in.");
	return error_set(e, RC_FORBIDDEN, "Uw rol geeft geen toegang tot deze resource.");
}
