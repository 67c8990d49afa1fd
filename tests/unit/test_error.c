/* test_error.c -- the rc table and struct error. */
#include <string.h>

#include "core/basis/error.h"
#include "harness.h"

TEST(every_rc_has_a_row)
{
	for (int rc = 0; rc < RC__COUNT; rc++) {
		CHECK(rc_http_status((rc_t)rc) >= 200);
		CHECK(rc_title((rc_t)rc) != NULL && rc_title((rc_t)rc)[0] != '\0');
		CHECK(rc_name((rc_t)rc) != NULL && rc_name((rc_t)rc)[0] != '\0');
		CHECK((rc_exit_code((rc_t)rc) == 0) == (rc == RC_OK));
	}
}

TEST(statuses_follow_nlgov)
{
	CHECK(rc_http_status(RC_INVALID) == 400);
	CHECK(rc_http_status(RC_BAD_JSON) == 400);
	CHECK(rc_http_status(RC_NOT_FOUND) == 404);
	CHECK(rc_http_status(RC_METHOD) == 405);
	CHECK(rc_http_status(RC_TOO_LARGE) == 413);
	CHECK(rc_http_status(RC_MEDIA_TYPE) == 415);
	CHECK(rc_http_status(RC_UNAUTHENTICATED) == 401);
	CHECK(rc_http_status(RC_FORBIDDEN) == 403);
	CHECK(rc_http_status(RC_CONFLICT) == 409);
	CHECK(rc_http_status((rc_t)999) == 500);
}

TEST(add_collects_every_problem)
{
	struct error e;
	error_clear(&e);
	error_add(&e, "/a", "required", NULL, "a ontbreekt");
	error_add(&e, "/b", "type", "[004 §3]", "b is %s", "fout");
	CHECK(e.rc == RC_INVALID);
	CHECK(e.item_count == 2);
	CHECK(strcmp(e.items[1].detail, "b is fout") == 0);
	CHECK(strcmp(e.items[1].bron, "[004 §3]") == 0);
	for (int i = 0; i < ERROR_ITEMS_MAX + 5; i++)
		error_add(&e, "/x", "x", NULL, "x");
	CHECK(e.item_count == ERROR_ITEMS_MAX);
	CHECK(e.items_dropped == 7);
}

TEST(set_keeps_message_and_returns_rc)
{
	struct error e;
	error_clear(&e);
	CHECK(error_set(&e, RC_CONFLICT, "bestaat al: %d", 7) == RC_CONFLICT);
	CHECK(strcmp(e.message, "bestaat al: 7") == 0);
	error_add(&e, "/f", "c", NULL, "d");
	CHECK(e.rc == RC_CONFLICT); /* an earlier error is not overwritten */
	CHECK(error_set(NULL, RC_IO, "x") == RC_IO);
}

int main(void)
{
	RUN(every_rc_has_a_row);
	RUN(statuses_follow_nlgov);
	RUN(add_collects_every_problem);
	RUN(set_keeps_message_and_returns_rc);
	return HARNESS_END();
}
