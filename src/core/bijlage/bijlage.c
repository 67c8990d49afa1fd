/*
 * bijlage.c -- attachments. See bijlage.h and docs/bijlagen.md.
 */
#include "core/bijlage/bijlage.h"

#include <inttypes.h>
#include <magic.h>
#include <pthread.h>
#include <sodium.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/basis/audit.h"
#include "store/store_bijlage.h"

#define MEDIATYPE_XLSX "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"

static const struct bijlage_type toegestaan[] = {
	{"application/pdf", "pdf", "PDF"},
	{"image/png", "png", "PNG-afbeelding"},
	{"image/jpeg", "jpg", "JPEG-afbeelding"},
	{"text/csv", "csv", "CSV-bestand"},
	{MEDIATYPE_XLSX, "xlsx", "Excel-werkmap (XLSX)"},
};

const struct bijlage_type *bijlage_toegestaan(size_t *n)
{
	*n = sizeof toegestaan / sizeof toegestaan[0];
	return toegestaan;
}

/* libmagic: one handle, loaded once, used under a mutex (a magic_t is not
 * safe to share between threads). */
static pthread_mutex_t magie_slot = PTHREAD_MUTEX_INITIALIZER;
static magic_t magie;
static bool magie_geladen;

/* The media type libmagic reads in data[0..len), copied into buf ("" when
 * it cannot tell). */
static void magie_lees(const void *data, size_t len, char *buf, size_t cap)
{
	buf[0] = '\0';
	pthread_mutex_lock(&magie_slot);
	if (!magie_geladen) {
		magie = magic_open(MAGIC_MIME_TYPE | MAGIC_ERROR);
		magie_geladen = magie && magic_load(magie, NULL) == 0;
	}
	const char *t = magie_geladen ? magic_buffer(magie, data, len) : NULL;
	if (t)
		snprintf(buf, cap, "%s", t);
	pthread_mutex_unlock(&magie_slot);
}

/* Plain text whose first line has a separator: a CSV with semicolons (as
 * Dutch spreadsheets write it), which libmagic calls text/plain. */
static bool platte_csv(const unsigned char *d, size_t len)
{
	for (size_t i = 0; i < len && d[i] != '\n'; i++)
		if (d[i] == ';' || d[i] == ',' || d[i] == '\t')
			return true;
	return false;
}

rc_t bijlage_type_bepaal(const void *data, size_t len, const struct bijlage_type **type,
			 struct error *e)
{
	if (len == 0) {
		error_add(e, "bijlage", "bijlage_leeg", NULL, "Het bestand is leeg.");
		return RC_INVALID;
	}
	if (len > BIJLAGE_MAX_BYTES) {
		error_set(e, RC_TOO_LARGE, "Het bestand is groter dan %u MB.", BIJLAGE_MAX_BYTES >> 20);
		error_add(e, "bijlage", "bijlage_te_groot", NULL, "Een bijlage is hoogstens %u MB; dit bestand is %zu bytes.",
			  BIJLAGE_MAX_BYTES >> 20, len);
		e->rc = RC_TOO_LARGE;
		return RC_TOO_LARGE;
	}
	char gelezen[128];
	magie_lees(data, len, gelezen, sizeof gelezen);
	if (strcmp(gelezen, "text/plain") == 0 && platte_csv(data, len))
		snprintf(gelezen, sizeof gelezen, "text/csv");
	for (size_t i = 0; i < sizeof toegestaan / sizeof toegestaan[0]; i++)
		if (strcmp(gelezen, toegestaan[i].mediatype) == 0) {
			*type = &toegestaan[i];
			return RC_OK;
		}
	error_set(e, RC_MEDIA_TYPE, "Dit soort bestand wordt niet aangenomen (%s).",
		  gelezen[0] ? gelezen : "onbekend");
	error_add(e, "bijlage", "type_niet_toegestaan", NULL,
		  "Het bestand is %s; toegestaan zijn PDF, PNG, JPEG, CSV en XLSX (bepaald aan de inhoud, "
		  "niet aan de naam).", gelezen[0] ? gelezen : "van een onbekend soort");
	e->rc = RC_MEDIA_TYPE;
	return RC_MEDIA_TYPE;
}

char *bijlage_naam_schoon(struct arena *arena, const char *naam)
{
	const char *basis = naam ? naam : "";
	for (const char *p = basis; *p; p++)
		if (*p == '/' || *p == '\\')
			basis = p + 1;
	size_t n = strlen(basis);
	if (n > BIJLAGE_NAAM_MAX) {
		n = BIJLAGE_NAAM_MAX;
		while (n > 0 && ((unsigned char)basis[n] & 0xC0) == 0x80)
			n--;   /* not inside a UTF-8 sequence */
	}
	char *uit = arena_alloc(arena, n + sizeof "bijlage");
	if (!uit)
		return NULL;
	size_t k = 0;
	for (size_t i = 0; i < n; i++) {
		unsigned char c = (unsigned char)basis[i];
		uit[k++] = c < 0x20 || c == 0x7F || c == '"' || c == '\'' || c == ';' ? '_' : (char)c;
	}
	uit[k] = '\0';
	if (k == 0 || strspn(uit, "._ ") == k)
		strcpy(uit, "bijlage");
	return uit;
}

static void uit_rij(const struct store_rows *r, size_t i, struct bijlage *b)
{
	memset(b, 0, sizeof *b);
	b->id = store_int(r, i, SBL_ID, 0);
	b->object = store_text(r, i, SBL_OBJECT);
	b->naam = store_text(r, i, SBL_NAAM);
	b->mediatype = store_text(r, i, SBL_MEDIATYPE);
	b->grootte = store_int(r, i, SBL_GROOTTE, 0);
	b->sha256 = store_text(r, i, SBL_SHA256);
	b->geupload_op = store_text(r, i, SBL_OP);
	b->geupload_door = store_text(r, i, SBL_DOOR);
}

rc_t bijlage_voeg_toe_tx(struct store *s, const struct principal *who, const char *object,
			 const char *naam, const void *data, size_t len, const char *nu,
			 struct arena *arena, struct bijlage *out, struct error *e)
{
	const struct bijlage_type *type = NULL;
	rc_t rc = bijlage_type_bepaal(data, len, &type, e);
	if (rc != RC_OK)
		return rc;
	if (!object || !*object || strlen(object) > BIJLAGE_OBJECT_MAX)
		return error_set(e, RC_INTERNAL, "Een bijlage hoort bij een object.");
	unsigned char h[crypto_hash_sha256_BYTES];
	crypto_hash_sha256(h, data, len);
	char *sha = arena_alloc(arena, 2 * sizeof h + 1);
	size_t b64_len = sodium_base64_ENCODED_LEN(len, sodium_base64_VARIANT_ORIGINAL);
	char *b64 = arena_alloc(arena, b64_len);
	char *schoon = bijlage_naam_schoon(arena, naam);
	if (!sha || !b64 || !schoon)
		return error_set(e, RC_NOMEM, "Onvoldoende geheugen voor de bijlage.");
	sodium_bin2hex(sha, 2 * sizeof h + 1, h, sizeof h);
	sodium_bin2base64(b64, b64_len, data, len, sodium_base64_VARIANT_ORIGINAL);
	int64_t id = 0;
	rc = store_bijlage_voeg_toe(s, object, schoon, type->mediatype, (int64_t)len, sha, b64, nu,
				    who->actor, &id, e);
	if (rc != RC_OK)
		return rc;
	char object_naam[48], detail[512];
	snprintf(object_naam, sizeof object_naam, "bijlage/%" PRId64, id);
	json_t *d = json_pack("{s:s, s:s, s:I, s:s}", "object", object, "mediatype", type->mediatype,
			      "grootte", (json_int_t)len, "sha256", sha);
	char *dt = d ? json_dumps(d, JSON_COMPACT) : NULL;
	snprintf(detail, sizeof detail, "%s", dt ? dt : "");
	free(dt);
	json_decref(d);
	struct audit_entry entry = {who->actor, "bijlage.voeg_toe", object_naam, "gelukt", detail};
	rc = audit_append(s, &entry, e);
	if (rc != RC_OK)
		return rc;
	*out = (struct bijlage){.id = id, .object = object, .naam = schoon, .mediatype = type->mediatype,
				.sha256 = sha, .geupload_op = nu, .geupload_door = who->actor,
				.grootte = (int64_t)len};
	return RC_OK;
}

rc_t bijlage_lees_tx(struct store *s, struct arena *arena, int64_t id, struct bijlage *out,
		     const unsigned char **data, size_t *len, struct error *e)
{
	struct store_rows r;
	rc_t rc = store_bijlage_lees(s, id, arena, &r, e);
	if (rc != RC_OK)
		return rc;
	if (r.nrows == 0)
		return error_set(e, RC_NOT_FOUND, "Bijlage %" PRId64 " bestaat niet.", id);
	uit_rij(&r, 0, out);
	const char *b64 = store_text(&r, 0, SBL_INHOUD);
	size_t cap = (size_t)out->grootte + 1, n = 0;
	unsigned char *bin = arena_alloc(arena, cap);
	if (!bin)
		return error_set(e, RC_NOMEM, "Onvoldoende geheugen voor de bijlage.");
	if (!b64 || sodium_base642bin(bin, cap, b64, strlen(b64), NULL, &n, NULL,
				      sodium_base64_VARIANT_ORIGINAL) != 0 || n != (size_t)out->grootte)
		return error_set(e, RC_INTERNAL, "De inhoud van bijlage %" PRId64 " is onleesbaar.", id);
	unsigned char h[crypto_hash_sha256_BYTES];
	char sha[2 * crypto_hash_sha256_BYTES + 1];
	crypto_hash_sha256(h, bin, n);
	sodium_bin2hex(sha, sizeof sha, h, sizeof h);
	if (!out->sha256 || strcmp(sha, out->sha256) != 0)
		return error_set(e, RC_INTERNAL, "Bijlage %" PRId64 " klopt niet met haar SHA-256.", id);
	*data = bin;
	*len = n;
	return RC_OK;
}

rc_t bijlage_lijst_tx(struct store *s, struct arena *arena, const char *object,
		      struct bijlage **out, size_t *n, struct error *e)
{
	struct store_rows r;
	rc_t rc = store_bijlage_lijst(s, object, arena, &r, e);
	if (rc != RC_OK)
		return rc;
	struct bijlage *l = arena_alloc(arena, (r.nrows + 1) * sizeof *l);
	if (!l)
		return error_set(e, RC_NOMEM, "Onvoldoende geheugen.");
	for (size_t i = 0; i < r.nrows; i++)
		uit_rij(&r, i, &l[i]);
	*out = l;
	*n = r.nrows;
	return RC_OK;
}

json_t *bijlage_json(const struct bijlage *b)
{
	return json_pack("{s:I, s:s, s:s, s:I, s:s, s:s, s:s}", "id", (json_int_t)b->id, "naam",
			 b->naam ? b->naam : "", "mediatype", b->mediatype ? b->mediatype : "", "grootte",
			 (json_int_t)b->grootte, "sha256", b->sha256 ? b->sha256 : "", "geupload_op",
			 b->geupload_op ? b->geupload_op : "", "geupload_door",
			 b->geupload_door ? b->geupload_door : "");
}

struct lees_ctx {
	struct arena *arena;
	int64_t id;
	struct bijlage *uit;
	const unsigned char **data;
	size_t *len;
};

static rc_t lees_tx(struct store *s, void *ctx, struct error *e)
{
	struct lees_ctx *c = ctx;
	return bijlage_lees_tx(s, c->arena, c->id, c->uit, c->data, c->len, e);
}

rc_t bijlage_lees(struct store *s, struct arena *arena, int64_t id, struct bijlage *out,
		  const unsigned char **data, size_t *len, struct error *e)
{
	struct lees_ctx c = {arena, id, out, data, len};
	return store_tx(s, STORE_READ, lees_tx, &c, e);
}
