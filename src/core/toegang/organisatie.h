/*
 * organisatie.h -- the parties of DOMAIN.md §1 as organisations with
 * validated identifiers.
 *
 * Kinds (soort) and what each must carry:
 *   zorgaanbieder    care provider: AGB code and KvK number (8 digits each)
 *   zorgverzekeraar  health insurer: UZOVI code (4 digits) and its concern;
 *                    KvK number optional
 *   gemeente         municipality: CBS code of the reference year's list
 *                    (the name comes from that list); KvK number optional
 *   programmabureau, bestuur, nza, zorginstituut
 *                    the fixed bodies (VWS / programme office, BO IZA/AZWA,
 *                    NZa, Zorginstituut Nederland): seeded by migration 003,
 *                    exactly one each, never created through the API.
 * Any organisation may give a bank account (IBAN, mod-97 checked) and its
 * place of business (plaats, 1..100 characters; a municipality's is its
 * name).
 *
 * The register: every logged-in party searches every organisation by name
 * or code (business data, no personal data), so that a coalition finds
 * its partners and insurers; the bank account is shown only to the
 * organisation itself, the administrator and the auditor.
 * AGB, UZOVI and CBS codes are unique; a duplicate is RC_CONFLICT.
 */
#ifndef DOORBRAAK_ORGANISATIE_H
#define DOORBRAAK_ORGANISATIE_H

#include <jansson.h>
#include <stdbool.h>
#include <stdint.h>

#include "store/store.h"
#include "core/toegang/toegang.h"

#define ORGANISATIE_NAAM_MAX 200
#define ORGANISATIE_PLAATS_MAX 100
#define ORGANISATIE_ZOEK_MAX 100
#define ORGANISATIE_PAGINA_MAX 1000

/* One organisation. On input (organisatie_maak) id, peiljaar, demo and
 * aangemaakt_op are ignored and absent identifiers are NULL. */
struct organisatie {
	int64_t id;
	const char *soort;
	const char *naam;
	const char *agb_code;
	const char *kvk_nummer;
	const char *uzovi_code;
	const char *concern;
	const char *cbs_code;
	const char *iban;
	const char *plaats;
	int peiljaar;          /* the year of the municipality list, 0 otherwise */
	bool demo;             /* made by the demo data */
	const char *aangemaakt_op;
};

/* True for a known kind; true in *vast for the four fixed bodies. */
bool organisatie_soort_bekend(const char *soort, bool *vast);

/* True when an account of an organisation of kind `soort` may hold role
 * `rol` (one bit): aanvrager at care providers, beoordelaar at insurers,
 * gemeente at municipalities, bestuur / nza / zorginstituut /
 * programmabureau at their fixed body, beheerder at the programme office,
 * auditor at any of the fixed bodies. */
/* The roles an account of an organisation of kind `soort` may hold (0
 * for an unknown kind). The one table; the API shows it per organisation
 * (toegestane_rollen) so the web client never copies it. */
unsigned organisatie_soort_rollen(const char *soort);

bool organisatie_rol_past(const char *soort, unsigned rol);

/* Validates `in` (every problem at once, fields as JSON pointers "/agb_code")
 * and, in one transaction with its audit record, inserts it. `demo` marks
 * demo data. On success writes *id_out. On RC_INVALID or RC_CONFLICT the
 * refusal is an audit record of its own and nothing is stored. */
rc_t organisatie_maak(struct store *s, const struct principal *who, const struct organisatie *in,
		      bool demo, int64_t *id_out, struct error *e);

/* Reads one organisation into `out` (strings in `arena`); RC_NOT_FOUND
 * with TOEGANG_NIET_GEVONDEN when there is none. No access check: the
 * caller uses toegang_mag_organisatie(). */
rc_t organisatie_lees(struct store *s, struct arena *arena, int64_t id, struct organisatie *out,
		      struct error *e);

/* What the register is searched for; NULL fields do not filter. `zoek`
 * (1..ORGANISATIE_ZOEK_MAX characters) matches a part of the name, any
 * case, or a whole AGB, KvK, UZOVI or CBS code; `soort` one kind. */
struct organisatie_filter {
	const char *zoek;
	const char *soort;
};

/* Checks a filter: an unknown soort or a search text of the wrong length
 * is a problem for "/zoek" or "/soort" (every one at once, RC_INVALID). */
rc_t organisatie_filter_controleer(const struct organisatie_filter *f, struct error *e);

/* The register (organisatie_filter_controleer first): every organisation
 * for anyone with a role, ordered by id, at most `limiet`
 * (1..ORGANISATIE_PAGINA_MAX) after id `na`; nothing for a caller without
 * one. *out is an arena array of *n. */
rc_t organisatie_lijst(struct store *s, struct arena *arena, const struct principal *who,
		       const struct organisatie_filter *f, int64_t na, int64_t limiet,
		       struct organisatie **out, size_t *n, struct error *e);

/* Finds an organisation by AGB, UZOVI or CBS code (the first given);
 * RC_NOT_FOUND when none. Used by the demo data to stay idempotent. */
rc_t organisatie_zoek(struct store *s, struct arena *arena, const char *agb, const char *uzovi,
		      const char *cbs, struct organisatie *out, struct error *e);

/* The fixed body of a kind ("programmabureau", "nza", ...). */
rc_t organisatie_vast_orgaan(struct store *s, struct arena *arena, const char *soort,
			     struct organisatie *out, struct error *e);

/* An organisation as the API and the CLI show it (docs/toegang.md), with
 * the roles its accounts may hold; its bank account only when `who` may
 * read the organisation itself (toegang_mag_organisatie; NULL: always).
 * New reference; NULL on OOM. */
json_t *organisatie_json(const struct organisatie *o, const struct principal *who);

#endif
