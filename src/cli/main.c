/*
 * main.c -- entry of the `doorbraak` binary: options, environment and
 * the command table.
 *
 *   doorbraak [--db URL] [--listen HOST:PORT] [--threads N] [--demo] COMMAND [ARGS]
 */
#include <sodium.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/basis/version.h"
#include "store/store.h"
#include "cli/cli.h"

static int cmd_version(struct cli *c);
static int cmd_help(struct cli *c);

static const struct command {
	const char *name;
	int (*run)(struct cli *c);
	const char *usage;
	const char *help;
} commands[] = {
	{"serve", cmd_serve, "serve", "start de server (maakt en migreert de database eerst)"},
	{"init", cmd_init, "init", "maak of migreer de database; twee keer draaien kan geen kwaad"},
	{"audit", cmd_audit, "audit verify", "controleer de hashketen van het auditlog"},
	{"catalogus", cmd_catalogus, "catalogus toon|valideer|publiceer",
	 "toon [ONDERDEEL] [--versie N], valideer BESTAND, publiceer BESTAND; zie docs/catalogus.md"},
	{"gebruiker", cmd_gebruiker, "gebruiker SUBOPDRACHT",
	 "maak-beheerder NAAM E-MAIL PERSOON [FUNCTIE], lijst, rollen ID ROL..., blokkeer ID, deblokkeer ID; zie docs/toegang.md"},
	{"aanvraag", cmd_aanvraag, "aanvraag toets|lijst|verifieer",
	 "toets BESTAND [--impactlat A|B|C] (zonder database), lijst, verifieer ONTVANGSTBEWIJS; zie docs/indiening.md"},
	{"grootboek", cmd_grootboek, "grootboek toon|export|herspeel",
	 "toon (per pot, thema, jaar, verzekeraar, project), export BESTAND (hledger-journaal), herspeel; zie docs/beschikking.md"},
	{"beschikking", cmd_beschikking, "beschikking document ID",
	 "het besluitdocument als HTML op stdout, of met --pdf BESTAND als PDF; zie docs/beschikking.md"},
	{"sociaal", cmd_sociaal, "sociaal regios|beschikkingen|beschikking|voortgang|regioscan-import",
	 "regios, beschikkingen [--jaar N], beschikking ID [--pdf BESTAND], voortgang [--periode P] [--xlsx BESTAND] "
	 "(CSV op stdout), regioscan-import BESTAND; zie docs/sociaal-domein.md"},
	{"monitoring", cmd_monitoring, "monitoring signalen|opendata|kwartaalrapport",
	 "signalen [--peildatum D], opendata (CSV op stdout), kwartaalrapport [--peildatum D] [--pdf BESTAND]; "
	 "zie docs/monitoring.md"},
	{"verantwoording", cmd_verantwoording, "verantwoording jaarstaten|rechtsoordeel|nacalculatie|export",
	 "jaarstaten [--jaar N], rechtsoordeel ID [--pdf BESTAND], nacalculatie ID [--pdf BESTAND], "
	 "export [--jaar N] [--xlsx BESTAND] (CSV op stdout); zie docs/verantwoording.md"},
	{"verdeel", cmd_verdeel, "verdeel BESTAND | --ronde ID",
	 "reken een verdeelscenario door (zonder database, of met --ronde de positief beoordeelde aanvragen); "
	 "[--regel pro-rata|rangorde|optimaal] [--lp UIT] [--json]; zie docs/bestuur.md"},
	{"version", cmd_version, "version", "toon de versie"},
	{"help", cmd_help, "help", "toon deze hulp"},
};

static int cmd_version(struct cli *c)
{
	(void)c;
	printf("doorbraak %s (schemaversie %d)\n", DOORBRAAK_VERSION, store_latest_schema_version());
	return 0;
}

static int cmd_help(struct cli *c)
{
	(void)c;
	printf("doorbraak %s -- administratie van de AZWA-doorbraakmiddelen\n\n"
	       "Gebruik: doorbraak [opties] OPDRACHT [ARGUMENTEN]\n\nOpdrachten:\n",
	       DOORBRAAK_VERSION);
	for (size_t i = 0; i < sizeof commands / sizeof commands[0]; i++)
		printf("  %-28s %s\n", commands[i].usage, commands[i].help);
	printf("\nOpties (en omgevingsvariabelen):\n"
	       "  --db URL           SQLite-pad of postgresql://-URL (DOORBRAAK_DB; standaard var/doorbraak.db)\n"
	       "  --listen HOST:PORT luisteradres (DOORBRAAK_LISTEN; standaard 127.0.0.1:8080; poort 0 kiest een vrije)\n"
	       "  --threads N        databaseverbindingen (DOORBRAAK_THREADS; standaard 4)\n"
	       "  --demo             demomodus met demogegevens (DOORBRAAK_DEMO=1)\n"
	       "  --versie N         catalogusversie voor 'catalogus toon' (standaard de nieuwste)\n"
	       "  --impactlat A|B|C  impactlat voor 'aanvraag toets' (standaard die van de catalogus)\n"
	       "  --pdf BESTAND      'beschikking document', 'verantwoording rechtsoordeel|nacalculatie', 'sociaal beschikking': schrijf de PDF naar BESTAND\n"
	       "  --jaar N           'verantwoording jaarstaten|export', 'sociaal beschikkingen': alleen jaar N\n"
	       "  --xlsx BESTAND     'verantwoording export', 'sociaal voortgang': schrijf een werkblad (XLSX) naar BESTAND in plaats van CSV\n"
	       "  --periode P        'sociaal voortgang': het halfjaar P (bijvoorbeeld 2027-1; standaard het nieuwste)\n"
	       "  --peildatum D      'monitoring signalen|kwartaalrapport': de dag JJJJ-MM-DD (standaard vandaag)\n"
	       "  --regel R          'verdeel': pro-rata, rangorde of optimaal (standaard die van het bestand)\n"
	       "  --lp BESTAND       'verdeel': schrijf het model in CPLEX LP-formaat naar BESTAND\n"
	       "  --ronde ID         'verdeel': de positief beoordeelde aanvragen van ronde ID uit de database\n"
	       "  --seed TEKST       'verdeel --ronde': de seed van de loting (standaard doorbraak-verdeel)\n"
	       "  --json             'verdeel': de uitkomst als JSON (byte voor byte die van de API)\n");
	return 0;
}

int cli_uitvoer(const char *pad, const void *data, size_t len, const char *wat)
{
	if (!pad) {
		fwrite(data, 1, len, stdout);
		return 0;
	}
	int uit = cli_schrijf(pad, data, len);
	if (uit == 0)
		printf("%s geschreven naar %s (%zu bytes)\n", wat, pad, len);
	return uit;
}

int cli_schrijf(const char *pad, const void *data, size_t len)
{
	FILE *f = fopen(pad, "wb");
	bool ok = f && fwrite(data, 1, len, f) == len;
	if (f && fclose(f) != 0)
		ok = false;
	if (!ok) {
		fprintf(stderr, "doorbraak: kan %s niet schrijven\n", pad);
		return rc_exit_code(RC_IO);
	}
	return 0;
}

bool cli_jaar(const struct cli *c, int64_t *jaar)
{
	if (!c->jaar)
		return true;
	char *eind = NULL;
	long long j = strtoll(c->jaar, &eind, 10);
	if (!eind || *eind || j < 2000 || j > 2100) {
		fprintf(stderr, "doorbraak: --jaar is een jaar tussen 2000 en 2100\n");
		return false;
	}
	*jaar = j;
	return true;
}

int cli_fail(const struct error *e)
{
	fprintf(stderr, "doorbraak: %s\n", e->message[0] ? e->message : rc_title(e->rc));
	for (size_t i = 0; i < e->item_count; i++) {
		const struct error_item *it = &e->items[i];
		fprintf(stderr, "  %s: %s%s%s\n", it->field, it->detail,
			it->bron[0] ? " " : "", it->bron);
	}
	if (e->items_dropped)
		fprintf(stderr, "  (en nog %zu problemen)\n", e->items_dropped);
	return rc_exit_code(e->rc == RC_OK ? RC_INTERNAL : e->rc);
}

/* Reads options anywhere on the line; the rest are the command and its
 * arguments. Returns the command index, or -1 with a message printed. */
static int parse_args(int argc, char **argv, struct cli *c)
{
	const char *env;
	c->database = (env = getenv("DOORBRAAK_DB")) && *env ? env : "var/doorbraak.db";
	c->listen = (env = getenv("DOORBRAAK_LISTEN")) && *env ? env : "127.0.0.1:8080";
	c->threads = (env = getenv("DOORBRAAK_THREADS")) && *env ? (unsigned)strtoul(env, NULL, 10) : 4;
	c->demo = (env = getenv("DOORBRAAK_DEMO")) && strcmp(env, "1") == 0;
	const char *command = NULL;
	for (int i = 1; i < argc; i++) {
		const char *a = argv[i];
		bool takes_value = strcmp(a, "--db") == 0 || strcmp(a, "--listen") == 0 ||
				   strcmp(a, "--threads") == 0 || strcmp(a, "--versie") == 0 ||
				   strcmp(a, "--impactlat") == 0 || strcmp(a, "--pdf") == 0 ||
				   strcmp(a, "--regel") == 0 || strcmp(a, "--lp") == 0 ||
				   strcmp(a, "--ronde") == 0 || strcmp(a, "--seed") == 0 ||
				   strcmp(a, "--jaar") == 0 || strcmp(a, "--xlsx") == 0 ||
				   strcmp(a, "--periode") == 0 || strcmp(a, "--peildatum") == 0;
		if (takes_value && i + 1 >= argc) {
			fprintf(stderr, "doorbraak: optie %s verwacht een waarde\n", a);
			return -1;
		}
		if (strcmp(a, "--db") == 0) c->database = argv[++i];
		else if (strcmp(a, "--listen") == 0) c->listen = argv[++i];
		else if (strcmp(a, "--threads") == 0) c->threads = (unsigned)strtoul(argv[++i], NULL, 10);
		else if (strcmp(a, "--demo") == 0) c->demo = true;
		else if (strcmp(a, "--versie") == 0) c->versie = argv[++i];
		else if (strcmp(a, "--impactlat") == 0) c->impactlat = argv[++i];
		else if (strcmp(a, "--pdf") == 0) c->pdf = argv[++i];
		else if (strcmp(a, "--regel") == 0) c->regel = argv[++i];
		else if (strcmp(a, "--lp") == 0) c->lp = argv[++i];
		else if (strcmp(a, "--ronde") == 0) c->ronde = argv[++i];
		else if (strcmp(a, "--seed") == 0) c->seed = argv[++i];
		else if (strcmp(a, "--jaar") == 0) c->jaar = argv[++i];
		else if (strcmp(a, "--xlsx") == 0) c->xlsx = argv[++i];
		else if (strcmp(a, "--periode") == 0) c->periode = argv[++i];
		else if (strcmp(a, "--peildatum") == 0) c->peildatum = argv[++i];
		else if (strcmp(a, "--json") == 0) c->json = true;
		else if (strcmp(a, "--help") == 0 || strcmp(a, "-h") == 0) command = "help";
		else if (strncmp(a, "--", 2) == 0) {
			fprintf(stderr, "doorbraak: onbekende optie %s (zie 'doorbraak help')\n", a);
			return -1;
		} else if (!command) command = a;
		else if (c->argc < CLI_ARGS_MAX) c->argv[c->argc++] = a;
		else {
			fprintf(stderr, "doorbraak: te veel argumenten\n");
			return -1;
		}
	}
	if (c->threads == 0 || c->threads > 256) {
		fprintf(stderr, "doorbraak: --threads moet tussen 1 en 256 liggen\n");
		return -1;
	}
	if (!command)
		command = "help";
	for (size_t i = 0; i < sizeof commands / sizeof commands[0]; i++)
		if (strcmp(commands[i].name, command) == 0)
			return (int)i;
	fprintf(stderr, "doorbraak: onbekende opdracht '%s' (zie 'doorbraak help')\n", command);
	return -1;
}

int main(int argc, char **argv)
{
	if (sodium_init() < 0) {
		fprintf(stderr, "doorbraak: libsodium kan niet starten\n");
		return 1;
	}
	struct cli c = {0};
	int which = parse_args(argc, argv, &c);
	if (which < 0)
		return 2;
	return commands[which].run(&c);
}
