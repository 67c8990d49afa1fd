/*
 * store_bijlage.c -- the SQL of attachments. See store_bijlage.h.
 */
#include "store/store_bijlage.h"

#define KOLOMMEN "id, object, naam, mediatype, grootte, sha256, geupload_op, geupload_door"

rc_t store_bijlage_voeg_toe(struct store *s, const char *object, const char *naam,
			    const char *mediatype, int64_t grootte, const char *sha256,
			    const char *inhoud, const char *op, const char *door, int64_t *id_out,
			    struct error *e)
{
	struct store_param p[] = {SP_T(object), SP_T(naam), SP_T(mediatype), SP_I(grootte),
				  SP_T(sha256), SP_T(inhoud), SP_T(op), SP_T(door)};
	return store_query_int(s,
		"INSERT INTO bijlage (object, naam, mediatype, grootte, sha256, inhoud, geupload_op,"
		" geupload_door) VALUES (?, ?, ?, ?, ?, ?, ?, ?) RETURNING id",
		p, 8, id_out, e);
}

rc_t store_bijlage_lees(struct store *s, int64_t id, struct arena *arena, struct store_rows *out,
			struct error *e)
{
	struct store_param p[] = {SP_I(id)};
	return store_query(s, "SELECT " KOLOMMEN ", inhoud FROM bijlage WHERE id = ?", p, 1, arena,
			   out, e);
}

rc_t store_bijlage_lijst(struct store *s, const char *object, struct arena *arena,
			 struct store_rows *out, struct error *e)
{
	struct store_param p[] = {SP_T(object)};
	return store_query(s, "SELECT " KOLOMMEN " FROM bijlage WHERE object = ? ORDER BY id", p, 1,
			   arena, out, e);
}
