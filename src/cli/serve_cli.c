/*
 * serve_cli.c -- `doorbraak init` and `doorbraak serve`.
 */
#include <signal.h>
#include <pthread.h>
#include <stdio.h>
#include <string.h>

#include "../api/http.h"
#include "cli.h"

/* Opens the database and brings it to the newest schema. */
static rc_t database_prepare(const char *url, int *version, struct error *e)
{
	struct store *s = NULL;
	rc_t rc = store_open(url, &s, e);
	if (rc == RC_OK)
		rc = store_migrate(s, version, e);
	store_close(s);
	return rc;
}

int cmd_init(struct cli *c)
{
	struct error e;
	error_clear(&e);
	int version = 0;
	if (database_prepare(c->database, &version, &e) != RC_OK)
		return cli_fail(&e);
	printf("database %s: schemaversie %d\n", c->database, version);
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
	};
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
	fflush(stdout);
	int sig = 0;
	sigwait(&stop, &sig);
	fprintf(stderr, "doorbraak: signaal %d ontvangen, stoppen\n", sig);
	server_stop(srv);
	return 0;
}
