/*
 * json.c -- bounded decoding of untrusted JSON and typed readers. See json.h.
 */
#include "core/basis/json.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

size_t json_depth(const char *buf, size_t len, size_t limit)
{
	size_t depth = 0, max = 0;
	bool in_string = false, escaped = false;
	for (size_t i = 0; i < len; i++) {
		char c = buf[i];
		if (in_string) {
			if (escaped)
				escaped = false;
			else if (c == '\\')
				escaped = true;
			else if (c == '"')
				in_string = false;
			continue;
		}
		if (c == '"') {
			in_string = true;
		} else if (c == '[' || c == '{') {
			if (++depth > max)
				max = depth;
			if (max > limit)
				return max;
		} else if ((c == ']' || c == '}') && depth > 0) {
			depth--;
		}
	}
	return max;
}

static void json_decref_void(void *p) { json_decref((json_t *)p); }

rc_t json_decode(const char *buf, size_t len, size_t max_bytes,
		 size_t max_depth, struct arena *arena, json_t **out,
		 struct error *e)
{
	if (len > max_bytes)
		return error_set(e, RC_TOO_LARGE,
				 "Het JSON-document is %zu bytes; het maximum is %zu.",
				 len, max_bytes);
	if (len == 0)
		return error_set(e, RC_BAD_JSON, "Het verzoek bevat geen JSON-document.");
	if (json_depth(buf, len, max_depth) > max_depth)
		return error_set(e, RC_BAD_JSON,
				 "Het JSON-document is dieper genest dan %zu niveaus.",
				 max_depth);
	json_error_t jerr;
	json_t *v = json_loadb(buf, len, JSON_REJECT_DUPLICATES, &jerr);
	if (!v) {
		int dup = json_error_code(&jerr) == json_error_duplicate_key;
		return error_set(e, RC_BAD_JSON,
				 "%s op regel %d, kolom %d: %s",
				 dup ? "Dubbele sleutel" : "Ongeldige JSON",
				 jerr.line, jerr.column, jerr.text);
	}
	if (arena && arena_on_release(arena, json_decref_void, v) != 0)
		return error_set(e, RC_NOMEM, "Onvoldoende geheugen voor het verzoek.");
	*out = v;
	return RC_OK;
}

rc_t json_decode_object(const char *buf, size_t len, size_t max_bytes,
			struct arena *arena, json_t **out, struct error *e)
{
	json_t *v = NULL;
	rc_t rc = json_decode(buf, len, max_bytes, JSON_MAX_DEPTH, arena, &v, e);
	if (rc != RC_OK)
		return rc;
	if (!json_is_object(v)) {
		if (!arena)
			json_decref(v);
		return error_set(e, RC_BAD_JSON, "Het JSON-document moet een object zijn.");
	}
	*out = v;
	return RC_OK;
}

rc_t json_read_file(const char *path, size_t max_bytes, struct arena *arena,
		    json_t **out, struct error *e)
{
	FILE *f = fopen(path, "rb");
	if (!f)
		return error_set(e, RC_IO, "Kan %s niet openen: %s", path, strerror(errno));
	size_t cap = max_bytes + 1;
	char *buf = malloc(cap);
	if (!buf) {
		fclose(f);
		return error_set(e, RC_NOMEM, "Onvoldoende geheugen om %s te lezen.", path);
	}
	size_t n = fread(buf, 1, cap, f);
	int bad = ferror(f);
	fclose(f);
	rc_t rc;
	if (bad)
		rc = error_set(e, RC_IO, "Lezen van %s mislukt.", path);
	else
		rc = json_decode(buf, n, max_bytes, JSON_MAX_DEPTH, arena, out, e);
	free(buf);
	if (rc != RC_OK && e && e->rc == rc && rc != RC_IO) {
		char msg[ERROR_MESSAGE_MAX];
		snprintf(msg, sizeof msg, "%s", e->message);
		error_set(e, rc, "%s: %s", path, msg);
	}
	return rc;
}

static bool json_member(json_t *obj, const char *key, bool required,
			const char *where, const char *want, json_type type,
			json_t **out, struct error *e)
{
	json_t *v = json_is_object(obj) ? json_object_get(obj, key) : NULL;
	char field[ERROR_FIELD_MAX];
	snprintf(field, sizeof field, "%s/%s", where ? where : "", key);
	if (!v || json_is_null(v)) {
		if (required)
			error_add(e, field, "required", NULL, "Het veld '%s' is verplicht.", key);
		return false;
	}
	bool ok = json_typeof(v) == type ||
		  (type == JSON_TRUE && json_is_boolean(v));
	if (!ok) {
		error_add(e, field, "type", NULL, "Het veld '%s' moet %s zijn.", key, want);
		return false;
	}
	*out = v;
	return true;
}

bool json_get_string(json_t *obj, const char *key, bool required,
		     const char *where, const char **out, struct error *e)
{
	json_t *v;
	if (!json_member(obj, key, required, where, "tekst", JSON_STRING, &v, e))
		return false;
	*out = json_string_value(v);
	return true;
}

bool json_get_int(json_t *obj, const char *key, bool required,
		  const char *where, int64_t *out, struct error *e)
{
	json_t *v;
	if (!json_member(obj, key, required, where, "een geheel getal", JSON_INTEGER, &v, e))
		return false;
	*out = (int64_t)json_integer_value(v);
	return true;
}

bool json_get_bool(json_t *obj, const char *key, bool required,
		   const char *where, bool *out, struct error *e)
{
	json_t *v;
	if (!json_member(obj, key, required, where, "true of false", JSON_TRUE, &v, e))
		return false;
	*out = json_is_true(v);
	return true;
}

bool json_get_array(json_t *obj, const char *key, bool required,
		    const char *where, json_t **out, struct error *e)
{
	return json_member(obj, key, required, where, "een lijst", JSON_ARRAY, out, e);
}

bool json_get_object(json_t *obj, const char *key, bool required,
		     const char *where, json_t **out, struct error *e)
{
	return json_member(obj, key, required, where, "een object", JSON_OBJECT, out, e);
}

void json_reject_unknown(json_t *obj, const char *const *allowed,
			 const char *where, struct error *e)
{
	const char *key;
	json_t *v;
	json_object_foreach(obj, key, v) {
		bool known = false;
		for (size_t i = 0; allowed[i]; i++)
			if (strcmp(allowed[i], key) == 0) {
				known = true;
				break;
			}
		if (!known) {
			char field[ERROR_FIELD_MAX];
			snprintf(field, sizeof field, "%s/%s", where ? where : "", key);
			error_add(e, field, "unknown", NULL, "Onbekend veld '%s'.", key);
		}
	}
}

char *json_encode(struct arena *arena, const json_t *value)
{
	size_t n = json_dumpb(value, NULL, 0, JSON_COMPACT | JSON_ENCODE_ANY);
	if (n == 0)
		return NULL;
	char *p = arena_alloc(arena, n + 1);
	if (!p)
		return NULL;
	json_dumpb(value, p, n, JSON_COMPACT | JSON_ENCODE_ANY);
	p[n] = '\0';
	return p;
}

size_t json_pointer_erbij(char *pad, size_t len, size_t cap, const char *token)
{
	if (cap == 0)
		return 0;
	if (len + 1 < cap)
		pad[len++] = '/';
	for (; token && *token && len + 2 < cap; token++) {
		if (*token == '~' || *token == '/') {
			pad[len++] = '~';
			pad[len++] = *token == '~' ? '0' : '1';
		} else {
			pad[len++] = *token;
		}
	}
	pad[len < cap ? len : cap - 1] = '\0';
	return len < cap ? len : cap - 1;
}

void json_zet_tekst(json_t *o, const char *key, const char *v)
{
	if (v)
		json_object_set_new(o, key, json_string(v));
}

void json_zet_tekst_of_null(json_t *o, const char *key, const char *v)
{
	json_object_set_new(o, key, v ? json_string(v) : json_null());
}

void json_zet_id_of_null(json_t *o, const char *key, int64_t id)
{
	json_object_set_new(o, key, id > 0 ? json_integer((json_int_t)id) : json_null());
}

static json_t *probleem_fouten(const struct error *e)
{
	json_t *list = json_array();
	for (size_t i = 0; list && i < e->item_count; i++) {
		const struct error_item *it = &e->items[i];
		json_t *o = json_pack("{s:s, s:s, s:s}", "name", it->field, "code", it->code,
				      "detail", it->detail);
		if (o && it->bron[0])
			json_object_set_new(o, "bron", json_string(it->bron));
		json_array_append_new(list, o);
	}
	return list;
}

json_t *error_probleem_json(const struct error *e)
{
	rc_t rc = e->rc == RC_OK ? RC_INTERNAL : e->rc;
	json_t *body = json_pack("{s:s, s:s, s:i, s:s, s:s}",
		"type", "about:blank",
		"title", rc_title(rc),
		"status", rc_http_status(rc),
		"detail", e->message[0] ? e->message : rc_title(rc),
		"code", rc_name(rc));
	if (body && (e->item_count > 0 || rc == RC_INVALID))
		json_object_set_new(body, "errors", probleem_fouten(e));
	if (body && e->items_dropped > 0)
		json_object_set_new(body, "errors_weggelaten", json_integer((json_int_t)e->items_dropped));
	return body;
}
