/*
 * cli.h -- the `doorbraak` command line: shared options and the command
 * functions (one file per concept). The CLI is a thin face over the core,
 * like the HTTP API: parse argv, call the core, print, exit.
 */
#ifndef DOORBRAAK_CLI_H
#define DOORBRAAK_CLI_H

#include <stdbool.h>

#include "core/basis/error.h"

#define CLI_ARGS_MAX 16

struct cli {
	const char *database;   /* --db, DOORBRAAK_DB, default var/doorbraak.db */
	const char *listen;     /* --listen, DOORBRAAK_LISTEN, default 127.0.0.1:8080 */
	unsigned threads;       /* --threads, DOORBRAAK_THREADS, default 4 */
	bool demo;              /* --demo, DOORBRAAK_DEMO=1 */
	const char *versie;     /* --versie N (catalogus toon); NULL: the newest */
	const char *impactlat;  /* --impactlat A|B|C (aanvraag toets); NULL: the catalogue's */
	const char *pdf;        /* --pdf FILE (beschikking document); NULL: HTML on stdout */
	const char *regel;      /* --regel pro-rata|rangorde|optimaal (verdeel); NULL: the file's */
	const char *lp;         /* --lp FILE (verdeel): write the CPLEX LP model there */
	const char *ronde;      /* --ronde ID (verdeel): candidates from the database */
	const char *seed;       /* --seed TEXT (verdeel --ronde) */
	bool json;              /* --json (verdeel): the solver's JSON instead of text */
	const char *jaar;       /* --jaar N (verantwoording jaarstaten, export) */
	const char *xlsx;       /* --xlsx FILE (verantwoording export, sociaal voortgang): XLSX instead of CSV */
	const char *periode;    /* --periode P (sociaal voortgang): the half year */
	const char *peildatum;  /* --peildatum D (monitoring): the day signals and reports are computed for */
	int argc;               /* positional arguments after the command */
	const char *argv[CLI_ARGS_MAX];
};

/* Prints "doorbraak: <message>" and the validation problems of `e` on
 * stderr and returns the exit code of the rc table. */
int cli_fail(const struct error *e);

/* Writes `len` bytes to file `pad` (a PDF, an XLSX); 0, or the exit code
 * after a one-line message. */
int cli_schrijf(const char *pad, const void *data, size_t len);

/* A document or list the command made: on stdout without `pad`, else into
 * file `pad` with the line "<wat> geschreven naar <pad> (<n> bytes)"; 0,
 * or the exit code after a one-line message. */
int cli_uitvoer(const char *pad, const void *data, size_t len, const char *wat);

/* --jaar N into *jaar (left 0 without the option); false after a one-line
 * message when it is no year 2000..2100. */
bool cli_jaar(const struct cli *c, int64_t *jaar);

int cmd_serve(struct cli *c);
int cmd_init(struct cli *c);
int cmd_audit(struct cli *c);
int cmd_catalogus(struct cli *c);
int cmd_gebruiker(struct cli *c);
int cmd_aanvraag(struct cli *c);
int cmd_grootboek(struct cli *c);
int cmd_beschikking(struct cli *c);
int cmd_verdeel(struct cli *c);
int cmd_verantwoording(struct cli *c);
int cmd_sociaal(struct cli *c);
int cmd_monitoring(struct cli *c);

/* Access settings from the environment (gebruiker_cli.c). Each returns 0,
 * or an exit code after printing a one-line error. */
struct sessie_instellingen;
/* DOORBRAAK_SLEUTEL (64 hex) seals the TOTP secrets. When it is unset,
 * a warning: none, a line of text, or (for `serve`, whose stderr is the
 * JSON request log) a JSON line. */
enum cli_melding { CLI_STIL, CLI_TEKST, CLI_LOGREGEL };
int cli_sleutel_laden(enum cli_melding melding);
/* DOORBRAAK_SESSIE_INACTIEF_S, _ABSOLUUT_S, DOORBRAAK_INLOG_VENSTER_S,
 * _MAX_ACCOUNT, _MAX_ADRES; unset ones stay 0 (the defaults). */
int cli_sessie_instellingen(struct sessie_instellingen *out);
/* Creates the demo parties and accounts that are missing. */
int cli_demo_laden(const char *database);
/* Prints the demo accounts and their password. */
void cli_demo_afdrukken(void);

#endif
