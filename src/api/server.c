/*
 * server.c -- libmicrohttpd glue: one request's life from headers to the
 * log line.
 *
 * Order of refusals, before any handler runs (NLGov ADR status codes):
 * unknown path or trailing slash 404; wrong method 405 with Allow; query
 * parameter not declared by the route 400; body on a route without one,
 * or Content-Length above the route's limit 413; Content-Type other than
 * application/json 415 (except on a route that takes a file, route.ruw:
 * there the content decides, core/bijlage); malformed JSON 400. Every answer carries
 * API-Version and the security headers; API answers are never cached.
 * One JSON line per request goes to stderr; W3C traceparent is accepted
 * and echoed (a fresh one is made when none or an invalid one came).
 * Every path outside /api belongs to the browser client (web_http.c): it is
 * answered from the embedded files without a store connection.
 */
#include "api/http.h"
#include "core/toegang/namen.h"
#include "api/parameters.h"

#include <arpa/inet.h>
#include <microhttpd.h>
#include <netinet/in.h>
#include <sodium.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <time.h>
#include <unistd.h>

#include "core/verdeling/verdeeltaak.h"
#include "core/basis/json.h"
#include "api/verbindingen.h"
#include "api/web_http.h"
#include "core/basis/storing.h"

#define REQUEST_ARENA_CAP_BYTES ARENA_VERZOEK_BYTES
/* What one request may take in all, its own arena and every private arena
 * of the core it calls together (arena.h, struct arena_budget): a public
 * route the request cap; a route for logged-in roles a named larger limit,
 * for the board's computations over a whole round (docs/architecture.md). */
#define VERZOEK_BUDGET_PUBLIEK_BYTES ARENA_VERZOEK_BYTES
#define VERZOEK_BUDGET_INGELOGD_BYTES (512u * 1024u * 1024u)
#define TRACEPARENT_LEN 55

struct server {
	struct MHD_Daemon *daemon;
	struct verbindingen *bewaking;   /* request deadline, connections per address */
	struct store_pool *pool;
	const char *backend;
	struct server_config config;
	struct verdeeltaak_werker *werker;   /* scenario jobs; NULL when this process runs none */
	struct mail_werker *mailwerker;      /* the mail queue; NULL without SMTP */
	char publieke_url[256];              /* http://<listen> when none was set */
};

/* A list route answered generically as CSV/XLSX (export_http.c): a GET
 * that declares `formaat` and whose handler does not write files itself. */
static bool export_route(const struct route *r)
{
	return strcmp(r->method, "GET") == 0 && r->query_params && strstr(r->query_params, "formaat") &&
	       !strstr(r->pattern, "/export");
}

/* Per-connection request state, from the first callback to completion. */
struct request_ctx {
	struct arena arena;
	struct arena_budget budget;  /* the request arena and every arena made for it */
	struct timespec started;
	const struct route *route;
	const char *params[ROUTE_PARAMS_MAX];
	size_t param_count;
	struct error error;          /* a refusal decided before the body */
	bool refused;
	bool web;                    /* a path of the browser client (web_http.c) */
	char *body;                  /* heap, at most route->max_body_bytes */
	size_t body_len;
	bool body_too_large;
	int status;
	const char *method;          /* as received, for the log line */
	const char *path;
	char traceparent[TRACEPARENT_LEN + 1];
	char allow[64];
};

const char *server_backend_name(const struct server *srv) { return srv->backend; }
const struct server_config *server_config_of(const struct server *srv) { return &srv->config; }

const char *http_header(struct http_request *rq, const char *name)
{
	return MHD_lookup_connection_value(rq->connection, MHD_HEADER_KIND, name);
}

const char *http_query(struct http_request *rq, const char *name)
{
	if (rq->export_pagina && strcmp(name, "na") == 0)
		return rq->export_na;
	return MHD_lookup_connection_value(rq->connection, MHD_GET_ARGUMENT_KIND, name);
}

void http_reply_raw(struct http_response *rs, int status, const char *content_type,
		    const char *body, size_t len)
{
	rs->status = status;
	rs->content_type = content_type;
	rs->body = body;
	rs->body_len = len;
}

rc_t http_reply_json(struct http_request *rq, struct http_response *rs,
		     int status, json_t *value, struct error *e)
{
	/* Names beside references for logged-in callers of non-public routes
	 * (core/toegang/namen.h); a public answer names no person. The names are
	 * an aid: when they cannot be read (the write this answers may already
	 * be committed) the answer goes without them rather than as an error. */
	if (value && status < 300 && rq->route && rq->route->roles != ROL_PUBLIEK && rq->who.roles != 0) {
		struct error namen_fout;
		error_clear(&namen_fout);
		(void)namen_verrijk(rq->store, rq->arena, value, &namen_fout);
	}
	char *text = value ? json_encode(rq->arena, value) : NULL;
	json_decref(value);
	if (!text)
		return error_set(e, RC_NOMEM, "Het antwoord past niet in het geheugen.");
	http_reply_raw(rs, status, "application/json", text, strlen(text));
	return RC_OK;
}

void http_reply_etag(struct http_request *rq, struct http_response *rs)
{
	unsigned char h[16];
	crypto_generichash(h, sizeof h, (const unsigned char *)rs->body, rs->body_len, NULL, 0);
	char etag[2 * sizeof h + 3] = "\"";
	sodium_bin2hex(etag + 1, 2 * sizeof h + 1, h, sizeof h);
	strcat(etag, "\"");
	http_add_header(rq, rs, "ETag", etag);
	http_add_header(rq, rs, "Cache-Control", "private, no-cache");
	const char *inm = http_header(rq, "If-None-Match");
	if (inm && strstr(inm, etag)) {
		rs->status = 304;
		rs->body = NULL;
		rs->body_len = 0;
		rs->content_type = NULL;
	}
}

void http_add_header(struct http_request *rq, struct http_response *rs,
		     const char *name, const char *value)
{
	if (rs->header_count >= HTTP_HEADERS_MAX)
		return;
	rs->headers[rs->header_count].name = arena_strdup(rq->arena, name);
	rs->headers[rs->header_count].value = arena_strdup(rq->arena, value);
	if (rs->headers[rs->header_count].name && rs->headers[rs->header_count].value)
		rs->header_count++;
}

static bool hex_ok(const char *s, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (!((s[i] >= '0' && s[i] <= '9') || (s[i] >= 'a' && s[i] <= 'f')))
			return false;
	return true;
}

/* Accepts a valid version-00 traceparent, else makes a new one. */
static void trace_init(struct request_ctx *ctx, const char *given)
{
	if (given && strlen(given) == TRACEPARENT_LEN && strncmp(given, "00-", 3) == 0 &&
	    given[35] == '-' && given[52] == '-' && hex_ok(given + 3, 32) &&
	    hex_ok(given + 36, 16) && hex_ok(given + 53, 2) &&
	    strncmp(given + 3, "00000000000000000000000000000000", 32) != 0) {
		memcpy(ctx->traceparent, given, TRACEPARENT_LEN + 1);
		return;
	}
	unsigned char id[24];
	randombytes_buf(id, sizeof id);
	char hex[49];
	sodium_bin2hex(hex, sizeof hex, id, sizeof id);
	snprintf(ctx->traceparent, sizeof ctx->traceparent, "00-%.32s-%.16s-01", hex, hex + 32);
}

/* Every query parameter must be declared by the route, and its value be
 * of the declared kind (parameters.h). */
struct query_check {
	const struct route *route;
	struct error *error;
};

static enum MHD_Result query_param_check(void *cls, enum MHD_ValueKind kind,
					 const char *key, const char *value)
{
	(void)kind;
	struct query_check *qc = cls;
	if (parameter_controleer(qc->route, key, value, qc->error) == RC_NOT_FOUND)
		error_add(qc->error, key, "unknown_parameter", NULL,
			  "Onbekende queryparameter '%s'.", key);
	return MHD_YES;
}

static bool content_type_is_json(const char *ct)
{
	if (!ct)
		return false;
	size_t n = strlen("application/json");
	return strncasecmp(ct, "application/json", n) == 0 && (ct[n] == '\0' || ct[n] == ';');
}

/* Decides, from the headers alone, whether the request is refused. */
static void request_screen(struct request_ctx *ctx, struct MHD_Connection *conn,
			   const char *method, const char *url)
{
	struct error *e = &ctx->error;
	rc_t rc = route_match(method, url, &ctx->route, ctx->params, &ctx->param_count,
			      &ctx->arena, ctx->allow, sizeof ctx->allow);
	if (rc == RC_NOT_FOUND) {
		error_set(e, RC_NOT_FOUND, "Er is geen resource op dit pad.");
	} else if (rc == RC_METHOD) {
		error_set(e, RC_METHOD, "Dit pad ondersteunt %s niet; wel: %s.", method, ctx->allow);
	} else if (rc != RC_OK) {
		error_set(e, rc, "Het verzoek kon niet worden verwerkt.");
	} else {
		struct query_check qc = {ctx->route, e};
		MHD_get_connection_values(conn, MHD_GET_ARGUMENT_KIND, query_param_check, &qc);
		const char *len = MHD_lookup_connection_value(conn, MHD_HEADER_KIND,
							      MHD_HTTP_HEADER_CONTENT_LENGTH);
		const char *ct = MHD_lookup_connection_value(conn, MHD_HEADER_KIND,
							     MHD_HTTP_HEADER_CONTENT_TYPE);
		unsigned long long declared = len ? strtoull(len, NULL, 10) : 0;
		size_t max = ctx->route->max_body_bytes;
		if (e->rc == RC_OK && declared > max)
			error_set(e, RC_TOO_LARGE, max ? "De body is groter dan %zu bytes."
				  : "Deze resource accepteert geen body (maximum %zu bytes).", max);
		else if (e->rc == RC_OK && max > 0 && !ctx->route->ruw && !content_type_is_json(ct))
			error_set(e, RC_MEDIA_TYPE,
				  "Gebruik Content-Type application/json (ontvangen: %s).",
				  ct ? ct : "geen");
	}
	ctx->refused = e->rc != RC_OK;
}

/* True when the handler set header `name` itself. */
static bool response_has_header(const struct http_response *rs, const char *name)
{
	for (size_t i = 0; i < rs->header_count; i++)
		if (strcasecmp(rs->headers[i].name, name) == 0)
			return true;
	return false;
}

/* Builds the MHD response from rs with the headers every answer has. */
static struct MHD_Response *response_build(const struct request_ctx *ctx,
					   const struct http_response *rs, const char *url)
{
	struct MHD_Response *r = rs->fd > 0
		? MHD_create_response_from_fd(rs->body_len, rs->fd)   /* closes the file when done */
		: MHD_create_response_from_buffer(rs->body_len, (void *)(rs->body ? rs->body : ""),
						  MHD_RESPMEM_MUST_COPY);
	if (!r)
		return NULL;
	if (rs->content_type)
		MHD_add_response_header(r, MHD_HTTP_HEADER_CONTENT_TYPE, rs->content_type);
	MHD_add_response_header(r, "API-Version", API_VERSION);
	MHD_add_response_header(r, "X-Content-Type-Options", "nosniff");
	MHD_add_response_header(r, "X-Frame-Options", "DENY");
	MHD_add_response_header(r, "Referrer-Policy", "no-referrer");
	if (!response_has_header(rs, "Content-Security-Policy")) /* a handler's own is stricter */
		MHD_add_response_header(r, "Content-Security-Policy",
					"default-src 'self'; img-src 'self' data:; object-src 'none'; "
					"base-uri 'none'; form-action 'self'; frame-ancestors 'none'");
	MHD_add_response_header(r, "Cross-Origin-Opener-Policy", "same-origin");
	MHD_add_response_header(r, "Permissions-Policy", "camera=(), microphone=(), geolocation=()");
	if (strncmp(url, API_BASE, strlen(API_BASE)) == 0 && !response_has_header(rs, "Cache-Control"))
		MHD_add_response_header(r, MHD_HTTP_HEADER_CACHE_CONTROL, "no-store");
	MHD_add_response_header(r, "traceparent", ctx->traceparent);
	if (rs->status == 405 && ctx->allow[0])
		MHD_add_response_header(r, MHD_HTTP_HEADER_ALLOW, ctx->allow);
	for (size_t i = 0; i < rs->header_count; i++)
		MHD_add_response_header(r, rs->headers[i].name, rs->headers[i].value);
	return r;
}

/* One X-Forwarded-For entry as a normalised address into `out`; false
 * when it is no IPv4 or IPv6 address. *v4 is the IPv4 address (network
 * order) or 0 for IPv6. */
static bool forwarded_entry(const char *p, size_t n, char out[INET6_ADDRSTRLEN], uint32_t *v4)
{
	while (n > 0 && (*p == ' ' || *p == '\t'))
		p++, n--;
	while (n > 0 && (p[n - 1] == ' ' || p[n - 1] == '\t'))
		n--;
	char text[INET6_ADDRSTRLEN];
	if (n == 0 || n >= sizeof text)
		return false;
	memcpy(text, p, n);
	text[n] = '\0';
	struct in_addr a4;
	struct in6_addr a6;
	if (inet_pton(AF_INET, text, &a4) == 1) {
		*v4 = a4.s_addr;
		return inet_ntop(AF_INET, &a4, out, INET6_ADDRSTRLEN) != NULL;
	}
	*v4 = 0;
	return inet_pton(AF_INET6, text, &a6) == 1 && inet_ntop(AF_INET6, &a6, out, INET6_ADDRSTRLEN);
}

/* The client's IP address as text, in the arena ("?" when unknown).
 * Behind a trusted proxy (DOORBRAAK_PROXY) it is the rightmost address of
 * X-Forwarded-For that is not itself a trusted proxy: entries further left
 * were written by the client and prove nothing. From any other peer the
 * header is ignored, so nobody can choose the address they are counted
 * under (login throttling, audit records). */
static const char *client_address(const struct server *srv, struct MHD_Connection *conn,
				  struct arena *arena)
{
	const union MHD_ConnectionInfo *ci =
		MHD_get_connection_info(conn, MHD_CONNECTION_INFO_CLIENT_ADDRESS);
	char text[INET6_ADDRSTRLEN] = "?";
	uint32_t peer = 0;
	if (ci && ci->client_addr && ci->client_addr->sa_family == AF_INET) {
		peer = ((const struct sockaddr_in *)ci->client_addr)->sin_addr.s_addr;
		inet_ntop(AF_INET, &((const struct sockaddr_in *)ci->client_addr)->sin_addr,
			  text, sizeof text);
	}
	const char *xff = peer && verbindingen_is_proxy(&srv->config.verbindingen, peer)
			  ? MHD_lookup_connection_value(conn, MHD_HEADER_KIND, "X-Forwarded-For") : NULL;
	size_t n = xff ? strnlen(xff, 4096) : 0;
	for (size_t stappen = 0; n > 0 && stappen < 64; stappen++) {
		size_t begin = n;
		while (begin > 0 && xff[begin - 1] != ',')
			begin--;
		char entry[INET6_ADDRSTRLEN];
		uint32_t v4 = 0;
		if (!forwarded_entry(xff + begin, n - begin, entry, &v4))
			break;   /* not an address: trust nothing further left */
		memcpy(text, entry, sizeof text);
		if (!v4 || !verbindingen_is_proxy(&srv->config.verbindingen, v4))
			break;   /* the first address a trusted proxy did not write itself */
		n = begin > 0 ? begin - 1 : 0;
	}
	const char *copy = arena_strdup(arena, text);
	return copy ? copy : "?";
}

/* Decodes the body and runs the handler with a lease on the store pool
 * (a connection only during each transaction, store_pool_lease). */
static void request_dispatch(struct server *srv, struct request_ctx *ctx,
			     struct MHD_Connection *conn, const char *method,
			     const char *url, struct http_response *rs)
{
	struct http_request rq = {
		.method = method, .path = url, .route = ctx->route,
		.param_count = ctx->param_count, .arena = &ctx->arena,
		.server = srv, .connection = conn,
	};
	memcpy(rq.params, ctx->params, sizeof rq.params);
	if (!(ctx->route->roles & ROL_PUBLIEK))
		ctx->budget.cap_bytes = VERZOEK_BUDGET_INGELOGD_BYTES;
	struct arena_budget *vorig = arena_budget_zet(&ctx->budget);
	/* Tests only (storing.h): a fault for this request; a no-op otherwise. */
	storing_wapen(MHD_lookup_connection_value(conn, MHD_HEADER_KIND, "Doorbraak-Storing"));
	struct error *e = &ctx->error;
	rc_t rc = RC_OK;
	if (ctx->body_too_large)
		rc = error_set(e, RC_TOO_LARGE, "De body is groter dan %zu bytes.",
			       ctx->route->max_body_bytes);
	else if (ctx->route->ruw) {
		rq.ruw = ctx->body_len ? ctx->body : NULL;
		rq.ruw_len = ctx->body_len;
	} else if (ctx->route->max_body_bytes > 0)
		rc = json_decode_object(ctx->body ? ctx->body : "", ctx->body_len,
					ctx->route->max_body_bytes, &ctx->arena, &rq.body, e);
	if (rc == RC_OK) {
		rq.remote_addr = client_address(srv, conn, &ctx->arena);
		rq.store = store_pool_lease(srv->pool, &ctx->arena);
		rc = rq.store ? auth_identify(&rq, e)
			      : error_set(e, RC_NOMEM, "Onvoldoende geheugen voor het verzoek.");
		if (rc == RC_OK)
			rc = auth_authorize(&rq, e);
		if (rc == RC_OK && http_query(&rq, "formaat") && export_route(ctx->route))
			rc = http_export_lijst(&rq, rs, e);
		else if (rc == RC_OK)
			rc = ctx->route->handler(&rq, rs, e);
	}
	arena_budget_zet(vorig);
	const char *storing = storing_gebeurd();
	storing_wapen(NULL);
	if (rc != RC_OK) {
		if (e->rc == RC_OK)
			error_set(e, rc, "%s", rc_title(rc));
		if (rs->fd > 0)
			close(rs->fd);
		*rs = (struct http_response){0};
		http_problem(&rq, rs, e);
	}
	if (storing[0])   /* tests only: the armed fault happened */
		http_add_header(&rq, rs, "Doorbraak-Storing-Gebeurd", storing);
}

/* The connection guard's context of `conn` (verbindingen.h), or NULL. */
static void *bewaking_ctx(struct MHD_Connection *conn)
{
	const union MHD_ConnectionInfo *ci =
		MHD_get_connection_info(conn, MHD_CONNECTION_INFO_SOCKET_CONTEXT);
	return ci ? ci->socket_context : NULL;
}

/* Accept policy: one address may hold at most its share of connections. */
static enum MHD_Result accept_policy(void *cls, const struct sockaddr *addr, socklen_t addrlen)
{
	(void)addrlen;
	struct server *srv = cls;
	return verbindingen_toelaten(srv->bewaking, addr) ? MHD_YES : MHD_NO;
}

/* A connection opens or closes: the guard starts or forgets it. */
static void connection_notify(void *cls, struct MHD_Connection *conn, void **socket_context,
			      enum MHD_ConnectionNotificationCode toe)
{
	struct server *srv = cls;
	if (toe == MHD_CONNECTION_NOTIFY_STARTED) {
		const union MHD_ConnectionInfo *fd =
			MHD_get_connection_info(conn, MHD_CONNECTION_INFO_CONNECTION_FD);
		const union MHD_ConnectionInfo *ad =
			MHD_get_connection_info(conn, MHD_CONNECTION_INFO_CLIENT_ADDRESS);
		*socket_context = fd ? verbindingen_open(srv->bewaking, fd->connect_fd,
							 ad ? ad->client_addr : NULL) : NULL;
	} else if (toe == MHD_CONNECTION_NOTIFY_CLOSED) {
		verbindingen_dicht(srv->bewaking, *socket_context);
		*socket_context = NULL;
	}
}

static enum MHD_Result access_handler(void *cls, struct MHD_Connection *conn,
				      const char *url, const char *method,
				      const char *version, const char *upload_data,
				      size_t *upload_size, void **con_cls)
{
	(void)version;
	struct server *srv = cls;
	struct request_ctx *ctx = *con_cls;
	if (!ctx) {
		ctx = calloc(1, sizeof *ctx);
		if (!ctx)
			return MHD_NO;
		clock_gettime(CLOCK_MONOTONIC, &ctx->started);
		ctx->budget.cap_bytes = VERZOEK_BUDGET_PUBLIEK_BYTES;
		arena_init(&ctx->arena, REQUEST_ARENA_CAP_BYTES);
		ctx->arena.budget = &ctx->budget;
		error_clear(&ctx->error);
		trace_init(ctx, MHD_lookup_connection_value(conn, MHD_HEADER_KIND, "traceparent"));
		*con_cls = ctx;
		ctx->method = arena_strdup(&ctx->arena, method);
		ctx->path = arena_strndup(&ctx->arena, url, strnlen(url, 512));
		ctx->web = web_is_client_path(url);
		if (!ctx->web)
			request_screen(ctx, conn, method, url);
		if (!ctx->refused && !ctx->web)
			return MHD_YES; /* wait for the body */
	}
	if (!ctx->refused && !ctx->web && *upload_size > 0) {
		size_t max = ctx->route->max_body_bytes;
		if (ctx->body_len + *upload_size > max) {
			ctx->body_too_large = true;
		} else {
			char *grown = realloc(ctx->body, ctx->body_len + *upload_size + 1);
			if (!grown)
				return MHD_NO;
			memcpy(grown + ctx->body_len, upload_data, *upload_size);
			ctx->body = grown;
			ctx->body_len += *upload_size;
			ctx->body[ctx->body_len] = '\0';
		}
		*upload_size = 0;
		return MHD_YES;
	}
	/* The whole request is in: its receive deadline stops. */
	verbindingen_ontvangen(srv->bewaking, bewaking_ctx(conn));
	struct http_response rs = {0};
	if (ctx->web) {
		struct http_request rq = {.method = method, .path = url, .arena = &ctx->arena,
					  .connection = conn};
		web_serve(&rq, &rs);
	} else if (ctx->refused) {
		struct http_request rq = {.method = method, .path = url, .arena = &ctx->arena};
		http_problem(&rq, &rs, &ctx->error);
	} else {
		request_dispatch(srv, ctx, conn, method, url, &rs);
	}
	ctx->status = rs.status;
	struct MHD_Response *r = response_build(ctx, &rs, url);
	if (!r) {
		if (rs.fd > 0)
			close(rs.fd);
		return MHD_NO;
	}
	enum MHD_Result ok = MHD_queue_response(conn, (unsigned)rs.status, r);
	MHD_destroy_response(r);
	return ok;
}

/* Writes the request's log line and frees its state. Never logs bodies,
 * query strings or headers other than traceparent: no secrets. */
static void request_completed(void *cls, struct MHD_Connection *conn, void **con_cls,
			      enum MHD_RequestTerminationCode toe)
{
	struct server *srv = cls;
	/* Kept alive: the next request's deadline starts now. */
	verbindingen_beantwoord(srv->bewaking, bewaking_ctx(conn));
	struct request_ctx *ctx = *con_cls;
	if (!ctx)
		return;
	struct timespec end;
	clock_gettime(CLOCK_MONOTONIC, &end);
	long long us = (long long)(end.tv_sec - ctx->started.tv_sec) * 1000000LL +
		       (end.tv_nsec - ctx->started.tv_nsec) / 1000;
	json_t *line = json_pack("{s:s, s:s?, s:s?, s:s?, s:i, s:I, s:I, s:s, s:b}",
		"bericht", "verzoek",
		"methode", ctx->method,
		"pad", ctx->path,
		"route", ctx->route ? ctx->route->pattern : NULL,
		"status", ctx->status,
		"duur_us", (json_int_t)us,
		"geheugen_piek_kb", (json_int_t)(ctx->budget.piek_bytes / 1024),
		"traceparent", ctx->traceparent,
		"voltooid", toe == MHD_REQUEST_TERMINATED_COMPLETED_OK);
	if (line) {
		char *text = json_dumps(line, JSON_COMPACT);
		if (text)
			fprintf(stderr, "%s\n", text);
		free(text);
		json_decref(line);
	}
	free(ctx->body);
	arena_release(&ctx->arena);
	free(ctx);
	*con_cls = NULL;
}

/* Parses "a.b.c.d:port" into a sockaddr. */
static rc_t parse_listen(const char *listen, struct sockaddr_in *sa, struct error *e)
{
	char host[64];
	const char *colon = strrchr(listen, ':');
	if (!colon || (size_t)(colon - listen) >= sizeof host)
		return error_set(e, RC_INVALID, "Luisteradres '%s' moet de vorm host:poort hebben.", listen);
	memcpy(host, listen, (size_t)(colon - listen));
	host[colon - listen] = '\0';
	char *end;
	long port = strtol(colon + 1, &end, 10);
	memset(sa, 0, sizeof *sa);
	sa->sin_family = AF_INET;
	if (*end || port < 0 || port > 65535 || inet_pton(AF_INET, host, &sa->sin_addr) != 1)
		return error_set(e, RC_INVALID, "Luisteradres '%s' is ongeldig (IPv4-adres:poort).", listen);
	sa->sin_port = htons((uint16_t)port);
	return RC_OK;
}

rc_t server_start(const struct server_config *config, struct server **out,
		  unsigned *port_out, struct error *e)
{
	struct sockaddr_in sa;
	rc_t rc = parse_listen(config->listen, &sa, e);
	if (rc != RC_OK)
		return rc;
	struct server *srv = calloc(1, sizeof *srv);
	if (!srv)
		return error_set(e, RC_NOMEM, "Onvoldoende geheugen.");
	srv->config = *config;
	unsigned threads = config->threads ? config->threads : 4;
	rc = store_pool_open(config->database, threads, &srv->pool, e);
	if (rc != RC_OK) {
		free(srv);
		return rc;
	}
	struct store *probe = store_pool_acquire(srv->pool);
	srv->backend = store_backend_name(probe);
	store_pool_release(srv->pool, probe);
	struct verbindingen_instellingen bi = config->verbindingen;
	if (!bi.verzoek_termijn_s)
		bi.verzoek_termijn_s = SERVER_VERZOEK_TERMIJN_S;
	if (!bi.per_adres)
		bi.per_adres = SERVER_VERBINDINGEN_PER_ADRES;
	unsigned max = config->verbindingen_max ? config->verbindingen_max : SERVER_VERBINDINGEN_MAX;
	bi.max = max;
	srv->config.verbindingen = bi;
	rc = verbindingen_start(&bi, &srv->bewaking, e);
	if (rc != RC_OK) {
		store_pool_close(srv->pool);
		free(srv);
		return rc;
	}
	srv->daemon = MHD_start_daemon(
		/* A thread per connection: a slow request (an overview over a
		 * whole round, a login's Argon2id) holds only its own client; with
		 * a fixed pool every keep-alive connection pinned to the same
		 * thread waited behind it. Database work is still bounded by the
		 * store pool (`threads` connections). */
		MHD_USE_INTERNAL_POLLING_THREAD | MHD_USE_THREAD_PER_CONNECTION |
			MHD_USE_POLL | MHD_USE_ERROR_LOG,
		0, accept_policy, srv, access_handler, srv,
		MHD_OPTION_SOCK_ADDR, (struct sockaddr *)&sa,
		MHD_OPTION_THREAD_STACK_SIZE, (size_t)SERVER_STAPEL_BYTES,
		MHD_OPTION_NOTIFY_COMPLETED, request_completed, srv,
		MHD_OPTION_NOTIFY_CONNECTION, connection_notify, srv,
		/* idle: no byte for this long ends a connection; the guard bounds
		 * the whole request however slowly the bytes come */
		MHD_OPTION_CONNECTION_TIMEOUT, (unsigned)SERVER_INACTIEF_S,
		MHD_OPTION_CONNECTION_LIMIT, max,
		MHD_OPTION_CONNECTION_MEMORY_LIMIT, (size_t)(64 * 1024),
		MHD_OPTION_END);
	if (!srv->daemon) {
		verbindingen_stop(srv->bewaking);
		store_pool_close(srv->pool);
		free(srv);
		return error_set(e, RC_IO, "Kan niet luisteren op %s (bezet of geen rechten).",
				 config->listen);
	}
	if (!config->geen_taakwerker && verdeeltaak_werker_start(srv->pool, NULL, &srv->werker, e) != RC_OK) {
		MHD_stop_daemon(srv->daemon);
		verbindingen_stop(srv->bewaking);
		store_pool_close(srv->pool);
		free(srv);
		return e->rc;
	}
	const union MHD_DaemonInfo *info = MHD_get_daemon_info(srv->daemon, MHD_DAEMON_INFO_BIND_PORT);
	*port_out = info ? info->port : ntohs(sa.sin_port);
	if (!srv->config.mail.publieke_url) {
		snprintf(srv->publieke_url, sizeof srv->publieke_url, "http://%.*s:%u",
			 (int)(strrchr(config->listen, ':') - config->listen), config->listen, *port_out);
		srv->config.mail.publieke_url = srv->publieke_url;
	}
	if (mail_werker_start(srv->pool, &srv->config.mail, &srv->mailwerker, e) != RC_OK) {
		MHD_stop_daemon(srv->daemon);
		verdeeltaak_werker_stop(srv->werker);
		verbindingen_stop(srv->bewaking);
		store_pool_close(srv->pool);
		free(srv);
		return e->rc;
	}
	*out = srv;
	return RC_OK;
}

void server_stop(struct server *srv)
{
	if (!srv)
		return;
	MHD_stop_daemon(srv->daemon);
	mail_werker_stop(srv->mailwerker);
	verdeeltaak_werker_stop(srv->werker);
	verbindingen_stop(srv->bewaking);
	store_pool_close(srv->pool);
	free(srv);
}
