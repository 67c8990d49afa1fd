/*
 * informatieverzoek.c -- what a request for information reopens. See
 * informatieverzoek.h.
 */
#include "core/aanvraag/informatieverzoek.h"

#include <inttypes.h>
#include <stdio.h>
#include <string.h>

#include "core/basis/json.h"
#include "store/store_aanvragen.h"

#define BRON_INFORMATIEVERZOEK "[002 §4.2], [001 \"Vervolgproces\"]"

bool informatieverzoek_pointer_geldig(const char *p)
{
	static const char *const vraagbaar[] = {
		"titel", "coalitie", "zorgpaden", "antwoorden", "begroting", "eenheden",
		"totaal_bedrag_cent", "impact", "structureel", "eenmalige_impuls", "mijlpalen",
		"afwijkingen", "regionale_aanpassingen", "verklaringen", NULL,
	};
	if (!p || p[0] != '/' || strlen(p) > INFORMATIEVERZOEK_POINTER_MAX)
		return false;
	for (const char *q = p; *q; q++) {
		if (*q == '~' && q[1] != '0' && q[1] != '1')
			return false;
		if (*q == '/' && (q[1] == '/' || q[1] == '\0'))
			return false;
	}
	size_t n = strcspn(p + 1, "/");
	for (size_t i = 0; vraagbaar[i]; i++)
		if (strlen(vraagbaar[i]) == n && strncmp(vraagbaar[i], p + 1, n) == 0)
			return true;
	return false;
}

/* At or below an asked pointer? */
static bool gedekt(const char *pad, const char *const *velden, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		size_t k = strlen(velden[i]);
		if (strncmp(pad, velden[i], k) == 0 && (pad[k] == '\0' || pad[k] == '/'))
			return true;
	}
	return false;
}

/* Does an asked pointer lie strictly below `pad`? */
static bool eronder(const char *pad, const char *const *velden, size_t n)
{
	size_t k = strlen(pad);
	for (size_t i = 0; i < n; i++)
		if (strncmp(velden[i], pad, k) == 0 && velden[i][k] == '/')
			return true;
	return false;
}

struct vergelijking {
	const char *const *velden;
	size_t n;
	struct error *e;
	size_t aantal;
};

static void gewijzigd(struct vergelijking *v, const char *pad)
{
	v->aantal++;
	error_add(v->e, pad[0] ? pad : "/", "niet_gevraagd", BRON_INFORMATIEVERZOEK,
		  "Dit veld is veranderd, maar de zorgverzekeraars vroegen er niet naar; wijzig alleen "
		  "de gevraagde velden.");
}

static void vergelijk(struct vergelijking *v, json_t *a, json_t *b, char *pad, size_t len,
		      int diepte)
{
	if ((!a && !b) || gedekt(pad, v->velden, v->n))
		return;
	if (a && b && json_equal(a, b))
		return;
	/* Descend only towards an asked pointer: into two objects (one of them
	 * may be absent: the asked field is new or removed) or two arrays of
	 * the same length. */
	bool objecten = (!a || json_is_object(a)) && (!b || json_is_object(b));
	bool lijsten = a && b && json_is_array(a) && json_is_array(b) &&
		       json_array_size(a) == json_array_size(b);
	if (diepte >= JSON_MAX_DEPTH || !eronder(pad, v->velden, v->n) || !(objecten || lijsten)) {
		gewijzigd(v, pad);
		return;
	}
	if (lijsten) {
		for (size_t i = 0; i < json_array_size(a); i++) {
			char token[24];
			snprintf(token, sizeof token, "%zu", i);
			size_t k = json_pointer_erbij(pad, len, ERROR_FIELD_MAX, token);
			vergelijk(v, json_array_get(a, i), json_array_get(b, i), pad, k, diepte + 1);
			pad[len] = '\0';
		}
		return;
	}
	const char *key;
	json_t *x;
	json_object_foreach(a, key, x) {
		size_t k = json_pointer_erbij(pad, len, ERROR_FIELD_MAX, key);
		vergelijk(v, x, b ? json_object_get(b, key) : NULL, pad, k, diepte + 1);
		pad[len] = '\0';
	}
	json_object_foreach(b, key, x) {
		if (a && json_object_get(a, key))
			continue;
		size_t k = json_pointer_erbij(pad, len, ERROR_FIELD_MAX, key);
		vergelijk(v, NULL, x, pad, k, diepte + 1);
		pad[len] = '\0';
	}
}

size_t informatieverzoek_wijzigingen(json_t *oud, json_t *nieuw, const char *const *velden,
				     size_t n, struct error *e)
{
	struct vergelijking v = {velden, n, e, 0};
	char pad[ERROR_FIELD_MAX] = "";
	vergelijk(&v, oud, nieuw, pad, 0, 0);
	return v.aantal;
}

rc_t informatieverzoek_open_velden(struct store *s, struct arena *arena, int64_t aanvraag_id,
			     int64_t versie, const char ***velden, size_t *n, struct error *e)
{
	struct store_rows rows;
	rc_t rc = store_beoordeling_lijst(s, aanvraag_id, versie, arena, &rows, e);
	if (rc != RC_OK)
		return rc;
	size_t max = rows.nrows * INFORMATIEVERZOEK_VELDEN_MAX + 1, k = 0;
	const char **lijst = arena_alloc(arena, max * sizeof *lijst);
	if (!lijst)
		return error_set(e, RC_NOMEM, "Onvoldoende geheugen.");
	for (size_t r = 0; r < rows.nrows; r++) {
		const char *iv = store_text(&rows, r, SB_INFORMATIEVERZOEK);
		json_t *j = iv ? json_loads(iv, 0, NULL) : NULL;
		size_t i;
		json_t *p;
		json_array_foreach(json_object_get(j, "velden"), i, p) {
			const char *t = json_string_value(p);
			bool dubbel = false;
			for (size_t q = 0; t && q < k; q++)
				dubbel = dubbel || strcmp(lijst[q], t) == 0;
			if (t && !dubbel && k < max && (lijst[k] = arena_strdup(arena, t)))
				k++;
		}
		json_decref(j);
	}
	*velden = lijst;
	*n = k;
	return RC_OK;
}

rc_t informatieverzoek_open_velden_json(struct store *s, struct arena *arena, int64_t aanvraag_id,
				  int64_t versie, const char **tekst, struct error *e)
{
	const char **velden = NULL;
	size_t n = 0;
	rc_t rc = informatieverzoek_open_velden(s, arena, aanvraag_id, versie, &velden, &n, e);
	if (rc != RC_OK)
		return rc;
	json_t *a = json_array();
	for (size_t i = 0; a && i < n; i++)
		json_array_append_new(a, json_string(velden[i]));
	*tekst = a ? json_encode(arena, a) : NULL;
	json_decref(a);
	return *tekst ? RC_OK : error_set(e, RC_NOMEM, "Onvoldoende geheugen.");
}

rc_t informatieverzoek_aanvulling_controleer(struct store *s, struct arena *arena, int64_t aanvraag_id,
				       int64_t versie, json_t *nieuw, struct error *e)
{
	const char **velden = NULL;
	size_t n = 0;
	struct store_rows rows;
	rc_t rc = informatieverzoek_open_velden(s, arena, aanvraag_id, versie, &velden, &n, e);
	if (rc == RC_OK)
		rc = store_versie_lees(s, aanvraag_id, versie, arena, &rows, e);
	if (rc == RC_OK && rows.nrows == 0)
		rc = error_set(e, RC_INTERNAL, "Versie %" PRId64 " ontbreekt.", versie);
	if (rc != RC_OK)
		return rc;
	const char *tekst = store_text(&rows, 0, SV_DOCUMENT);
	json_t *oud = tekst ? json_loads(tekst, 0, NULL) : NULL;
	if (!oud)
		return error_set(e, RC_STORE, "Versie %" PRId64 " is geen JSON.", versie);
	size_t fout = informatieverzoek_wijzigingen(oud, nieuw, velden, n, e);
	json_decref(oud);
	if (fout == 0)
		return RC_OK;
	error_set(e, RC_INVALID, "Alleen de gevraagde velden mogen veranderen (%zu andere wijzigingen).", fout);
	e->rc = RC_INVALID;
	return RC_INVALID;
}

