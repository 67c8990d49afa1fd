/*
 * http.h -- the HTTP face: request/response types, the route table and
 * the server. Handlers are thin: they read the request, call the core,
 * and shape JSON; every domain rule lives in src/core.
 */
#ifndef DOORBRAAK_HTTP_H
#define DOORBRAAK_HTTP_H

#include <jansson.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "api/verbindingen.h"
#include "core/basis/arena.h"
#include "core/basis/error.h"
#include "core/toegang/rol.h"
#include "core/toegang/sessie.h"  /* struct sessie_instellingen */
#include "core/toegang/toegang.h" /* struct principal: who is asking, filled by auth_identify() */
#include "core/berichten/mail.h"   /* struct mail_instellingen */
#include "store/store.h"
#include "core/basis/klok.h"

#define API_BASE "/api/v1"
#define API_VERSION "1.0.0"
#define ROUTE_PARAMS_MAX 4
#define HTTP_HEADERS_MAX 8

struct server;
struct http_request;
struct http_response;

typedef rc_t (*http_handler)(struct http_request *rq, struct http_response *rs,
			     struct error *e);

/* One row of the route table (routes.c): data, not code. */
struct route {
	const char *method;        /* "GET", "POST", ... */
	const char *pattern;       /* "/api/v1/modelplannen/{id}" */
	http_handler handler;
	unsigned roles;            /* enum rol bits allowed; 0 is never served (deny by default) */
	size_t max_body_bytes;     /* 0: the route takes no body */
	const char *query_params;  /* allowed query parameters, comma-separated; NULL: none */
	bool ruw;                  /* the body is a file (any Content-Type), not JSON: rq->ruw */
};

extern const struct route routes[];
extern const size_t route_count;

struct http_request {
	const char *method;
	const char *path;
	const struct route *route;
	const char *params[ROUTE_PARAMS_MAX]; /* values of {x} segments, in order */
	size_t param_count;
	json_t *body;              /* the decoded JSON object, or NULL */
	const char *ruw;           /* a `ruw` route's body as received (NULL when empty) */
	size_t ruw_len;
	struct arena *arena;
	struct store *store;
	struct server *server;
	void *connection;          /* the MHD connection, for query lookups */
	const char *remote_addr;   /* client IP as text */
	struct principal who;
	const char *export_na;     /* a generic export's page (export_http.c): overrides ?na= */
	bool export_pagina;        /* ... and pages are the route's largest unless ?limiet= says (http_pagina) */
};

struct http_header {
	const char *name;
	const char *value;
};

struct http_response {
	int status;
	const char *content_type;
	const char *body;
	size_t body_len;
	struct http_header headers[HTTP_HEADERS_MAX];
	size_t header_count;
	int fd;                    /* > 0: the body is this open file of body_len bytes (streamed, then closed) */
};

/* Server configuration (from flags and environment, see cli). */
/* Defaults of the connection guard (verbindingen.h, docs/beveiliging.md). */
#define SERVER_VERZOEK_TERMIJN_S 20u      /* to receive one whole request */
#define SERVER_VERBINDINGEN_PER_ADRES 32u /* simultaneous connections of one address */
#define SERVER_VERBINDINGEN_MAX 1000u     /* simultaneous connections in all */
#define SERVER_INACTIEF_S 10u             /* no byte received for this long */
/* Stack of each connection's thread (the usual default, stated so a shell's
 * `ulimit -s` does not change it): address space, not resident memory --
 * only the pages a request touches count. */
#define SERVER_STAPEL_BYTES (8u * 1024u * 1024u)

struct server_config {
	const char *database;      /* SQLite path or postgresql:// URL */
	const char *listen;        /* "127.0.0.1:8080"; port 0 picks a free one */
	unsigned threads;          /* store connections (each connection has its own thread) */
	bool demo;                 /* demo mode: demo data, relaxed second factor */
	struct sessie_instellingen sessie; /* timeouts and throttling; all 0: the defaults */
	/* request deadline, connections per address, trusted proxies; 0: the defaults */
	struct verbindingen_instellingen verbindingen;
	unsigned verbindingen_max; /* 0: SERVER_VERBINDINGEN_MAX */
	bool geen_taakwerker;      /* this process computes no scenario jobs (others do) */
	/* SMTP and the public URL (mail.h); publieke_url NULL: http://<listen> as bound */
	struct mail_instellingen mail;
	/* the clock that dates money bookings (payment, correction, reclaim);
	 * NULL: the real clock. Set only in a training or acceptance
	 * environment (DOORBRAAK_BOEKKLOK, docs/beschikking.md §5). */
	const struct klok *boekklok;
};

/* Starts serving; on success *out is the running server and *port_out
 * the bound port. Migrations must already have run. */
rc_t server_start(const struct server_config *config, struct server **out,
		  unsigned *port_out, struct error *e);

/* Stops accepting, finishes running requests, frees everything. */
void server_stop(struct server *srv);

/* Facts a handler may need. */
const char *server_backend_name(const struct server *srv);
const struct server_config *server_config_of(const struct server *srv);

/* Looks up a request header; NULL when absent. */
const char *http_header(struct http_request *rq, const char *name);

/* Identifies the caller from its session cookie or bearer token and
 * fills rq->who (auth_http.c). Anonymous is not an error: it returns
 * RC_OK with ROL_PUBLIEK. A presented but invalid or expired credential
 * is RC_UNAUTHENTICATED. */
rc_t auth_identify(struct http_request *rq, struct error *e);

/* Decides whether rq->who may use rq->route; on refusal returns
 * RC_UNAUTHENTICATED or RC_FORBIDDEN and writes the audit record of the
 * refusal (auth_http.c). */
rc_t auth_authorize(struct http_request *rq, struct error *e);

/* Looks up a query parameter; NULL when absent. */
const char *http_query(struct http_request *rq, const char *name);

/* Sets a JSON answer: encodes `value` into the request arena and drops the
 * reference. RC_NOMEM when the arena is exhausted. */
rc_t http_reply_json(struct http_request *rq, struct http_response *rs,
		     int status, json_t *value, struct error *e);

/* Adds the ETag of the body already set in rs (BLAKE2b-128 of it) and
 * Cache-Control "private, no-cache"; turns the answer into a 304 without
 * a body when If-None-Match names that ETag, so a dashboard polled while
 * nothing changed costs no transfer. */
void http_reply_etag(struct http_request *rq, struct http_response *rs);

/* Sets a raw answer (body must outlive the request: static or arena). */
void http_reply_raw(struct http_response *rs, int status, const char *content_type,
		    const char *body, size_t len);

/* A document the system issues (core/basis/document.h): PDF, or HTML with
 * a Content-Security-Policy that allows only its own style sheet; shown
 * inline under file name `naam`. */
rc_t http_reply_document(struct http_request *rq, struct http_response *rs, const void *data, size_t len,
			 bool pdf, const char *naam);

/* The export's ?formaat= (csv, the default, or xlsx) into *xlsx;
 * RC_INVALID naming /formaat for anything else. */
rc_t http_export_formaat(struct http_request *rq, bool *xlsx, struct error *e);

/* A list as a download: CSV or XLSX with its type and the file name
 * `naam`.csv|.xlsx (attachment). */
void http_reply_export(struct http_request *rq, struct http_response *rs, const char *data, size_t len, bool xlsx,
		       const char *naam);

/* Every list as a download (export_http.c): a GET route that declares
 * the query parameter `formaat` and answers JSON is answered, when the
 * request names ?formaat=csv|xlsx, with the rows of the first list in its
 * answer -- every page of it, read by the same handler with the same
 * access rules -- as CSV or XLSX written to a temporary file page by page
 * and streamed from there. Called by the server instead of the handler. */
rc_t http_export_lijst(struct http_request *rq, struct http_response *rs, struct error *e);

/* True when the client asks for PDF rather than HTML (Accept). */
bool http_wil_pdf(struct http_request *rq);

/* Adds a response header (copied into the arena); ignored when full. */
void http_add_header(struct http_request *rq, struct http_response *rs,
		     const char *name, const char *value);

/* Renders `e` as application/problem+json into rs (problem.c). */
void http_problem(struct http_request *rq, struct http_response *rs,
		  const struct error *e);

/* Finds the route for method+path. Returns RC_OK and writes the route
 * and the path parameters; RC_METHOD (with `allow` filled, e.g.
 * "GET, POST") when the path exists with other methods; RC_NOT_FOUND
 * otherwise. */
rc_t route_match(const char *method, const char *path, const struct route **route,
		 const char **params, size_t *param_count, struct arena *arena,
		 char *allow, size_t allow_size);

/* The handlers, one file per resource. */
rc_t status_get(struct http_request *rq, struct http_response *rs, struct error *e);
rc_t openapi_get(struct http_request *rq, struct http_response *rs, struct error *e);
/* The catalogue: catalogus_http.c. */
/* sociaal_http.c: the social-domain track */
rc_t sociaal_regios_get(struct http_request *rq, struct http_response *rs, struct error *e);
rc_t sociaal_vaststellingen_get(struct http_request *rq, struct http_response *rs, struct error *e);
rc_t sociaal_vaststellingen_post(struct http_request *rq, struct http_response *rs, struct error *e);
rc_t regioscans_lijst(struct http_request *rq, struct http_response *rs, struct error *e);
rc_t regioscans_maak(struct http_request *rq, struct http_response *rs, struct error *e);
rc_t regioscans_import(struct http_request *rq, struct http_response *rs, struct error *e);
rc_t werkagendas_lijst(struct http_request *rq, struct http_response *rs, struct error *e);
rc_t werkagendas_maak(struct http_request *rq, struct http_response *rs, struct error *e);
rc_t werkagendas_lees(struct http_request *rq, struct http_response *rs, struct error *e);
rc_t werkagendas_wijzig(struct http_request *rq, struct http_response *rs, struct error *e);
rc_t werkagendas_indiening(struct http_request *rq, struct http_response *rs, struct error *e);
rc_t werkagendas_ondertekening(struct http_request *rq, struct http_response *rs, struct error *e);
rc_t werkagendas_beoordeling(struct http_request *rq, struct http_response *rs, struct error *e);
rc_t werkagendas_bijlage(struct http_request *rq, struct http_response *rs, struct error *e);
rc_t spuk_toekenningen_maak(struct http_request *rq, struct http_response *rs, struct error *e);
rc_t spuk_toekenningen_lijst(struct http_request *rq, struct http_response *rs, struct error *e);
rc_t spuk_beschikkingen_lijst(struct http_request *rq, struct http_response *rs, struct error *e);
rc_t spuk_beschikkingen_lees(struct http_request *rq, struct http_response *rs, struct error *e);
rc_t spuk_beschikkingen_betaling(struct http_request *rq, struct http_response *rs, struct error *e);
rc_t spuk_beschikkingen_verantwoording(struct http_request *rq, struct http_response *rs, struct error *e);
rc_t spuk_beschikkingen_document(struct http_request *rq, struct http_response *rs, struct error *e);
rc_t voortgangsrapportages_maak(struct http_request *rq, struct http_response *rs, struct error *e);
rc_t voortgangsoverzicht_get(struct http_request *rq, struct http_response *rs, struct error *e);
rc_t voortgangsoverzicht_export(struct http_request *rq, struct http_response *rs, struct error *e);
rc_t catalogus_fondsen(struct http_request *rq, struct http_response *rs, struct error *e);
rc_t catalogus_themas(struct http_request *rq, struct http_response *rs, struct error *e);
rc_t catalogus_toepassingsgebieden(struct http_request *rq, struct http_response *rs, struct error *e);
rc_t catalogus_basiseisen(struct http_request *rq, struct http_response *rs, struct error *e);
rc_t catalogus_modelplannen(struct http_request *rq, struct http_response *rs, struct error *e);
rc_t catalogus_modelplan_get(struct http_request *rq, struct http_response *rs, struct error *e);
rc_t catalogus_modelplanversie_post(struct http_request *rq, struct http_response *rs, struct error *e);
rc_t catalogus_impactlatten(struct http_request *rq, struct http_response *rs, struct error *e);
rc_t catalogus_basisfunctionaliteiten(struct http_request *rq, struct http_response *rs, struct error *e);
rc_t catalogus_referentiecijfers(struct http_request *rq, struct http_response *rs, struct error *e);
rc_t catalogus_versies_get(struct http_request *rq, struct http_response *rs, struct error *e);
rc_t catalogus_versie_post(struct http_request *rq, struct http_response *rs, struct error *e);
rc_t catalogus_versie_get(struct http_request *rq, struct http_response *rs, struct error *e);
/* Parties, accounts and access: sessies_http.c, organisaties_http.c,
 * gebruikers_http.c, apitokens_http.c. */
rc_t sessies_login(struct http_request *rq, struct http_response *rs, struct error *e);
rc_t sessies_huidig(struct http_request *rq, struct http_response *rs, struct error *e);
rc_t sessies_logout(struct http_request *rq, struct http_response *rs, struct error *e);
rc_t organisaties_lijst(struct http_request *rq, struct http_response *rs, struct error *e);
rc_t organisaties_maak(struct http_request *rq, struct http_response *rs, struct error *e);
rc_t organisaties_lees(struct http_request *rq, struct http_response *rs, struct error *e);
rc_t gebruikers_lijst(struct http_request *rq, struct http_response *rs, struct error *e);
rc_t gebruikers_maak(struct http_request *rq, struct http_response *rs, struct error *e);
rc_t gebruikers_lees(struct http_request *rq, struct http_response *rs, struct error *e);
rc_t gebruikers_wijzig(struct http_request *rq, struct http_response *rs, struct error *e);
rc_t apitokens_lijst(struct http_request *rq, struct http_response *rs, struct error *e);
rc_t apitokens_maak(struct http_request *rq, struct http_response *rs, struct error *e);
rc_t apitokens_intrek(struct http_request *rq, struct http_response *rs, struct error *e);
rc_t apitokens_keur_goed(struct http_request *rq, struct http_response *rs, struct error *e);
rc_t gebruikers_bevestig(struct http_request *rq, struct http_response *rs, struct error *e);
/* Rounds, applications, submission and assessment: indieningsrondes_http.c,
 * aanvragen_http.c, beoordelingen_http.c. */
rc_t indieningsrondes_lijst(struct http_request *rq, struct http_response *rs, struct error *e);
rc_t indieningsrondes_maak(struct http_request *rq, struct http_response *rs, struct error *e);
rc_t indieningsrondes_lees(struct http_request *rq, struct http_response *rs, struct error *e);
rc_t aanvragen_lijst(struct http_request *rq, struct http_response *rs, struct error *e);
rc_t aanvragen_maak(struct http_request *rq, struct http_response *rs, struct error *e);
rc_t aanvragen_lees(struct http_request *rq, struct http_response *rs, struct error *e);
rc_t aanvragen_bewaar(struct http_request *rq, struct http_response *rs, struct error *e);
rc_t aanvragen_toetsing(struct http_request *rq, struct http_response *rs, struct error *e);
rc_t aanvragen_indien(struct http_request *rq, struct http_response *rs, struct error *e);
rc_t aanvragen_ontvangstbewijs(struct http_request *rq, struct http_response *rs, struct error *e);
rc_t aanvragen_ontvangstbewijs_pdf(struct http_request *rq, struct http_response *rs, struct error *e);
rc_t aanvragen_tijdlijn(struct http_request *rq, struct http_response *rs, struct error *e);
rc_t aanvragen_versies(struct http_request *rq, struct http_response *rs, struct error *e);
rc_t aanvragen_versie(struct http_request *rq, struct http_response *rs, struct error *e);
rc_t beoordelingen_maak(struct http_request *rq, struct http_response *rs, struct error *e);
rc_t beoordelingen_lijst(struct http_request *rq, struct http_response *rs, struct error *e);
rc_t informatieverzoeken_lijst(struct http_request *rq, struct http_response *rs, struct error *e);
rc_t ontvangstbewijzen_verifieer(struct http_request *rq, struct http_response *rs, struct error *e);
/* The board's step: macrooverzicht_http.c, verdeelscenarios_http.c,
 * bestuursbesluiten_http.c. */
rc_t macrooverzicht_get(struct http_request *rq, struct http_response *rs, struct error *e);
rc_t verdeelscenarios_maak(struct http_request *rq, struct http_response *rs, struct error *e);
rc_t verdeelscenarios_lijst(struct http_request *rq, struct http_response *rs, struct error *e);
rc_t verdeelscenarios_lees(struct http_request *rq, struct http_response *rs, struct error *e);
rc_t verdeelscenarios_lp(struct http_request *rq, struct http_response *rs, struct error *e);
rc_t verdeelscenarios_vergelijking(struct http_request *rq, struct http_response *rs, struct error *e);
/* verdeeltaken_http.c: scenarios as jobs */
rc_t verdeeltaken_plaats(struct http_request *rq, struct http_response *rs, struct error *e);
rc_t verdeeltaken_lees(struct http_request *rq, struct http_response *rs, struct error *e);
rc_t verdeeltaken_annuleer(struct http_request *rq, struct http_response *rs, struct error *e);
rc_t bestuursbesluiten_neem(struct http_request *rq, struct http_response *rs, struct error *e);
rc_t kaderbesluiten_neem(struct http_request *rq, struct http_response *rs, struct error *e);
rc_t kaderbesluiten_lijst(struct http_request *rq, struct http_response *rs, struct error *e);
rc_t kaderbesluiten_lees(struct http_request *rq, struct http_response *rs, struct error *e);
rc_t bestuursbesluiten_lijst(struct http_request *rq, struct http_response *rs, struct error *e);
rc_t bestuursbesluiten_lees(struct http_request *rq, struct http_response *rs, struct error *e);
/* The joint request to NZa, the beschikking, milestones and the ledger:
 * nza_aanvragen_http.c, beschikkingen_http.c, mijlpalen_http.c, grootboek_http.c. */
rc_t nza_aanvragen_maak(struct http_request *rq, struct http_response *rs, struct error *e);
rc_t nza_aanvragen_lijst(struct http_request *rq, struct http_response *rs, struct error *e);
rc_t nza_aanvragen_lees(struct http_request *rq, struct http_response *rs, struct error *e);
rc_t nza_aanvragen_onderteken(struct http_request *rq, struct http_response *rs, struct error *e);
rc_t nza_aanvragen_toetsing(struct http_request *rq, struct http_response *rs, struct error *e);
rc_t beschikkingen_maak(struct http_request *rq, struct http_response *rs, struct error *e);
rc_t beschikkingen_lijst(struct http_request *rq, struct http_response *rs, struct error *e);
rc_t beschikkingen_lees(struct http_request *rq, struct http_response *rs, struct error *e);
rc_t beschikkingen_document(struct http_request *rq, struct http_response *rs, struct error *e);
rc_t beschikkingen_document_pdf(struct http_request *rq, struct http_response *rs, struct error *e);
rc_t mijlpalen_lijst(struct http_request *rq, struct http_response *rs, struct error *e);
rc_t mijlpalen_meld(struct http_request *rq, struct http_response *rs, struct error *e);
rc_t mijlpalen_betaal(struct http_request *rq, struct http_response *rs, struct error *e);
rc_t mijlpalen_corrigeer(struct http_request *rq, struct http_response *rs, struct error *e);
rc_t mijlpalen_bijlage_voeg_toe(struct http_request *rq, struct http_response *rs, struct error *e);
rc_t mijlpalen_bijlagen(struct http_request *rq, struct http_response *rs, struct error *e);
/* bijlagen_http.c: an attachment as a download */
rc_t bijlagen_download(struct http_request *rq, struct http_response *rs, struct error *e);
/* verantwoordingen_http.c: the accountability */
rc_t verantwoordingskaders_lijst(struct http_request *rq, struct http_response *rs, struct error *e);
rc_t verantwoordingskaders_zet(struct http_request *rq, struct http_response *rs, struct error *e);
rc_t verantwoordingen_dien_in(struct http_request *rq, struct http_response *rs, struct error *e);
rc_t verantwoordingen_lijst(struct http_request *rq, struct http_response *rs, struct error *e);
rc_t verantwoordingen_bijlage(struct http_request *rq, struct http_response *rs, struct error *e);
rc_t verantwoordingen_plausibiliteit(struct http_request *rq, struct http_response *rs, struct error *e);
rc_t verantwoordingen_vraag_informatie(struct http_request *rq, struct http_response *rs, struct error *e);
rc_t jaarstaten_dien_in(struct http_request *rq, struct http_response *rs, struct error *e);
rc_t jaarstaten_lijst(struct http_request *rq, struct http_response *rs, struct error *e);
rc_t jaarstaten_rechtsoordeel(struct http_request *rq, struct http_response *rs, struct error *e);
rc_t vereveningen_maak(struct http_request *rq, struct http_response *rs, struct error *e);
rc_t vereveningen_lijst(struct http_request *rq, struct http_response *rs, struct error *e);
rc_t vereveningen_csv(struct http_request *rq, struct http_response *rs, struct error *e);
rc_t vereveningen_document(struct http_request *rq, struct http_response *rs, struct error *e);
rc_t vereveningen_document_pdf(struct http_request *rq, struct http_response *rs, struct error *e);
rc_t jaarstaten_rechtsoordeel_document(struct http_request *rq, struct http_response *rs, struct error *e);
rc_t jaarstaten_rechtsoordeel_pdf(struct http_request *rq, struct http_response *rs, struct error *e);
/* monitoring_http.c: monitoring and transparency */
rc_t rapportageperiodes_lijst(struct http_request *rq, struct http_response *rs, struct error *e);
rc_t projectrapportages_lijst(struct http_request *rq, struct http_response *rs, struct error *e);
rc_t projectrapportages_maak(struct http_request *rq, struct http_response *rs, struct error *e);
rc_t signalen_lijst_get(struct http_request *rq, struct http_response *rs, struct error *e);
rc_t signalen_kennisname(struct http_request *rq, struct http_response *rs, struct error *e);
rc_t programmamonitor_get(struct http_request *rq, struct http_response *rs, struct error *e);
rc_t kwartaalrapportage_get(struct http_request *rq, struct http_response *rs, struct error *e);
rc_t kwartaalrapportage_pdf(struct http_request *rq, struct http_response *rs, struct error *e);
rc_t opendata_plannen_get(struct http_request *rq, struct http_response *rs, struct error *e);
rc_t opendata_plannen_csv(struct http_request *rq, struct http_response *rs, struct error *e);
rc_t opendata_beschrijving_get(struct http_request *rq, struct http_response *rs, struct error *e);
rc_t auditrecords_lijst(struct http_request *rq, struct http_response *rs, struct error *e);
rc_t berichten_lijst(struct http_request *rq, struct http_response *rs, struct error *e);
rc_t behandelaars_lijst(struct http_request *rq, struct http_response *rs, struct error *e);
rc_t aanvragen_behandelaar_zet(struct http_request *rq, struct http_response *rs, struct error *e);
rc_t berichten_wijzig(struct http_request *rq, struct http_response *rs, struct error *e);
rc_t berichten_instellingen(struct http_request *rq, struct http_response *rs, struct error *e);
rc_t berichten_instellingen_zet(struct http_request *rq, struct http_response *rs, struct error *e);
rc_t mailwachtrij_lijst(struct http_request *rq, struct http_response *rs, struct error *e);
rc_t mailwachtrij_opnieuw(struct http_request *rq, struct http_response *rs, struct error *e);
rc_t wachtwoordherstel_verzoek(struct http_request *rq, struct http_response *rs, struct error *e);
rc_t wachtwoordherstel_voltooiing(struct http_request *rq, struct http_response *rs, struct error *e);
rc_t auditrecords_verificatie(struct http_request *rq, struct http_response *rs, struct error *e);
rc_t grootboek_rekeningen_get(struct http_request *rq, struct http_response *rs, struct error *e);
rc_t grootboek_boekingen_get(struct http_request *rq, struct http_response *rs, struct error *e);
rc_t grootboek_journaal_get(struct http_request *rq, struct http_response *rs, struct error *e);

#endif
