/* test_json.c -- bounded decoding and typed readers. */
#include <string.h>

#include "core/basis/json.h"
#include "harness.h"

static rc_t decode(const char *text, json_t **out, struct error *e)
{
	error_clear(e);
	return json_decode_object(text, strlen(text), 1024, NULL, out, e);
}

TEST(accepts_object)
{
	struct error e;
	json_t *v = NULL;
	CHECK(decode("{\"a\": 1, \"b\": [true, null]}", &v, &e) == RC_OK);
	CHECK(json_is_object(v));
	json_decref(v);
}

TEST(rejects_duplicate_keys)
{
	struct error e;
	json_t *v = NULL;
	CHECK(decode("{\"a\": 1, \"a\": 2}", &v, &e) == RC_BAD_JSON);
	CHECK(strstr(e.message, "Dubbele sleutel") != NULL);
	CHECK(v == NULL);
}

TEST(rejects_syntax_with_position)
{
	struct error e;
	json_t *v = NULL;
	CHECK(decode("{\"a\": }", &v, &e) == RC_BAD_JSON);
	CHECK(strstr(e.message, "kolom") != NULL);
	CHECK(decode("", &v, &e) == RC_BAD_JSON);
	CHECK(decode("[1,2]", &v, &e) == RC_BAD_JSON);
	CHECK(decode("{\"a\": \"\\u0000\"}", &v, &e) == RC_BAD_JSON);
	CHECK(decode("{\"a\": \"\xff\"}", &v, &e) == RC_BAD_JSON);
}

TEST(rejects_depth_and_size)
{
	struct error e;
	json_t *v = NULL;
	char deep[200];
	size_t n = 0;
	deep[n++] = '{';
	deep[n++] = '"', deep[n++] = 'a', deep[n++] = '"', deep[n++] = ':';
	for (int i = 0; i < JSON_MAX_DEPTH; i++)
		deep[n++] = '[';
	for (int i = 0; i < JSON_MAX_DEPTH; i++)
		deep[n++] = ']';
	deep[n++] = '}';
	deep[n] = '\0';
	CHECK(decode(deep, &v, &e) == RC_BAD_JSON);
	CHECK(strstr(e.message, "genest") != NULL);
	char big[2048];
	memset(big, ' ', sizeof big - 1);
	big[0] = '{', big[sizeof big - 2] = '}', big[sizeof big - 1] = '\0';
	CHECK(decode(big, &v, &e) == RC_TOO_LARGE);
	/* brackets inside strings do not count as depth */
	CHECK(json_depth("{\"a\":\"[[[[[[\"}", 13, 3) == 1);
}

TEST(readers_collect_all_problems)
{
	struct error e;
	json_t *v = NULL;
	CHECK(decode("{\"naam\": 5, \"x\": 1, \"bedrag_cent\": \"veel\"}", &v, &e) == RC_OK);
	error_clear(&e);
	const char *naam = NULL;
	int64_t bedrag = 0;
	bool vlag;
	CHECK(!json_get_string(v, "naam", true, "", &naam, &e));
	CHECK(!json_get_int(v, "bedrag_cent", true, "", &bedrag, &e));
	CHECK(!json_get_bool(v, "vlag", true, "", &vlag, &e));
	static const char *const allowed[] = {"naam", "bedrag_cent", "vlag", NULL};
	json_reject_unknown(v, allowed, "", &e);
	CHECK(e.rc == RC_INVALID);
	CHECK(e.item_count == 4);
	CHECK(strcmp(e.items[0].field, "/naam") == 0);
	CHECK(strcmp(e.items[2].code, "required") == 0);
	CHECK(strcmp(e.items[3].field, "/x") == 0);
	json_decref(v);
}

TEST(pointer_escapes_and_never_splits_an_escape)
{
	char p[16] = "";
	size_t n = json_pointer_erbij(p, 0, sizeof p, "a/b~c");
	CHECK(strcmp(p, "/a~1b~0c") == 0 && n == strlen(p));
	n = json_pointer_erbij(p, n, sizeof p, "0");
	CHECK(strcmp(p, "/a~1b~0c/0") == 0);
	/* 10 + "/" + "~1~1~1" would be 17: truncated before an escape, NUL within cap */
	n = json_pointer_erbij(p, n, sizeof p, "///");
	CHECK(n < sizeof p && strlen(p) == n && p[n - 1] != '~');
}

int main(void)
{
	RUN(accepts_object);
	RUN(rejects_duplicate_keys);
	RUN(rejects_syntax_with_position);
	RUN(rejects_depth_and_size);
	RUN(readers_collect_all_problems);
	RUN(pointer_escapes_and_never_splits_an_escape);
	return HARNESS_END();
}
