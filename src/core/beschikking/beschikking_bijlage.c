/*
 * beschikking_bijlage.c -- attachments read through their beschikking.
 * See beschikking_bijlage.h.
 */
#include "core/beschikking/beschikking_bijlage.h"

#include <inttypes.h>
#include <stdio.h>
#include <string.h>

#include "core/beschikking/beschikking.h"

int64_t beschikking_bijlage_object(const char *object)
{
	static const char *const soorten[] = {"mijlpaal/", "verantwoording/"};
	for (size_t i = 0; object && i < sizeof soorten / sizeof soorten[0]; i++) {
		size_t n = strlen(soorten[i]);
		if (strncmp(object, soorten[i], n) != 0)
			continue;
		int64_t id = 0;
		int k = 0;
		if (sscanf(object + n, "%" SCNd64 "/%n", &id, &k) == 1 && k > 0 && id > 0)
			return id;
	}
	return 0;
}

rc_t beschikking_bijlage_open(struct store *s, struct arena *arena, const struct principal *who,
			      int64_t id, struct bijlage *out, const unsigned char **data, size_t *len,
			      struct error *e)
{
	const unsigned char *inhoud = NULL;
	size_t lengte = 0;
	rc_t rc = bijlage_lees(s, arena, id, out, &inhoud, &lengte, e);
	if (rc != RC_OK)
		return rc;
	int64_t beschikking_id = beschikking_bijlage_object(out->object);
	struct beschikking b;
	struct error stil;
	error_clear(&stil);
	if (!beschikking_id || beschikking_open(s, arena, who, beschikking_id, &b, &stil) != RC_OK)
		return error_set(e, RC_NOT_FOUND, "Bijlage %" PRId64 " bestaat niet.", id);
	*data = inhoud;
	*len = lengte;
	return RC_OK;
}
