/*
 * catalogus.c -- publishing catalogue and modelplan versions.
 *
 * A publication is one write transaction: read what was published,
 * validate the document against it, refuse with every problem listed
 * (nothing stored), or store the version, its modelplan versions and
 * their links, and the audit record. The transaction function has no
 * effect outside the transaction, so the store may run it again.
 *
 * Identity of content: a modelplan version's content is the canonical
 * JSON of its fields (keys sorted, compact); two versions are the same
 * when their SHA-256 hashes are.
 */
#include <sodium.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "core/basis/audit.h"
#include "core/basis/bedrag.h"
#include "core/catalogus/catalogus_intern.h"
#include "core/basis/embedded.h"
#include "core/basis/json.h"
#include "store/store_catalogus.h"
#include "core/basis/klok.h"

#define SHA_HEX 65

/* Writes the hex SHA-256 of the canonical JSON of `v`; false on OOM. */
static bool inhoud_sha(json_t *v, char out[SHA_HEX])
{
	char *text = json_dumps(v, JSON_COMPACT | JSON_SORT_KEYS | JSON_ENCODE_ANY);
	if (!text)
		return false;
	unsigned char digest[crypto_hash_sha256_BYTES];
	crypto_hash_sha256(digest, (const unsigned char *)text, strlen(text));
	sodium_bin2hex(out, SHA_HEX, digest, sizeof digest);
	free(text);
	return true;
}

/* The content hash of a modelplan (its §2.8 fields only). */
static bool plan_sha(json_t *mp, char out[SHA_HEX])
{
	json_t *inhoud = cv_modelplan_inhoud(mp);
	bool ok = inhoud && inhoud_sha(inhoud, out);
	json_decref(inhoud);
	return ok;
}

/* Compact JSON of `v` in the arena (key order kept); NULL on OOM. */
static const char *compact(struct arena *a, json_t *v)
{
	return v ? json_encode(a, v) : NULL;
}

struct publicatie {
	json_t *doc;
	const struct catalogus_publicatie *p;
	bool alleen_als_leeg;                   /* init: only into an empty store */
	bool overgeslagen;                      /* a catalogue existed already */
	struct catalogus_publicatie_resultaat res;
	struct arena arena;                     /* per attempt */
};

/* Sets the rc of a refusal: a conflict when every problem is one. */
static rc_t weigering(struct error *e, size_t voor, size_t conflicten, const char *bestand)
{
	size_t gevonden = e->item_count + e->items_dropped - voor;
	if (gevonden == 0)
		return RC_OK;
	rc_t rc = gevonden == conflicten ? RC_CONFLICT : RC_INVALID;
	return error_set(e, rc, "%s: %zu %s gevonden; niets is opgeslagen.",
			 bestand[0] ? bestand : "document", gevonden,
			 gevonden == 1 ? "probleem" : "problemen");
}

/* What the store knows of modelplan `id`: its highest version and area,
 * and whether version `versie` exists with content hash `sha`. */
struct plan_opslag {
	int64_t hoogste;
	const char *gebied;
	enum catalogus_bestaand bestaand;
};

static rc_t plan_in_opslag(struct store *s, struct arena *a, const char *id, int64_t versie,
			   const char *sha, struct plan_opslag *out, struct error *e)
{
	struct store_rows rows;
	*out = (struct plan_opslag){0};
	rc_t rc = store_modelplan_versies(s, id, a, &rows, e);
	if (rc != RC_OK)
		return rc;
	for (size_t r = 0; r < rows.nrows; r++) {
		int64_t v = store_int(&rows, r, 0, 0);
		if (v > out->hoogste) {
			out->hoogste = v;
			out->gebied = store_text(&rows, r, 2);
		}
		if (v == versie) {
			const char *opgeslagen = store_text(&rows, r, 8);
			out->bestaand = opgeslagen && strcmp(opgeslagen, sha) == 0 ? CATALOGUS_GELIJK
										  : CATALOGUS_ANDERS;
		}
	}
	return RC_OK;
}

/* Checks the catalogue's plans against the published versions: a stored
 * (id, versie) keeps its content and is the newest; a new one is the
 * newest + 1 with the same area. Marks new plans in `nieuw`. */
static rc_t plannen_tegen_opslag(struct store *s, struct cv *c, struct arena *a, json_t *nieuw,
				 struct error *e)
{
	size_t i;
	json_t *mp;
	char p[CV_PTR_MAX], q[CV_PTR_MAX], sha[SHA_HEX];
	json_array_foreach(cv_lijst(c->doc, "modelplannen"), i, mp) {
		const char *id = cv_tekst(mp, "id"), *gebied = cv_tekst(mp, "toepassingsgebied_id");
		int64_t versie;
		json_array_append_new(nieuw, json_false());
		if (!id || !cv_geheel(mp, "versie", &versie) || !plan_sha(mp, sha))
			continue;
		struct plan_opslag o;
		rc_t rc = plan_in_opslag(s, a, id, versie, sha, &o, e);
		if (rc != RC_OK)
			return rc;
		cv_pad(q, cv_pad_i(p, "/modelplannen", i), "versie");
		if (o.bestaand == CATALOGUS_ANDERS)
			cv_conflict(c, q, "modelplanversie_gewijzigd", BRON_MODELPLAN,
				"Versie %lld van %.64s is al gepubliceerd met andere inhoud en verandert "
				"nooit meer; geef dit modelplan versie %lld.", (long long)versie, id,
				(long long)(o.hoogste + 1));
		else if (o.bestaand == CATALOGUS_GELIJK && versie < o.hoogste)
			cv_conflict(c, q, "modelplan_versie_volgorde", BRON_MODELPLAN,
				"Van %.64s is versie %lld de nieuwste; de catalogus bevat de nieuwste "
				"versie van ieder modelplan.", id, (long long)o.hoogste);
		else if (o.bestaand == CATALOGUS_NIEUW && versie != o.hoogste + 1)
			cv_conflict(c, q, "modelplan_versie_volgorde", BRON_MODELPLAN,
				"De hoogste gepubliceerde versie van %.64s is %lld; een nieuwe versie is "
				"%lld.", id, (long long)o.hoogste, (long long)(o.hoogste + 1));
		else if (o.bestaand == CATALOGUS_NIEUW && o.gebied && gebied && strcmp(o.gebied, gebied))
			cv_conflict(c, cv_pad(q, p, "toepassingsgebied_id"), "modelplan_versie_volgorde",
				BRON_MODELPLAN, "Een nieuwe versie van %.64s houdt toepassingsgebied "
				"'%.64s'.", id, o.gebied);
		else if (o.bestaand == CATALOGUS_NIEUW)
			json_array_set_new(nieuw, i, json_true());
	}
	return RC_OK;
}

/* Stores one modelplan version (plan fields of `mp`) and links it to
 * catalogue version `catalogusversie`. */
static rc_t plan_opslaan(struct store *s, struct publicatie *pb, json_t *mp, int64_t catalogusversie,
			 bool nieuw, json_t *wijzigingen, struct error *e)
{
	const char *id = cv_tekst(mp, "id");
	int64_t versie = 0;
	cv_geheel(mp, "versie", &versie);
	if (nieuw) {
		char sha[SHA_HEX], nu[32];
		json_t *inhoud = cv_modelplan_inhoud(mp);
		const char *document = compact(&pb->arena, inhoud);
		bool ok = inhoud && document && inhoud_sha(inhoud, sha);
		json_decref(inhoud);
		if (!ok)
			return error_set(e, RC_NOMEM, "Onvoldoende geheugen om het modelplan op te slaan.");
		klok_nu_tekst(NULL, nu, sizeof nu);
		struct store_modelplanversie m = {
			.modelplan = id, .versie = versie, .catalogusversie = catalogusversie,
			.toepassingsgebied = cv_tekst(mp, "toepassingsgebied_id"),
			.status = cv_tekst(mp, "status"),
			.gepubliceerd_op = cv_tekst(pb->doc, "gepubliceerd_op"), .opgeslagen_op = nu,
			.gepubliceerd_door = pb->p->actor, .wijzigingen = compact(&pb->arena, wijzigingen),
			.bron = cv_tekst(mp, "bron"), .document = document, .sha256 = sha,
		};
		rc_t rc = store_modelplan_voeg_toe(s, &m, e);
		if (rc != RC_OK)
			return rc;
		pb->res.nieuwe_modelplanversies++;
	}
	return store_catalogus_koppel(s, catalogusversie, id, versie, e);
}

/* Appends the audit record of a publication. */
static rc_t publicatie_audit(struct store *s, struct publicatie *pb, const char *actie,
			     const char *object, const char *sha, struct error *e)
{
	char detail[160];
	snprintf(detail, sizeof detail, "{\"sha256\":\"%s\",\"nieuwe_modelplanversies\":%lld}", sha,
		 (long long)pb->res.nieuwe_modelplanversies);
	struct audit_entry entry = {
		.actor = pb->p->actor, .actie = actie, .object = object,
		.resultaat = "gelukt", .detail = detail,
	};
	return audit_append(s, &entry, e);
}

/* Stores a validated catalogue as version `versie` with its plans. */
static rc_t catalogus_opslaan(struct store *s, struct publicatie *pb, int64_t versie,
			      json_t *nieuw, struct error *e)
{
	char sha[SHA_HEX], nu[32], object[48];
	const char *document = compact(&pb->arena, pb->doc);
	if (!document || !inhoud_sha(pb->doc, sha))
		return error_set(e, RC_NOMEM, "Onvoldoende geheugen om de catalogus op te slaan.");
	klok_nu_tekst(NULL, nu, sizeof nu);
	struct store_catalogusversie v = {
		.versie = versie, .gepubliceerd_op = cv_tekst(pb->doc, "gepubliceerd_op"),
		.opgeslagen_op = nu, .gepubliceerd_door = pb->p->actor,
		.bron = cv_tekst(pb->doc, "bron"), .document = document, .sha256 = sha,
	};
	rc_t rc = store_catalogus_voeg_toe(s, &v, e);
	size_t i;
	json_t *mp;
	json_array_foreach(cv_lijst(pb->doc, "modelplannen"), i, mp) {
		if (rc == RC_OK)
			rc = plan_opslaan(s, pb, mp, versie, json_is_true(json_array_get(nieuw, i)),
					  NULL, e);
	}
	snprintf(object, sizeof object, "catalogus/%lld", (long long)versie);
	if (rc == RC_OK)
		rc = publicatie_audit(s, pb, "catalogus.publiceer", object, sha, e);
	return rc;
}

/* A theme's macrobedrag and the chosen impact bar are the board's
 * [001 "Vervolgproces"]: a catalogue version that does not come from its
 * framework decision keeps them as the newest version `oud` has them; one
 * conflict per change. */
static void kader_ongewijzigd(struct cv *c, json_t *oud)
{
	json_t *t, *o;
	size_t i, j;
	json_array_foreach(cv_lijst(c->doc, "themas"), i, t) {
		const char *id = cv_tekst(t, "id");
		json_t *macro = json_object_get(t, "macrobedrag_cent"), *was = NULL;
		json_array_foreach(cv_lijst(oud, "themas"), j, o) {
			const char *oid = cv_tekst(o, "id");
			if (id && oid && strcmp(id, oid) == 0)
				was = json_object_get(o, "macrobedrag_cent");
		}
		bool leeg = !macro || json_is_null(macro), was_leeg = !was || json_is_null(was);
		if (leeg == was_leeg && (leeg || json_equal(macro, was)))
			continue;
		char ptr[64], bt[BEDRAG_TEKST_BYTES];
		snprintf(ptr, sizeof ptr, "/themas/%zu/macrobedrag_cent", i);
		cv_conflict(c, ptr, "kader_van_bestuur", "[001 \"Vervolgproces\"]",
			    "Het macrobedrag van thema '%.64s' stelt het bestuur vast in een kaderbesluit; "
			    "laat het %s%s.", id ? id : "?", was_leeg ? "leeg" : "op ",
			    was_leeg ? "" : bedrag_tekst(json_integer_value(was), bt, sizeof bt));
	}
	const char *lat = cv_tekst(c->doc, "gekozen_impactlat_id"), *oud_lat = cv_tekst(oud, "gekozen_impactlat_id");
	if ((lat == NULL) != (oud_lat == NULL) || (lat && strcmp(lat, oud_lat) != 0))
		cv_conflict(c, "/gekozen_impactlat_id", "kader_van_bestuur", "[001 \"Vervolgproces\"]",
			    "De impactlat kiest het bestuur in een kaderbesluit; laat hier %s%.64s%s.",
			    oud_lat ? "'" : "", oud_lat ? oud_lat : "null", oud_lat ? "'" : "");
}

/* Reads the newest catalogue version `nieuwste` and checks the board's
 * part of it unchanged (kader_ongewijzigd). */
static rc_t kader_tegen_nieuwste(struct store *s, struct publicatie *pb, struct cv *c, int64_t nieuwste,
				 struct error *e)
{
	const char *tekst = NULL;
	rc_t rc = store_catalogus_document(s, nieuwste, &pb->arena, &tekst, e);
	json_t *oud = rc == RC_OK ? json_loads(tekst, 0, NULL) : NULL;
	if (rc == RC_OK && !oud)
		return error_set(e, RC_INTERNAL, "Catalogusversie %lld is onleesbaar.", (long long)nieuwste);
	if (oud)
		kader_ongewijzigd(c, oud);
	json_decref(oud);
	return rc;
}

/* The transaction of a catalogue document. */
static rc_t catalogus_tx(struct store *s, struct publicatie *pb, struct error *e)
{
	int64_t nieuwste, versie = 0;
	rc_t rc = store_catalogus_nieuwste(s, &nieuwste, e);
	if (rc != RC_OK || (pb->alleen_als_leeg && nieuwste > 0)) {
		pb->overgeslagen = rc == RC_OK;
		return rc;
	}
	const char *bestand = pb->p->bestand ? pb->p->bestand : "";
	struct cv c = {.e = e, .bestand = bestand, .doc = pb->doc};
	size_t voor = e->item_count + e->items_dropped, conflicten = 0;
	catalogus_valideer_tegen(pb->doc, bestand, NULL, &conflicten, e);
	if (cv_geheel(pb->doc, "versie", &versie) && versie >= 1 && versie != nieuwste + 1)
		cv_conflict(&c, "/versie", "catalogusversie_volgorde", NULL,
			    "Catalogusversie %lld %s; de nieuwste is %lld, dus publiceer versie %lld "
			    "met vorige_versie %lld.", (long long)versie,
			    versie <= nieuwste ? "bestaat al en verandert niet" : "slaat een nummer over",
			    (long long)nieuwste, (long long)(nieuwste + 1), (long long)nieuwste);
	json_t *nieuw = json_array();
	if (!nieuw)
		return error_set(e, RC_NOMEM, "Onvoldoende geheugen.");
	rc = plannen_tegen_opslag(s, &c, &pb->arena, nieuw, e);
	if (rc == RC_OK && nieuwste > 0 && !pb->p->door_kaderbesluit)
		rc = kader_tegen_nieuwste(s, pb, &c, nieuwste, e);
	if (rc == RC_OK)
		rc = weigering(e, voor, conflicten + c.conflicten, bestand);
	if (rc == RC_OK) {
		rc = catalogus_opslaan(s, pb, versie, nieuw, e);
		pb->res.versie = pb->res.catalogusversie = versie;
	}
	json_decref(nieuw);
	return rc;
}

/* For arena_on_release: the parsed catalogue lives as long as the attempt. */
static void json_decref_void(void *p) { json_decref((json_t *)p); }

/* Fills `bekend` for a modelplan document from the store: the catalogue
 * it names and the published versions of its plan. */
static rc_t modelplan_bekend(struct store *s, struct publicatie *pb,
			     struct catalogus_bekend *bekend, struct error *e)
{
	int64_t gevraagd;
	const char *tekst = NULL;
	*bekend = (struct catalogus_bekend){0};
	if (cv_geheel(pb->doc, "catalogus_versie", &gevraagd) && gevraagd >= 1) {
		rc_t rc = store_catalogus_document(s, gevraagd, &pb->arena, &tekst, e);
		if (rc != RC_OK && rc != RC_NOT_FOUND)
			return rc;
		if (rc == RC_NOT_FOUND)
			error_clear(e); /* reported below as modelplan_catalogus_onbekend */
	}
	if (tekst) {
		bekend->catalogus = json_loads(tekst, JSON_REJECT_DUPLICATES, NULL);
		if (!bekend->catalogus ||
		    arena_on_release(&pb->arena, json_decref_void, bekend->catalogus) != 0)
			return error_set(e, RC_INTERNAL, "Catalogusversie %lld is onleesbaar.",
					 (long long)gevraagd);
	}
	const char *id = cv_tekst(pb->doc, "id");
	int64_t versie = 0;
	char sha[SHA_HEX];
	if (!id || !cv_geheel(pb->doc, "versie", &versie) || !plan_sha(pb->doc, sha))
		return RC_OK;
	struct plan_opslag o;
	rc_t rc = plan_in_opslag(s, &pb->arena, id, versie, sha, &o, e);
	bekend->hoogste_versie = o.hoogste;
	bekend->toepassingsgebied = o.gebied;
	bekend->bestaand = o.bestaand;
	return rc;
}

/* The transaction of a standalone modelplan document: linked to the
 * newest catalogue version. */
static rc_t modelplan_tx(struct store *s, struct publicatie *pb, struct error *e)
{
	int64_t nieuwste;
	rc_t rc = store_catalogus_nieuwste(s, &nieuwste, e);
	struct catalogus_bekend bekend;
	if (rc == RC_OK)
		rc = modelplan_bekend(s, pb, &bekend, e);
	if (rc != RC_OK)
		return rc;
	const char *bestand = pb->p->bestand ? pb->p->bestand : "";
	struct cv c = {.e = e, .bestand = bestand, .doc = pb->doc};
	size_t voor = e->item_count + e->items_dropped, conflicten = 0;
	catalogus_valideer_tegen(pb->doc, bestand, &bekend, &conflicten, e);
	const char *id = cv_tekst(pb->doc, "id");
	if (pb->p->modelplan_id && id && strcmp(id, pb->p->modelplan_id) != 0)
		cv_fout(&c, "/id", "modelplan_id_ongelijk", NULL,
			"Het document is modelplan '%.64s', het adres noemt '%.64s'; maak ze gelijk.",
			id, pb->p->modelplan_id);
	rc = weigering(e, voor, conflicten, bestand);
	if (rc != RC_OK)
		return rc;
	int64_t versie = 0;
	char sha[SHA_HEX], object[128];
	cv_geheel(pb->doc, "versie", &versie);
	rc = plan_opslaan(s, pb, pb->doc, nieuwste, true, cv_lijst(pb->doc, "wijzigingen"), e);
	if (rc == RC_OK && !plan_sha(pb->doc, sha))
		rc = error_set(e, RC_NOMEM, "Onvoldoende geheugen.");
	snprintf(object, sizeof object, "modelplan/%.64s/%lld", id, (long long)versie);
	if (rc == RC_OK)
		rc = publicatie_audit(s, pb, "modelplan.publiceer", object, sha, e);
	if (rc == RC_OK) {
		pb->res.versie = versie;
		pb->res.catalogusversie = nieuwste;
		snprintf(pb->res.modelplan_id, sizeof pb->res.modelplan_id, "%s", id);
	}
	return rc;
}

/* One attempt of a publication (store_tx may repeat it): the required
 * kind, then the catalogue or modelplan transaction. */
static rc_t publicatie_tx(struct store *s, void *ctx, struct error *e)
{
	struct publicatie *pb = ctx;
	arena_release(&pb->arena); /* a retried attempt starts afresh */
	arena_init(&pb->arena, ARENA_VERZOEK_BYTES);
	pb->overgeslagen = false;
	pb->res = (struct catalogus_publicatie_resultaat){0};
	const char *soort = cv_tekst(pb->doc, "soort");
	if (pb->p->soort && (!soort || strcmp(soort, pb->p->soort) != 0)) {
		struct cv c = {.e = e, .bestand = pb->p->bestand ? pb->p->bestand : "", .doc = pb->doc};
		cv_fout(&c, "/soort", "soort_onjuist", NULL,
			"Hier wordt alleen een document met \"soort\": \"%s\" gepubliceerd.", pb->p->soort);
		return weigering(e, 0, 0, c.bestand);
	}
	snprintf(pb->res.soort, sizeof pb->res.soort, "%s", soort ? soort : "");
	if (soort && strcmp(soort, "modelplan") == 0)
		return modelplan_tx(s, pb, e);
	return catalogus_tx(s, pb, e);
}

rc_t catalogus_publiceer_met(struct store *s, json_t *doc,
			     const struct catalogus_publicatie *p,
			     struct catalogus_publicatie_resultaat *out, struct error *e)
{
	struct publicatie pb = {.doc = doc, .p = p};
	arena_init(&pb.arena, ARENA_VERZOEK_BYTES);
	rc_t rc = store_tx(s, STORE_WRITE, publicatie_tx, &pb, e);
	if (rc == RC_OK && out)
		*out = pb.res;
	arena_release(&pb.arena);
	return rc;
}

rc_t catalogus_publiceer_tx(struct store *s, json_t *doc, const struct catalogus_publicatie *p,
			    struct catalogus_publicatie_resultaat *out, struct error *e)
{
	struct publicatie pb = {.doc = doc, .p = p};
	arena_init(&pb.arena, ARENA_VERZOEK_BYTES);
	rc_t rc = publicatie_tx(s, &pb, e);
	if (rc == RC_OK && out)
		*out = pb.res;
	arena_release(&pb.arena);
	return rc;
}

rc_t catalogus_publiceer(struct store *s, json_t *doc, const char *actor,
			 int64_t *versie_out, struct error *e)
{
	const char *soort = cv_tekst(doc, "soort");
	struct catalogus_publicatie p = {.bestand = soort ? soort : "document", .actor = actor};
	struct catalogus_publicatie_resultaat res;
	rc_t rc = catalogus_publiceer_met(s, doc, &p, &res, e);
	if (rc == RC_OK && versie_out)
		*versie_out = res.versie;
	return rc;
}

rc_t catalogus_laad_standaard(struct store *s, int64_t *versie_out, struct error *e)
{
	const struct embedded_file *f = embedded_find(CATALOGUS_STANDAARD);
	json_t *doc = f ? json_loadb(f->data, f->size, JSON_REJECT_DUPLICATES, NULL) : NULL;
	if (!doc)
		return error_set(e, RC_INTERNAL, "De ingebouwde catalogus ontbreekt of is onleesbaar.");
	struct catalogus_publicatie p = {
		.bestand = CATALOGUS_STANDAARD, .actor = "systeem", .soort = "catalogus",
	};
	struct publicatie pb = {.doc = doc, .p = &p, .alleen_als_leeg = true};
	arena_init(&pb.arena, ARENA_VERZOEK_BYTES);
	rc_t rc = store_tx(s, STORE_WRITE, publicatie_tx, &pb, e);
	if (rc == RC_OK && versie_out)
		*versie_out = pb.overgeslagen ? 0 : pb.res.versie;
	arena_release(&pb.arena);
	json_decref(doc);
	return rc;
}

/* Replaces each modelplan of `doc` by the newest version linked to
 * catalogue version `versie` when that is higher (its §2.8 fields). */
static rc_t plannen_naar_nieuwste(struct store *s, struct arena *arena, int64_t versie, json_t *doc,
				  struct error *e)
{
	struct store_rows rows;
	rc_t rc = store_catalogus_modelplannen(s, versie, arena, &rows, e);
	json_t *mp, *plannen = cv_lijst(doc, "modelplannen");
	size_t i;
	json_array_foreach(plannen, i, mp) {
		const char *id = cv_tekst(mp, "id"), *tekst = NULL;
		int64_t huidig = 0, nieuwste = 0;
		cv_geheel(mp, "versie", &huidig);
		for (size_t r = 0; rc == RC_OK && id && r < rows.nrows; r++)
			if (strcmp(store_text(&rows, r, 0), id) == 0)
				nieuwste = store_int(&rows, r, 1, 0);
		if (rc != RC_OK || nieuwste <= huidig)
			continue;
		rc = store_modelplan_document(s, id, nieuwste, arena, &tekst, e);
		json_t *plan = rc == RC_OK ? json_loads(tekst, 0, NULL) : NULL;
		json_t *inhoud = plan ? cv_modelplan_inhoud(plan) : NULL;
		json_decref(plan);
		if (rc == RC_OK && !inhoud)
			rc = error_set(e, RC_INTERNAL, "Modelplan %.64s versie %lld is onleesbaar.", id, (long long)nieuwste);
		if (inhoud)
			json_array_set_new(plannen, i, inhoud);
	}
	return rc;
}

rc_t catalogus_volgende_tx(struct store *s, const struct klok *klok, struct arena *arena,
			   json_t **doc_out, struct error *e)
{
	int64_t nieuwste = 0;
	const char *tekst = NULL;
	rc_t rc = store_catalogus_nieuwste(s, &nieuwste, e);
	if (rc == RC_OK && nieuwste == 0)
		return error_set(e, RC_NOT_FOUND, "Er is nog geen catalogus gepubliceerd.");
	if (rc == RC_OK)
		rc = store_catalogus_document(s, nieuwste, arena, &tekst, e);
	json_t *doc = rc == RC_OK ? json_loads(tekst, JSON_REJECT_DUPLICATES, NULL) : NULL;
	if (rc == RC_OK && !doc)
		return error_set(e, RC_INTERNAL, "Catalogusversie %lld is onleesbaar.", (long long)nieuwste);
	char dag[16];
	klok_dag_tekst(klok_vandaag(klok), dag, sizeof dag);
	if (rc == RC_OK && (json_object_set_new(doc, "versie", json_integer(nieuwste + 1)) ||
			    json_object_set_new(doc, "vorige_versie", json_integer(nieuwste)) ||
			    json_object_set_new(doc, "gepubliceerd_op", json_string(dag))))
		rc = error_set(e, RC_NOMEM, "Onvoldoende geheugen.");
	if (rc == RC_OK)
		rc = plannen_naar_nieuwste(s, arena, nieuwste, doc, e);
	if (rc != RC_OK) {
		json_decref(doc);
		return rc;
	}
	*doc_out = doc;
	return RC_OK;
}
