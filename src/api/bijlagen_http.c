/*
 * bijlagen_http.c -- an attachment as a download (docs/bijlagen.md):
 *
 *   GET /bijlagen/{id}     for who may read the beschikking or work agenda it belongs to
 *
 * Adding files is the object's own route (mijlpalen_http.c,
 * verantwoordingen_http.c); the core checks and stores (core/bijlage).
 */
#include "api/parameters.h"

#include <inttypes.h>
#include <stdio.h>

#include "core/beschikking/beschikking_bijlage.h"
#include "core/bijlage/bijlage.h"
#include "core/sociaal/sociaal.h"

/* The file itself, as a download: its stored type, a safe file name
 * (RFC 6266, with the UTF-8 form), nosniff (every answer has it). */
rc_t bijlagen_download(struct http_request *rq, struct http_response *rs, struct error *e)
{
	int64_t id = 0;
	if (!http_param_id(rq, 0, &id))
		return error_set(e, RC_NOT_FOUND, "Deze bijlage bestaat niet.");
	struct bijlage b;
	const unsigned char *data = NULL;
	size_t len = 0;
	rc_t rc = beschikking_bijlage_open(rq->store, rq->arena, &rq->who, id, &b, &data, &len, e);
	if (rc == RC_NOT_FOUND) { /* a collegebesluit of a work agenda (docs/sociaal-domein.md §4) */
		error_clear(e);
		rc = werkagenda_bijlage_open(rq->store, rq->arena, &rq->who, id, &b, &data, &len, e);
	}
	if (rc != RC_OK)
		return rc;
	http_reply_raw(rs, 200, arena_strdup(rq->arena, b.mediatype), (const char *)data, len);
	char ascii[BIJLAGE_NAAM_MAX + 1], pct[3 * BIJLAGE_NAAM_MAX + 1];
	size_t k = 0, p = 0;
	for (const unsigned char *c = (const unsigned char *)b.naam; *c; c++) {
		ascii[k++] = *c < 0x80 ? (char)*c : '_';
		bool gewoon = (*c >= 'a' && *c <= 'z') || (*c >= 'A' && *c <= 'Z') || (*c >= '0' && *c <= '9') ||
			      *c == '.' || *c == '-' || *c == '_';
		p += gewoon ? (size_t)snprintf(pct + p, sizeof pct - p, "%c", *c)
			    : (size_t)snprintf(pct + p, sizeof pct - p, "%%%02X", *c);
	}
	ascii[k] = '\0';
	char *cd = arena_printf(rq->arena, "attachment; filename=\"%s\"; filename*=UTF-8''%s", ascii, pct);
	if (cd)
		http_add_header(rq, rs, "Content-Disposition", cd);
	char *sha = arena_printf(rq->arena, "\"%s\"", b.sha256);
	if (sha)
		http_add_header(rq, rs, "ETag", sha);
	return RC_OK;
}
