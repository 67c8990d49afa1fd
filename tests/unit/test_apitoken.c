/* test_apitoken.c -- API tokens against a fresh SQLite database: four eyes
 * where money moves [BIO 6.1.2] (a person's token for such a role is a
 * request a second administrator approves and receives once), other roles
 * at once, every problem at once, revocation, and the JSON that never
 * shows the token. */
#include <inttypes.h>
#include <sodium.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "core/basis/arena.h"
#include "core/toegang/apitoken.h"
#include "core/toegang/organisatie.h"
#include "harness.h"
#include "testdb.h"

static struct store *db;
static int64_t pb_id, bo_id;
static const struct principal beheerder_a = {.account_id = 1, .organisatie_id = 0, .roles = ROL_BEHEERDER,
					     .actor = "gebruiker:1"};
static const struct principal beheerder_b = {.account_id = 2, .organisatie_id = 0, .roles = ROL_BEHEERDER,
					     .actor = "gebruiker:2"};

static bool heeft_code(const struct error *e, const char *code)
{
	for (size_t i = 0; i < e->item_count; i++)
		if (strcmp(e->items[i].code, code) == 0)
			return true;
	return false;
}

static rc_t wie_is(const char *token, struct principal *who)
{
	struct error e;
	error_clear(&e);
	struct arena a;
	arena_init(&a, ARENA_RIJ_BYTES);
	rc_t rc = apitoken_identificeer(db, token, "GET /api/v1/status", "10.0.0.1", &a, who, &e);
	who->actor = NULL;   /* lived in the arena */
	arena_release(&a);
	return rc;
}

TEST(vier_ogen_waar_geld_beweegt)
{
	struct error e;
	error_clear(&e);
	struct apitoken_aanvraag in = {.organisatie_id = bo_id, .rol = "bestuur", .naam = "koppeling bestuur"};
	struct apitoken_uitgifte uit;
	CHECK(apitoken_maak(db, &beheerder_a, &in, &uit, &e) == RC_OK);
	CHECK(uit.aangevraagd && uit.token[0] == '\0');   /* a request: no token yet */
	struct apitoken_uitgifte eigen;
	error_clear(&e);
	CHECK(apitoken_keur_goed(db, &beheerder_a, uit.id, &eigen, &e) == RC_CONFLICT);
	CHECK(heeft_code(&e, "eigen_aanvraag"));
	struct apitoken_uitgifte goed;
	error_clear(&e);
	CHECK(apitoken_keur_goed(db, &beheerder_b, uit.id, &goed, &e) == RC_OK);
	CHECK(strncmp(goed.token, APITOKEN_VOORVOEGSEL, 4) == 0 && strlen(goed.token) == APITOKEN_TEKST - 1);
	CHECK(strncmp(goed.token, goed.prefix, APITOKEN_PREFIX_LENGTE) == 0);
	struct principal who;
	CHECK(wie_is(goed.token, &who) == RC_OK);
	CHECK(who.roles == ROL_BESTUUR && who.organisatie_id == bo_id && who.account_id == 0);
	error_clear(&e);
	CHECK(apitoken_keur_goed(db, &beheerder_b, uit.id, &goed, &e) == RC_CONFLICT);   /* once */
	CHECK(heeft_code(&e, "niet_aangevraagd"));
	/* revoked: no longer anyone */
	error_clear(&e);
	CHECK(apitoken_intrek(db, &beheerder_a, uit.id, &e) == RC_OK);
	CHECK(wie_is(goed.token, &who) == RC_UNAUTHENTICATED);
	error_clear(&e);
	CHECK(apitoken_keur_goed(db, &beheerder_b, uit.id, &goed, &e) == RC_CONFLICT);
}

TEST(andere_rollen_meteen_en_json_zonder_token)
{
	struct error e;
	error_clear(&e);
	struct apitoken_aanvraag in = {.organisatie_id = pb_id, .rol = "auditor", .naam = "controle"};
	struct apitoken_uitgifte uit;
	CHECK(apitoken_maak(db, &beheerder_a, &in, &uit, &e) == RC_OK);
	CHECK(!uit.aangevraagd && strlen(uit.token) == APITOKEN_TEKST - 1);
	struct principal who;
	CHECK(wie_is(uit.token, &who) == RC_OK && who.roles == ROL_AUDITOR);
	struct arena a;
	arena_init(&a, ARENA_RIJ_BYTES);
	struct apitoken t;
	CHECK(apitoken_lees(db, &a, uit.id, &t, &e) == RC_OK);
	json_t *j = apitoken_json(&t);
	char *tekst = j ? json_dumps(j, 0) : NULL;
	CHECK(tekst && !strstr(tekst, uit.token) && strstr(tekst, uit.prefix));
	CHECK(j && strcmp(json_string_value(json_object_get(j, "status")), "actief") == 0);
	free(tekst);
	json_decref(j);
	arena_release(&a);
}

TEST(elk_probleem_tegelijk)
{
	struct error e;
	error_clear(&e);
	struct apitoken_aanvraag in = {.organisatie_id = pb_id, .rol = "bestuur", .naam = " "};
	struct apitoken_uitgifte uit;
	CHECK(apitoken_maak(db, &beheerder_a, &in, &uit, &e) == RC_INVALID);
	CHECK(e.item_count >= 2);   /* a role that does not fit the organisation, and no name */
	error_clear(&e);
	struct apitoken_aanvraag onbekend = {.organisatie_id = pb_id, .rol = "koning", .naam = "x"};
	CHECK(apitoken_maak(db, &beheerder_a, &onbekend, &uit, &e) == RC_INVALID);
}

int main(void)
{
	if (sodium_init() < 0)
		return 1;
	char pad[128];
	if (!(db = testdb_tijdelijk("test_apitoken", pad, sizeof pad)))
		return 1;
	struct error e;
	error_clear(&e);
	struct arena a;
	arena_init(&a, ARENA_RIJ_BYTES);
	struct organisatie pb, bo;
	if (organisatie_vast_orgaan(db, &a, "programmabureau", &pb, &e) != RC_OK ||
	    organisatie_vast_orgaan(db, &a, "bestuur", &bo, &e) != RC_OK) {
		printf("not ok - setup: %s\n", e.message);
		return 1;
	}
	pb_id = pb.id;
	bo_id = bo.id;
	arena_release(&a);
	RUN(vier_ogen_waar_geld_beweegt);
	RUN(andere_rollen_meteen_en_json_zonder_token);
	RUN(elk_probleem_tegelijk);
	store_close(db);
	unlink(pad);
	return HARNESS_END();
}
