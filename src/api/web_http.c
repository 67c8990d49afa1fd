/*
 * web_http.c -- the browser client: HTML, CSS, ES modules, fonts.
 *
 * The files of web/ and the front-end packages taken from node_modules at
 * build time are compiled into the binary (web/meson.build lists them,
 * scripts/embed.py embeds them) under the names "web/index.html" and
 * "web/static/...". Nothing is read from disk while serving, so the binary
 * is the whole deployment. The rules, for every path outside /api:
 *
 *   /static/<file>                 that file, Content-Type by its extension
 *   any other path without a dot   web/index.html: the client's History API
 *                                  router decides what to show
 *   anything else                  404
 *
 * A 404 is the client itself (index.html with status 404; its router shows
 * "Pagina niet gevonden") for a browser that accepts text/html, and
 * application/problem+json for every other caller. Only GET and HEAD are
 * served; other methods get 405 with Allow.
 *
 * Caching: every file is sent with "Cache-Control: no-cache" and a strong
 * ETag (BLAKE2b-128 of its bytes), so a browser revalidates and gets a 304
 * without a body when nothing changed, and a new binary never leaves a stale
 * client behind. The security headers (a strict Content-Security-Policy
 * without 'unsafe-inline', nosniff, frame-ancestors 'none' ...) are added by
 * server.c to every answer, these included; the client complies with them.
 *
 * Paths are checked by shape before any lookup (at most WEB_PATH_MAX bytes,
 * only [A-Za-z0-9._/-], no empty segment, no segment starting with a dot, so
 * no "..") and then looked up by exact name among the embedded files: a path
 * can never name anything outside web/.
 */
#include "api/web_http.h"

#include <pthread.h>
#include <sodium.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/basis/embedded.h"

#define WEB_PATH_MAX 256
#define WEB_PREFIX "web"
#define WEB_STATIC "/static/"
#define WEB_INDEX WEB_PREFIX "/index.html"
#define ETAG_HASH_BYTES 16
#define ETAG_LEN (2 * ETAG_HASH_BYTES + 3) /* quotes and NUL */

/* Content types by file extension; a file of any other kind is not served. */
static const struct {
	const char *extension;
	const char *content_type;
} content_types[] = {
	{".html", "text/html; charset=utf-8"},
	{".js", "text/javascript; charset=utf-8"},
	{".mjs", "text/javascript; charset=utf-8"},
	{".css", "text/css; charset=utf-8"},
	{".json", "application/json"},
	{".svg", "image/svg+xml"},
	{".woff2", "font/woff2"},
	{".png", "image/png"},
	{".txt", "text/plain; charset=utf-8"},
};

/* One ETag per embedded file (only web files get one), made on first use
 * and kept for the life of the process (the files never change). */
static char (*etags)[ETAG_LEN];
static pthread_once_t etags_once = PTHREAD_ONCE_INIT;

static void etags_make(void)
{
	etags = calloc(embedded_file_count ? embedded_file_count : 1, sizeof *etags);
	if (!etags)
		return; /* answers go out without an ETag; still correct */
	for (size_t i = 0; i < embedded_file_count; i++) {
		const struct embedded_file *f = &embedded_files[i];
		if (strncmp(f->name, WEB_PREFIX "/", strlen(WEB_PREFIX "/")) != 0)
			continue;
		unsigned char hash[ETAG_HASH_BYTES];
		crypto_generichash(hash, sizeof hash, (const unsigned char *)f->data, f->size, NULL, 0);
		char hex[2 * ETAG_HASH_BYTES + 1];
		sodium_bin2hex(hex, sizeof hex, hash, sizeof hash);
		snprintf(etags[i], ETAG_LEN, "\"%s\"", hex);
	}
}

/* The ETag of an embedded file, or NULL when none could be made. */
static const char *etag_of(const struct embedded_file *f)
{
	pthread_once(&etags_once, etags_make);
	if (!etags)
		return NULL;
	const char *tag = etags[f - embedded_files];
	return tag[0] ? tag : NULL;
}

bool web_is_client_path(const char *path)
{
	return strcmp(path, "/api") != 0 && strncmp(path, "/api/", strlen("/api/")) != 0;
}

/* True when the path has the shape of a client path or a file name. */
static bool path_shape_ok(const char *path)
{
	size_t n = strnlen(path, WEB_PATH_MAX + 1);
	if (n == 0 || n > WEB_PATH_MAX || path[0] != '/')
		return false;
	for (size_t i = 0; i < n; i++) {
		char c = path[i];
		bool plain = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
			     (c >= '0' && c <= '9') || c == '-' || c == '_' || c == '.';
		if (c == '/') {
			if (path[i + 1] == '/' || path[i + 1] == '.')
				return false; /* empty segment, "..", or a hidden name */
		} else if (!plain) {
			return false;
		}
	}
	return true;
}

static const char *content_type_of(const char *name)
{
	const char *dot = strrchr(name, '.');
	if (!dot || strchr(dot, '/'))
		return NULL;
	for (size_t i = 0; i < sizeof content_types / sizeof content_types[0]; i++)
		if (strcmp(dot, content_types[i].extension) == 0)
			return content_types[i].content_type;
	return NULL;
}

/* The embedded file a well-shaped path names, or NULL. */
static const struct embedded_file *file_for_path(struct http_request *rq, const char *path)
{
	if (strncmp(path, WEB_STATIC, strlen(WEB_STATIC)) == 0) {
		const char *name = arena_printf(rq->arena, WEB_PREFIX "%s", path);
		return name ? embedded_find(name) : NULL;
	}
	if (!strchr(path, '.'))
		return embedded_find(WEB_INDEX);
	return NULL;
}

/* True when the request's If-None-Match names `etag` (or is "*"). */
static bool not_modified(struct http_request *rq, const char *etag)
{
	const char *inm = http_header(rq, "If-None-Match");
	if (!inm || !etag)
		return false;
	return strcmp(inm, "*") == 0 || strstr(inm, etag) != NULL;
}

/* Sends an embedded file (or a 304) with its caching headers. */
static void send_file(struct http_request *rq, struct http_response *rs,
		      const struct embedded_file *f, int status)
{
	const char *etag = etag_of(f);
	http_add_header(rq, rs, "Cache-Control", "no-cache");
	if (etag)
		http_add_header(rq, rs, "ETag", etag);
	if (status == 200 && not_modified(rq, etag)) {
		http_reply_raw(rs, 304, NULL, "", 0);
		return;
	}
	const char *type = content_type_of(f->name);
	http_reply_raw(rs, status, type ? type : "application/octet-stream", f->data, f->size);
}

/* A 404: the client's own page for a browser, problem+json otherwise. */
static void send_not_found(struct http_request *rq, struct http_response *rs)
{
	const char *accept = http_header(rq, "Accept");
	const struct embedded_file *index = embedded_find(WEB_INDEX);
	if (index && accept && strstr(accept, "text/html")) {
		send_file(rq, rs, index, 404);
		return;
	}
	struct error e;
	error_clear(&e);
	error_set(&e, RC_NOT_FOUND, "Er is geen bestand op dit pad.");
	http_problem(rq, rs, &e);
}

void web_serve(struct http_request *rq, struct http_response *rs)
{
	if (strcmp(rq->method, "GET") != 0 && strcmp(rq->method, "HEAD") != 0) {
		struct error e;
		error_clear(&e);
		error_set(&e, RC_METHOD, "Dit pad ondersteunt %s niet; wel: GET, HEAD.", rq->method);
		http_problem(rq, rs, &e);
		http_add_header(rq, rs, "Allow", "GET, HEAD");
		return;
	}
	const struct embedded_file *f = path_shape_ok(rq->path) ? file_for_path(rq, rq->path) : NULL;
	if (f && content_type_of(f->name))
		send_file(rq, rs, f, 200);
	else
		send_not_found(rq, rs);
}
