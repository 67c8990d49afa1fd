/*
 * gebruiker.c -- creating, reading and changing accounts. See gebruiker.h.
 */
#include "core/toegang/gebruiker.h"

#include <ctype.h>
#include <inttypes.h>
#include <jansson.h>
#include <sodium.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "store/store_partijen.h"
#include "core/basis/tekst.h"
#include "store/store_toegang.h"
#include "core/basis/audit.h"
#include "core/toegang/organisatie.h"
#include "core/toegang/wachtwoord.h"
#include "core/basis/klok.h"
#include "core/basis/json.h"

static const unsigned rol_volgorde[] = {
	ROL_AANVRAGER, ROL_BEOORDELAAR, ROL_BESTUUR, ROL_NZA, ROL_PROGRAMMABUREAU,
	ROL_GEMEENTE, ROL_ZORGINSTITUUT, ROL_AUDITOR, ROL_BEHEERDER, ROL_VWS,
};

size_t gebruiker_rolnamen(unsigned rollen, const char **out, size_t max)
{
	size_t n = 0;
	for (size_t i = 0; i < sizeof rol_volgorde / sizeof rol_volgorde[0] && n < max; i++)
		if (rollen & rol_volgorde[i])
			out[n++] = rol_naam(rol_volgorde[i]);
	return n;
}

rc_t gebruiker_rollen_uit_namen(const char *const *namen, size_t n, const char *veld,
				unsigned *out, struct error *e)
{
	size_t before = e->item_count;
	unsigned bits = 0;
	if (n == 0)
		toegang_verplicht(e, veld, "Geef minstens één rol.");
	if (n > GEBRUIKER_ROLLEN_MAX)
		error_add(e, veld, "te_veel", NULL, "Hoogstens %d rollen.", GEBRUIKER_ROLLEN_MAX);
	for (size_t i = 0; i < n && i < GEBRUIKER_ROLLEN_MAX; i++) {
		unsigned bit = rol_uit_naam(namen[i]);
		if (!bit) {
			char field[ERROR_FIELD_MAX];
			snprintf(field, sizeof field, "%s/%zu", veld, i);
			error_add(e, field, "rol_onbekend", NULL,
				  "Onbekende rol '%.40s'; kies uit aanvrager, beoordelaar, bestuur, nza, "
				  "programmabureau, gemeente, zorginstituut, auditor, beheerder.",
				  namen[i] ? namen[i] : "");
		}
		bits |= bit;
	}
	if (e->item_count > before)
		return RC_INVALID;
	*out = bits;
	return RC_OK;
}

json_t *gebruiker_rollen_json(unsigned rollen)
{
	const char *namen[GEBRUIKER_ROLLEN_MAX];
	size_t n = gebruiker_rolnamen(rollen, namen, GEBRUIKER_ROLLEN_MAX);
	json_t *a = json_array();
	for (size_t i = 0; a && i < n; i++)
		json_array_append_new(a, json_string(namen[i]));
	return a;
}

/* Lower-cases `in` into `out` (size max + 1); false when too long. */
static bool klein(const char *in, char *out, size_t max)
{
	size_t n = strlen(in);
	if (n > max)
		return false;
	for (size_t i = 0; i <= n; i++)
		out[i] = (char)tolower((unsigned char)in[i]);
	return true;
}

static void controleer_naam(const char *naam, char out[GEBRUIKER_NAAM_MAX + 1], struct error *e)
{
	if (!naam) {
		toegang_verplicht(e, "/gebruikersnaam", "De gebruikersnaam is verplicht.");
		return;
	}
	size_t n = strlen(naam);
	bool ok = n >= GEBRUIKER_NAAM_MIN && klein(naam, out, GEBRUIKER_NAAM_MAX) &&
		  isalnum((unsigned char)out[0]);
	for (size_t i = 0; ok && i < n; i++)
		ok = (out[i] >= 'a' && out[i] <= 'z') || (out[i] >= '0' && out[i] <= '9') ||
		     out[i] == '.' || out[i] == '_' || out[i] == '-';
	if (!ok)
		error_add(e, "/gebruikersnaam", "vorm", NULL,
			  "Een gebruikersnaam heeft %d tot %d tekens: letters, cijfers, punt, liggend "
			  "streepje of koppelteken, en begint met een letter of cijfer.",
			  GEBRUIKER_NAAM_MIN, GEBRUIKER_NAAM_MAX);
}

/* A plain check: one @, something before it, a domain with a dot and no
 * spaces or control characters. Whether it is deliverable is not ours to
 * know. */
/* The person's name (required when `verplicht`) and function: 1..
 * GEBRUIKER_PERSOON_MAX characters, not only spaces. */
static void controleer_persoon(const char *naam, bool verplicht, const char *functie, struct error *e)
{
	if (!naam && verplicht)
		toegang_verplicht(e, "/naam", "Geef de naam van de persoon (zoals die onder een besluit staat).");
	else if (naam && (strlen(naam) > GEBRUIKER_PERSOON_MAX || !tekst_aanwezig(naam)))
		error_add(e, "/naam", "lengte", NULL, "De naam heeft 1 tot %d tekens.", GEBRUIKER_PERSOON_MAX);
	if (functie && (strlen(functie) > GEBRUIKER_PERSOON_MAX || !tekst_aanwezig(functie)))
		error_add(e, "/functie", "lengte", NULL, "De functie heeft 1 tot %d tekens.", GEBRUIKER_PERSOON_MAX);
}

static void controleer_email(const char *email, char out[GEBRUIKER_EMAIL_MAX + 1], struct error *e)
{
	if (!email) {
		toegang_verplicht(e, "/email", "Het e-mailadres is verplicht.");
		return;
	}
	bool ok = klein(email, out, GEBRUIKER_EMAIL_MAX);
	const char *at = ok ? strchr(out, '@') : NULL;
	ok = at && at != out && !strchr(at + 1, '@') && strchr(at + 1, '.') &&
	     at[1] != '.' && out[strlen(out) - 1] != '.';
	for (const char *p = out; ok && *p; p++)
		ok = (unsigned char)*p > 0x20 && *p != 0x7f;
	if (!ok)
		error_add(e, "/email", "vorm", NULL,
			  "Geef een e-mailadres van de vorm naam@domein.nl (hoogstens %d tekens).",
			  GEBRUIKER_EMAIL_MAX);
}

struct gebruiker_maakopdracht {
	const struct gebruiker_nieuw *in;
	const char *actor;
	bool vier_ogen;        /* a person grants: ROL_GELD roles are only proposed */
	char naam[GEBRUIKER_NAAM_MAX + 1];
	char email[GEBRUIKER_EMAIL_MAX + 1];
	unsigned rollen;
	char hash[WACHTWOORD_HASH_MAX];
	char totp[TOTP_OPSLAG_MAX];
	int64_t id;
};

/* Every role must fit the organisation's kind. */
static void controleer_rollen_bij(const char *soort, unsigned rollen, struct error *e)
{
	for (size_t i = 0; i < sizeof rol_volgorde / sizeof rol_volgorde[0]; i++) {
		unsigned bit = rol_volgorde[i];
		if ((rollen & bit) && !organisatie_rol_past(soort, bit))
			error_add(e, "/rollen", "rol_past_niet", NULL,
				  "De rol %s past niet bij een organisatie van soort %s.", rol_naam(bit), soort);
	}
}

/* Reads the organisation's kind; an unknown organisation is a problem of
 * field "/organisatie_id". */
static rc_t organisatie_soort(struct store *s, struct arena *a, int64_t id, const char **soort,
			      struct error *e)
{
	struct store_rows rows;
	rc_t rc = store_organisatie_by_id(s, id, a, &rows, e);
	if (rc != RC_OK)
		return rc;
	if (rows.nrows == 0) {
		error_add(e, "/organisatie_id", "onbekend", NULL, "Organisatie %" PRId64 " bestaat niet.", id);
		return RC_INVALID;
	}
	*soort = store_text(&rows, 0, SO_SOORT);
	return RC_OK;
}

static rc_t gebruiker_maak_tx(struct store *s, void *ctx, struct error *e)
{
	struct gebruiker_maakopdracht *m = ctx;
	struct arena a;
	arena_init(&a, ARENA_RIJ_BYTES);
	const char *soort = NULL;
	struct store_rows rows;
	rc_t rc = organisatie_soort(s, &a, m->in->organisatie_id, &soort, e);
	if (rc == RC_OK) {
		controleer_rollen_bij(soort, m->rollen, e);
		if (e->item_count > 0)
			rc = RC_INVALID;
	}
	if (rc == RC_OK)
		rc = store_gebruiker_bezet(s, m->naam, m->email, &a, &rows, e);
	if (rc == RC_OK && rows.nrows > 0)
		rc = strcmp(store_text(&rows, 0, 1), m->naam) == 0
			? error_set(e, RC_CONFLICT, "De gebruikersnaam '%s' is al in gebruik.", m->naam)
			: error_set(e, RC_CONFLICT, "Er is al een account met e-mailadres %s.", m->email);
	char nu[32];
	klok_nu_tekst(NULL, nu, sizeof nu);
	/* [BIO 6.1.2] roles where money moves, given by a person, wait for a second one */
	unsigned voorgesteld = m->vier_ogen ? m->rollen & ROL_GELD : 0;
	if (rc == RC_OK)
		rc = store_gebruiker_insert(s, m->in->organisatie_id, m->naam, m->email,
					    m->rollen & ~voorgesteld, m->hash,
					    m->totp[0] ? m->totp : NULL, m->in->demo, nu, &m->id, e);
	if (rc == RC_OK && voorgesteld)
		rc = store_gebruiker_set_voorgesteld(s, m->id, voorgesteld, m->actor, nu, e);
	if (rc == RC_OK && (m->in->naam || m->in->functie))
		rc = store_gebruiker_set_persoon(s, m->id, m->in->naam, m->in->functie, nu, e);
	if (rc == RC_OK) {
		char object[48];
		snprintf(object, sizeof object, "gebruiker/%" PRId64, m->id);
		json_t *d = json_pack("{s:s, s:I, s:o, s:o, s:b}", "gebruikersnaam", m->naam,
				      "organisatie_id", (json_int_t)m->in->organisatie_id,
				      "rollen", gebruiker_rollen_json(m->rollen & ~voorgesteld),
				      "rollen_voorgesteld", gebruiker_rollen_json(voorgesteld),
				      "tweede_factor", m->totp[0] != '\0');
		char *detail = d ? json_dumps(d, JSON_COMPACT) : NULL;
		json_decref(d);
		struct audit_entry entry = {m->actor, "gebruiker.maak", object, "gelukt", detail};
		rc = detail ? audit_append(s, &entry, e) : error_set(e, RC_NOMEM, "Onvoldoende geheugen.");
		free(detail);
	}
	arena_release(&a);
	return rc;
}

rc_t gebruiker_maak(struct store *s, const struct principal *who, const struct gebruiker_nieuw *in,
		    struct gebruiker_inschrijving *out, struct error *e)
{
	struct gebruiker_maakopdracht m = {.in = in, .actor = who && who->actor ? who->actor : "systeem",
					   .vier_ogen = who && who->account_id > 0 && !in->demo};
	controleer_naam(in->gebruikersnaam, m.naam, e);
	controleer_email(in->email, m.email, e);
	controleer_persoon(in->naam, !in->demo, in->functie, e);
	if (in->organisatie_id <= 0)
		toegang_verplicht(e, "/organisatie_id", "Geef de organisatie (een id).");
	if (!in->wachtwoord)
		toegang_verplicht(e, "/wachtwoord", "Geef een eerste wachtwoord.");
	else
		wachtwoord_controleer(in->wachtwoord, m.naam[0] ? m.naam : NULL,
				      m.email[0] ? m.email : NULL, "/wachtwoord", e);
	(void)gebruiker_rollen_uit_namen(in->rollen, in->rol_aantal, "/rollen", &m.rollen, e);
	if (e->rc != RC_OK || e->item_count > 0) {
		if (e->rc == RC_OK)
			e->rc = RC_INVALID;
		toegang_weigering_vastleggen(s, m.actor, "gebruiker.maak", "", e);
		return e->rc;
	}
	rc_t rc = wachtwoord_hash(in->wachtwoord, m.hash, e);
	unsigned char geheim[TOTP_GEHEIM_BYTES];
	if (rc == RC_OK && !in->demo) {
		totp_geheim_nieuw(geheim);
		rc = totp_geheim_verzegel(geheim, m.naam, m.totp, e);
	}
	if (rc == RC_OK)
		rc = store_tx(s, STORE_WRITE, gebruiker_maak_tx, &m, e);
	if (rc == RC_INVALID || rc == RC_CONFLICT)
		toegang_weigering_vastleggen(s, m.actor, "gebruiker.maak", "", e);
	if (rc == RC_OK) {
		*out = (struct gebruiker_inschrijving){.id = m.id};
		if (!in->demo) {
			totp_base32(geheim, TOTP_GEHEIM_BYTES, out->totp_geheim, sizeof out->totp_geheim);
			totp_uri(geheim, m.naam, out->totp_uri);
		}
	}
	sodium_memzero(geheim, sizeof geheim);
	sodium_memzero(m.hash, sizeof m.hash);
	return rc;
}

/* ---- reading --------------------------------------------------------- */

static bool gebruiker_uit_rij(struct arena *a, const struct store_rows *r, size_t i,
			      struct gebruiker *out)
{
	*out = (struct gebruiker){
		.id = store_int(r, i, SG_ID, 0),
		.organisatie_id = store_int(r, i, SG_ORGANISATIE, 0),
		.gebruikersnaam = arena_strdup(a, store_text(r, i, SG_NAAM)),
		.email = arena_strdup(a, store_text(r, i, SG_EMAIL)),
		.rollen = (unsigned)store_int(r, i, SG_ROLLEN, 0),
		.actief = store_int(r, i, SG_ACTIEF, 0) == 1,
		.demo = store_int(r, i, SG_DEMO, 0) == 1,
		.tweede_factor = store_int(r, i, SG_TOTP, 0) == 1,
		.aangemaakt_op = arena_strdup(a, store_text(r, i, SG_AANGEMAAKT_OP)),
		.gewijzigd_op = arena_strdup(a, store_text(r, i, SG_GEWIJZIGD_OP)),
		.rollen_voorgesteld = (unsigned)store_int(r, i, SG_VOORGESTELD, 0),
		.berichten_mailen = store_int(r, i, SG_MAILEN, 1) == 1,
	};
	const char *naam = store_text(r, i, SG_VOLLEDIGE_NAAM), *functie = store_text(r, i, SG_FUNCTIE);
	out->naam = naam ? arena_strdup(a, naam) : NULL;
	out->functie = functie ? arena_strdup(a, functie) : NULL;
	const char *door = store_text(r, i, SG_VOORGESTELD_DOOR);
	out->voorgesteld_door = door ? arena_strdup(a, door) : NULL;
	return out->gebruikersnaam && out->email && out->aangemaakt_op && out->gewijzigd_op &&
	       (!door || out->voorgesteld_door);
}

struct gebruiker_leesopdracht {
	struct arena *arena;
	int64_t id, na, limiet;
	const char *naam;
	struct store_rows rows;
};

static rc_t gebruiker_lees_tx(struct store *s, void *ctx, struct error *e)
{
	struct gebruiker_leesopdracht *o = ctx;
	if (o->naam) {
		struct store_rows ids;
		rc_t rc = store_gebruiker_bezet(s, o->naam, o->naam, o->arena, &ids, e);
		if (rc != RC_OK || ids.nrows == 0) {
			o->rows = (struct store_rows){0};
			return rc;
		}
		return store_gebruiker_by_id(s, store_int(&ids, 0, 0, 0), o->arena, &o->rows, e);
	}
	if (o->limiet > 0)
		return store_gebruiker_page(s, o->na, o->limiet, o->arena, &o->rows, e);
	return store_gebruiker_by_id(s, o->id, o->arena, &o->rows, e);
}

static rc_t gebruiker_een(struct store *s, struct gebruiker_leesopdracht *o, struct gebruiker *out,
			  struct error *e)
{
	rc_t rc = store_tx(s, STORE_READ, gebruiker_lees_tx, o, e);
	if (rc != RC_OK)
		return rc;
	if (o->rows.nrows == 0)
		return error_set(e, RC_NOT_FOUND, "%s", TOEGANG_NIET_GEVONDEN);
	return gebruiker_uit_rij(o->arena, &o->rows, 0, out) ? RC_OK
		: error_set(e, RC_NOMEM, "Onvoldoende geheugen.");
}

rc_t gebruiker_lees(struct store *s, struct arena *arena, int64_t id, struct gebruiker *out,
		    struct error *e)
{
	struct gebruiker_leesopdracht o = {.arena = arena, .id = id};
	return gebruiker_een(s, &o, out, e);
}

rc_t gebruiker_zoek(struct store *s, struct arena *arena, const char *naam_of_email,
		    struct gebruiker *out, struct error *e)
{
	char laag[GEBRUIKER_EMAIL_MAX + 1];
	if (!naam_of_email || !klein(naam_of_email, laag, GEBRUIKER_EMAIL_MAX))
		return error_set(e, RC_NOT_FOUND, "%s", TOEGANG_NIET_GEVONDEN);
	struct gebruiker_leesopdracht o = {.arena = arena, .naam = laag};
	return gebruiker_een(s, &o, out, e);
}

rc_t gebruiker_lijst(struct store *s, struct arena *arena, int64_t na, int64_t limiet,
		     struct gebruiker **out, size_t *n, struct error *e)
{
	if (limiet < 1 || limiet > GEBRUIKER_PAGINA_MAX)
		return error_set(e, RC_INTERNAL, "Paginagrootte buiten 1..%d.", GEBRUIKER_PAGINA_MAX);
	struct gebruiker_leesopdracht o = {.arena = arena, .na = na, .limiet = limiet};
	rc_t rc = store_tx(s, STORE_READ, gebruiker_lees_tx, &o, e);
	if (rc != RC_OK)
		return rc;
	struct gebruiker *lijst = o.rows.nrows ? arena_alloc(arena, o.rows.nrows * sizeof *lijst) : NULL;
	if (o.rows.nrows && !lijst)
		return error_set(e, RC_NOMEM, "Onvoldoende geheugen.");
	for (size_t i = 0; i < o.rows.nrows; i++)
		if (!gebruiker_uit_rij(arena, &o.rows, i, &lijst[i]))
			return error_set(e, RC_NOMEM, "Onvoldoende geheugen.");
	*out = lijst;
	*n = o.rows.nrows;
	return RC_OK;
}

/* ---- changing -------------------------------------------------------- */

struct gebruiker_wijzigopdracht {
	const struct principal *who;
	const char *actor;
	bool vier_ogen;
	int64_t id;
	const struct gebruiker_wijziging *w;
	unsigned nieuwe_rollen;
};

static rc_t wijziging_audit(struct store *s, const char *actor, const char *actie, int64_t id,
			    json_t *d, struct error *e)
{
	char object[48];
	snprintf(object, sizeof object, "gebruiker/%" PRId64, id);
	char *detail = d ? json_dumps(d, JSON_COMPACT) : NULL;
	json_decref(d);
	struct audit_entry entry = {actor, actie, object, "gelukt", detail};
	rc_t rc = detail ? audit_append(s, &entry, e) : error_set(e, RC_NOMEM, "Onvoldoende geheugen.");
	free(detail);
	return rc;
}

/* The row of account `id` (STORE_GEBRUIKER_KOLOMMEN); RC_NOT_FOUND when
 * there is none. */
static rc_t account_rij(struct store *s, struct arena *a, int64_t id, struct store_rows *rows,
			struct error *e)
{
	rc_t rc = store_gebruiker_by_id(s, id, a, rows, e);
	if (rc == RC_OK && rows->nrows == 0)
		rc = error_set(e, RC_NOT_FOUND, "%s", TOEGANG_NIET_GEVONDEN);
	return rc;
}

static rc_t gebruiker_wijzig_tx(struct store *s, void *ctx, struct error *e)
{
	struct gebruiker_wijzigopdracht *m = ctx;
	struct arena a;
	arena_init(&a, ARENA_RIJ_BYTES);
	struct store_rows rows;
	rc_t rc = account_rij(s, &a, m->id, &rows, e);
	unsigned oud = (unsigned)store_int(&rows, 0, SG_ROLLEN, 0);
	bool was_actief = store_int(&rows, 0, SG_ACTIEF, 0) == 1;
	int64_t organisatie_id = store_int(&rows, 0, SG_ORGANISATIE, 0);
	const char *soort = NULL;
	bool zelf = m->who && m->who->account_id == m->id;
	if (rc == RC_OK && m->w->rollen_gezet) {
		rc = organisatie_soort(s, &a, organisatie_id, &soort, e);
		if (rc == RC_OK) {
			controleer_rollen_bij(soort, m->nieuwe_rollen, e);
			if (e->item_count > 0)
				rc = RC_INVALID;
		}
		if (rc == RC_OK && zelf && (oud & ROL_BEHEERDER) && !(m->nieuwe_rollen & ROL_BEHEERDER))
			rc = error_set(e, RC_CONFLICT, "U kunt uw eigen beheerdersrol niet afnemen.");
	}
	if (rc == RC_OK && m->w->actief_gezet && !m->w->actief && zelf)
		rc = error_set(e, RC_CONFLICT, "U kunt uw eigen account niet blokkeren.");
	char nu[32];
	klok_nu_tekst(NULL, nu, sizeof nu);
	/* [BIO 6.1.2] a role where money moves that a person adds is only
	 * proposed; what is taken away goes at once. A new role list replaces
	 * an earlier proposal. */
	unsigned oud_voorgesteld = (unsigned)store_int(&rows, 0, SG_VOORGESTELD, 0);
	unsigned voorgesteld = m->vier_ogen ? m->nieuwe_rollen & ~oud & ROL_GELD : 0;
	unsigned nieuw = m->nieuwe_rollen & ~voorgesteld;
	if (rc == RC_OK && m->w->rollen_gezet && nieuw != oud) {
		rc = store_gebruiker_set_rollen(s, m->id, nieuw, nu, e);
		if (rc == RC_OK)
			rc = wijziging_audit(s, m->actor, "gebruiker.rollen", m->id,
					     json_pack("{s:o, s:o}", "van", gebruiker_rollen_json(oud),
						       "naar", gebruiker_rollen_json(nieuw)), e);
	}
	if (rc == RC_OK && m->w->rollen_gezet && voorgesteld != oud_voorgesteld) {
		rc = store_gebruiker_set_voorgesteld(s, m->id, voorgesteld, voorgesteld ? m->actor : NULL,
						     nu, e);
		if (rc == RC_OK && voorgesteld)
			rc = wijziging_audit(s, m->actor, "gebruiker.rollen_voorgesteld", m->id,
					     json_pack("{s:o}", "voorgesteld", gebruiker_rollen_json(voorgesteld)), e);
	}
	if (rc == RC_OK && (m->w->naam_gezet || m->w->functie_gezet)) {
		const char *naam = m->w->naam_gezet ? m->w->naam : store_text(&rows, 0, SG_VOLLEDIGE_NAAM);
		const char *functie = m->w->functie_gezet ? m->w->functie : store_text(&rows, 0, SG_FUNCTIE);
		rc = store_gebruiker_set_persoon(s, m->id, naam, functie, nu, e);
		if (rc == RC_OK)
			rc = wijziging_audit(s, m->actor, "gebruiker.persoon", m->id,
					     json_pack("{s:s?, s:s?}", "naam", naam, "functie", functie), e);
	}
	if (rc == RC_OK && m->w->actief_gezet && m->w->actief != was_actief) {
		int64_t beeindigd = 0;
		rc = store_gebruiker_set_actief(s, m->id, m->w->actief, nu, e);
		if (rc == RC_OK && !m->w->actief)
			rc = store_sessie_delete_gebruiker(s, m->id, &beeindigd, e);
		if (rc == RC_OK)
			rc = wijziging_audit(s, m->actor,
					     m->w->actief ? "gebruiker.deblokkeer" : "gebruiker.blokkeer", m->id,
					     json_pack("{s:I}", "sessies_beeindigd", (json_int_t)beeindigd), e);
	}
	arena_release(&a);
	return rc;
}

rc_t gebruiker_wijzig(struct store *s, const struct principal *who, int64_t id,
		      const struct gebruiker_wijziging *w, struct error *e)
{
	struct gebruiker_wijzigopdracht m = {
		.who = who, .actor = who && who->actor ? who->actor : "systeem", .id = id, .w = w,
		.vier_ogen = who && who->account_id > 0,
	};
	char object[48];
	snprintf(object, sizeof object, "gebruiker/%" PRId64, id);
	if (w->naam_gezet || w->functie_gezet)
		controleer_persoon(w->naam, w->naam_gezet, w->functie, e);
	if (w->rollen_gezet &&
	    gebruiker_rollen_uit_namen(w->rollen, w->rol_aantal, "/rollen", &m.nieuwe_rollen, e) != RC_OK) {
		toegang_weigering_vastleggen(s, m.actor, "gebruiker.wijzig", object, e);
		return e->rc;
	}
	if (e->rc != RC_OK || e->item_count > 0) {
		if (e->rc == RC_OK)
			e->rc = RC_INVALID;
		toegang_weigering_vastleggen(s, m.actor, "gebruiker.wijzig", object, e);
		return e->rc;
	}
	rc_t rc = store_tx(s, STORE_WRITE, gebruiker_wijzig_tx, &m, e);
	if (rc == RC_INVALID || rc == RC_CONFLICT || rc == RC_NOT_FOUND)
		toegang_weigering_vastleggen(s, m.actor, "gebruiker.wijzig", object, e);
	return rc;
}

/* ---- confirming proposed roles (four eyes) ---------------------------- */

struct bevestig_opdracht {
	const struct principal *who;
	const char *actor;
	int64_t id;
};

static rc_t bevestig_tx(struct store *s, void *ctx, struct error *e)
{
	struct bevestig_opdracht *m = ctx;
	struct arena a;
	arena_init(&a, ARENA_RIJ_BYTES);
	struct store_rows rows;
	rc_t rc = account_rij(s, &a, m->id, &rows, e);
	unsigned oud = (unsigned)store_int(&rows, 0, SG_ROLLEN, 0);
	unsigned voorgesteld = (unsigned)store_int(&rows, 0, SG_VOORGESTELD, 0);
	const char *door = rc == RC_OK ? store_text(&rows, 0, SG_VOORGESTELD_DOOR) : NULL;
	const char *soort = NULL;
	if (rc == RC_OK && voorgesteld == 0) {
		error_add(e, "", "geen_voorstel", NULL, "Voor dit account zijn geen rollen voorgesteld.");
		rc = RC_CONFLICT;
	} else if (rc == RC_OK && m->who && m->who->account_id == m->id) {
		error_add(e, "", "eigen_account", "[BIO 6.1.2]", "U bevestigt geen rollen van uw eigen account.");
		rc = RC_CONFLICT;
	} else if (rc == RC_OK && door && strcmp(door, m->actor) == 0) {
		error_add(e, "", "eigen_voorstel", "[BIO 6.1.2]",
			  "U stelde deze rollen zelf voor; een andere beheerder bevestigt ze (vier ogen).");
		rc = RC_CONFLICT;
	}
	if (rc == RC_OK)   /* the organisation's kind cannot change, but check as at creation */
		rc = organisatie_soort(s, &a, store_int(&rows, 0, SG_ORGANISATIE, 0), &soort, e);
	if (rc == RC_OK) {
		controleer_rollen_bij(soort, voorgesteld, e);
		if (e->item_count > 0)
			rc = RC_INVALID;
	}
	char nu[32];
	klok_nu_tekst(NULL, nu, sizeof nu);
	if (rc == RC_OK)
		rc = store_gebruiker_set_rollen(s, m->id, oud | voorgesteld, nu, e);
	if (rc == RC_OK)
		rc = store_gebruiker_set_voorgesteld(s, m->id, 0, NULL, nu, e);
	if (rc == RC_OK)
		rc = wijziging_audit(s, m->actor, "gebruiker.rollen_bevestigd", m->id,
				     json_pack("{s:o, s:o, s:s}", "van", gebruiker_rollen_json(oud),
					       "naar", gebruiker_rollen_json(oud | voorgesteld),
					       "voorgesteld_door", door ? door : ""), e);
	arena_release(&a);
	return rc;
}

rc_t gebruiker_bevestig_rollen(struct store *s, const struct principal *who, int64_t id,
			       struct error *e)
{
	struct bevestig_opdracht m = {who, who && who->actor ? who->actor : "systeem", id};
	rc_t rc = store_tx(s, STORE_WRITE, bevestig_tx, &m, e);
	if (rc == RC_NOT_FOUND || rc == RC_CONFLICT || rc == RC_INVALID) {
		char object[48];
		snprintf(object, sizeof object, "gebruiker/%" PRId64, id);
		e->rc = rc;
		toegang_weigering_vastleggen(s, m.actor, "gebruiker.rollen_bevestigd", object, e);
	}
	return rc;
}

json_t *gebruiker_json(const struct gebruiker *g)
{
	return json_pack("{s:I, s:s, s:s, s:I, s:o, s:b, s:b, s:b, s:s, s:s, s:o, s:o, s:o, s:o, s:b}",
		"id", (json_int_t)g->id, "gebruikersnaam", g->gebruikersnaam, "email", g->email,
		"organisatie_id", (json_int_t)g->organisatie_id, "rollen", gebruiker_rollen_json(g->rollen),
		"actief", g->actief, "tweede_factor", g->tweede_factor, "demo", g->demo,
		"aangemaakt_op", g->aangemaakt_op, "gewijzigd_op", g->gewijzigd_op,
		"rollen_voorgesteld", gebruiker_rollen_json(g->rollen_voorgesteld),
		"voorgesteld_door", g->voorgesteld_door ? json_string(g->voorgesteld_door) : json_null(),
		"naam", g->naam ? json_string(g->naam) : json_null(),
		"functie", g->functie ? json_string(g->functie) : json_null(),
		"berichten_mailen", g->berichten_mailen);
}

struct mailen_ctx {
	const struct principal *who;
	bool mailen;
};

static rc_t mailen_tx(struct store *s, void *ctx, struct error *e)
{
	struct mailen_ctx *c = ctx;
	char nu[KLOK_TEKST_BYTES], object[48];
	klok_nu_tekst(NULL, nu, sizeof nu);
	snprintf(object, sizeof object, "gebruiker/%" PRId64, c->who->account_id);
	rc_t rc = store_gebruiker_set_mailen(s, c->who->account_id, c->mailen, nu, e);
	struct audit_entry ae = {c->who->actor, "gebruiker.berichten_mailen", object, "gelukt",
				 c->mailen ? "{\"mailen\":true}" : "{\"mailen\":false}"};
	return rc == RC_OK ? audit_append(s, &ae, e) : rc;
}

/* Only a person with an account has messages: a token is refused, the
 * refusal audited as every other. */
static rc_t alleen_persoon(struct store *s, const struct principal *who, struct error *e)
{
	if (!who->via_token && who->account_id > 0)
		return RC_OK;
	return toegang_weiger(s, who, RC_FORBIDDEN, "berichten/instellingen",
			      "alleen een persoon met een account heeft berichten", e);
}

rc_t gebruiker_mailen(struct store *s, const struct principal *who, struct arena *arena, bool *mailen,
		      struct error *e)
{
	struct gebruiker g;
	rc_t rc = alleen_persoon(s, who, e);
	if (rc == RC_OK)
		rc = gebruiker_lees(s, arena, who->account_id, &g, e);
	if (rc == RC_OK)
		*mailen = g.berichten_mailen;
	return rc;
}

rc_t gebruiker_zet_mailen(struct store *s, const struct principal *who, json_t *body, bool *mailen,
			  struct error *e)
{
	static const char *const velden[] = {"mailen", NULL};
	rc_t rc = alleen_persoon(s, who, e);   /* before the body is read */
	if (rc != RC_OK)
		return rc;
	struct mailen_ctx c = {.who = who, .mailen = true};
	json_reject_unknown(body, velden, "", e);
	json_get_bool(body, "mailen", true, "", &c.mailen, e);
	if (e->item_count || e->items_dropped)
		return error_set(e, RC_INVALID, "De invoer bevat fouten.");
	rc = store_tx(s, STORE_WRITE, mailen_tx, &c, e);
	if (rc == RC_OK)
		*mailen = c.mailen;
	return rc;
}
