/*
 * verdeelsleutel.c -- the largest-remainder apportionment. See
 * verdeelsleutel.h.
 */
#include "core/sociaal/verdeelsleutel.h"

#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#define BRON "[003 D5], [001]"

struct rest {
	size_t i;
	unsigned __int128 rest;
	int64_t gewicht;
	const char *id;
};

/* Largest remainder first; then the larger weight; then the id. */
static int rest_volgorde(const void *pa, const void *pb)
{
	const struct rest *a = pa, *b = pb;
	if (a->rest != b->rest)
		return a->rest > b->rest ? -1 : 1;
	if (a->gewicht != b->gewicht)
		return a->gewicht > b->gewicht ? -1 : 1;
	return strcmp(a->id, b->id);
}

static int id_volgorde(const void *pa, const void *pb)
{
	const struct rest *a = pa, *b = pb;
	return strcmp(a->id, b->id);
}

/* Checks the input; every problem at once. */
static void controleer(int64_t pot_cent, const struct verdeelsleutel_deel *delen, size_t n, struct rest *r,
		       int64_t *totaal, struct error *e)
{
	if (pot_cent < 0)
		error_add(e, "/pot_cent", "negatief", BRON, "Het te verdelen bedrag is niet negatief.");
	if (n == 0)
		error_add(e, "/delen", "geen_ontvangers", BRON, "Een verdeelsleutel verdeelt over ten minste één ontvanger.");
	bool overloop = false;
	*totaal = 0;
	for (size_t i = 0; i < n; i++) {
		if (!delen[i].id || !delen[i].id[0])
			error_add(e, "/delen", "id_ontbreekt", BRON, "Ontvanger %zu heeft geen id.", i + 1);
		if (delen[i].gewicht < 0)
			error_add(e, "/delen", "gewicht_negatief", BRON, "Het gewicht van %s is negatief.",
				  delen[i].id ? delen[i].id : "?");
		else
			overloop = overloop || __builtin_add_overflow(*totaal, delen[i].gewicht, totaal);
		r[i] = (struct rest){.i = i, .gewicht = delen[i].gewicht, .id = delen[i].id ? delen[i].id : ""};
	}
	if (n > 1)
		qsort(r, n, sizeof *r, id_volgorde);
	for (size_t i = 1; i < n; i++)
		if (r[i].id[0] && strcmp(r[i].id, r[i - 1].id) == 0)
			error_add(e, "/delen", "dubbel", BRON, "Ontvanger %s staat er twee keer in.", r[i].id);
	if (overloop)
		error_add(e, "/delen", "te_groot", BRON, "De gewichten tellen op tot meer dan in 64 bits past.");
	else if (n > 0 && *totaal == 0)
		error_add(e, "/delen", "gewichten_nul", BRON, "De gewichten tellen op tot 0: er is niets om naar te verdelen.");
}

rc_t verdeelsleutel_verdeel(int64_t pot_cent, const struct verdeelsleutel_deel *delen, size_t n, int64_t *uit,
			    struct error *e)
{
	struct rest *r = n ? calloc(n, sizeof *r) : NULL;
	if (n && !r)
		return error_set(e, RC_NOMEM, "Onvoldoende geheugen.");
	int64_t totaal = 0;
	controleer(pot_cent, delen, n, r, &totaal, e);
	if (e->item_count > 0 || e->items_dropped) {
		free(r);
		return error_set(e, RC_INVALID, "De verdeelsleutel is niet geldig.");
	}
	/* floor of the exact quota; what is left over goes to the largest remainders */
	int64_t verdeeld = 0;
	for (size_t k = 0; k < n; k++) {
		unsigned __int128 product = (unsigned __int128)pot_cent * (unsigned __int128)r[k].gewicht;
		int64_t deel = (int64_t)(product / (unsigned __int128)totaal);
		r[k].rest = product % (unsigned __int128)totaal;
		uit[r[k].i] = deel;
		verdeeld += deel;   /* <= pot: the floors never sum above it */
	}
	if (n > 1)
		qsort(r, n, sizeof *r, rest_volgorde);
	for (int64_t over = pot_cent - verdeeld, k = 0; over > 0; over--, k++)
		uit[r[k].i]++;   /* fewer cents left than recipients: each remainder < totaal */
	free(r);
	return RC_OK;
}
