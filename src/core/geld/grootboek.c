/*
 * grootboek.c -- the budget ledger. See grootboek.h and docs/grootboek.md.
 *
 * Booking works like TigerBeetle's state machine, inside one store
 * transaction: the accounts and reservations a batch touches are read into
 * a working set (struct werk), every entry is judged against it in batch
 * order (checks in the documented order of precedence) and, when it
 * passes, applied to it; a linked chain takes a snapshot of the working
 * set first and goes back to it when a member fails. Only at the end are
 * the accepted entries inserted and the changed balances written, each
 * guarded by the balances read before. Nothing is written for a refused
 * entry, so a failed chain leaves no trace.
 *
 * Amounts are int64 cents; every sum is overflow-checked. No floating
 * point anywhere.
 */
#include "core/geld/grootboek.h"
#include "core/geld/grootboek_intern.h"

#include <inttypes.h>
#include <jansson.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "store/store_grootboek.h"
#include "core/basis/audit.h"
#include "core/basis/klok.h"
#include "core/basis/tekst.h"
#include "core/basis/bedrag.h"
#include "core/basis/json.h"


/* ---- names ----------------------------------------------------------- */

static const char *const rekening_soort_namen[REKENING_SOORT__COUNT] = {
	"bron", "pot", "thema", "jaar", "project", "verzekeraar", "overig",
};

static const char *const boeking_soort_namen[BOEKING_SOORT__COUNT] = {
	"direct", "reservering", "boeking_van_reservering", "vrijgave_van_reservering",
};

/* Every result code with its stable name and whether the refusal depends
 * on the ledger's state (RC_CONFLICT) rather than on the request alone
 * (RC_INVALID). */
static const struct {
	const char *naam;
	bool toestand;
} uitkomsten[GROOTBOEK_UITKOMST__COUNT] = {
	[GROOTBOEK_OK] = {"ok", false},
	[GROOTBOEK_GEKOPPELDE_BOEKING_MISLUKT] = {"gekoppelde_boeking_mislukt", false},
	[GROOTBOEK_KETEN_NIET_GESLOTEN] = {"keten_niet_gesloten", false},
	[GROOTBOEK_SLEUTEL_ONGELDIG] = {"sleutel_ongeldig", false},
	[GROOTBOEK_BESTAAT_MET_ANDERE_VELDEN] = {"bestaat_met_andere_velden", true},
	[GROOTBOEK_BESTAAT] = {"bestaat", false},
	[GROOTBOEK_SOORT_ONGELDIG] = {"soort_ongeldig", false},
	[GROOTBOEK_TEKST_ONGELDIG] = {"tekst_ongeldig", false},
	[GROOTBOEK_BEDRAG_NIET_POSITIEF] = {"bedrag_niet_positief", false},
	[GROOTBOEK_RESERVERING_ONTBREEKT] = {"reservering_ontbreekt", false},
	[GROOTBOEK_RESERVERING_NIET_TOEGESTAAN] = {"reservering_niet_toegestaan", false},
	[GROOTBOEK_REKENING_ONTBREEKT] = {"rekening_ontbreekt", false},
	[GROOTBOEK_REKENINGEN_GELIJK] = {"rekeningen_gelijk", false},
	[GROOTBOEK_DEBETREKENING_ONBEKEND] = {"debetrekening_onbekend", false},
	[GROOTBOEK_CREDITREKENING_ONBEKEND] = {"creditrekening_onbekend", false},
	[GROOTBOEK_RESERVERING_ONBEKEND] = {"reservering_onbekend", false},
	[GROOTBOEK_GEEN_RESERVERING] = {"geen_reservering", true},
	[GROOTBOEK_REKENING_WIJKT_AF_VAN_RESERVERING] = {"rekening_wijkt_af_van_reservering", true},
	[GROOTBOEK_MEER_DAN_GERESERVEERD] = {"meer_dan_gereserveerd", true},
	[GROOTBOEK_BEDRAG_WIJKT_AF_VAN_RESERVERING] = {"bedrag_wijkt_af_van_reservering", true},
	[GROOTBOEK_RESERVERING_AL_AFGEHANDELD] = {"reservering_al_afgehandeld", true},
	[GROOTBOEK_OVERLOOP] = {"overloop", true},
	[GROOTBOEK_ONVOLDOENDE_SALDO] = {"onvoldoende_saldo", true},
	[GROOTBOEK_CREDIT_BOVEN_DEBET] = {"credit_boven_debet", true},
};

const char *rekening_soort_naam(enum rekening_soort soort)
{
	return (unsigned)soort < REKENING_SOORT__COUNT ? rekening_soort_namen[soort] : "?";
}

const char *boeking_soort_naam(enum boeking_soort soort)
{
	return (unsigned)soort < BOEKING_SOORT__COUNT ? boeking_soort_namen[soort] : "?";
}

const char *grootboek_uitkomst_naam(enum grootboek_uitkomst u)
{
	return (unsigned)u < GROOTBOEK_UITKOMST__COUNT ? uitkomsten[u].naam : "?";
}

bool rekening_soort_lees(const char *naam, enum rekening_soort *out)
{
	for (unsigned i = 0; naam && i < REKENING_SOORT__COUNT; i++)
		if (strcmp(naam, rekening_soort_namen[i]) == 0) {
			*out = (enum rekening_soort)i;
			return true;
		}
	return false;
}

bool boeking_soort_lees(const char *naam, enum boeking_soort *out)
{
	for (unsigned i = 0; naam && i < BOEKING_SOORT__COUNT; i++)
		if (strcmp(naam, boeking_soort_namen[i]) == 0) {
			*out = (enum boeking_soort)i;
			return true;
		}
	return false;
}

int64_t rekening_ruimte_cent(const struct rekening *r)
{
	if (r->vlaggen == REKENING_DEBET_BEGRENSD)
		return r->credit_geboekt_cent - r->debet_geboekt_cent - r->debet_gereserveerd_cent;
	if (r->vlaggen == REKENING_CREDIT_BEGRENSD)
		return r->debet_geboekt_cent - r->credit_geboekt_cent - r->credit_gereserveerd_cent;
	return INT64_MAX;
}

/* ---- validation of words and texts ----------------------------------- */

/* NULL and "" are both empty; two texts are equal when both are. */
bool gb_leeg(const char *s) { return !s || !*s; }

bool gb_gelijk(const char *a, const char *b)
{
	return strcmp(a ? a : "", b ? b : "") == 0;
}

/* An account code: 1..64 bytes, parts of [a-z0-9_.-] joined by single '/'. */
static bool rekeningcode_geldig(const char *code)
{
	size_t n = code ? strlen(code) : 0;
	if (n == 0 || n > GROOTBOEK_CODE_MAX || code[0] == '/' || code[n - 1] == '/')
		return false;
	for (size_t i = 0; i < n; i++) {
		char c = code[i];
		bool ok = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' ||
			  c == '.' || c == '-' || (c == '/' && code[i + 1] != '/');
		if (!ok)
			return false;
	}
	return true;
}

/* An idempotency key: 1..200 of [A-Za-z0-9/_.:-]. */
static bool sleutel_geldig(const char *s)
{
	size_t n = s ? strlen(s) : 0;
	if (n == 0 || n > GROOTBOEK_SLEUTEL_MAX)
		return false;
	return strspn(s, "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789/_.:-") == n;
}

/* A business event code: 0..64 of [a-z0-9_.-]. */
static bool boekcode_geldig(const char *s)
{
	size_t n = s ? strlen(s) : 0;
	return n <= GROOTBOEK_BOEKCODE_MAX &&
	       strspn(s ? s : "", "abcdefghijklmnopqrstuvwxyz0123456789_.-") == n;
}

/* Free text: at most `max` bytes of valid UTF-8 without control
 * characters (it ends up on one line of an hledger journal). */
static bool tekst_geldig(const char *s, size_t max)
{
	const unsigned char *p = (const unsigned char *)(s ? s : "");
	size_t n = strlen((const char *)p);
	if (n > max)
		return false;
	for (size_t i = 0; i < n;) {
		unsigned c = p[i];
		size_t len = c < 0x80 ? 1 : (c >> 5) == 0x6 ? 2 : (c >> 4) == 0xe ? 3 : (c >> 3) == 0x1e ? 4 : 0;
		if (len == 0 || i + len > n || c < 0x20 || c == 0x7f || c == 0xc0 || c == 0xc1 || c > 0xf4)
			return false;
		for (size_t k = 1; k < len; k++)
			if ((p[i + k] & 0xc0) != 0x80)
				return false;
		if ((c == 0xe0 && p[i + 1] < 0xa0) || (c == 0xed && p[i + 1] >= 0xa0) ||
		    (c == 0xf0 && p[i + 1] < 0x90) || (c == 0xf4 && p[i + 1] >= 0x90))
			return false; /* overlong, surrogate or above U+10FFFF */
		i += len;
	}
	return true;
}

/* The current UTC time with microseconds, ISO 8601, from the clock. */
void gb_tijdstip_nu(char out[40])
{
	klok_tekst(klok_nu_us(NULL), out, 40);
}

/* ---- rows ------------------------------------------------------------ */

/* Reads an account row (STORE_GB_REKENING_KOLOMMEN); false when malformed. */
static bool rekening_uit_rij(const struct store_rows *rows, size_t r, struct rekening *out)
{
	const char *code = store_text(rows, r, SGR_CODE), *naam = store_text(rows, r, SGR_NAAM);
	memset(out, 0, sizeof *out);
	if (!code || !naam || !rekening_soort_lees(store_text(rows, r, SGR_SOORT), &out->soort))
		return false;
	out->id = store_int(rows, r, SGR_ID, 0);
	snprintf(out->code, sizeof out->code, "%s", code);
	snprintf(out->naam, sizeof out->naam, "%s", naam);
	out->vlaggen = (unsigned)store_int(rows, r, SGR_VLAGGEN, 0);
	out->debet_geboekt_cent = store_int(rows, r, SGR_DEBET_GEBOEKT, -1);
	out->credit_geboekt_cent = store_int(rows, r, SGR_CREDIT_GEBOEKT, -1);
	out->debet_gereserveerd_cent = store_int(rows, r, SGR_DEBET_GERESERVEERD, -1);
	out->credit_gereserveerd_cent = store_int(rows, r, SGR_CREDIT_GERESERVEERD, -1);
	return out->id > 0 && out->debet_geboekt_cent >= 0 && out->credit_geboekt_cent >= 0 &&
	       out->debet_gereserveerd_cent >= 0 && out->credit_gereserveerd_cent >= 0;
}

/* Reads an entry row (SGB_ columns); strings point into the rows' arena.
 * False when malformed. */
static bool regel_uit_rij(const struct store_rows *rows, size_t r, struct boeking_regel *out)
{
	memset(out, 0, sizeof *out);
	out->id = store_int(rows, r, SGB_ID, 0);
	out->sleutel = store_text(rows, r, SGB_SLEUTEL);
	out->debet = store_text(rows, r, SGB_DEBET);
	out->credit = store_text(rows, r, SGB_CREDIT);
	out->bedrag_cent = store_int(rows, r, SGB_BEDRAG, 0);
	out->reservering_id = store_int(rows, r, SGB_RESERVERING_ID, 0);
	out->reservering = store_text(rows, r, SGB_RESERVERING);
	out->code = store_text(rows, r, SGB_CODE);
	out->omschrijving = store_text(rows, r, SGB_OMSCHRIJVING);
	out->tijdstip = store_text(rows, r, SGB_TIJDSTIP);
	out->keten = store_text(rows, r, SGB_KETEN);
	return out->id > 0 && out->sleutel && out->debet && out->credit && out->code &&
	       out->omschrijving && out->tijdstip && out->bedrag_cent > 0 &&
	       boeking_soort_lees(store_text(rows, r, SGB_SOORT), &out->soort);
}

/* ---- accounts ---------------------------------------------------------- */

/* Collects every problem of an account definition into `e`; true when
 * there is none. */
static bool rekening_def_controleer(const struct rekening_def *def, struct error *e)
{
	size_t voor = e->item_count + e->items_dropped;
	if (!rekeningcode_geldig(def->code))
		error_add(e, "/code", "vorm", NULL,
			  "Een rekeningcode bestaat uit delen van a-z, 0-9, '_', '.' en '-', gescheiden "
			  "door '/', ten hoogste %d tekens (bijvoorbeeld zvw/ai/2027).", GROOTBOEK_CODE_MAX);
	if (!tekst_aanwezig(def->naam) || !tekst_geldig(def->naam, GROOTBOEK_NAAM_MAX))
		error_add(e, "/naam", "vorm", NULL,
			  "Geef een naam van 1 tot %d tekens zonder regeleinden.", GROOTBOEK_NAAM_MAX);
	if ((unsigned)def->soort >= REKENING_SOORT__COUNT)
		error_add(e, "/soort", "onbekend", NULL,
			  "Kies bron, pot, thema, jaar, project, verzekeraar of overig.");
	if (def->vlaggen > REKENING_CREDIT_BEGRENSD)
		error_add(e, "/vlaggen", "onbekend", NULL,
			  "Een rekening is debet-begrensd (1), credit-begrensd (2) of geen van beide (0), "
			  "niet beide.");
	return e->item_count + e->items_dropped == voor;
}

/* Looks for an account with the definition's code: *id_out = its id when
 * it matches the definition, 0 when there is none; RC_CONFLICT when it
 * exists with other fields. */
static rc_t rekening_bestaand(struct store *s, const struct rekening_def *def, int64_t *id_out,
			      struct error *e)
{
	struct arena a;
	arena_init(&a, ARENA_RIJ_BYTES);
	struct store_rows rows;
	struct rekening r;
	*id_out = 0;
	rc_t rc = store_gb_rekening_by_code(s, def->code, &a, &rows, e);
	if (rc == RC_OK && rows.nrows > 0) {
		if (!rekening_uit_rij(&rows, 0, &r)) {
			rc = error_set(e, RC_STORE, "Grootboekrekening %s is onleesbaar.", def->code);
		} else if (strcmp(r.naam, def->naam) != 0 || r.soort != def->soort ||
			   r.vlaggen != def->vlaggen) {
			error_set(e, RC_CONFLICT, "Rekening %s bestaat al.", def->code);
			error_add(e, "/code", "bestaat_met_andere_velden", NULL,
				  "Rekening %s bestaat al met een andere naam, soort of begrenzing.",
				  def->code);
			rc = RC_CONFLICT;
		} else {
			*id_out = r.id;
		}
	}
	arena_release(&a);
	return rc;
}

rc_t grootboek_rekening_open(struct store *s, const struct rekening_def *def,
			     int64_t *id_out, struct error *e)
{
	if (!rekening_def_controleer(def, e))
		return e->rc;
	int64_t id = 0;
	rc_t rc = rekening_bestaand(s, def, &id, e);
	if (rc != RC_OK || id > 0) {
		if (rc == RC_OK)
			*id_out = id;
		return rc;
	}
	char nu[40];
	gb_tijdstip_nu(nu);
	rc = store_gb_rekening_insert(s, def->code, def->naam, rekening_soort_naam(def->soort),
				      def->vlaggen, nu, &id, e);
	/* A concurrent writer opened the same code: the retry finds it. */
	if (rc == RC_CONFLICT)
		return error_set(e, RC_RETRY, "Rekening %s werd gelijktijdig geopend; opnieuw.", def->code);
	if (rc == RC_OK)
		*id_out = id;
	return rc;
}

struct open_ctx {
	const char *actor;
	const struct rekening_def *def;
	int64_t id;
};

/* store_tx function of grootboek_rekening_open_apart: open, then audit. */
static rc_t rekening_open_tx(struct store *s, void *ctx, struct error *e)
{
	struct open_ctx *c = ctx;
	rc_t rc = grootboek_rekening_open(s, c->def, &c->id, e);
	if (rc != RC_OK)
		return rc;
	char object[GROOTBOEK_CODE_MAX + 32];
	snprintf(object, sizeof object, "grootboek/rekening/%s", c->def->code);
	char detail[96];
	snprintf(detail, sizeof detail, "{\"id\":%" PRId64 ",\"soort\":\"%s\",\"vlaggen\":%u}", c->id,
		 rekening_soort_naam(c->def->soort), c->def->vlaggen);
	struct audit_entry ae = {.actor = c->actor, .actie = "grootboek.rekening_open",
				 .object = object, .resultaat = "gelukt", .detail = detail};
	return audit_append(s, &ae, e);
}

rc_t grootboek_rekening_open_apart(struct store *s, const char *actor,
				   const struct rekening_def *def, int64_t *id_out,
				   struct error *e)
{
	struct open_ctx c = {.actor = actor, .def = def};
	rc_t rc = store_tx(s, STORE_WRITE, rekening_open_tx, &c, e);
	if (rc == RC_OK)
		*id_out = c.id;
	return rc;
}

/* ---- the working set of one batch -------------------------------------- */

/* An account the batch touches: as read (oud) and as the batch leaves it
 * so far (nu). */
struct werk_rekening {
	int64_t id;
	const char *code;
	enum rekening_soort soort;
	unsigned vlaggen;
	struct store_gb_saldi oud, nu;
};

/* A reservation the batch refers to or makes. */
struct werk_reservering {
	const char *sleutel;
	int64_t id;             /* in the store; 0 while it is planned in this batch */
	size_t plan;            /* index in werk.plan when planned here, else GEEN */
	bool is_reservering;    /* false: the key names an entry of another kind */
	bool afgehandeld;       /* posted or voided */
	size_t debet, credit;   /* in werk.rek */
	int64_t bedrag;
};

/* An accepted entry, written at the end. */
struct werk_plan {
	size_t index;           /* in the batch */
	enum boeking_soort soort;
	size_t debet, credit;   /* in werk.rek */
	int64_t bedrag;         /* as stored: for a void the released amount */
	size_t reservering;     /* in werk.resv, GEEN for direct and reservering */
	const char *keten;      /* key of the chain's first entry, NULL when not linked */
	int64_t id;             /* after the insert */
	struct store_gb_saldi debet_na, credit_na; /* balances after this entry */
};

/* An entry key the batch names (its own or its reservation's), as the
 * store knows it; read up front, a few keys per query. */
struct werk_bekend {
	const char *sleutel;
	bool gevonden;
	struct boeking_regel regel;  /* when found */
	bool afgehandeld;            /* a reservation posted or voided before this batch */
};

struct werk {
	struct store *s;
	struct arena *a;
	const struct boeking *batch;
	size_t n;
	struct boeking_resultaat *res;
	size_t *dubbel;         /* per batch entry: the plan it repeats (BESTAAT), else GEEN */
	struct werk_rekening *rek, *rek_kopie;
	size_t nrek, nrek_kopie, caprek;
	struct werk_reservering *resv, *resv_kopie;
	size_t nresv, nresv_kopie, capresv;
	struct werk_plan *plan;
	size_t nplan, nplan_kopie;
	struct werk_bekend *bekend;     /* keys the batch names, as the store has them */
	size_t nbekend, capbekend;
	const char **afwezig;           /* account codes the store does not have */
	size_t nafwezig, capafwezig;
	char tijdstip[40];
};

/* Allocates the working set for n entries. Every entry names two keys
 * (its own, its reservation's) and at most six accounts (two of its own,
 * two of each stored entry its keys name), and makes or names one
 * reservation (twice the room is kept for those, as a margin). */
static rc_t werk_init(struct werk *w, struct store *s, struct arena *a, const struct boeking *batch,
		      size_t n, struct boeking_resultaat *res, struct error *e)
{
	memset(w, 0, sizeof *w);
	w->s = s;
	w->a = a;
	w->batch = batch;
	w->n = n;
	w->res = res;
	w->caprek = 6 * n;
	w->capresv = 2 * n;
	w->dubbel = arena_alloc(a, n * sizeof *w->dubbel);
	w->rek = arena_alloc(a, w->caprek * sizeof *w->rek);
	w->rek_kopie = arena_alloc(a, w->caprek * sizeof *w->rek);
	w->resv = arena_alloc(a, w->capresv * sizeof *w->resv);
	w->resv_kopie = arena_alloc(a, w->capresv * sizeof *w->resv);
	w->plan = arena_alloc(a, n * sizeof *w->plan);
	w->capbekend = 2 * n;
	w->capafwezig = 6 * n;
	w->bekend = arena_alloc(a, w->capbekend * sizeof *w->bekend);
	w->afwezig = arena_alloc(a, w->capafwezig * sizeof *w->afwezig);
	if (!w->dubbel || !w->rek || !w->rek_kopie || !w->resv || !w->resv_kopie || !w->plan ||
	    !w->bekend || !w->afwezig)
		return error_set(e, RC_NOMEM, "Onvoldoende geheugen voor %zu boekingen.", n);
	for (size_t i = 0; i < n; i++) {
		w->dubbel[i] = GEEN;
		res[i] = (struct boeking_resultaat){.uitkomst = GROOTBOEK_OK};
	}
	return RC_OK;
}

/* Adds account row r to the working set. */
static rc_t werk_rekening_neem(struct werk *w, const struct store_rows *rows, size_t r,
			       struct error *e)
{
	struct rekening k;
	if (w->nrek >= w->caprek)
		return error_set(e, RC_INTERNAL, "Werkset van rekeningen vol.");
	if (!rekening_uit_rij(rows, r, &k))
		return error_set(e, RC_STORE, "Grootboekrekening in rij %zu is onleesbaar.", r);
	struct werk_rekening *wr = &w->rek[w->nrek++];
	wr->id = k.id;
	wr->code = store_text(rows, r, SGR_CODE);
	wr->soort = k.soort;
	wr->vlaggen = k.vlaggen;
	wr->oud = (struct store_gb_saldi){k.debet_geboekt_cent, k.credit_geboekt_cent,
					  k.debet_gereserveerd_cent, k.credit_gereserveerd_cent};
	wr->nu = wr->oud;
	return RC_OK;
}

/* True when `s` is one of lijst[0..n). */
static bool in_lijst(const char *const *lijst, size_t n, const char *s)
{
	for (size_t i = 0; i < n; i++)
		if (strcmp(lijst[i], s) == 0)
			return true;
	return false;
}

/* Finds account `code` in the working set, reading it from the store when
 * it was not read up front; *idx = GEEN when there is no such account. */
static rc_t werk_rekening(struct werk *w, const char *code, size_t *idx, struct error *e)
{
	*idx = GEEN;
	if (!rekeningcode_geldig(code) || in_lijst(w->afwezig, w->nafwezig, code))
		return RC_OK;
	for (size_t i = 0; i < w->nrek; i++)
		if (strcmp(w->rek[i].code, code) == 0) {
			*idx = i;
			return RC_OK;
		}
	struct store_rows rows;
	rc_t rc = store_gb_rekening_by_code(w->s, code, w->a, &rows, e);
	if (rc != RC_OK || rows.nrows == 0)
		return rc;
	rc = werk_rekening_neem(w, &rows, 0, e);
	if (rc == RC_OK)
		*idx = w->nrek - 1;
	return rc;
}

/* Marks the keys' rows (of store_gb_boeking_by_sleutel(s)) as found. */
static rc_t werk_bekend_vul(struct werk *w, const struct store_rows *rows, struct error *e)
{
	for (size_t r = 0; r < rows->nrows; r++) {
		struct boeking_regel g;
		if (!regel_uit_rij(rows, r, &g))
			return error_set(e, RC_STORE, "Boeking in rij %zu is onleesbaar.", r);
		for (size_t k = 0; k < w->nbekend; k++)
			if (strcmp(w->bekend[k].sleutel, g.sleutel) == 0) {
				w->bekend[k].gevonden = true;
				w->bekend[k].regel = g;
				w->bekend[k].afgehandeld = store_text(rows, r, SGB_AFGEHANDELD_DOOR) != NULL;
			}
	}
	return RC_OK;
}

/* What the store has under key `sleutel` (valid), read up front or now;
 * *out = NULL when the working set has no room left (never for the
 * batch's own keys). */
static rc_t werk_sleutel(struct werk *w, const char *sleutel, const struct werk_bekend **out,
			 struct error *e)
{
	for (size_t k = 0; k < w->nbekend; k++)
		if (strcmp(w->bekend[k].sleutel, sleutel) == 0) {
			*out = &w->bekend[k];
			return RC_OK;
		}
	if (w->nbekend >= w->capbekend)
		return error_set(e, RC_INTERNAL, "Werkset van sleutels vol.");
	w->bekend[w->nbekend] = (struct werk_bekend){.sleutel = sleutel};
	*out = &w->bekend[w->nbekend++];
	struct store_rows rows;
	rc_t rc = store_gb_boeking_by_sleutel(w->s, sleutel, w->a, &rows, e);
	return rc == RC_OK ? werk_bekend_vul(w, &rows, e) : rc;
}

/* Reads the keys lijst[0..k) in one query into w->bekend (added before). */
static rc_t werk_lees_sleutels(struct werk *w, const char *const *lijst, size_t k, struct error *e)
{
	struct store_rows rows;
	rc_t rc = k ? store_gb_boeking_by_sleutels(w->s, lijst, k, w->a, &rows, e) : RC_OK;
	return rc == RC_OK && k ? werk_bekend_vul(w, &rows, e) : rc;
}

/* Reads the accounts lijst[0..k) in one query into the working set; the
 * codes the store does not have go to w->afwezig. */
static rc_t werk_lees_rekeningen(struct werk *w, const char *const *lijst, size_t k, struct error *e)
{
	struct store_rows rows;
	rc_t rc = k ? store_gb_rekening_by_codes(w->s, lijst, k, w->a, &rows, e) : RC_OK;
	for (size_t r = 0; rc == RC_OK && k && r < rows.nrows; r++)
		rc = werk_rekening_neem(w, &rows, r, e);
	for (size_t i = 0; rc == RC_OK && i < k; i++) {
		bool gevonden = false;
		for (size_t j = 0; !gevonden && j < w->nrek; j++)
			gevonden = strcmp(w->rek[j].code, lijst[i]) == 0;
		if (!gevonden && w->nafwezig < w->capafwezig)
			w->afwezig[w->nafwezig++] = lijst[i];
	}
	return rc;
}

/* The i-th account code the batch touches: its entries' own, then those
 * of the stored reservations it names; NULL when there is none. */
static const char *werk_code(const struct werk *w, size_t i)
{
	if (i < 2 * w->n)
		return i % 2 ? w->batch[i / 2].credit : w->batch[i / 2].debet;
	i -= 2 * w->n;
	const struct werk_bekend *bk = &w->bekend[i / 2];
	if (!bk->gevonden || bk->regel.soort != BOEKING_RESERVERING)
		return NULL;
	return i % 2 ? bk->regel.credit : bk->regel.debet;
}

/* Reads up front, STORE_GB_IN_MAX per query, every key the batch names
 * and every account it touches, so that judging an entry asks the store
 * nothing more (on PostgreSQL a query is a round trip). */
static rc_t werk_voorlees(struct werk *w, struct error *e)
{
	const char *lijst[STORE_GB_IN_MAX];
	size_t k = 0;
	rc_t rc = RC_OK;
	for (size_t i = 0; rc == RC_OK && i < 2 * w->n; i++) {
		const char *sl = i % 2 ? w->batch[i / 2].reservering : w->batch[i / 2].sleutel;
		bool nieuw = sleutel_geldig(sl);
		for (size_t j = 0; nieuw && j < w->nbekend; j++)
			nieuw = strcmp(w->bekend[j].sleutel, sl) != 0;
		if (!nieuw)
			continue;
		w->bekend[w->nbekend++] = (struct werk_bekend){.sleutel = sl};
		lijst[k++] = sl;
		if (k == STORE_GB_IN_MAX) {
			rc = werk_lees_sleutels(w, lijst, k, e);
			k = 0;
		}
	}
	if (rc == RC_OK)
		rc = werk_lees_sleutels(w, lijst, k, e);
	const char **gevraagd = arena_alloc(w->a, (2 * w->n + 2 * w->nbekend + 1) * sizeof *gevraagd);
	if (rc == RC_OK && !gevraagd)
		rc = error_set(e, RC_NOMEM, "Onvoldoende geheugen voor %zu boekingen.", w->n);
	size_t ngevraagd = 0, begin = 0;
	for (size_t i = 0; rc == RC_OK && i < 2 * w->n + 2 * w->nbekend; i++) {
		const char *code = werk_code(w, i);
		if (!rekeningcode_geldig(code) || in_lijst(gevraagd, ngevraagd, code))
			continue;
		gevraagd[ngevraagd++] = code;
		if (ngevraagd - begin == STORE_GB_IN_MAX) {
			rc = werk_lees_rekeningen(w, gevraagd + begin, ngevraagd - begin, e);
			begin = ngevraagd;
		}
	}
	return rc == RC_OK ? werk_lees_rekeningen(w, gevraagd + begin, ngevraagd - begin, e) : rc;
}

/* Puts the stored entry with key `sleutel` into a new reservation slot
 * (also when it is not a reservation, so that the caller can say so);
 * *idx = GEEN when no entry has this key. */
static rc_t werk_reservering_lees(struct werk *w, const char *sleutel, size_t *idx,
				  struct error *e)
{
	const struct werk_bekend *bk = NULL;
	rc_t rc = werk_sleutel(w, sleutel, &bk, e);
	if (rc != RC_OK || !bk->gevonden)
		return rc;
	if (w->nresv >= w->capresv)
		return error_set(e, RC_INTERNAL, "Werkset van reserveringen vol.");
	const struct boeking_regel *r = &bk->regel;
	struct werk_reservering v = {.sleutel = r->sleutel, .id = r->id, .plan = GEEN,
				     .is_reservering = r->soort == BOEKING_RESERVERING,
				     .afgehandeld = bk->afgehandeld, .debet = GEEN, .credit = GEEN,
				     .bedrag = r->bedrag_cent};
	if (v.is_reservering) {
		rc = werk_rekening(w, r->debet, &v.debet, e);
		if (rc == RC_OK)
			rc = werk_rekening(w, r->credit, &v.credit, e);
		if (rc != RC_OK)
			return rc;
		if (v.debet == GEEN || v.credit == GEEN)
			return error_set(e, RC_STORE, "Rekeningen van reservering %s ontbreken.", sleutel);
	}
	w->resv[w->nresv] = v;
	*idx = w->nresv++;
	return RC_OK;
}

/* Finds the reservation with key `sleutel`: planned in this batch or in
 * the store. *idx = GEEN when no entry has this key. */
static rc_t werk_reservering(struct werk *w, const char *sleutel, size_t *idx, struct error *e)
{
	*idx = GEEN;
	if (!sleutel_geldig(sleutel))
		return RC_OK;
	for (size_t i = 0; i < w->nresv; i++)
		if (strcmp(w->resv[i].sleutel, sleutel) == 0) {
			*idx = i;
			return RC_OK;
		}
	/* An entry planned in this batch under this key that is no reservation. */
	for (size_t p = 0; p < w->nplan; p++)
		if (strcmp(w->batch[w->plan[p].index].sleutel, sleutel) == 0) {
			if (w->nresv >= w->capresv)
				return error_set(e, RC_INTERNAL, "Werkset van reserveringen vol.");
			w->resv[w->nresv] = (struct werk_reservering){
				.sleutel = sleutel, .plan = p, .debet = GEEN, .credit = GEEN};
			*idx = w->nresv++;
			return RC_OK;
		}
	return werk_reservering_lees(w, sleutel, idx, e);
}

/* ---- judging one entry ------------------------------------------------- */

/* The fields that make two requests with one key the same (omschrijving
 * is prose and not compared). */
struct kenmerken {
	enum boeking_soort soort;
	const char *debet, *credit, *reservering, *code;
	int64_t bedrag;
};

/* True when request `b` asks for what `k`, booked before, is. For a post
 * or a void absent accounts mean "the reservation's", and a void's amount
 * 0 means "the reserved amount". */
static bool zelfde(const struct boeking *b, const struct kenmerken *k)
{
	bool afhandeling = b->soort == BOEKING_VAN_RESERVERING || b->soort == BOEKING_VRIJGAVE;
	if (b->soort != k->soort || !gb_gelijk(b->reservering, k->reservering) || !gb_gelijk(b->code, k->code))
		return false;
	if (!(afhandeling && gb_leeg(b->debet)) && !gb_gelijk(b->debet, k->debet))
		return false;
	if (!(afhandeling && gb_leeg(b->credit)) && !gb_gelijk(b->credit, k->credit))
		return false;
	return (b->soort == BOEKING_VRIJGAVE && b->bedrag_cent == 0) || b->bedrag_cent == k->bedrag;
}

/* The fields of an entry planned in this batch, as it will be stored. */
static struct kenmerken plan_kenmerken(const struct werk *w, const struct werk_plan *p)
{
	const struct boeking *b = &w->batch[p->index];
	return (struct kenmerken){
		.soort = p->soort, .debet = w->rek[p->debet].code, .credit = w->rek[p->credit].code,
		.reservering = p->reservering == GEEN ? NULL : w->resv[p->reservering].sleutel,
		.code = b->code, .bedrag = p->bedrag,
	};
}

/* Idempotency: is entry i's key booked already, in this batch or in the
 * store? Sets its result to BESTAAT or BESTAAT_MET_ANDERE_VELDEN then
 * (with the original's id when it is in the store), else leaves it OK. */
static rc_t werk_bestaand(struct werk *w, size_t i, struct error *e)
{
	const struct boeking *b = &w->batch[i];
	struct boeking_resultaat *r = &w->res[i];
	for (size_t p = 0; p < w->nplan; p++) {
		if (strcmp(w->batch[w->plan[p].index].sleutel, b->sleutel) != 0)
			continue;
		struct kenmerken k = plan_kenmerken(w, &w->plan[p]);
		r->uitkomst = zelfde(b, &k) ? GROOTBOEK_BESTAAT : GROOTBOEK_BESTAAT_MET_ANDERE_VELDEN;
		if (r->uitkomst == GROOTBOEK_BESTAAT)
			w->dubbel[i] = p;
		return RC_OK;
	}
	const struct werk_bekend *bk = NULL;
	rc_t rc = werk_sleutel(w, b->sleutel, &bk, e);
	if (rc != RC_OK || !bk->gevonden)
		return rc;
	const struct boeking_regel *g = &bk->regel;
	struct kenmerken k = {.soort = g->soort, .debet = g->debet, .credit = g->credit,
			      .reservering = g->reservering, .code = g->code, .bedrag = g->bedrag_cent};
	r->uitkomst = zelfde(b, &k) ? GROOTBOEK_BESTAAT : GROOTBOEK_BESTAAT_MET_ANDERE_VELDEN;
	r->boeking_id = g->id;
	return RC_OK;
}

/* The checks that need the request alone, in order of precedence. */
static enum grootboek_uitkomst vorm(const struct boeking *b)
{
	bool afhandeling = b->soort == BOEKING_VAN_RESERVERING || b->soort == BOEKING_VRIJGAVE;
	if ((unsigned)b->soort >= BOEKING_SOORT__COUNT)
		return GROOTBOEK_SOORT_ONGELDIG;
	if (!boekcode_geldig(b->code) || !tekst_geldig(b->omschrijving, GROOTBOEK_OMSCHRIJVING_MAX))
		return GROOTBOEK_TEKST_ONGELDIG;
	if (b->soort == BOEKING_VRIJGAVE ? b->bedrag_cent < 0 : b->bedrag_cent <= 0)
		return GROOTBOEK_BEDRAG_NIET_POSITIEF;
	if (afhandeling && gb_leeg(b->reservering))
		return GROOTBOEK_RESERVERING_ONTBREEKT;
	if (!afhandeling && !gb_leeg(b->reservering))
		return GROOTBOEK_RESERVERING_NIET_TOEGESTAAN;
	if (!afhandeling && (gb_leeg(b->debet) || gb_leeg(b->credit)))
		return GROOTBOEK_REKENING_ONTBREEKT;
	if (!gb_leeg(b->debet) && !gb_leeg(b->credit) && strcmp(b->debet, b->credit) == 0)
		return GROOTBOEK_REKENINGEN_GELIJK;
	return GROOTBOEK_OK;
}

/* Finds the named accounts (absent ones stay GEEN). */
static rc_t beoordeel_rekeningen(struct werk *w, const struct boeking *b, struct werk_plan *p,
				 enum grootboek_uitkomst *u, struct error *e)
{
	rc_t rc = gb_leeg(b->debet) ? RC_OK : werk_rekening(w, b->debet, &p->debet, e);
	if (rc != RC_OK)
		return rc;
	if (!gb_leeg(b->debet) && p->debet == GEEN) {
		*u = GROOTBOEK_DEBETREKENING_ONBEKEND;
		return RC_OK;
	}
	rc = gb_leeg(b->credit) ? RC_OK : werk_rekening(w, b->credit, &p->credit, e);
	if (rc == RC_OK && !gb_leeg(b->credit) && p->credit == GEEN)
		*u = GROOTBOEK_CREDITREKENING_ONBEKEND;
	return rc;
}

/* A post or void: the reservation must exist, be one, match and still be
 * pending. On OK the plan takes the reservation's accounts and amount. */
static rc_t beoordeel_reservering(struct werk *w, const struct boeking *b, struct werk_plan *p,
				  enum grootboek_uitkomst *u, struct error *e)
{
	size_t ri = GEEN;
	rc_t rc = werk_reservering(w, b->reservering, &ri, e);
	if (rc != RC_OK)
		return rc;
	const struct werk_reservering *v = ri == GEEN ? NULL : &w->resv[ri];
	if (!v)
		*u = GROOTBOEK_RESERVERING_ONBEKEND;
	else if (!v->is_reservering)
		*u = GROOTBOEK_GEEN_RESERVERING;
	else if ((p->debet != GEEN && p->debet != v->debet) || (p->credit != GEEN && p->credit != v->credit))
		*u = GROOTBOEK_REKENING_WIJKT_AF_VAN_RESERVERING;
	else if (b->soort == BOEKING_VAN_RESERVERING && b->bedrag_cent > v->bedrag)
		*u = GROOTBOEK_MEER_DAN_GERESERVEERD;
	else if (b->soort == BOEKING_VRIJGAVE && b->bedrag_cent != 0 && b->bedrag_cent != v->bedrag)
		*u = GROOTBOEK_BEDRAG_WIJKT_AF_VAN_RESERVERING;
	else if (v->afgehandeld) /* a reservation is resolved exactly once */
		*u = GROOTBOEK_RESERVERING_AL_AFGEHANDELD;
	if (*u != GROOTBOEK_OK)
		return RC_OK;
	p->reservering = ri;
	p->debet = v->debet;
	p->credit = v->credit;
	p->bedrag = b->soort == BOEKING_VAN_RESERVERING ? b->bedrag_cent : v->bedrag;
	return RC_OK;
}

/* Adds `bedrag` to *v; true on overflow (then *v is unspecified). */
bool gb_optel(int64_t *v, int64_t bedrag)
{
	return __builtin_add_overflow(*v, bedrag, v);
}

/* Computes the balances after plan p into p->debet_na / p->credit_na and
 * checks overflow and the caps. Only direct entries and reservations can
 * raise a capped total: a post or void lowers the pending balance by at
 * least what it posts. */
static enum grootboek_uitkomst saldi_na(struct werk *w, struct werk_plan *p, struct boeking_resultaat *r)
{
	const struct werk_rekening *d = &w->rek[p->debet], *c = &w->rek[p->credit];
	struct store_gb_saldi dn = d->nu, cn = c->nu;
	bool over = false;
	if (p->soort == BOEKING_DIRECT) {
		over = gb_optel(&dn.debet_geboekt, p->bedrag) || gb_optel(&cn.credit_geboekt, p->bedrag);
	} else if (p->soort == BOEKING_RESERVERING) {
		over = gb_optel(&dn.debet_gereserveerd, p->bedrag) || gb_optel(&cn.credit_gereserveerd, p->bedrag);
	} else {
		int64_t gereserveerd = w->resv[p->reservering].bedrag;
		dn.debet_gereserveerd -= gereserveerd;
		cn.credit_gereserveerd -= gereserveerd;
		if (p->soort == BOEKING_VAN_RESERVERING)
			over = gb_optel(&dn.debet_geboekt, p->bedrag) || gb_optel(&cn.credit_geboekt, p->bedrag);
	}
	int64_t debet_totaal = 0, credit_totaal = 0;
	over = over || __builtin_add_overflow(dn.debet_geboekt, dn.debet_gereserveerd, &debet_totaal) ||
	       __builtin_add_overflow(cn.credit_geboekt, cn.credit_gereserveerd, &credit_totaal);
	if (over)
		return GROOTBOEK_OVERLOOP;
	/* [001 §3] the Zvw money can never be overspent, [003 §8b] nor a year's
	 * share, [001 §2, §7] nor a project's upper bound: a capped account
	 * refuses what would take its debits (posted and pending) above its
	 * posted credits. */
	if (d->vlaggen == REKENING_DEBET_BEGRENSD && debet_totaal > dn.credit_geboekt) {
		r->ruimte_cent = d->nu.credit_geboekt - d->nu.debet_geboekt - d->nu.debet_gereserveerd;
		r->rekening_soort = d->soort;
		return GROOTBOEK_ONVOLDOENDE_SALDO;
	}
	if (c->vlaggen == REKENING_CREDIT_BEGRENSD && credit_totaal > cn.debet_geboekt) {
		r->ruimte_cent = c->nu.debet_geboekt - c->nu.credit_geboekt - c->nu.credit_gereserveerd;
		r->rekening_soort = c->soort;
		return GROOTBOEK_CREDIT_BOVEN_DEBET;
	}
	p->debet_na = dn;
	p->credit_na = cn;
	return GROOTBOEK_OK;
}

/* Judges entry i against the working set, writing its result; on OK, *p
 * is the plan to apply. Store errors only are returned. */
static rc_t beoordeel(struct werk *w, size_t i, struct werk_plan *p, struct error *e)
{
	const struct boeking *b = &w->batch[i];
	struct boeking_resultaat *r = &w->res[i];
	*p = (struct werk_plan){.index = i, .soort = b->soort, .debet = GEEN, .credit = GEEN,
				.bedrag = b->bedrag_cent, .reservering = GEEN};
	*r = (struct boeking_resultaat){.uitkomst = GROOTBOEK_OK};
	if (!sleutel_geldig(b->sleutel)) {
		r->uitkomst = GROOTBOEK_SLEUTEL_ONGELDIG;
		return RC_OK;
	}
	rc_t rc = werk_bestaand(w, i, e);
	if (rc != RC_OK || r->uitkomst != GROOTBOEK_OK)
		return rc;
	r->uitkomst = vorm(b);
	if (r->uitkomst != GROOTBOEK_OK)
		return RC_OK;
	rc = beoordeel_rekeningen(w, b, p, &r->uitkomst, e);
	if (rc != RC_OK || r->uitkomst != GROOTBOEK_OK)
		return rc;
	if (b->soort == BOEKING_VAN_RESERVERING || b->soort == BOEKING_VRIJGAVE) {
		rc = beoordeel_reservering(w, b, p, &r->uitkomst, e);
		if (rc != RC_OK || r->uitkomst != GROOTBOEK_OK)
			return rc;
	}
	r->uitkomst = saldi_na(w, p, r);
	return RC_OK;
}

/* Applies an accepted plan to the working set. */
static void werk_pas_toe(struct werk *w, const struct werk_plan *p)
{
	w->rek[p->debet].nu = p->debet_na;
	w->rek[p->credit].nu = p->credit_na;
	if (p->soort == BOEKING_RESERVERING) {
		/* capresv suffices: an entry either makes or names one reservation */
		w->resv[w->nresv++] = (struct werk_reservering){
			.sleutel = w->batch[p->index].sleutel, .plan = w->nplan, .is_reservering = true,
			.debet = p->debet, .credit = p->credit, .bedrag = p->bedrag};
	} else if (p->reservering != GEEN) {
		w->resv[p->reservering].afgehandeld = true;
	}
	w->plan[w->nplan++] = *p;
}

/* ---- chains and the batch ---------------------------------------------- */

/* Snapshot of the working set before a linked chain (chains do not nest). */
static void werk_bewaar(struct werk *w)
{
	memcpy(w->rek_kopie, w->rek, w->nrek * sizeof *w->rek);
	memcpy(w->resv_kopie, w->resv, w->nresv * sizeof *w->resv);
	w->nrek_kopie = w->nrek;
	w->nresv_kopie = w->nresv;
	w->nplan_kopie = w->nplan;
}

/* Back to the snapshot: the failed chain's plans, balances and
 * resolutions are gone. */
static void werk_herstel(struct werk *w)
{
	memcpy(w->rek, w->rek_kopie, w->nrek_kopie * sizeof *w->rek);
	memcpy(w->resv, w->resv_kopie, w->nresv_kopie * sizeof *w->resv);
	w->nrek = w->nrek_kopie;
	w->nresv = w->nresv_kopie;
	w->nplan = w->nplan_kopie;
}

/* Marks entries [begin, eind] except `behalve` as failed with their chain. */
static void keten_mislukt(struct werk *w, size_t begin, size_t eind, size_t behalve)
{
	for (size_t k = begin; k <= eind; k++) {
		if (k == behalve)
			continue;
		w->res[k] = (struct boeking_resultaat){.uitkomst = GROOTBOEK_GEKOPPELDE_BOEKING_MISLUKT};
		w->dubbel[k] = GEEN;
	}
}

/* Books entries [begin, eind]: one entry alone, or a linked chain in which
 * every entry sees the ones before it and the first failure undoes all. */
static rc_t boek_keten(struct werk *w, size_t begin, size_t eind, struct error *e)
{
	bool gekoppeld = eind > begin;
	const char *keten = gekoppeld ? w->batch[begin].sleutel : NULL;
	if (gekoppeld)
		werk_bewaar(w);
	for (size_t i = begin; i <= eind; i++) {
		struct werk_plan p;
		rc_t rc = beoordeel(w, i, &p, e);
		if (rc != RC_OK)
			return rc;
		enum grootboek_uitkomst u = w->res[i].uitkomst;
		if (u == GROOTBOEK_OK) {
			p.keten = keten;
			werk_pas_toe(w, &p);
		} else if (u != GROOTBOEK_BESTAAT && gekoppeld) {
			werk_herstel(w);
			keten_mislukt(w, begin, eind, i);
			return RC_OK;
		}
	}
	return RC_OK;
}

/* TigerStyle's pair assertion before the write: every touched account
 * still obeys its cap, and the batch moved as much debit as credit. */
static rc_t werk_controleer(const struct werk *w, struct error *e)
{
	__int128 debet = 0, credit = 0, debet_res = 0, credit_res = 0;
	for (size_t i = 0; i < w->nrek; i++) {
		const struct werk_rekening *r = &w->rek[i];
		const struct store_gb_saldi *n = &r->nu, *o = &r->oud;
		bool ok = n->debet_geboekt >= 0 && n->credit_geboekt >= 0 &&
			  n->debet_gereserveerd >= 0 && n->credit_gereserveerd >= 0;
		if (r->vlaggen == REKENING_DEBET_BEGRENSD)
			ok = ok && (__int128)n->debet_geboekt + n->debet_gereserveerd <= n->credit_geboekt;
		if (r->vlaggen == REKENING_CREDIT_BEGRENSD)
			ok = ok && (__int128)n->credit_geboekt + n->credit_gereserveerd <= n->debet_geboekt;
		if (!ok)
			return error_set(e, RC_INTERNAL, "Rekening %s zou een ongeldig saldo krijgen.", r->code);
		debet += (__int128)n->debet_geboekt - o->debet_geboekt;
		credit += (__int128)n->credit_geboekt - o->credit_geboekt;
		debet_res += (__int128)n->debet_gereserveerd - o->debet_gereserveerd;
		credit_res += (__int128)n->credit_gereserveerd - o->credit_gereserveerd;
	}
	if (debet != credit || debet_res != credit_res)
		return error_set(e, RC_INTERNAL, "Debet en credit van de opdracht zijn niet gelijk.");
	return RC_OK;
}

/* Inserts the accepted entries in batch order and writes the changed
 * balances, each guarded by the balances read before. */
static rc_t werk_schrijf(struct werk *w, struct error *e)
{
	/* The time is taken after every read: on PostgreSQL the snapshot then
	 * exists, so an entry on the same account committed before us has an
	 * earlier time, and per account the log's times never go back. */
	gb_tijdstip_nu(w->tijdstip);
	rc_t rc = werk_controleer(w, e);
	for (size_t p = 0; rc == RC_OK && p < w->nplan; p++) {
		struct werk_plan *pl = &w->plan[p];
		const struct boeking *b = &w->batch[pl->index];
		int64_t reservering_id = 0;
		if (pl->reservering != GEEN) {
			const struct werk_reservering *v = &w->resv[pl->reservering];
			reservering_id = v->plan == GEEN ? v->id : w->plan[v->plan].id;
		}
		rc = store_gb_boeking_insert(w->s, b->sleutel, boeking_soort_naam(pl->soort),
					     w->rek[pl->debet].id, w->rek[pl->credit].id, pl->bedrag,
					     reservering_id, b->code ? b->code : "",
					     b->omschrijving ? b->omschrijving : "", w->tijdstip, pl->keten,
					     &pl->id, e);
		/* A concurrent transaction took the key or resolved the
		 * reservation first: the retry sees it and judges again. */
		if (rc == RC_CONFLICT)
			rc = error_set(e, RC_RETRY, "Gelijktijdige boeking van %s; opnieuw.", b->sleutel);
		if (rc == RC_OK)
			w->res[pl->index].boeking_id = pl->id;
	}
	for (size_t i = 0; rc == RC_OK && i < w->n; i++)
		if (w->dubbel[i] != GEEN)
			w->res[i].boeking_id = w->plan[w->dubbel[i]].id;
	for (size_t i = 0; rc == RC_OK && i < w->nrek; i++) {
		const struct werk_rekening *r = &w->rek[i];
		if (memcmp(&r->nu, &r->oud, sizeof r->nu) != 0)
			rc = store_gb_rekening_saldi_zet(w->s, r->id, &r->oud, &r->nu, e);
	}
	return rc;
}

rc_t grootboek_boek(struct store *s, const struct boeking *batch, size_t n,
		    struct boeking_resultaat *results, struct error *e)
{
	if (!batch || !results || n == 0 || n > GROOTBOEK_BATCH_MAX)
		return error_set(e, RC_INVALID, "Een opdracht bevat 1 tot %d boekingen (ontvangen: %zu).",
				 GROOTBOEK_BATCH_MAX, n);
	struct arena a;
	arena_init(&a, WERK_ARENA_BYTES);
	struct werk w;
	rc_t rc = werk_init(&w, s, &a, batch, n, results, e);
	if (rc == RC_OK)
		rc = werk_voorlees(&w, e);
	for (size_t i = 0; rc == RC_OK && i < n;) {
		size_t eind = i;
		while (eind < n - 1 && batch[eind].gekoppeld)
			eind++;
		if (batch[eind].gekoppeld) {
			/* The batch ends inside a chain: TigerBeetle's linked_event_chain_open. */
			for (size_t k = i; k <= eind; k++)
				results[k].uitkomst = k == eind ? GROOTBOEK_KETEN_NIET_GESLOTEN
								: GROOTBOEK_GEKOPPELDE_BOEKING_MISLUKT;
		} else {
			rc = boek_keten(&w, i, eind, e);
		}
		i = eind + 1;
	}
	if (rc == RC_OK)
		rc = werk_schrijf(&w, e);
	arena_release(&a);
	return rc;
}

/* ---- refusals as a problem ---------------------------------------------- */

/* The rule a refusal enforces, by the kind of account that refused. */
static const char *weigering_bron(const struct boeking_resultaat *r)
{
	if (r->uitkomst != GROOTBOEK_ONVOLDOENDE_SALDO)
		return NULL;
	switch (r->rekening_soort) {
	case REKENING_POT: return "[001 §3, §7]";
	case REKENING_JAAR: return "[003 §8b]";
	case REKENING_THEMA: return "[002 §4.1]";
	case REKENING_PROJECT: return "[001 §2, §7]";
	default: return NULL;
	}
}

/* A Dutch sentence saying why entry b was refused with result r. */
static void weigering_zin(const struct boeking *b, const struct boeking_resultaat *r,
			  char *out, size_t n)
{
	char ruimte[48], bedrag[48];
	bedrag_getal(r->ruimte_cent, ruimte, sizeof ruimte);
	bedrag_getal(b->bedrag_cent, bedrag, sizeof bedrag);
	const char *sl = sleutel_geldig(b->sleutel) ? b->sleutel : "?";
	const char *rs = sleutel_geldig(b->reservering) ? b->reservering : "?";
	const char *de = rekeningcode_geldig(b->debet) ? b->debet : "?";
	const char *cr = rekeningcode_geldig(b->credit) ? b->credit : "?";
#define ZIN(...) snprintf(out, n, __VA_ARGS__); break
	switch (r->uitkomst) {
	case GROOTBOEK_GEKOPPELDE_BOEKING_MISLUKT:
		ZIN("Niet geboekt: een andere boeking van dezelfde gekoppelde reeks werd geweigerd.");
	case GROOTBOEK_KETEN_NIET_GESLOTEN:
		ZIN("De laatste boeking is gekoppeld aan een volgende die er niet is.");
	case GROOTBOEK_SLEUTEL_ONGELDIG:
		ZIN("Geef een sleutel van 1 tot %d tekens A-Z, a-z, 0-9, '/', '_', '.', ':' of '-', "
		    "afgeleid van de gebeurtenis (zoals beschikking/12/reservering).",
		    GROOTBOEK_SLEUTEL_MAX);
	case GROOTBOEK_BESTAAT_MET_ANDERE_VELDEN:
		ZIN("Sleutel %s is al geboekt met andere gegevens; een herhaald verzoek is gelijk aan "
		    "het eerste, een nieuwe boeking krijgt een nieuwe sleutel.", sl);
	case GROOTBOEK_SOORT_ONGELDIG:
		ZIN("Kies direct, reservering, boeking_van_reservering of vrijgave_van_reservering.");
	case GROOTBOEK_TEKST_ONGELDIG:
		ZIN("De code bestaat uit ten hoogste %d tekens a-z, 0-9, '_', '.' of '-'; de "
		    "omschrijving uit ten hoogste %d bytes UTF-8 zonder regeleinden.",
		    GROOTBOEK_BOEKCODE_MAX, GROOTBOEK_OMSCHRIJVING_MAX);
	case GROOTBOEK_BEDRAG_NIET_POSITIEF:
		ZIN("Het bedrag is een positief aantal eurocent (ontvangen: %" PRId64 ").", b->bedrag_cent);
	case GROOTBOEK_RESERVERING_ONTBREEKT:
		ZIN("Geef de sleutel van de reservering die wordt geboekt of vrijgegeven.");
	case GROOTBOEK_RESERVERING_NIET_TOEGESTAAN:
		ZIN("Alleen het boeken of vrijgeven van een reservering noemt een reservering.");
	case GROOTBOEK_REKENING_ONTBREEKT:
		ZIN("Geef een debet- en een creditrekening.");
	case GROOTBOEK_REKENINGEN_GELIJK:
		ZIN("Debet- en creditrekening zijn dezelfde (%s).", de);
	case GROOTBOEK_DEBETREKENING_ONBEKEND:
		ZIN("Debetrekening %s bestaat niet.", de);
	case GROOTBOEK_CREDITREKENING_ONBEKEND:
		ZIN("Creditrekening %s bestaat niet.", cr);
	case GROOTBOEK_RESERVERING_ONBEKEND:
		ZIN("Reservering %s bestaat niet.", rs);
	case GROOTBOEK_GEEN_RESERVERING:
		ZIN("Boeking %s is geen reservering.", rs);
	case GROOTBOEK_REKENING_WIJKT_AF_VAN_RESERVERING:
		ZIN("De rekeningen zijn niet die van reservering %s.", rs);
	case GROOTBOEK_MEER_DAN_GERESERVEERD:
		ZIN("Er wordt niet meer geboekt dan reservering %s vasthoudt (gevraagd EUR %s).", rs, bedrag);
	case GROOTBOEK_BEDRAG_WIJKT_AF_VAN_RESERVERING:
		ZIN("Een vrijgave geeft reservering %s helemaal vrij: laat het bedrag 0 of geef precies "
		    "het gereserveerde bedrag.", rs);
	case GROOTBOEK_RESERVERING_AL_AFGEHANDELD:
		ZIN("Reservering %s is al geboekt of vrijgegeven; dat gebeurt precies een keer.", rs);
	case GROOTBOEK_OVERLOOP:
		ZIN("Het bedrag past niet meer in de saldi van de rekeningen.");
	case GROOTBOEK_ONVOLDOENDE_SALDO:
		ZIN("Rekening %s heeft nog EUR %s beschikbaar; gevraagd EUR %s.", de, ruimte, bedrag);
	case GROOTBOEK_CREDIT_BOVEN_DEBET:
		ZIN("Rekening %s kan nog EUR %s ontvangen; gevraagd EUR %s.", cr, ruimte, bedrag);
	default:
		ZIN("Geweigerd.");
	}
#undef ZIN
}

rc_t grootboek_weigeringen(const struct boeking *batch, const struct boeking_resultaat *results,
			   size_t n, struct error *e)
{
	size_t geweigerd = 0;
	bool toestand = false;
	for (size_t i = 0; i < n; i++) {
		enum grootboek_uitkomst u = results[i].uitkomst;
		if (u != GROOTBOEK_OK && u != GROOTBOEK_BESTAAT) {
			geweigerd++;
			toestand = toestand || ((unsigned)u < GROOTBOEK_UITKOMST__COUNT && uitkomsten[u].toestand);
		}
	}
	if (geweigerd == 0)
		return RC_OK;
	rc_t rc = toestand ? RC_CONFLICT : RC_INVALID;
	error_set(e, rc, "%zu van de %zu boekingen geweigerd; het grootboek is daarvoor niet gewijzigd.",
		  geweigerd, n);
	for (size_t i = 0; i < n; i++) {
		enum grootboek_uitkomst u = results[i].uitkomst;
		if (u == GROOTBOEK_OK || u == GROOTBOEK_BESTAAT)
			continue;
		char veld[32], zin[ERROR_MESSAGE_MAX];
		snprintf(veld, sizeof veld, "/boekingen/%zu", i);
		weigering_zin(&batch[i], &results[i], zin, sizeof zin);
		error_add(e, veld, grootboek_uitkomst_naam(u), weigering_bron(&results[i]), "%s", zin);
	}
	return rc;
}

struct boek_ctx {
	const char *actor;
	const struct boeking *batch;
	size_t n;
	struct boeking_resultaat *results;
};

/* The audit record of a batch: counts, and the first keys. */
static rc_t boek_audit(struct store *s, const struct boek_ctx *c, struct error *e)
{
	size_t geboekt = 0, bestaand = 0;
	int64_t eerste = 0;
	json_t *sleutels = json_array();
	for (size_t i = 0; i < c->n; i++) {
		enum grootboek_uitkomst u = c->results[i].uitkomst;
		geboekt += u == GROOTBOEK_OK;
		bestaand += u == GROOTBOEK_BESTAAT;
		if (u == GROOTBOEK_OK && !eerste)
			eerste = c->results[i].boeking_id;
		if (sleutels && i < 10 && sleutel_geldig(c->batch[i].sleutel))
			json_array_append_new(sleutels, json_string(c->batch[i].sleutel));
	}
	json_t *d = json_pack("{s:I, s:I, s:I, s:I, s:o}", "boekingen", (json_int_t)c->n,
			      "geboekt", (json_int_t)geboekt, "bestaand", (json_int_t)bestaand,
			      "geweigerd", (json_int_t)(c->n - geboekt - bestaand), "sleutels", sleutels);
	char *detail = d ? json_dumps(d, JSON_COMPACT) : NULL;
	json_decref(d);
	if (!detail)
		return error_set(e, RC_NOMEM, "Onvoldoende geheugen voor het auditrecord.");
	char object[48] = "grootboek";
	if (eerste)
		snprintf(object, sizeof object, "grootboek/boeking/%" PRId64, eerste);
	bool alles = geboekt + bestaand == c->n;
	struct audit_entry ae = {.actor = c->actor, .actie = "grootboek.boek", .object = object,
				 .resultaat = alles ? "gelukt" : "geweigerd", .detail = detail};
	rc_t rc = audit_append(s, &ae, e);
	free(detail);
	return rc;
}

/* store_tx function of grootboek_boek_apart: book, then audit. */
static rc_t boek_tx(struct store *s, void *ctx, struct error *e)
{
	struct boek_ctx *c = ctx;
	rc_t rc = grootboek_boek(s, c->batch, c->n, c->results, e);
	return rc == RC_OK ? boek_audit(s, c, e) : rc;
}

rc_t grootboek_boek_apart(struct store *s, const char *actor, const struct boeking *batch,
			  size_t n, struct boeking_resultaat *results, struct error *e)
{
	struct boek_ctx c = {.actor = actor, .batch = batch, .n = n, .results = results};
	rc_t rc = store_tx(s, STORE_WRITE, boek_tx, &c, e);
	return rc == RC_OK ? grootboek_weigeringen(batch, results, n, e) : rc;
}

/* ---- reading --------------------------------------------------------------- */

/* All accounts ordered by id into `arena` (inside a transaction). */
rc_t gb_rekeningen_lees(struct store *s, struct arena *arena, struct rekening **out,
			    size_t *n_out, struct error *e)
{
	struct store_rows rows;
	rc_t rc = store_gb_rekening_page(s, 0, GROOTBOEK_REKENINGEN_MAX + 1, arena, &rows, e);
	if (rc != RC_OK)
		return rc;
	if (rows.nrows > GROOTBOEK_REKENINGEN_MAX)
		return error_set(e, RC_TOO_LARGE, "Meer dan %d grootboekrekeningen.", GROOTBOEK_REKENINGEN_MAX);
	struct rekening *r = arena_alloc(arena, (rows.nrows + 1) * sizeof *r);
	if (!r)
		return error_set(e, RC_NOMEM, "Onvoldoende geheugen voor de rekeningen.");
	for (size_t i = 0; i < rows.nrows; i++)
		if (!rekening_uit_rij(&rows, i, &r[i]))
			return error_set(e, RC_STORE, "Grootboekrekening in rij %zu is onleesbaar.", i);
	*out = r;
	*n_out = rows.nrows;
	return RC_OK;
}

/* The arguments and results of the readers' store_tx functions. */
struct lees_ctx {
	const char *code;         /* saldo, bij_sleutel */
	struct rekening *rekening;
	struct arena *arena;
	struct rekening **rekeningen;
	struct boeking_regel **regels;
	struct boeking_regel *regel;
	size_t *n_out;
	int64_t after;
	size_t limit;
};

static rc_t saldo_tx(struct store *s, void *ctx, struct error *e)
{
	struct lees_ctx *c = ctx;
	struct arena a;
	arena_init(&a, ARENA_RIJ_BYTES);
	struct store_rows rows;
	rc_t rc = store_gb_rekening_by_code(s, c->code, &a, &rows, e);
	if (rc == RC_OK && rows.nrows == 0)
		rc = error_set(e, RC_NOT_FOUND, "Grootboekrekening %s bestaat niet.", c->code);
	else if (rc == RC_OK && !rekening_uit_rij(&rows, 0, c->rekening))
		rc = error_set(e, RC_STORE, "Grootboekrekening %s is onleesbaar.", c->code);
	arena_release(&a);
	return rc;
}

rc_t grootboek_saldo(struct store *s, const char *code, struct rekening *out, struct error *e)
{
	if (!rekeningcode_geldig(code))
		return error_set(e, RC_NOT_FOUND, "Grootboekrekening bestaat niet.");
	struct rekening r;
	struct lees_ctx c = {.code = code, .rekening = &r};
	rc_t rc = store_tx(s, STORE_READ, saldo_tx, &c, e);
	if (rc == RC_OK)
		*out = r;
	return rc;
}

static rc_t rekeningen_tx(struct store *s, void *ctx, struct error *e)
{
	struct lees_ctx *c = ctx;
	return gb_rekeningen_lees(s, c->arena, c->rekeningen, c->n_out, e);
}

rc_t grootboek_rekeningen(struct store *s, struct arena *arena, struct rekening **out,
			  size_t *n_out, struct error *e)
{
	struct rekening *r = NULL;
	size_t n = 0;
	struct lees_ctx c = {.arena = arena, .rekeningen = &r, .n_out = &n};
	rc_t rc = store_tx(s, STORE_READ, rekeningen_tx, &c, e);
	if (rc == RC_OK) {
		*out = r;
		*n_out = n;
	}
	return rc;
}

static rc_t boekingen_tx(struct store *s, void *ctx, struct error *e)
{
	struct lees_ctx *c = ctx;
	struct store_rows rows;
	rc_t rc = store_gb_boeking_page(s, c->after, (int64_t)c->limit, c->arena, &rows, e);
	if (rc != RC_OK)
		return rc;
	struct boeking_regel *r = arena_alloc(c->arena, (rows.nrows + 1) * sizeof *r);
	if (!r)
		return error_set(e, RC_NOMEM, "Onvoldoende geheugen voor de boekingen.");
	for (size_t i = 0; i < rows.nrows; i++)
		if (!regel_uit_rij(&rows, i, &r[i]))
			return error_set(e, RC_STORE, "Boeking in rij %zu is onleesbaar.", i);
	*c->regels = r;
	*c->n_out = rows.nrows;
	return RC_OK;
}

rc_t grootboek_boekingen(struct store *s, int64_t after_id, size_t limit, struct arena *arena,
			 struct boeking_regel **out, size_t *n_out, struct error *e)
{
	if (limit == 0 || limit > GROOTBOEK_PAGINA_MAX)
		return error_set(e, RC_INVALID, "Een pagina telt 1 tot %d boekingen.", GROOTBOEK_PAGINA_MAX);
	struct boeking_regel *r = NULL;
	size_t n = 0;
	struct lees_ctx c = {.arena = arena, .regels = &r, .n_out = &n, .after = after_id, .limit = limit};
	rc_t rc = store_tx(s, STORE_READ, boekingen_tx, &c, e);
	if (rc == RC_OK) {
		*out = r;
		*n_out = n;
	}
	return rc;
}

static rc_t bij_sleutel_tx(struct store *s, void *ctx, struct error *e)
{
	struct lees_ctx *c = ctx;
	struct store_rows rows;
	rc_t rc = store_gb_boeking_by_sleutel(s, c->code, c->arena, &rows, e);
	if (rc == RC_OK && rows.nrows == 0)
		rc = error_set(e, RC_NOT_FOUND, "Er is geen boeking met sleutel %s.", c->code);
	else if (rc == RC_OK && !regel_uit_rij(&rows, 0, c->regel))
		rc = error_set(e, RC_STORE, "Boeking %s is onleesbaar.", c->code);
	return rc;
}

rc_t grootboek_boeking_bij_sleutel(struct store *s, const char *sleutel, struct arena *arena,
				   struct boeking_regel *out, struct error *e)
{
	if (!sleutel_geldig(sleutel))
		return error_set(e, RC_NOT_FOUND, "Er is geen boeking met deze sleutel.");
	struct boeking_regel r;
	struct lees_ctx c = {.code = sleutel, .arena = arena, .regel = &r};
	rc_t rc = store_tx(s, STORE_READ, bij_sleutel_tx, &c, e);
	if (rc == RC_OK)
		*out = r;
	return rc;
}

json_t *boeking_json(const struct boeking_regel *b)
{
	json_t *j = json_pack("{s:I, s:s, s:s, s:s, s:s, s:I, s:s, s:s, s:s}",
		"id", (json_int_t)b->id, "sleutel", b->sleutel, "soort", boeking_soort_naam(b->soort),
		"debet", b->debet, "credit", b->credit, "bedrag_cent", (json_int_t)b->bedrag_cent,
		"code", b->code ? b->code : "", "omschrijving", b->omschrijving ? b->omschrijving : "",
		"tijdstip", b->tijdstip);
	if (j) {
		json_object_set_new(j, "reservering", b->reservering ? json_string(b->reservering) : json_null());
		json_object_set_new(j, "keten", b->keten ? json_string(b->keten) : json_null());
	}
	return j;
}
