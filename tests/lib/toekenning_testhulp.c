/*
 * toekenning_testhulp.c -- the command line of the test helper; see
 * toekenning_testhulp.h and docs/beschikking.md §7.
 */
#include "toekenning_testhulp.h"

static bool lees(int argc, char **argv, struct hulp *h)
{
	h->ronde = strtoll(argv[2], NULL, 10);
	for (int i = 3; i < argc; i++) {
		if (strcmp(argv[i], "--jaar") == 0 && i + 1 < argc) {
			struct jaar_geld *g = &h->geld[h->geld_n++];
			long long jaar, cent;
			if (h->geld_n > MAX || sscanf(argv[++i], "%63[^/]/%lld=%lld", g->thema, &jaar, &cent) != 3)
				return false;
			g->jaar = jaar;
			g->cent = cent;
			continue;
		}
		long long aanvraag;
		char thema[64], rest[512];
		if (sscanf(argv[i], "%lld:%63[^:]:%511s", &aanvraag, thema, rest) != 3)
			return false;
		for (char *tok = strtok(rest, ","); tok; tok = strtok(NULL, ",")) {
			long long jaar, cent;
			if (h->t_n >= MAX || sscanf(tok, "%lld=%lld", &jaar, &cent) != 2)
				return false;
			struct toekenning *t = &h->t[h->t_n++];
			t->aanvraag = aanvraag;
			snprintf(t->thema, sizeof t->thema, "%s", thema);
			t->jaar = jaar;
			t->cent = cent;
		}
	}
	return h->ronde > 0;
}

int main(int argc, char **argv)
{
	static struct hulp h;
	if (argc < 3 || !lees(argc, argv, &h)) {
		fprintf(stderr, "gebruik: toekenning_testhulp DB RONDE [--jaar THEMA/JAAR=CENT]... "
			"AANVRAAG:THEMA:JAAR=CENT[,JAAR=CENT]...\n");
		return 2;
	}
	struct error e;
	error_clear(&e);
	struct store *s = NULL;
	rc_t rc = store_open(argv[1], &s, &e);
	if (rc == RC_OK)
		rc = store_tx(s, STORE_WRITE, toekenning_testhulp_tx, &h, &e);
	store_close(s);
	if (rc != RC_OK) {
		fprintf(stderr, "toekenning_testhulp: %s\n", e.message);
		for (size_t i = 0; i < e.item_count; i++)
			fprintf(stderr, "  %s: %s %s\n", e.items[i].field, e.items[i].code, e.items[i].detail);
		return 1;
	}
	printf("%" PRId64 "\n", h.besluit);
	return 0;
}
