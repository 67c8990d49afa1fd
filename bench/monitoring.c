/* monitoring.c -- monitoring at national scale (issue 17; bench/README.md):
 * the programme monitor, the signals, the open data and the largest
 * streamed XLSX over N granted projects with M milestones each and twelve
 * quarterly reports per project. Not a test: it measures and prints, it
 * asserts nothing.
 *
 *   build/bench_monitoring [URL] [PROJECTEN] [MIJLPALEN]
 *
 * URL: a SQLite file (default var/bench/monitoring.db, removed first) or an
 * empty PostgreSQL database; PROJECTEN default 5000, MIJLPALEN default 10
 * (50,000 milestones). One project goes through the core as the parties
 * would (submitted, assessed, granted by the board, requested jointly,
 * decided by NZa); the others are copies of it made in SQL in one
 * transaction -- their own application, version, grant, joint request and
 * beschikking with M milestones, half of the due ones reported, and a
 * report for each of the twelve quarters -- because building 5,000
 * projects through the core takes long and measures something else.
 * Then each read 20 times (the first, cold, apart): median, p99 (= the
 * slowest of 20) and the peak resident memory it added (VmHWM, reset
 * before each measurement through /proc/self/clear_refs): computed (what
 * the first request after any write pays) and as the route answers it
 * (kept under the database's state, core/basis/antwoordcache.h).
 */
#include <inttypes.h>
#include <sodium.h>
#include <stdlib.h>
#include <time.h>
#include <unistd.h>

#include "bench.h"
#include "../tests/unit/harness.h"
#include "../tests/unit/testdb.h"
#include "../tests/unit/beschikking_testdata.h"

#include "core/basis/werkblad.h"
#include "core/monitoring/monitoring.h"

#define RONDES 20

static const char *const regios[] = {"Groningen", "Friesland", "Drenthe", "IJsselland", "Twente", "Gelderland-Zuid",
	"Utrecht", "Gooi en Vechtstreek", "Amsterdam-Amstelland", "Kennemerland", "Haaglanden", "Rotterdam-Rijnmond",
	"Zuid-Holland Zuid", "Zeeland", "Brabant-Noord", "Limburg-Noord", "Limburg-Zuid", "Flevoland"};

static long hwm_kb(void)
{
	FILE *f = fopen("/proc/self/status", "r");
	char regel[256];
	long kb = -1;
	while (f && fgets(regel, sizeof regel, f))
		if (sscanf(regel, "VmHWM: %ld kB", &kb) == 1)
			break;
	if (f)
		fclose(f);
	return kb;
}

static long rss_kb(void)
{
	FILE *f = fopen("/proc/self/status", "r");
	char regel[256];
	long kb = -1;
	while (f && fgets(regel, sizeof regel, f))
		if (sscanf(regel, "VmRSS: %ld kB", &kb) == 1)
			break;
	if (f)
		fclose(f);
	return kb;
}

static void hwm_reset(void)
{
	FILE *f = fopen("/proc/self/clear_refs", "w");
	if (f) {
		fputs("5", f);
		fclose(f);
	}
}

struct kopie {
	int64_t a0, b0, n0, n, m;
};

static rc_t q(struct store *s, const char *sql, const struct store_param *p, size_t np, int64_t *id, struct error *e)
{
	if (id)
		return store_query_int(s, sql, p, np, id, e);
	return store_query(s, sql, p, np, NULL, NULL, e);
}

/* The copies, in one write transaction. */
static rc_t kopieer_tx(struct store *s, void *ctx, struct error *e)
{
	struct kopie *k = ctx;
	rc_t rc = RC_OK;
	/* M milestones over 2027-03-31 .. 2029-06-30 */
	char mijlpalen[4096] = "[";
	for (int64_t j = 0; j < k->m; j++) {
		int64_t dag = 0;
		klok_datum_lees("2027-03-31", &dag);
		dag += j * (820 / (k->m > 1 ? k->m - 1 : 1));
		char d[16];
		klok_dag_tekst(dag, d, sizeof d);
		size_t len = strlen(mijlpalen);
		snprintf(mijlpalen + len, sizeof mijlpalen - len, "%s{\"id\":\"m%" PRId64 "\",\"streefdatum\":\"%s\",\"bedrag_cent\":%d}",
			 j ? "," : "", j + 1, d, 10000000);
	}
	strcat(mijlpalen, "]");
	for (int64_t i = 1; rc == RC_OK && i < k->n; i++) {
		int64_t a = k->a0 + i, nid = 0, bid = 0;
		char titel[64], kenmerk[64];
		snprintf(titel, sizeof titel, "Bench-project %" PRId64, i);
		snprintf(kenmerk, sizeof kenmerk, "NZa-BENCH-%06" PRId64, i);
		const char *regio = regios[i % (sizeof regios / sizeof regios[0])];
		struct store_param pa[] = {SP_I(a), SP_T(titel), SP_T(regio), SP_I(k->a0)};
		rc = q(s, "INSERT INTO aanvraag (id, ronde_id, penvoerder_id, status, titel, regio, modelplan, modelplan_versie,"
		       " toepassingsgebied, thema, concept_sha256, concept_revisie, concept_indienbaar, concept_route, versie,"
		       " coordinerend_verzekeraar_id, tweede_verzekeraar_id, demo, aangemaakt_op, aangemaakt_door, gewijzigd_op)"
		       " SELECT ?, ronde_id, penvoerder_id, status, ?, ?, modelplan, modelplan_versie, toepassingsgebied, thema,"
		       " concept_sha256, concept_revisie, concept_indienbaar, concept_route, versie, coordinerend_verzekeraar_id,"
		       " tweede_verzekeraar_id, demo, aangemaakt_op, aangemaakt_door, gewijzigd_op FROM aanvraag WHERE id = ?",
		       pa, 4, NULL, e);
		struct store_param pv[] = {SP_I(a), SP_I(k->a0)};
		if (rc == RC_OK)
			rc = q(s, "INSERT INTO aanvraag_versie (aanvraag_id, versie, ronde_id, document, sha256, grootte_bytes,"
			       " ingediend_op_us, ingediend_op, ingediend_door, route, open_velden) SELECT ?, versie, ronde_id,"
			       " document, sha256, grootte_bytes, ingediend_op_us, ingediend_op, ingediend_door, route, open_velden"
			       " FROM aanvraag_versie WHERE aanvraag_id = ?", pv, 2, NULL, e);
		if (rc == RC_OK)
			rc = q(s, "INSERT INTO aanvraag_partij (aanvraag_id, organisatie_id, rol) SELECT ?, organisatie_id, rol"
			       " FROM aanvraag_partij WHERE aanvraag_id = ?", pv, 2, NULL, e);
		if (rc == RC_OK)
			rc = q(s, "INSERT INTO toekenning (besluit_id, aanvraag_id, thema, jaar, bedrag_cent) SELECT besluit_id, ?,"
			       " thema, jaar, bedrag_cent FROM toekenning WHERE aanvraag_id = ?", pv, 2, NULL, e);
		if (rc == RC_OK)
			rc = q(s, "INSERT INTO nza_aanvraag (aanvraag_id, versie, thema, toegekend_cent, bovengrens_cent, jaarverdeling,"
			       " verklaringen, contract_datum, contract_kenmerk, sha256, status, ingediend_op, aangemaakt_op,"
			       " aangemaakt_door, demo) SELECT ?, versie, thema, toegekend_cent, bovengrens_cent, jaarverdeling,"
			       " verklaringen, contract_datum, contract_kenmerk, sha256, status, ingediend_op, aangemaakt_op,"
			       " aangemaakt_door, demo FROM nza_aanvraag WHERE aanvraag_id = ? RETURNING id", pv, 2, &nid, e);
		struct store_param pb[] = {SP_I(nid), SP_I(a), SP_T(kenmerk), SP_T(mijlpalen), SP_I(k->b0)};
		if (rc == RC_OK)
			rc = q(s, "INSERT INTO beschikking (nza_aanvraag_id, aanvraag_id, kenmerk, besluit, bovengrens_cent,"
			       " jaarverdeling, motivering, bevindingen, mijlpalen, genomen_op, genomen_door) SELECT ?, ?, ?, besluit,"
			       " bovengrens_cent, jaarverdeling, motivering, bevindingen, ?, genomen_op, genomen_door FROM beschikking"
			       " WHERE id = ? RETURNING id", pb, 5, &bid, e);
		for (int64_t j = 0; rc == RC_OK && j < k->m / 2; j++) {   /* the first half reported */
			char m[24];
			snprintf(m, sizeof m, "m%" PRId64, j + 1);
			struct store_param pm[] = {SP_I(bid), SP_T(m)};
			rc = q(s, "INSERT INTO mijlpaal_melding (beschikking_id, mijlpaal, bewijs, kenmerk, gemeld_op, gemeld_door)"
			       " VALUES (?, ?, 'Verslag.', NULL, '2027-06-01T10:00:00Z', 'bench')", pm, 2, NULL, e);
		}
		for (int kw = 0; rc == RC_OK && kw < 12; kw++) {
			char per[8];
			snprintf(per, sizeof per, "%d-K%d", 2027 + kw / 4, kw % 4 + 1);
			/* some behind plan, some on it */
			int64_t fte = (i % 3 == 0 ? 5000 : 15000) * (kw + 1);
			struct store_param pr[] = {SP_I(bid), SP_T(per), SP_I(fte), SP_I(INT64_C(40000000) * (kw + 1))};
			rc = q(s, "INSERT INTO projectvoortgang (beschikking_id, periode, versie, document, fte_gerealiseerd_milli,"
			       " besteed_cent, ingediend_op, ingediend_door) VALUES (?, ?, 1,"
			       " '{\"mijlpalen\":[],\"kpis\":[],\"risicos\":[],\"bijsturing\":\"Geen.\",\"meetmethode_gevolgd\":true}',"
			       " ?, ?, '2027-04-20T10:00:00Z', 'bench')", pr, 4, NULL, e);
		}
	}
	return rc;
}

struct meting {
	double p50, p99, koud;
	long hwm_kb;
};

typedef rc_t (*lezer)(struct store *s, struct arena *a, json_t **out, struct error *e);

static int64_t peildag;
static rc_t dashboard(struct store *s, struct arena *a, json_t **out, struct error *e)
{
	return monitoring_dashboard(s, peildag, a, out, e);
}
static rc_t signalen(struct store *s, struct arena *a, json_t **out, struct error *e)
{
	static const struct principal bestuur = {.account_id = 1, .organisatie_id = 1, .roles = ROL_BESTUUR,
						 .actor = "bench"};
	return signalen_lijst(s, &bestuur, peildag, false, 0, 0, a, out, e);
}
static rc_t opendata(struct store *s, struct arena *a, json_t **out, struct error *e)
{
	return opendata_plannen(s, a, out, e);
}

/* The routes' own answers: kept while the database does not change. */
static rc_t dashboard_route(struct store *s, struct arena *a, json_t **out, struct error *e)
{
	const char *t;
	size_t n;
	rc_t rc = monitoring_dashboard_tekst(s, peildag, a, &t, &n, e);
	*out = rc == RC_OK ? json_loadb(t, n, 0, NULL) : NULL;
	return rc;
}
static rc_t opendata_route(struct store *s, struct arena *a, json_t **out, struct error *e)
{
	const char *t;
	size_t n;
	rc_t rc = opendata_plannen_tekst(s, a, &t, &n, e);
	*out = rc == RC_OK ? json_string("") : NULL;   /* the text itself is the answer; not parsed again */
	(void)n;
	return rc;
}

static rc_t kwartaalrapport(struct store *s, struct arena *a, json_t **out, struct error *e)
{
	const void *pdf;
	size_t n;
	rc_t rc = kwartaalrapport_document(s, peildag, true, a, &pdf, &n, e);
	*out = rc == RC_OK ? json_stringn(pdf, 5) : NULL;   /* "%PDF-" */
	(void)n;
	return rc;
}

static bool meet(struct store *s, lezer f, struct meting *m, size_t *grootte)
{
	double t[RONDES];
	hwm_reset();
	long voor = rss_kb();
	for (int i = 0; i < RONDES + 1; i++) {
		struct arena a;
		arena_init(&a, ARENA_REKENEN_BYTES);
		struct error e;
		error_clear(&e);
		json_t *out = NULL;
		double t0 = nu();
		rc_t rc = f(s, &a, &out, &e);
		char *tekst = out ? json_dumps(out, JSON_COMPACT) : NULL;
		double dt = nu() - t0;
		if (grootte && tekst)
			*grootte = strlen(tekst);
		free(tekst);
		json_decref(out);
		arena_release(&a);
		if (rc != RC_OK) {
			fprintf(stderr, "bench_monitoring: %s\n", e.message);
			return false;
		}
		if (i == 0)
			m->koud = dt;
		else
			t[i - 1] = dt;
	}
	m->hwm_kb = hwm_kb() - voor;
	qsort(t, RONDES, sizeof t[0], cmp);
	m->p50 = t[RONDES / 2];
	m->p99 = t[RONDES - 1];
	return true;
}

/* The largest list as a streamed XLSX: the open data, one row per project. */
static bool xlsx(struct store *s, double *sec, size_t *bytes, long *kb)
{
	struct arena a;
	arena_init(&a, ARENA_REKENEN_BYTES);
	struct error e;
	error_clear(&e);
	hwm_reset();
	long voor = rss_kb();
	double t0 = nu();
	json_t *l = NULL;
	if (opendata_plannen(s, &a, &l, &e) != RC_OK)
		return false;
	struct werkblad_kolom k[32];
	size_t n = opendata_kolom_aantal;
	for (size_t i = 0; i < n; i++)
		k[i] = (struct werkblad_kolom){opendata_kolommen[i].naam,
			strcmp(opendata_kolommen[i].type, "integer") == 0 ? WERKBLAD_GETAL : WERKBLAD_TEKST, 0, 0};
	struct werkblad_stroom *w;
	if (werkblad_stroom_begin("Plannen", k, n, &w, &e) != RC_OK)
		return false;
	size_t i;
	json_t *rij;
	json_array_foreach(l, i, rij) {
		struct werkblad_cel c[32];
		for (size_t j = 0; j < n; j++) {
			json_t *v = json_object_get(rij, opendata_kolommen[j].naam);
			c[j] = (struct werkblad_cel){json_is_string(v) ? json_string_value(v) : NULL, json_integer_value(v)};
		}
		werkblad_stroom_rij(w, c);
	}
	int fd;
	rc_t rc = werkblad_stroom_einde(w, &fd, bytes, &e);
	*sec = nu() - t0;
	*kb = hwm_kb() - voor;
	if (rc == RC_OK)
		close(fd);
	json_decref(l);
	arena_release(&a);
	return rc == RC_OK;
}

int main(int argc, char **argv)
{
	if (sodium_init() < 0)
		return 1;
	const char *url = argc > 1 ? argv[1] : "var/bench/monitoring.db";
	int64_t n = argc > 2 ? atoll(argv[2]) : 5000, m = argc > 3 ? atoll(argv[3]) : 10;
	if (n < 1 || n > 100000 || m < 1 || m > 40) {
		fprintf(stderr, "bench_monitoring: PROJECTEN 1..100000, MIJLPALEN 1..40\n");
		return 2;
	}
	bool pg = strncmp(url, "postgres", 8) == 0;
	if (!pg) {
		(void)system("mkdir -p var/bench");
		unlink(url);
	}
	static struct wereld w;
	if (!wereld_open(&w, url))
		return 1;
	double t0 = nu();
	static struct hulp h;
	int64_t a0 = bt_positief(&w);
	if (!a0)
		return 1;
	bt_grant(&h, a0, 2027, MLN(3));
	bt_grant(&h, a0, 2028, MLN(2));
	bt_geld(&h, "ai", 2027, MLN(3));
	bt_geld(&h, "ai", 2028, MLN(2));
	if (!bt_toekennen(&w, &h))
		return 1;
	struct error e;
	rc_t rc;
	int64_t t = bt_gezamenlijk(&w, a0, MLN(5), NULL, 0, &rc, &e);
	int64_t b0 = t ? bt_beschik(&w, t, true, NULL, &rc, &e) : 0;
	if (!b0)
		return fprintf(stderr, "bench_monitoring: beschikking: %s\n", e.message), 1;
	struct kopie k = {.a0 = a0, .b0 = b0, .n = n, .m = m};
	error_clear(&e);
	if (store_tx(w.s, STORE_WRITE, kopieer_tx, &k, &e) != RC_OK)
		return fprintf(stderr, "bench_monitoring: kopieën: %s %s\n", e.message,
			       e.item_count ? e.items[0].detail : ""), 1;
	double t1 = nu();
	klok_datum_lees("2029-12-31", &peildag);
	struct meting d, s, o, dr, orr, kr;
	size_t gd = 0, gs = 0, go = 0, g2 = 0;
	if (!meet(w.s, dashboard, &d, &gd) || !meet(w.s, signalen, &s, &gs) || !meet(w.s, opendata, &o, &go) ||
	    !meet(w.s, dashboard_route, &dr, &g2) || !meet(w.s, opendata_route, &orr, &g2) ||
	    !meet(w.s, kwartaalrapport, &kr, &g2))
		return 1;
	double xs;
	size_t xb;
	long xkb;
	if (!xlsx(w.s, &xs, &xb, &xkb))
		return 1;
	printf("bench_monitoring %s: %" PRId64 " projecten, %" PRId64 " mijlpalen, %" PRId64 " rapportages (opbouw %.1f s)\n",
	       pg ? "postgresql" : "sqlite", n, n * m, n * 12, t1 - t0);
	printf("  programmamonitor: eerste %.0f ms, daarna mediaan %.0f ms, p99 %.0f ms; piek +%ld KiB; antwoord %zu bytes\n",
	       d.koud * 1e3, d.p50 * 1e3, d.p99 * 1e3, d.hwm_kb, gd);
	printf("  programmamonitor zoals de route (bewaard zolang er niets verandert): eerste %.0f ms, daarna mediaan %.2f ms, "
	       "p99 %.2f ms\n", dr.koud * 1e3, dr.p50 * 1e3, dr.p99 * 1e3);
	printf("  signalen (alle, in één keer):  eerste %.0f ms, daarna mediaan %.0f ms, p99 %.0f ms; piek +%ld KiB; antwoord %zu bytes\n",
	       s.koud * 1e3, s.p50 * 1e3, s.p99 * 1e3, s.hwm_kb, gs);
	printf("  open data:        eerste %.0f ms, daarna mediaan %.0f ms, p99 %.0f ms; piek +%ld KiB; antwoord %zu bytes\n",
	       o.koud * 1e3, o.p50 * 1e3, o.p99 * 1e3, o.hwm_kb, go);
	printf("  open data zoals de route (bewaard): eerste %.0f ms, daarna mediaan %.2f ms, p99 %.2f ms\n", orr.koud * 1e3,
	       orr.p50 * 1e3, orr.p99 * 1e3);
	printf("  kwartaalrapportage (PDF): eerste %.0f ms, daarna mediaan %.0f ms, p99 %.0f ms; piek +%ld KiB\n", kr.koud * 1e3,
	       kr.p50 * 1e3, kr.p99 * 1e3, kr.hwm_kb);
	printf("  open data als XLSX (gestroomd, %" PRId64 " rijen): %.0f ms, %zu bytes, piek +%ld KiB\n", n, xs * 1e3, xb,
	       xkb);
	wereld_sluit(&w);
	(void)harness_tests_passed;
	return 0;
}
