/* test_sociaal.c -- the social-domain track's rules (docs/sociaal-domein.md):
 * the region set's validation and the work agenda's deviations (pure), and
 * the SPUK's money under a seeded random workload on both backends.
 *
 * The workload: VWS allocates 2027 and 2028 (each once), pays decisions
 * (only where the region's agenda is approved), municipalities account for
 * random years and amounts, some final. After every step the outcome is the
 * model's (accepted, or refused with RC_CONFLICT / RC_INVALID and nothing
 * changed), and the ledger is the model: per year the parts sum exactly to
 * the tranche; sociaal/<jaar> holds the tranche plus what returned, less what
 * is reserved and paid; every spuk/<jaar>/<cbs> holds paid less reclaimed and
 * never goes below zero; the pot never gives more than EUR 200 mln. Every 50
 * steps and at the end the ledger replays; at the end `hledger check -s`
 * accepts the journal.
 *
 *   DOORBRAAK_SEED=n, DOORBRAAK_STAPPEN=n (default 400 on SQLite, 200 on PostgreSQL)
 */
#include <inttypes.h>
#include <sodium.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "harness.h"
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wformat-truncation"
#include "testdb.h"
#pragma GCC diagnostic pop
#include "invariant.h"

#include "core/basis/embedded.h"
#include "core/catalogus/catalogus.h"
#include "core/sociaal/sociaal.h"
#include "core/toegang/rol.h"
#include "store/store_partijen.h"
#include "store/store_sociaal.h"

static json_t *standaard_indeling(void)
{
	const struct embedded_file *f = embedded_find("data/regioindeling-2025.json");
	return f ? json_loadb(f->data, f->size, 0, NULL) : NULL;
}

static bool heeft(const struct error *e, const char *code)
{
	for (size_t i = 0; i < e->item_count; i++)
		if (strcmp(e->items[i].code, code) == 0)
			return true;
	return false;
}

TEST(regioindeling_standaard_klopt)
{
	json_t *d = standaard_indeling();
	CHECK(d != NULL);
	struct error e;
	error_clear(&e);
	CHECK(regioindeling_valideer(d, NULL, &e) == RC_OK);
	CHECK(json_array_size(json_object_get(d, "regios")) == 25);
	json_decref(d);
}

TEST(regioindeling_elke_fout_tegelijk)
{
	json_t *d = standaard_indeling();
	json_t *r = json_object_get(d, "regios");
	json_t *a = json_object_get(json_array_get(r, 0), "gemeenten");
	json_t *b = json_object_get(json_array_get(r, 1), "gemeenten");
	json_array_append(a, json_array_get(b, 0));                 /* twice */
	json_array_remove(json_object_get(json_array_get(r, 2), "gemeenten"), 0);   /* one without region */
	json_object_set_new(json_array_get(r, 3), "mandaatgemeente", json_string("0363"));  /* Amsterdam, not VR04 */
	json_array_append_new(json_object_get(json_array_get(r, 4), "gemeenten"), json_string("12x4"));
	struct error e;
	error_clear(&e);
	CHECK(regioindeling_valideer(d, NULL, &e) == RC_INVALID);
	CHECK(heeft(&e, "gemeente_dubbel"));
	CHECK(heeft(&e, "gemeente_zonder_regio"));
	CHECK(heeft(&e, "mandaatgemeente_niet_in_regio"));
	CHECK(heeft(&e, "gemeentecode_ongeldig"));
	json_decref(d);
}

TEST(regioindeling_samenvoeging_is_een_nieuwe_versie)
{
	json_t *vorige = standaard_indeling();
	json_t *d = json_deep_copy(vorige);
	json_object_set_new(d, "peiljaar", json_integer(2026));
	json_t *g = json_object_get(json_array_get(json_object_get(d, "regios"), 1), "gemeenten");
	const char *m = json_string_value(json_object_get(json_array_get(json_object_get(d, "regios"), 1), "mandaatgemeente"));
	char weg1[5] = "", weg2[5] = "";
	for (size_t i = json_array_size(g); i-- > 0;) {
		const char *c = json_string_value(json_array_get(g, i));
		if (strcmp(c, m) == 0 || (*weg1 && *weg2))
			continue;
		snprintf(*weg1 ? weg2 : weg1, 5, "%s", c);
		json_array_remove(g, i);
	}
	json_array_append_new(g, json_string("9901"));
	struct error e;
	error_clear(&e);
	CHECK(regioindeling_valideer(d, vorige, &e) == RC_INVALID);
	CHECK(heeft(&e, "gemeente_verdwenen"));
	CHECK(heeft(&e, "gemeente_nieuw"));
	json_object_set_new(d, "samenvoegingen", json_pack("[{s:[s,s], s:s}]", "opgeheven", weg1, weg2, "nieuw", "9901"));
	error_clear(&e);
	CHECK(regioindeling_valideer(d, vorige, &e) == RC_OK);
	json_decref(d);
	json_decref(vorige);
}

TEST(werkagenda_afwijkingen_van_het_advies)
{
	json_t *scan = json_pack("{s:[{s:s, s:s}, {s:s, s:s}, {s:s, s:s}]}", "basisfunctionaliteiten",
				 "id", "a", "advies", "versnellen", "id", "b", "advies", "niet_versnellen", "id", "c",
				 "advies", "versnellen");
	json_t *agenda = json_pack("{s:[{s:s, s:b}, {s:s, s:b, s:s}, {s:s, s:b}]}", "basisfunctionaliteiten",
				   "id", "a", "versnellen", 1, "id", "b", "versnellen", 1, "motivering_afwijking",
				   "Regionale prioriteit.", "id", "c", "versnellen", 0);
	struct afwijking_lijst *l = malloc(sizeof *l);
	werkagenda_afwijkingen(agenda, scan, l);
	CHECK(l->aantal == 2);
	CHECK(strcmp(l->items[0].element, "regioscan.advies[b]") == 0 && l->items[0].toegelicht);
	CHECK(strcmp(l->items[1].veld, "/basisfunctionaliteiten/2/motivering_afwijking") == 0 && !l->items[1].toegelicht);
	CHECK(l->items[1].soort == AFWIJKING_REGIOSCAN_ADVIES);
	CHECK(afwijking_zonder_toelichting(l) == 1);
	werkagenda_afwijkingen(agenda, NULL, l);   /* no scan: nothing to deviate from */
	CHECK(l->aantal == 0);
	free(l);
	json_decref(scan);
	json_decref(agenda);
}

/* ---- the money under a random workload ---- */

static uint64_t rng;
static uint64_t rnd(void)
{
	uint64_t z = (rng += 0x9e3779b97f4a7c15ULL);
	z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
	z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
	return z ^ (z >> 31);
}
static int64_t rnd_tot(int64_t n) { return n > 0 ? (int64_t)(rnd() % (uint64_t)n) : 0; }
static unsigned long long seed_van_proces;

#define NREGIO 25
#define NJAAR 2

struct deel {
	int64_t id, bedrag, betaald, besteed, terug;
	bool eind, jaren[3];
	char cbs[5], regio[8];
};

struct model {
	struct store *s;
	json_t *indeling;
	int64_t org[NREGIO];
	char cbs[NREGIO][5], regio[NREGIO][8];
	bool goed[NREGIO];
	bool toegekend[NJAAR];
	struct deel delen[NJAAR][NREGIO];
	size_t n[NJAAR];
	struct principal vws;
	int gedaan[3], geweigerd[3];
};

static int64_t tranche(int j) { (void)j; return INT64_C(10000000000); }

struct setup_ctx { struct model *m; };

static rc_t setup_tx(struct store *s, void *ctx, struct error *e)
{
	struct model *m = ((struct setup_ctx *)ctx)->m;
	rc_t rc = RC_OK;
	for (size_t i = 0; rc == RC_OK && i < NREGIO; i++) {
		json_t *r = json_array_get(json_object_get(m->indeling, "regios"), i);
		snprintf(m->regio[i], sizeof m->regio[i], "%s", json_string_value(json_object_get(r, "code")));
		snprintf(m->cbs[i], sizeof m->cbs[i], "%s", json_string_value(json_object_get(r, "mandaatgemeente")));
		rc = store_organisatie_insert(s, "gemeente", m->cbs[i], NULL, NULL, NULL, NULL, m->cbs[i], 2025, NULL, NULL, false,
					      "2026-12-01T00:00:00Z", "test", &m->org[i], e);
		m->goed[i] = i % 5 != 0;   /* one region in five without an approved agenda */
		if (rc == RC_OK && m->goed[i]) {
			int64_t id = 0;
			rc = store_werkagenda_voeg_toe(s, m->regio[i], 1, 1, 0, "{}", 0, "2026-09-01T00:00:00Z", "test",
						       m->org[i], &id, e);
			if (rc == RC_OK)
				rc = store_werkagenda_status(s, id, "definitief", "2026-09-20T00:00:00Z", e);
			if (rc == RC_OK)
				rc = store_sociaal_beoordeling_voeg_toe(s, id, "vng", m->org[i], 1, "positief", "{}",
									"2026-10-01T00:00:00Z", "test", e);
			if (rc == RC_OK)
				rc = store_sociaal_beoordeling_voeg_toe(s, id, "zn", m->org[i], 1, "positief", "{}",
									"2026-10-01T00:00:00Z", "test", e);
		}
	}
	return rc;
}

static bool saldo(struct store *s, const char *code, struct rekening *r)
{
	struct error e;
	error_clear(&e);
	memset(r, 0, sizeof *r);
	return grootboek_saldo(s, code, r, &e) == RC_OK;
}

/* The ledger against the model; false (with a message) when it differs. */
static bool grootboek_klopt(struct model *m, int stap)
{
	struct rekening r;
	for (int j = 0; j < NJAAR; j++) {
		if (!m->toegekend[j])
			continue;
		char code[48];
		int64_t gereserveerd = 0, betaald = 0, terug = 0, som = 0;
		for (size_t i = 0; i < m->n[j]; i++) {
			struct deel *d = &m->delen[j][i];
			som += d->bedrag;
			if (d->betaald)
				betaald += d->betaald;
			else
				gereserveerd += d->bedrag;
			terug += d->terug;
			snprintf(code, sizeof code, "spuk/%d/%s", 2027 + j, d->cbs);
			if (!saldo(m->s, code, &r) || r.credit_geboekt_cent != d->betaald || r.debet_geboekt_cent != d->terug ||
			    r.credit_gereserveerd_cent != (d->betaald ? 0 : d->bedrag) || d->terug > d->betaald) {
				printf("  # stap %d: %s wijkt af (credit %" PRId64 ", debet %" PRId64 ")\n", stap, code,
				       r.credit_geboekt_cent, r.debet_geboekt_cent);
				return false;
			}
		}
		snprintf(code, sizeof code, "sociaal/%d", 2027 + j);
		if (som != tranche(j) || !saldo(m->s, code, &r) || r.credit_geboekt_cent != tranche(j) + terug ||
		    r.debet_geboekt_cent != betaald || r.debet_gereserveerd_cent != gereserveerd ||
		    rekening_ruimte_cent(&r) < 0) {
			printf("  # stap %d: %s wijkt af of delen %" PRId64 " != tranche\n", stap, code, som);
			return false;
		}
	}
	if (saldo(m->s, "sociaal", &r) && r.debet_geboekt_cent > r.credit_geboekt_cent) {
		printf("  # stap %d: de pot geeft meer dan hij heeft\n", stap);
		return false;
	}
	return true;
}

static void toeken(struct model *m, struct arena *a)
{
	int j = (int)rnd_tot(NJAAR);
	json_t *body = json_pack("{s:i}", "jaar", 2027 + j), *uit = NULL;
	struct error e;
	error_clear(&e);
	rc_t rc = spuk_toeken(m->s, &m->vws, NULL, body, a, &uit, &e);
	json_decref(body);
	if (m->toegekend[j]) {
		CHECK(rc == RC_CONFLICT);
		m->geweigerd[0]++;
		return;
	}
	CHECK(rc == RC_OK);
	if (rc != RC_OK) {
		printf("  # toekenning: %s\n", e.message);
		return;
	}
	m->toegekend[j] = true;
	m->gedaan[0]++;
	json_t *lijst = NULL;
	error_clear(&e);
	CHECK(spuk_beschikkingen(m->s, &m->vws, 0, 2027 + j, a, &lijst, &e) == RC_OK);
	size_t i;
	json_t *b;
	json_array_foreach(json_object_get(lijst, "beschikkingen"), i, b) {
		struct deel *d = &m->delen[j][m->n[j]++];
		memset(d, 0, sizeof *d);
		d->id = json_integer_value(json_object_get(b, "id"));
		d->bedrag = json_integer_value(json_object_get(b, "bedrag_cent"));
		snprintf(d->cbs, sizeof d->cbs, "%s", json_string_value(json_object_get(b, "cbs_code")));
		snprintf(d->regio, sizeof d->regio, "%s", json_string_value(json_object_get(b, "regio")));
	}
	CHECK(m->n[j] == NREGIO);
	json_decref(lijst);
	json_decref(uit);
}

static int regio_index(struct model *m, const char *regio)
{
	for (int i = 0; i < NREGIO; i++)
		if (strcmp(m->regio[i], regio) == 0)
			return i;
	return -1;
}

static void betaal(struct model *m, struct arena *a)
{
	int j = (int)rnd_tot(NJAAR);
	if (!m->toegekend[j])
		return;
	struct deel *d = &m->delen[j][rnd_tot((int64_t)m->n[j])];
	json_t *uit = NULL;
	struct error e;
	error_clear(&e);
	rc_t rc = spuk_betaal(m->s, &m->vws, NULL, d->id, a, &uit, &e);
	json_decref(uit);
	int r = regio_index(m, d->regio);
	if (d->betaald || r < 0 || !m->goed[r]) {
		CHECK(rc == RC_CONFLICT);
		m->geweigerd[1]++;
		return;
	}
	CHECK(rc == RC_OK);
	if (rc == RC_OK) {
		d->betaald = d->bedrag;
		m->gedaan[1]++;
	}
}

static void verantwoord(struct model *m, struct arena *a)
{
	int j = (int)rnd_tot(NJAAR);
	if (!m->toegekend[j])
		return;
	size_t k = (size_t)rnd_tot((int64_t)m->n[j]);
	struct deel *d = &m->delen[j][k];
	int r = regio_index(m, d->regio);
	int jaar = 2027 + j + (int)rnd_tot(3 - j);
	int64_t bedrag = rnd_tot(d->bedrag / 2 + 2);
	bool eind = rnd_tot(5) == 0;
	json_t *body = json_pack("{s:i, s:I, s:[{s:s, s:I}], s:b}", "jaar", jaar, "besteed_cent", (json_int_t)bedrag,
				 "basisfunctionaliteiten", "id", "valpreventie", "besteed_cent", (json_int_t)bedrag,
				 "eindverantwoording", eind);
	struct principal who = {.organisatie_id = m->org[r], .roles = ROL_GEMEENTE, .actor = "test:gemeente"};
	json_t *uit = NULL;
	struct error e;
	error_clear(&e);
	rc_t rc = spuk_verantwoord(m->s, &who, NULL, d->id, body, a, &uit, &e);
	json_decref(body);
	json_decref(uit);
	rc_t verwacht = RC_OK;
	if (!d->betaald || d->eind)
		verwacht = RC_CONFLICT;
	else if (d->jaren[jaar - 2027] || d->besteed + bedrag > d->betaald)
		verwacht = RC_INVALID;
	CHECK(d->bedrag > 0);   /* every region has inhabitants: no part is zero */
	CHECK(rc == verwacht);
	if (rc != verwacht) {
		printf("  # verantwoording %s %d: rc %d, verwacht %d: %s\n", d->cbs, jaar, rc, verwacht, e.message);
		return;
	}
	if (rc != RC_OK) {
		m->geweigerd[2]++;
		return;
	}
	m->gedaan[2]++;
	d->jaren[jaar - 2027] = true;
	d->besteed += bedrag;
	if (eind || jaar == 2029) {
		d->eind = true;
		d->terug = d->betaald - d->besteed;
	}
}

DBTEST(spuk_geld)
{
	struct store *s = testdb_open_migrated(url);
	if (!s)
		return;
	struct model *m = calloc(1, sizeof *m);
	m->s = s;
	m->indeling = standaard_indeling();
	struct error e;
	error_clear(&e);
	CHECK(catalogus_laad_standaard(s, NULL, &e) == RC_OK);
	CHECK(sociaal_laad_standaard(s, &e) == RC_OK);
	struct setup_ctx sc = {m};
	CHECK(store_tx(s, STORE_WRITE, setup_tx, &sc, &e) == RC_OK);
	m->vws = (struct principal){.organisatie_id = m->org[0], .roles = ROL_VWS, .actor = "test:vws"};
	rng = seed_van_proces;
	int stappen = invariant_stappen(backend, 400, 200);
	int stap = 0;
	for (; stap < stappen && harness_failed_checks == 0; stap++) {
		struct arena a;
		arena_init(&a, ARENA_VERZOEK_BYTES);
		int actie = (int)rnd_tot(10);
		if (actie == 0)
			toeken(m, &a);
		else if (actie < 5)
			betaal(m, &a);
		else
			verantwoord(m, &a);
		arena_release(&a);
		CHECK(grootboek_klopt(m, stap));
		if (stap % 50 == 49) {
			struct grootboek_herspeling h;
			error_clear(&e);
			CHECK(grootboek_herspeel(s, &h, &e) == RC_OK && h.klopt);
		}
	}
	struct grootboek_herspeling h;
	error_clear(&e);
	CHECK(grootboek_herspeel(s, &h, &e) == RC_OK && h.klopt);
	const char *hl = invariant_hledger(s, "sociaal", backend);
	if (hl)
		printf("  # %s\n", hl);
	CHECK(hl == NULL);
	printf("# %s: %d stappen, seed %llu: toegekend %d (%d geweigerd), betaald %d (%d), verantwoord %d (%d)\n",
	       testdb_backend_name(backend), stap, seed_van_proces, m->gedaan[0], m->geweigerd[0], m->gedaan[1],
	       m->geweigerd[1], m->gedaan[2], m->geweigerd[2]);
	CHECK(m->gedaan[0] == 2 && m->gedaan[1] > 0 && m->gedaan[2] > 0);
	json_decref(m->indeling);
	free(m);
	store_close(s);
}

int main(void)
{
	if (sodium_init() < 0)
		return 1;
	const char *sd = getenv("DOORBRAAK_SEED");
	seed_van_proces = sd && *sd ? strtoull(sd, NULL, 10) : (unsigned long long)time(NULL);
	printf("# sociaal: DOORBRAAK_SEED=%llu\n", seed_van_proces);
	RUN(regioindeling_standaard_klopt);
	RUN(regioindeling_elke_fout_tegelijk);
	RUN(regioindeling_samenvoeging_is_een_nieuwe_versie);
	RUN(werkagenda_afwijkingen_van_het_advies);
	RUN_DB(spuk_geld);
	return HARNESS_END();
}
