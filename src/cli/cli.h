/*
 * cli.h -- the `doorbraak` command line: shared options and the command
 * functions (one file per concept). The CLI is a thin face over the core,
 * like the HTTP API: parse argv, call the core, print, exit.
 */
#ifndef DOORBRAAK_CLI_H
#define DOORBRAAK_CLI_H

#include <stdbool.h>

#include "../core/error.h"

#define CLI_ARGS_MAX 16

struct cli {
	const char *database;   /* --db, DOORBRAAK_DB, default var/doorbraak.db */
	const char *listen;     /* --listen, DOORBRAAK_LISTEN, default 127.0.0.1:8080 */
	unsigned threads;       /* --threads, DOORBRAAK_THREADS, default 4 */
	bool demo;              /* --demo, DOORBRAAK_DEMO=1 */
	int argc;               /* positional arguments after the command */
	const char *argv[CLI_ARGS_MAX];
};

/* Prints "doorbraak: <message>" and the validation problems of `e` on
 * stderr and returns the exit code of the rc table. */
int cli_fail(const struct error *e);

int cmd_serve(struct cli *c);
int cmd_init(struct cli *c);
int cmd_audit(struct cli *c);

#endif
