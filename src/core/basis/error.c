/*
 * error.c -- the single table that maps an rc_t to HTTP status, problem
 * title and CLI exit code, and the helpers that fill `struct error`.
 */
#include "core/basis/error.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

static const struct {
	int http_status;
	int exit_code;
	const char *name;
	const char *title;
} rc_table[RC__COUNT] = {
	[RC_OK] = {200, 0, "ok", "OK"},
	[RC_INVALID] = {400, 2, "invalid", "Ongeldige invoer"},
	[RC_BAD_JSON] = {400, 2, "bad_json", "Ongeldige JSON"},
	[RC_NOT_FOUND] = {404, 3, "not_found", "Niet gevonden"},
	[RC_METHOD] = {405, 2, "method_not_allowed", "Methode niet toegestaan"},
	[RC_CONFLICT] = {409, 4, "conflict", "Conflict met de huidige toestand"},
	[RC_UNAUTHENTICATED] = {401, 5, "unauthenticated", "Niet ingelogd"},
	[RC_FORBIDDEN] = {403, 5, "forbidden", "Geen toegang"},
	[RC_TOO_LARGE] = {413, 2, "too_large", "Verzoek te groot"},
	[RC_MEDIA_TYPE] = {415, 2, "unsupported_media_type", "Niet-ondersteund mediatype"},
	[RC_TOO_MANY] = {429, 7, "too_many_requests", "Te veel pogingen"},
	[RC_RETRY] = {503, 6, "retry", "Tijdelijk bezet, probeer opnieuw"},
	[RC_STORE] = {500, 1, "store", "Fout in de opslag"},
	[RC_NOMEM] = {503, 1, "no_memory", "Onvoldoende geheugen"},
	[RC_IO] = {500, 1, "io", "Bestand niet te lezen of te schrijven"},
	[RC_INTERNAL] = {500, 1, "internal", "Interne fout"},
};

void error_clear(struct error *e)
{
	if (!e)
		return;
	e->rc = RC_OK;
	e->message[0] = '\0';
	e->item_count = 0;
	e->items_dropped = 0;
}

rc_t error_set(struct error *e, rc_t rc, const char *fmt, ...)
{
	if (!e)
		return rc;
	e->rc = rc;
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(e->message, sizeof e->message, fmt, ap);
	va_end(ap);
	return rc;
}

void error_add(struct error *e, const char *field, const char *code,
	       const char *bron, const char *fmt, ...)
{
	if (!e)
		return;
	if (e->rc == RC_OK) {
		e->rc = RC_INVALID;
		if (!e->message[0])
			snprintf(e->message, sizeof e->message, "De invoer bevat fouten.");
	}
	if (e->item_count >= ERROR_ITEMS_MAX) {
		e->items_dropped++;
		return;
	}
	struct error_item *it = &e->items[e->item_count++];
	snprintf(it->field, sizeof it->field, "%s", field ? field : "");
	snprintf(it->code, sizeof it->code, "%s", code ? code : "");
	snprintf(it->bron, sizeof it->bron, "%s", bron ? bron : "");
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(it->detail, sizeof it->detail, fmt, ap);
	va_end(ap);
}

void error_items_over(struct error *naar, const struct error *van)
{
	if (!naar || !van)
		return;
	for (size_t i = 0; i < van->item_count; i++) {
		const struct error_item *it = &van->items[i];
		error_add(naar, it->field, it->code, it->bron, "%s", it->detail);
	}
	if (van->items_dropped && naar->rc == RC_OK)
		naar->rc = RC_INVALID;
	naar->items_dropped += van->items_dropped;
}

static int rc_valid(rc_t rc) { return rc >= RC_OK && rc < RC__COUNT; }

int rc_http_status(rc_t rc) { return rc_valid(rc) ? rc_table[rc].http_status : 500; }
const char *rc_title(rc_t rc) { return rc_valid(rc) ? rc_table[rc].title : "Interne fout"; }
const char *rc_name(rc_t rc) { return rc_valid(rc) ? rc_table[rc].name : "internal"; }
int rc_exit_code(rc_t rc) { return rc_valid(rc) ? rc_table[rc].exit_code : 1; }
