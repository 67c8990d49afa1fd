/*
 * demo.h -- demo parties and one account per role, for `serve --demo`.
 *
 * Everything made here is marked demo in the database. The insurers carry
 * UZOVI codes in the 9xxx range and names starting with "Demo", so they
 * cannot be mistaken for real insurers (no real UZOVI register was
 * shipped to check against); the care providers' AGB codes and KvK
 * numbers start with 99 and are invented too. The municipalities are real
 * ones from the CBS list. The demo accounts share one known password and
 * have no second factor: they can log in only while the server runs in
 * demo mode (sessie.h). Loading twice changes nothing.
 */
#ifndef DOORBRAAK_DEMO_H
#define DOORBRAAK_DEMO_H

#include <jansson.h>
#include <stdbool.h>
#include <stddef.h>

#include "core/basis/arena.h"
#include "store/store.h"
#include "core/toegang/toegang.h"

#define DEMO_WACHTWOORD "demo-doorbraak-2026"
/* The demo's "today" for monitoring (signals, dashboard): its data lives in
 * 2027-2028 (docs/monitoring.md §3). */
#define DEMO_PEILDATUM "2028-09-15"

struct demo_account {
	const char *gebruikersnaam;
	const char *rol;
	const char *organisatie;  /* name of the organisation, for printing */
};

extern const struct demo_account demo_accounts[];
extern const size_t demo_account_aantal;

/* Creates the demo organisations and accounts that do not exist yet,
 * each in its own transaction with its audit record (actor "demo"), and
 * the demo data of every step; with `na_betaling` also the chain after
 * the payment (demo_verantwoording.c: beschikkingen, payments,
 * accountabilities, statements, judgements, a settlement). */
rc_t demo_laad(struct store *s, bool na_betaling, struct error *e);

/* The chain after the payment (demo_verantwoording.c). */
rc_t verantwoording_demo_laad(struct store *s, struct error *e);

/* Two framework decisions of the board (docs/bestuur.md §4a), one
 * replaced and one in force, each in its catalogue version; once. */
rc_t kaderbesluit_demo_laad(struct store *s, struct error *e);

/* The social-domain track's demo data (demo_sociaal.c): scans, work
 * agendas in every state, the SPUK of 2027, progress; once. */
rc_t sociaal_demo_laad(struct store *s, struct error *e);

/* Demo progress reports and an acknowledged signal on the granted demo
 * projects `beschikkingen` (docs/monitoring.md §8): the lead `penvoerder`
 * reports, verzekeraars[i] coordinates project i. */
rc_t monitoring_demo_laad(struct store *s, const struct principal *penvoerder, const struct principal *verzekeraars,
			  const int64_t *beschikkingen, size_t n, struct error *e);

/* Writes the id of the demo organisation with the given AGB code, UZOVI
 * code or CBS code (the others NULL); the store's error when absent. Used
 * by the demo data of later steps (demo_aanvragen.c, demo_verdeling.c). */
rc_t demo_organisatie_code_id(struct store *s, struct arena *a, const char *agb,
			 const char *uzovi, const char *cbs, int64_t *id, struct error *e);

/* Replaces every integer `van` in `v` by `naar`, at any depth: the
 * example documents name organisations by placeholder ids (1001, 2001 ...)
 * that become the demo organisations' real ids. */
void demo_vervang_getal(json_t *v, json_int_t van, json_int_t naar);

/* A demo application: its title, region, example document (embedded
 * path) and fte pledged; zuid_coordineert: the second demo insurer
 * (9002) coordinates instead of the first (9001). */
struct demo_aanvraag_spec {
	const char *titel, *regio, *document;
	int64_t fte_milli;
	bool zuid_coordineert;
};

/* A demo round `naam` (found by name, else made with these moments) with
 * the applications of `spec` made, submitted and assessed positively by
 * both insurers unless they exist (found by title); *ronde_id and ids[i]
 * (demo_verdeling.c). */
rc_t demo_beoordeelde_ronde(struct store *s, struct arena *a, const char *naam, int64_t opent_us, int64_t sluit_us,
			    const struct demo_aanvraag_spec *spec, size_t n, int64_t *ronde_id, int64_t *ids,
			    struct error *e);

/* The audit name of demo account `gebruikersnaam` ("gebruiker:12"), in
 * the arena, so that the demo chain's decisions are taken and signed by
 * named demo officials; "demo" when there is no such account. */
struct arena;
const char *demo_actor(struct store *s, struct arena *a, const char *gebruikersnaam);

#endif
