/*
 * toegang.c -- per-object checks and the audit record of a refusal.
 * See toegang.h.
 */
#include "core/toegang/toegang.h"

#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/basis/audit.h"

bool toegang_ziet_alles(const struct principal *who)
{
	return who && (who->roles & (ROL_BEHEERDER | ROL_AUDITOR)) != 0;
}

bool toegang_mag_organisatie(const struct principal *who, int64_t organisatie_id)
{
	if (!who || organisatie_id <= 0)
		return false;
	if (toegang_ziet_alles(who))
		return true;
	return who->organisatie_id > 0 && who->organisatie_id == organisatie_id;
}

bool toegang_mag_een_van(const struct principal *who, const int64_t *organisatie_ids, size_t n)
{
	for (size_t i = 0; organisatie_ids && i < n; i++)
		if (toegang_mag_organisatie(who, organisatie_ids[i]))
			return true;
	return false;
}

rc_t toegang_weiger(struct store *s, const struct principal *who, rc_t rc,
		    const char *object, const char *waarom, struct error *e)
{
	json_t *d = json_pack("{s:s, s:i}", "reden", waarom ? waarom : "", "status", rc_http_status(rc));
	char *detail = d ? json_dumps(d, JSON_COMPACT) : NULL;
	json_decref(d);
	struct audit_entry entry = {
		.actor = who && who->actor ? who->actor : "anoniem",
		.actie = "toegang.geweigerd",
		.object = object ? object : "",
		.resultaat = "geweigerd",
		.detail = detail ? detail : "",
	};
	struct error audit_error;
	error_clear(&audit_error);
	rc_t arc = audit_record(s, &entry, &audit_error);
	free(detail);
	if (arc != RC_OK) {
		*e = audit_error;
		return arc;
	}
	if (rc == RC_NOT_FOUND)
		return error_set(e, RC_NOT_FOUND, "%s", TOEGANG_NIET_GEVONDEN);
	return error_set(e, rc, "%s", waarom ? waarom : rc_title(rc));
}

void toegang_weigering_vastleggen(struct store *s, const char *actor, const char *actie,
				  const char *object, const struct error *why)
{
	json_t *codes = json_array();
	for (size_t i = 0; codes && i < why->item_count; i++)
		json_array_append_new(codes, json_string(why->items[i].code));
	json_t *d = json_pack("{s:s, s:o}", "fout", rc_name(why->rc), "codes",
			      codes ? codes : json_array());
	char *detail = d ? json_dumps(d, JSON_COMPACT) : NULL;
	json_decref(d);
	struct audit_entry entry = {actor ? actor : "anoniem", actie, object ? object : "",
				    "geweigerd", detail ? detail : ""};
	struct error ignored;
	error_clear(&ignored);
	(void)audit_record(s, &entry, &ignored);
	free(detail);
}

void toegang_verplicht(struct error *e, const char *field, const char *detail)
{
	for (size_t i = 0; i < e->item_count; i++)
		if (strcmp(e->items[i].field, field) == 0)
			return;
	error_add(e, field, "verplicht", NULL, "%s", detail);
}
