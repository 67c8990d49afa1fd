/*
 * document_http.c -- answering with a document the system issues
 * (core/basis/document.h): HTML with a policy that allows nothing but its
 * one inline style sheet, or PDF, with a file name.
 */
#include "api/http.h"

#include <string.h>

#include <sodium.h>

#include "core/basis/document.h"

/* The document's own policy: nothing but its one inline style sheet,
 * allowed by its SHA-256 (no 'unsafe-inline'). In the arena; NULL (the
 * server's default policy) when the arena is full. */
static const char *document_csp(struct arena *arena)
{
	unsigned char h[crypto_hash_sha256_BYTES];
	crypto_hash_sha256(h, (const unsigned char *)document_stijl, strlen(document_stijl));
	char b64[sodium_base64_ENCODED_LEN(sizeof h, sodium_base64_VARIANT_ORIGINAL)];
	sodium_bin2base64(b64, sizeof b64, h, sizeof h, sodium_base64_VARIANT_ORIGINAL);
	return arena_printf(arena, "default-src 'none'; style-src 'sha256-%s'; base-uri 'none'; "
				    "form-action 'none'; frame-ancestors 'none'", b64);
}

rc_t http_reply_document(struct http_request *rq, struct http_response *rs, const void *data, size_t len,
			 bool pdf, const char *naam)
{
	const char *cd = naam ? arena_printf(rq->arena, "inline; filename=\"%s\"", naam) : NULL;
	if (cd)
		http_add_header(rq, rs, "Content-Disposition", cd);
	if (pdf) {
		http_reply_raw(rs, 200, "application/pdf", (const char *)data, len);
		return RC_OK;
	}
	http_add_header(rq, rs, "Vary", "Accept");
	const char *csp = document_csp(rq->arena);
	if (csp)
		http_add_header(rq, rs, "Content-Security-Policy", csp);
	http_reply_raw(rs, 200, "text/html; charset=utf-8", (const char *)data, len);
	return RC_OK;
}

rc_t http_export_formaat(struct http_request *rq, bool *xlsx, struct error *e)
{
	const char *formaat = http_query(rq, "formaat");
	*xlsx = formaat && strcmp(formaat, "xlsx") == 0;
	if (formaat && !*xlsx && strcmp(formaat, "csv") != 0) {
		error_add(e, "/formaat", "onbekend", NULL, "Het formaat is csv of xlsx.");
		return RC_INVALID;
	}
	return RC_OK;
}

void http_reply_export(struct http_request *rq, struct http_response *rs, const char *data, size_t len, bool xlsx,
		       const char *naam)
{
	http_reply_raw(rs, 200, xlsx ? "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
				     : "text/csv; charset=utf-8", data, len);
	char *cd = arena_printf(rq->arena, "attachment; filename=\"%s.%s\"", naam, xlsx ? "xlsx" : "csv");
	if (cd)
		http_add_header(rq, rs, "Content-Disposition", cd);
}

bool http_wil_pdf(struct http_request *rq)
{
	const char *accept = http_header(rq, "Accept");
	return accept && strstr(accept, "application/pdf") && !strstr(accept, "text/html");
}
