/*
 * store_aanvragen.h -- the SQL of submission rounds, applications, their
 * submitted versions and assessments (see core/indieningsronde.h,
 * core/aanvraagdossier.h, core/indiening.h, core/beoordeling.h; tables in
 * migrations/005_aanvragen.sql).
 *
 * Every function runs inside store_tx(); rows are copied into the
 * caller's arena. Rounds, submitted versions and assessments are only
 * ever added: the database refuses UPDATE and DELETE on them.
 */
#ifndef DOORBRAAK_STORE_AANVRAGEN_H
#define DOORBRAAK_STORE_AANVRAGEN_H

#include "store/store.h"

/* Serialises the writers of applications with each other and with the
 * audit chain they append to. PostgreSQL: LOCK TABLE auditlog as the
 * FIRST statement of the transaction -- LOCK takes no snapshot, so the
 * SERIALIZABLE snapshot is taken after the lock is granted and sees the
 * newest audit record (no retry storm on the chain's head). SQLite: a
 * no-op, BEGIN IMMEDIATE already holds the one write lock. */
rc_t store_aanvragen_schrijfslot(struct store *s, struct error *e);

/* store_tx(STORE_WRITE) for the writes of this module. SQLite has one
 * writer at a time; its busy handler makes a waiting connection sleep
 * (1, 2, 5 ... 100 ms) and retry, which under many concurrent
 * submissions leaves the lock idle and some waiters starving (seconds of
 * p99). So on SQLite the writers of this process wait for each other on a
 * mutex first, and go straight in when the previous one is done.
 * PostgreSQL: plain store_tx (the LOCK above queues them in the server). */
rc_t store_aanvragen_tx(struct store *s, store_tx_fn fn, void *ctx, struct error *e);

/* ---- rounds ---------------------------------------------------------- */

#define STORE_RONDE_KOLOMMEN \
	"id, naam, catalogusversie, impactlat_id, uitloopjaar_toegestaan, opent_op_us," \
	" sluit_op_us, opent_op, sluit_op, demo, aangemaakt_op, aangemaakt_door, beoordeeld_uiterlijk_op"

enum store_ronde_kolom {
	SR_ID, SR_NAAM, SR_CATALOGUSVERSIE, SR_IMPACTLAT, SR_UITLOOPJAAR, SR_OPENT_US,
	SR_SLUIT_US, SR_OPENT, SR_SLUIT, SR_DEMO, SR_AANGEMAAKT_OP, SR_AANGEMAAKT_DOOR, SR_BEOORDEELD_UITERLIJK,
};

struct store_ronde {
	const char *naam;
	int64_t catalogusversie;
	const char *impactlat_id;      /* NULL: not chosen */
	bool uitloopjaar_toegestaan;
	int64_t opent_op_us, sluit_op_us;
	const char *opent_op, *sluit_op;
	bool demo;
	const char *aangemaakt_op, *aangemaakt_door;
	const char *beoordeeld_uiterlijk_op;   /* YYYY-MM-DD; NULL: none set */
};

rc_t store_ronde_insert(struct store *s, const struct store_ronde *r, int64_t *id_out,
			struct error *e);
rc_t store_ronde_lees(struct store *s, int64_t id, struct arena *arena, struct store_rows *out,
		      struct error *e);
/* Every round, newest closing moment first. */
rc_t store_ronde_lijst(struct store *s, struct arena *arena, struct store_rows *out,
		       struct error *e);
/* The demo round called `naam`, if any. */
rc_t store_ronde_zoek_naam(struct store *s, const char *naam, struct arena *arena,
			   struct store_rows *out, struct error *e);

/* ---- applications ---------------------------------------------------- */

/* True when modelplan version (modelplan, versie) belongs to catalogue
 * version `catalogusversie` (catalogusversie_modelplan). */
rc_t store_aanvragen_modelplan_in_catalogus(struct store *s, int64_t catalogusversie,
					    const char *modelplan, int64_t versie, bool *ja,
					    struct error *e);

#define STORE_AANVRAAG_KOLOMMEN \
	"a.id, a.ronde_id, a.penvoerder_id, a.status, a.titel, a.regio, a.modelplan," \
	" a.modelplan_versie, a.toepassingsgebied, a.thema, a.concept_sha256, a.concept_revisie," \
	" a.versie, a.coordinerend_verzekeraar_id, a.tweede_verzekeraar_id, a.demo," \
	" a.aangemaakt_op, a.aangemaakt_door, a.gewijzigd_op, r.sluit_op_us, a.concept_indienbaar," \
	" a.concept_route, a.gevraagd_cent, r.beoordeeld_uiterlijk_op," \
	" (SELECT b.gebruiker_id FROM aanvraag_behandelaar b WHERE b.aanvraag_id = a.id" \
	"  AND b.verzekeraar_id = a.coordinerend_verzekeraar_id)," \
	" (SELECT b.gebruiker_id FROM aanvraag_behandelaar b WHERE b.aanvraag_id = a.id" \
	"  AND b.verzekeraar_id = a.tweede_verzekeraar_id)"

enum store_aanvraag_kolom {
	SA_ID, SA_RONDE, SA_PENVOERDER, SA_STATUS, SA_TITEL, SA_REGIO, SA_MODELPLAN,
	SA_MODELPLAN_VERSIE, SA_GEBIED, SA_THEMA, SA_CONCEPT_SHA, SA_REVISIE, SA_VERSIE,
	SA_COORDINEREND, SA_TWEEDE, SA_DEMO, SA_AANGEMAAKT_OP, SA_AANGEMAAKT_DOOR, SA_GEWIJZIGD_OP,
	SA_SLUIT_US, SA_INDIENBAAR, SA_ROUTE, SA_GEVRAAGD, SA_BEOORDEELD_UITERLIJK, SA_BEHANDELAAR_COORD,
	SA_BEHANDELAAR_TWEEDE,
	SA_CONCEPT, /* only in store_aanvraag_lees with met_concept */
};

/* What a draft save writes (insert: every field; update: all but id,
 * ronde, penvoerder, aangemaakt_*). */
struct store_aanvraag {
	int64_t id, ronde_id, penvoerder_id;
	const char *status, *titel, *regio, *modelplan;
	int64_t modelplan_versie;
	const char *toepassingsgebied, *thema, *concept, *concept_sha256;
	int64_t concept_revisie;
	bool demo;
	const char *nu, *actor;
};

rc_t store_aanvraag_bestaat(struct store *s, int64_t id, bool *ja, struct error *e);
rc_t store_aanvraag_insert(struct store *s, const struct store_aanvraag *a, struct error *e);
/* A save: the row and the working document; the checks' verdict is reset
 * until store_aanvraag_toetsing() records the new one. */
rc_t store_aanvraag_concept_update(struct store *s, const struct store_aanvraag *a,
				   struct error *e);
/* What the checks said of the working document just saved. */
rc_t store_aanvraag_toetsing(struct store *s, int64_t id, bool indienbaar, const char *route,
			     int64_t gevraagd_cent, struct error *e);
/* One application (0 or 1 rows); with its working document in column
 * SA_CONCEPT when `met_concept` (else that column is NULL). */
rc_t store_aanvraag_lees(struct store *s, int64_t id, bool met_concept, struct arena *arena,
			 struct store_rows *out, struct error *e);
/* The timeline of application `id` (core/aanvraag/tijdlijn.h): one row per
 * event, oldest first (at one moment in the order of the chain): moment, rang,
 * soort, door, getal, tekst, tekst2, ref.
 *   aangemaakt        door
 *   ingediend         door, getal = versie, tekst = route
 *   beoordeeld        door, getal = versie, tekst = oordeel, tekst2 = verzekeraar_rol, ref = verzekeraar_id
 *   bestuursbesluit   door, getal = granted to this application (0: nothing), ref = besluit id
 *                     (only for a positively assessed application of the round)
 *   nza_opgesteld     door, getal = proposed upper bound, ref = nza_aanvraag id
 *   ondertekend       door, tekst = partij, ref = organisatie_id
 *   nza_ingediend     ref = nza_aanvraag id
 *   beschikking       door, getal = upper bound, tekst = besluit, tekst2 = kenmerk, ref = beschikking id
 *   mijlpaal_gemeld   door, tekst = mijlpaal, ref = beschikking id
 *   mijlpaal_betaald  door, getal = amount, tekst = mijlpaal, ref = beschikking id
 *   verantwoord       door, getal = total accounted, ref = jaar */
rc_t store_aanvraag_tijdlijn(struct store *s, int64_t id, struct arena *arena, struct store_rows *out,
			     struct error *e);
enum { STL_MOMENT, STL_RANG, STL_SOORT, STL_DOOR, STL_GETAL, STL_TEKST, STL_TEKST2, STL_REF };

/* The state after a submission or an assessment. */
rc_t store_aanvraag_status(struct store *s, int64_t id, const char *status, int64_t versie,
			   int64_t coordinerend, int64_t tweede, const char *nu, struct error *e);

/* What the newest submitted version asks in all: `gevraagd_cent`, or (-1)
 * what the checks of the working document found at its last save. */
rc_t store_aanvraag_gevraagd(struct store *s, int64_t id, int64_t gevraagd_cent, struct error *e);

/* Assigns the assessor `gebruiker_id` of insurer `verzekeraar_id` to the
 * application (0: none any more); replaces a former one. */
rc_t store_behandelaar_zet(struct store *s, int64_t aanvraag_id, int64_t verzekeraar_id, int64_t gebruiker_id,
			   const char *nu, const char *door, struct error *e);

/* The active accounts of an organisation with role bit `rol`: id, name,
 * function, by name. */
rc_t store_behandelaars(struct store *s, int64_t organisatie_id, unsigned rol, struct arena *arena,
			struct store_rows *out, struct error *e);

/* Which applications a list shows. */
enum store_zicht {
	STORE_ZICHT_ALLES = 0,       /* auditor */
	STORE_ZICHT_COALITIE = 1,    /* lead or participant `organisatie` */
	STORE_ZICHT_VERZEKERAAR = 2, /* insurer `organisatie` of a submitted version, round closed at `nu_us` */
};

struct store_aanvraag_filter {
	enum store_zicht zicht;
	int64_t organisatie;
	int64_t nu_us;
	const char *status, *thema, *toepassingsgebied, *regio;
	int64_t verzekeraar;       /* 0: any */
	int64_t ronde;             /* 0: any */
	int64_t na;                /* ids above this one (paging), 0: from the start */
	int64_t limiet;
};

/* Applications matching the filter, by id, STORE_AANVRAAG_KOLOMMEN. */
rc_t store_aanvraag_lijst(struct store *s, const struct store_aanvraag_filter *f,
			  struct arena *arena, struct store_rows *out, struct error *e);

/* Replaces the parties of the working document. */
struct store_partij {
	int64_t organisatie;
	const char *rol;   /* penvoerder, deelnemer, coordinerend_verzekeraar, tweede_verzekeraar */
};
rc_t store_aanvraag_partijen(struct store *s, int64_t id, const struct store_partij *p,
			     size_t n, struct error *e);
/* The coordinating and the second insurer the working document names (0: none). */
rc_t store_aanvraag_verzekeraars(struct store *s, int64_t id, int64_t *coordinerend,
				 int64_t *tweede, struct error *e);
/* True when `organisatie` is the lead or a participant of the working document. */
rc_t store_aanvraag_is_coalitie(struct store *s, int64_t id, int64_t organisatie, bool *ja,
				struct error *e);
/* The register for the checks: organisatie_id, soort (NULL when unknown). */
rc_t store_aanvraag_register(struct store *s, int64_t id, struct arena *arena,
			     struct store_rows *out, struct error *e);

/* ---- submitted versions ---------------------------------------------- */

#define STORE_VERSIE_KOLOMMEN \
	"aanvraag_id, versie, ronde_id, sha256, grootte_bytes, ingediend_op_us, ingediend_op," \
	" ingediend_door, route, open_velden"

enum store_versie_kolom {
	SV_AANVRAAG, SV_VERSIE, SV_RONDE, SV_SHA, SV_GROOTTE, SV_INGEDIEND_US, SV_INGEDIEND,
	SV_DOOR, SV_ROUTE, SV_OPEN_VELDEN, SV_DOCUMENT, /* the last only in store_versie_lees */
};

struct store_versie {
	int64_t aanvraag_id, versie, ronde_id;
	const char *document, *sha256;
	int64_t grootte_bytes, ingediend_op_us;
	const char *ingediend_op, *ingediend_door, *route;
	const char *open_velden;   /* JSON list of pointers for a version answering a request; NULL */
};

rc_t store_versie_insert(struct store *s, const struct store_versie *v, struct error *e);
/* One version with its document (SV_DOCUMENT); versie 0: the newest. */
rc_t store_versie_lees(struct store *s, int64_t aanvraag_id, int64_t versie,
		       struct arena *arena, struct store_rows *out, struct error *e);
/* Every version of an application, oldest first, without documents. */
rc_t store_versie_lijst(struct store *s, int64_t aanvraag_id, struct arena *arena,
			struct store_rows *out, struct error *e);

/* ---- assessments ----------------------------------------------------- */

#define STORE_BEOORDELING_KOLOMMEN \
	"id, aanvraag_id, versie, verzekeraar_id, verzekeraar_rol, oordeel, motivering," \
	" basiseisen, informatieverzoek, beoordeeld_door, beoordeeld_op"

enum store_beoordeling_kolom {
	SB_ID, SB_AANVRAAG, SB_VERSIE, SB_VERZEKERAAR, SB_ROL, SB_OORDEEL, SB_MOTIVERING,
	SB_BASISEISEN, SB_INFORMATIEVERZOEK, SB_DOOR, SB_OP,
};

struct store_beoordeling {
	int64_t aanvraag_id, versie, verzekeraar_id;
	const char *verzekeraar_rol, *oordeel, *motivering, *basiseisen, *informatieverzoek;
	const char *beoordeeld_door;
	int64_t beoordeeld_op_us;
	const char *beoordeeld_op;
};

rc_t store_beoordeling_insert(struct store *s, const struct store_beoordeling *b,
			      int64_t *id_out, struct error *e);
/* The assessments of an application (versie 0: of every version), oldest first. */
rc_t store_beoordeling_lijst(struct store *s, int64_t aanvraag_id, int64_t versie,
			     struct arena *arena, struct store_rows *out, struct error *e);

/* Counts for checks and tests: versions, and versions without their
 * "aanvraag.indien" audit record (must be 0). */
rc_t store_aanvragen_tellingen(struct store *s, int64_t *versies, int64_t *zonder_audit,
			       struct error *e);

#endif
