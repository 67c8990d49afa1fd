/*
 * auditrecords_http.c -- the audit log for the auditor and the
 * administrator (docs/toegang.md "Audit records", issue 18).
 *
 *   GET /auditrecords               newest first, paged (?na= the last
 *                                   volgnummer seen), filtered by actor,
 *                                   actie, object, resultaat; CSV/XLSX
 *   GET /auditrecords/verificatie   recomputes the whole hash chain and
 *                                   names the first broken link
 *
 * Reading changes nothing; the answers carry the actor's name beside
 * "actor" (core/toegang/namen.h).
 */
#include "api/parameters.h"

#include <inttypes.h>
#include <stdio.h>
#include <string.h>

#include "core/basis/audit.h"
#include "core/basis/klok.h"

/* One record; its detail as JSON when it is JSON, else as text. */
static json_t *record_json(const struct audit_record *r)
{
	json_t *detail = r->detail && *r->detail ? json_loads(r->detail, JSON_DECODE_ANY, NULL) : NULL;
	if (!detail)
		detail = r->detail && *r->detail ? json_string(r->detail) : json_null();
	return json_pack("{s:I, s:s, s:s, s:s, s:s, s:s, s:o, s:s, s:s}", "volgnummer", (json_int_t)r->volgnummer,
			 "tijdstip", r->tijdstip, "actor", r->actor, "actie", r->actie, "object", r->object,
			 "resultaat", r->resultaat, "detail", detail, "vorige_hash", r->vorige_hash, "hash", r->hash);
}

rc_t auditrecords_lijst(struct http_request *rq, struct http_response *rs, struct error *e)
{
	struct audit_filter f = {.actor = http_query(rq, "actor"), .actie = http_query(rq, "actie"),
				 .object = http_query(rq, "object"), .resultaat = http_query(rq, "resultaat")};
	int64_t na, limiet;
	rc_t rc = http_pagina(rq, AUDIT_PAGINA_MAX, &na, &limiet, e);
	if (rc == RC_OK)
		rc = audit_filter_controleer(&f, e);
	struct audit_record *l = NULL;
	size_t n = 0;
	if (rc == RC_OK)
		rc = audit_lijst(rq->store, rq->arena, &f, na, limiet, &l, &n, e);
	if (rc != RC_OK)
		return rc;
	json_t *items = json_array();
	for (size_t i = 0; items && i < n; i++)
		json_array_append_new(items, record_json(&l[i]));
	json_t *body = json_pack("{s:o, s:o}", "auditrecords", items ? items : json_array(), "volgende_na",
				 (int64_t)n == limiet && n > 0 ? json_integer((json_int_t)l[n - 1].volgnummer) : json_null());
	return http_reply_json(rq, rs, 200, body, e);
}

rc_t auditrecords_verificatie(struct http_request *rq, struct http_response *rs, struct error *e)
{
	struct audit_verify_result r;
	rc_t rc = audit_verify(rq->store, &r, e);
	if (rc != RC_OK)
		return rc;
	char nu[KLOK_TEKST_BYTES];
	klok_nu_tekst(NULL, nu, sizeof nu);
	json_t *body = json_pack("{s:b, s:I, s:o, s:o, s:s}", "intact", r.broken_at == 0,
				 "records", (json_int_t)r.records,
				 "gebroken_bij", r.broken_at ? json_integer((json_int_t)r.broken_at) : json_null(),
				 "reden", r.broken_at ? json_string(r.reason) : json_null(), "gecontroleerd_op", nu);
	return http_reply_json(rq, rs, 200, body, e);
}
