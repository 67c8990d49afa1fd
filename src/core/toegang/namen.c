/*
 * namen.c -- the names beside the references of an answer. See namen.h.
 *
 * Two walks over the answer: the first gathers every referenced id per
 * kind, then one read transaction looks them all up (sorted, unique,
 * STORE_NAMEN_PER_VRAAG per query), the second adds the names.
 */
#include "core/toegang/namen.h"

#include <inttypes.h>
#include <stdlib.h>
#include <string.h>

#include "store/store_partijen.h"

#define SOORTEN 4
#define SLEUTEL_MAX 64          /* longest key that gets a name beside it */
#define TOEVOEGINGEN_MAX 32     /* names added to one object */

/* The keys holding an organisation's id; the name goes in "<prefix>_naam". */
static const char *const organisatie_sleutels[] = {
	"organisatie_id", "penvoerder_id", "verzekeraar_id", "coordinerend_verzekeraar_id",
	"tweede_verzekeraar_id",
};

/* The keys holding an account's id; the person's name goes in "<prefix>_naam". */
static const char *const gebruiker_sleutels[] = {"behandelaar_id", "gebruiker_id"};

/* The keys holding a ledger account ("project/<id>"); the project's title
 * goes in "<key>_naam". */
static const char *const rekening_sleutels[] = {"debet", "credit", "rekening"};

/* What a party wrote or signed and may send back unchanged. */
static const char *const overslaan[] = {"document", "ontvangstbewijs", "open_velden"};

struct gevonden {
	int64_t id;
	const char *tekst;
};

struct namen_ctx {
	struct arena *a;
	int64_t *ids[SOORTEN];
	size_t n[SOORTEN], cap[SOORTEN];
	struct gevonden *r[SOORTEN];
	size_t rn[SOORTEN];
	bool vol;   /* out of memory while gathering */
};

/* An actor key: "actor", "door" or "<x>_door". */
static bool actor_sleutel(const char *k);

static bool eindigt_op(const char *s, const char *staart)
{
	size_t n = strlen(s), m = strlen(staart);
	return n >= m && strcmp(s + n - m, staart) == 0;
}

static bool in_lijst(const char *k, const char *const *lijst, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (strcmp(k, lijst[i]) == 0)
			return true;
	return false;
}

#define IN(k, l) in_lijst(k, l, sizeof l / sizeof l[0])

static bool actor_sleutel(const char *k)
{
	return strcmp(k, "actor") == 0 || strcmp(k, "door") == 0 || eindigt_op(k, "_door");
}

/* The kind and id of an actor text "gebruiker:12" / "token:3"; false for
 * anything else. */
static bool actor_verwijzing(const char *actor, enum store_naam_soort *soort, int64_t *id)
{
	const char *getal;
	if (strncmp(actor, "gebruiker:", 10) == 0)
		*soort = STORE_NAAM_GEBRUIKER, getal = actor + 10;
	else if (strncmp(actor, "token:", 6) == 0)
		*soort = STORE_NAAM_TOKEN, getal = actor + 6;
	else
		return false;
	char *eind;
	long long v = strtoll(getal, &eind, 10);
	if (eind == getal || *eind || v <= 0)
		return false;
	*id = v;
	return true;
}

/* The reference key `k` with value `v` makes: the kind and id, and whether
 * it is one at all. */
static bool verwijzing(const char *k, json_t *v, enum store_naam_soort *soort, int64_t *id)
{
	if (json_is_string(v) && actor_sleutel(k))
		return actor_verwijzing(json_string_value(v), soort, id);
	if (json_is_string(v) && IN(k, rekening_sleutels) && strncmp(json_string_value(v), "project/", 8) == 0) {
		/* a ledger account of a project: "project/<application id>" */
		char *eind;
		long long x = strtoll(json_string_value(v) + 8, &eind, 10);
		if (*eind || x <= 0)
			return false;
		*soort = STORE_NAAM_AANVRAAG, *id = x;
		return true;
	}
	if (!json_is_integer(v) || json_integer_value(v) <= 0)
		return false;
	*id = json_integer_value(v);
	if (strcmp(k, "aanvraag_id") == 0)
		*soort = STORE_NAAM_AANVRAAG;
	else if (IN(k, organisatie_sleutels))
		*soort = STORE_NAAM_ORGANISATIE;
	else if (IN(k, gebruiker_sleutels))
		*soort = STORE_NAAM_GEBRUIKER;
	else
		return false;
	return true;
}

/* The key the name goes into, in `out`; false when it does not fit. */
static bool naam_sleutel(const char *k, enum store_naam_soort soort, char out[SLEUTEL_MAX + 16])
{
	size_t n = strlen(k);
	if (n > SLEUTEL_MAX)
		return false;
	if (soort == STORE_NAAM_AANVRAAG && strcmp(k, "aanvraag_id") == 0)
		strcpy(out, "aanvraag_titel");
	else if (soort == STORE_NAAM_AANVRAAG)
		memcpy(out, k, n), strcpy(out + n, "_naam");   /* a ledger account */
	else if (soort == STORE_NAAM_ORGANISATIE || eindigt_op(k, "_id"))
		memcpy(out, k, n - 3), strcpy(out + n - 3, "_naam");   /* "<prefix>_id" */
	else
		memcpy(out, k, n), strcpy(out + n, "_naam");
	return true;
}

static void voeg_id(struct namen_ctx *c, enum store_naam_soort soort, int64_t id)
{
	if (c->n[soort] == c->cap[soort]) {
		size_t cap = c->cap[soort] ? 2 * c->cap[soort] : 64;
		int64_t *nieuw = realloc(c->ids[soort], cap * sizeof *nieuw);
		if (!nieuw) {
			c->vol = true;
			return;
		}
		c->ids[soort] = nieuw, c->cap[soort] = cap;
	}
	c->ids[soort][c->n[soort]++] = id;
}

static void verzamel(struct namen_ctx *c, json_t *v)
{
	size_t i;
	const char *k;
	json_t *x;
	enum store_naam_soort soort;
	int64_t id;
	if (json_is_array(v)) {
		json_array_foreach(v, i, x)
			verzamel(c, x);
		return;
	}
	json_object_foreach(v, k, x) {
		if (IN(k, overslaan))
			continue;
		if (verwijzing(k, x, &soort, &id))
			voeg_id(c, soort, id);
		else if (json_is_object(x) || json_is_array(x))
			verzamel(c, x);
	}
}

static int vergelijk_id(const void *a, const void *b)
{
	int64_t x = *(const int64_t *)a, y = *(const int64_t *)b;
	return (x > y) - (x < y);
}

static int vergelijk_gevonden(const void *a, const void *b)
{
	return vergelijk_id(&((const struct gevonden *)a)->id, &((const struct gevonden *)b)->id);
}

/* The words of one row of kind `soort`, in the arena. */
static const char *rij_tekst(struct arena *a, enum store_naam_soort soort, const struct store_rows *r, size_t i)
{
	const char *naam = store_text(r, i, 1), *functie = store_text(r, i, 2), *org = store_text(r, i, 3);
	switch (soort) {
	case STORE_NAAM_GEBRUIKER:
		return functie ? arena_printf(a, "%s, %s, %s", naam, functie, org) : arena_printf(a, "%s, %s", naam, org);
	case STORE_NAAM_TOKEN:
		return arena_printf(a, "API-sleutel '%s' van %s", naam, org);
	case STORE_NAAM_ORGANISATIE:
		return arena_strdup(a, naam);
	case STORE_NAAM_AANVRAAG:
		return naam ? arena_strdup(a, naam) : arena_printf(a, "Aanvraag van %s", org);
	}
	return NULL;
}

static rc_t zoek_tx(struct store *s, void *ctx, struct error *e)
{
	struct namen_ctx *c = ctx;
	for (int soort = 0; soort < SOORTEN; soort++) {
		c->rn[soort] = 0;
		for (size_t i = 0; i < c->n[soort]; i += STORE_NAMEN_PER_VRAAG) {
			size_t n = c->n[soort] - i < STORE_NAMEN_PER_VRAAG ? c->n[soort] - i : STORE_NAMEN_PER_VRAAG;
			struct store_rows r;
			rc_t rc = store_namen(s, (enum store_naam_soort)soort, c->ids[soort] + i, n, c->a, &r, e);
			if (rc != RC_OK)
				return rc;
			for (size_t j = 0; j < r.nrows; j++) {
				const char *t = rij_tekst(c->a, (enum store_naam_soort)soort, &r, j);
				if (!t)
					return error_set(e, RC_NOMEM, "Onvoldoende geheugen.");
				c->r[soort][c->rn[soort]++] = (struct gevonden){store_int(&r, j, 0, 0), t};
			}
		}
		if (c->rn[soort] > 1)   /* qsort of NULL, 0 is undefined */
			qsort(c->r[soort], c->rn[soort], sizeof *c->r[soort], vergelijk_gevonden);
	}
	return RC_OK;
}

static const char *gevonden_tekst(const struct namen_ctx *c, enum store_naam_soort soort, int64_t id)
{
	struct gevonden sleutel = {id, NULL};
	const struct gevonden *g = c->rn[soort]
		? bsearch(&sleutel, c->r[soort], c->rn[soort], sizeof sleutel, vergelijk_gevonden) : NULL;
	return g ? g->tekst : NULL;
}

/* The words for actors that are no account or token; NULL for those that are. */
static const char *actor_woorden(const char *actor)
{
	if (strcmp(actor, "cli") == 0)
		return "beheer via de opdrachtregel";
	if (strcmp(actor, "systeem") == 0)
		return "doorbraak (automatisch)";
	if (strcmp(actor, "demo") == 0)
		return "demogegevens";
	if (strncmp(actor, "migratie:", 9) == 0)
		return "installatie van doorbraak";
	if (strncmp(actor, "anoniem", 7) == 0)
		return "anonieme bezoeker";
	return NULL;
}

static void zet(const struct namen_ctx *c, json_t *v)
{
	size_t i, n = 0;
	const char *k;
	json_t *x;
	struct { char sleutel[SLEUTEL_MAX + 16]; const char *tekst; } bij[TOEVOEGINGEN_MAX];
	enum store_naam_soort soort;
	int64_t id;
	if (json_is_array(v)) {
		json_array_foreach(v, i, x)
			zet(c, x);
		return;
	}
	json_object_foreach(v, k, x) {
		if (IN(k, overslaan))
			continue;
		bool actor = json_is_string(x) && actor_sleutel(k);
		const char *t = NULL;
		if (verwijzing(k, x, &soort, &id))
			t = gevonden_tekst(c, soort, id);
		else if (actor)
			t = actor_woorden(json_string_value(x));
		else if (json_is_object(x) || json_is_array(x))
			zet(c, x);
		if (t && n < TOEVOEGINGEN_MAX && naam_sleutel(k, actor ? STORE_NAAM_GEBRUIKER : soort, bij[n].sleutel)
		    && !json_object_get(v, bij[n].sleutel))
			bij[n++].tekst = t;
	}
	for (i = 0; i < n; i++)
		json_object_set_new(v, bij[i].sleutel, json_string(bij[i].tekst));
}

rc_t namen_verrijk(struct store *s, struct arena *arena, json_t *antwoord, struct error *e)
{
	struct namen_ctx c = {.a = arena};
	if (!json_is_object(antwoord) && !json_is_array(antwoord))
		return RC_OK;
	verzamel(&c, antwoord);
	rc_t rc = c.vol ? error_set(e, RC_NOMEM, "Onvoldoende geheugen.") : RC_OK;
	bool iets = false;
	for (int soort = 0; rc == RC_OK && soort < SOORTEN; soort++) {
		size_t u = 0;
		if (c.n[soort] > 1)
			qsort(c.ids[soort], c.n[soort], sizeof *c.ids[soort], vergelijk_id);
		for (size_t i = 0; i < c.n[soort]; i++)
			if (u == 0 || c.ids[soort][u - 1] != c.ids[soort][i])
				c.ids[soort][u++] = c.ids[soort][i];
		c.n[soort] = u;
		iets |= u > 0;
		if (u && !(c.r[soort] = arena_alloc(arena, u * sizeof *c.r[soort])))
			rc = error_set(e, RC_NOMEM, "Onvoldoende geheugen.");
	}
	if (rc == RC_OK && iets)
		rc = store_tx(s, STORE_READ, zoek_tx, &c, e);
	if (rc == RC_OK)
		zet(&c, antwoord);
	for (int soort = 0; soort < SOORTEN; soort++)
		free(c.ids[soort]);
	return rc;
}

const char *namen_actor(struct store *s, struct arena *arena, const char *actor, struct error *e)
{
	const char *woorden = actor ? actor_woorden(actor) : NULL;
	if (!actor || woorden)
		return woorden;
	json_t *o = json_pack("{s:s}", "actor", actor);
	const char *t = NULL;
	if (o && namen_verrijk(s, arena, o, e) == RC_OK) {
		const char *n = json_string_value(json_object_get(o, "actor_naam"));
		t = n ? arena_strdup(arena, n) : NULL;
	}
	json_decref(o);
	return t;
}

rc_t namen_persoon_tx(struct store *s, struct arena *arena, const char *actor, const char **naam,
		      const char **functie, struct error *e)
{
	enum store_naam_soort soort;
	int64_t id;
	*naam = *functie = NULL;
	if (!actor || !actor_verwijzing(actor, &soort, &id) || soort != STORE_NAAM_GEBRUIKER)
		return RC_OK;
	struct store_rows r;
	rc_t rc = store_namen(s, STORE_NAAM_GEBRUIKER, &id, 1, arena, &r, e);
	if (rc == RC_OK && r.nrows == 1) {
		*naam = store_text(&r, 0, 1);
		*functie = store_text(&r, 0, 2);
	}
	return rc;
}

struct persoon_ctx {
	struct arena *a;
	const char *actor, **naam, **functie;
};

static rc_t persoon_tx(struct store *s, void *ctx, struct error *e)
{
	struct persoon_ctx *c = ctx;
	return namen_persoon_tx(s, c->a, c->actor, c->naam, c->functie, e);
}

rc_t namen_persoon(struct store *s, struct arena *arena, const char *actor, const char **naam,
		   const char **functie, struct error *e)
{
	struct persoon_ctx c = {arena, actor, naam, functie};
	return store_tx(s, STORE_READ, persoon_tx, &c, e);
}
