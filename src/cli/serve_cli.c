/*
 * serve_cli.c -- `doorbraak init` and `doorbraak serve`.
 */
#include <signal.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "api/http.h"
#include "core/catalogus/catalogus.h"
#include "core/demo/demo.h"
#include "core/sociaal/sociaal.h"
#include "cli/cli.h"

/* Migrations and the built-in catalogue, under the start-up lock. */
static rc_t prepare_steps(struct store *s, void *ctx, struct error *e)
{
	rc_t rc = store_migrate(s, ctx, e);
	if (rc == RC_OK) /* the built-in catalogue as version 1, once */
		rc = catalogus_laad_standaard(s, NULL, e);
	if (rc == RC_OK) /* the social domain's regions, scale, framework and key, once */
		rc = sociaal_laad_standaard(s, e);
	return rc;
}

/* Opens the database and brings it to the newest schema; safe when
 * several processes start at once (store_opstart). */
static rc_t database_prepare(const char *url, int *version, struct error *e)
{
	struct store *s = NULL;
	rc_t rc = store_open(url, &s, e);
	if (rc == RC_OK)
		rc = store_opstart(s, prepare_steps, version, e);
	store_close(s);
	return rc;
}

/* Reads a whole number in [1, max] from the environment into *out (left
 * alone when unset); 2 with a one-line message when it is not. */
static int omgeving_aantal(const char *naam, unsigned max, unsigned *out)
{
	const char *t = getenv(naam);
	if (!t || !*t)
		return 0;
	char *end;
	long long v = strtoll(t, &end, 10);
	if (*end || v < 1 || v > (long long)max) {
		fprintf(stderr, "doorbraak: %s moet een geheel getal van 1 tot %u zijn\n", naam, max);
		return 2;
	}
	*out = (unsigned)v;
	return 0;
}

/* The booking clock (docs/beschikking.md §5): DOORBRAAK_BOEKKLOK, a
 * moment "2027-03-01T09:00:00Z", makes payments, corrections and reclaims
 * be booked as if it were that moment now, the clock running on from
 * there. Only for a training or acceptance environment, announced in the
 * log. The demo (`demo`) lives on its day DEMO_PEILDATUM unless the
 * variable says otherwise. 0 when unset or set; 2 with a one-line message
 * when unreadable. */
static int boekklok_instellen(struct server_config *config, bool demo)
{
	static struct klok klok;
	static int64_t verschil_us;
	const char *t = getenv("DOORBRAAK_BOEKKLOK");
	int64_t moment;
	if ((!t || !*t) && demo)
		t = DEMO_PEILDATUM "T09:00:00Z";
	if (!t || !*t)
		return 0;
	if (!klok_lees(t, &moment)) {
		fprintf(stderr, "doorbraak: DOORBRAAK_BOEKKLOK moet een moment in UTC zijn, zoals 2027-03-01T09:00:00Z\n");
		return 2;
	}
	verschil_us = moment - klok_nu_us(NULL);
	klok_verschoven(&klok, &verschil_us);
	config->boekklok = &klok;
	fprintf(stderr, "{\"bericht\":\"waarschuwing\",\"detail\":\"boekklok verzet: betalingen, correcties en "
			"terugvorderingen worden geboekt alsof het nu %s is; alleen voor de demo en een oefen- of "
			"acceptatieomgeving (DOORBRAAK_BOEKKLOK, docs/beschikking.md)\"}\n", t);
	return 0;
}

/* The connection guard's settings (docs/beveiliging.md): request deadline,
 * connections per address and in all, trusted reverse proxies. */
static int verbindingen_instellingen(struct server_config *config)
{
	int rc = omgeving_aantal("DOORBRAAK_VERZOEK_TERMIJN_S", 3600, &config->verbindingen.verzoek_termijn_s);
	if (!rc)
		rc = omgeving_aantal("DOORBRAAK_VERBINDINGEN_PER_ADRES", 100000, &config->verbindingen.per_adres);
	if (!rc)
		rc = omgeving_aantal("DOORBRAAK_VERBINDINGEN_MAX", 100000, &config->verbindingen_max);
	struct error e;
	error_clear(&e);
	if (!rc && verbindingen_proxies_lees(getenv("DOORBRAAK_PROXY"), &config->verbindingen, &e) != RC_OK)
		rc = cli_fail(&e);
	return rc;
}

int cmd_init(struct cli *c)
{
	struct error e;
	error_clear(&e);
	int version = 0;
	if (database_prepare(c->database, &version, &e) != RC_OK)
		return cli_fail(&e);
	int fout = c->demo ? cli_demo_laden(c->database) : 0; /* idempotent */
	if (fout)
		return fout;
	printf("database %s: schemaversie %d%s\n", c->database, version, c->demo ? " (met demogegevens)" : "");
	return 0;
}

int cmd_serve(struct cli *c)
{
	struct error e;
	error_clear(&e);
	int version = 0;
	if (database_prepare(c->database, &version, &e) != RC_OK) {
		cli_fail(&e);
		return 1;
	}
	/* Block the stop signals before the server's threads exist, so
	 * only sigwait below receives them. */
	sigset_t stop;
	sigemptyset(&stop);
	sigaddset(&stop, SIGINT);
	sigaddset(&stop, SIGTERM);
	pthread_sigmask(SIG_BLOCK, &stop, NULL);
	signal(SIGPIPE, SIG_IGN);
	struct server_config config = {
		.database = c->database, .listen = c->listen,
		.threads = c->threads, .demo = c->demo,
		/* DOORBRAAK_TAAKWERKER=0: this process computes no scenario jobs
		 * (several processes on one PostgreSQL: choose which do) */
		.geen_taakwerker = getenv("DOORBRAAK_TAAKWERKER") && strcmp(getenv("DOORBRAAK_TAAKWERKER"), "0") == 0,
	};
	/* Access: the sealing key, session and throttling settings, demo data. */
	int fout = cli_sleutel_laden(c->demo ? CLI_STIL : CLI_LOGREGEL);
	if (!fout)
		fout = cli_sessie_instellingen(&config.sessie);
	if (!fout)
		fout = verbindingen_instellingen(&config);
	if (!fout)
		fout = boekklok_instellen(&config, c->demo);
	if (!fout && c->demo)
		fout = cli_demo_laden(c->database);
	if (fout)
		return fout;
	mail_instellingen_uit_omgeving(&config.mail, NULL);
	if (!config.mail.smtp_url)   /* a log line, JSON as every line the server writes */
		fprintf(stderr, "{\"bericht\":\"waarschuwing\",\"detail\":\"DOORBRAAK_SMTP_URL is niet gezet; "
				"berichten wachten in de mailwachtrij en worden niet gemaild (docs/berichten.md)\"}\n");
	struct server *srv = NULL;
	unsigned port = 0;
	if (server_start(&config, &srv, &port, &e) != RC_OK) {
		cli_fail(&e);
		return 1;
	}
	char host[64];
	snprintf(host, sizeof host, "%.*s", (int)(strrchr(c->listen, ':') - c->listen), c->listen);
	printf("doorbraak luistert op http://%s:%u/ (opslag %s, schemaversie %d)\n",
	       host, port, server_backend_name(srv), version);
	if (c->demo)
		cli_demo_afdrukken();
	fflush(stdout);
	int sig = 0;
	sigwait(&stop, &sig);
	fprintf(stderr, "doorbraak: signaal %d ontvangen, stoppen\n", sig);
	server_stop(srv);
	return 0;
}
