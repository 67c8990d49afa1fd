/*
 * storing.c -- fault injection for tests. See storing.h.
 */
#include "core/basis/storing.h"

#ifdef DOORBRAAK_STORINGEN

#include <stdlib.h>
#include <string.h>

static _Thread_local int gewapend = -1;   /* enum storing_soort, -1: off */
static _Thread_local long teller;         /* calls left before the failure */
static _Thread_local bool gebeurd;
static _Thread_local bool gecommit, gebeurd_na_commit;

bool storing_nu(enum storing_soort soort)
{
	if (gewapend != (int)soort || --teller != 0)
		return false;
	gebeurd = true;
	gebeurd_na_commit = gecommit;
	return true;
}

bool storing_wapen(const char *waarde)
{
	gewapend = -1;
	gebeurd = gecommit = gebeurd_na_commit = false;
	if (!waarde)
		return false;
	int soort = strncmp(waarde, "arena:", 6) == 0 ? STORING_ARENA
		    : strncmp(waarde, "store:", 6) == 0 ? STORING_STORE : -1;
	char *eind = NULL;
	long n = soort >= 0 ? strtol(waarde + 6, &eind, 10) : 0;
	if (soort < 0 || n < 1 || !eind || *eind)
		return false;
	teller = n;
	gewapend = soort;
	return true;
}

void storing_gecommit(void)
{
	gecommit = true;
}

const char *storing_gebeurd(void)
{
	return !gebeurd ? "" : gebeurd_na_commit ? "na-commit" : "1";
}

#else
typedef int storing_leeg;   /* ISO C: a translation unit is not empty */
#endif
