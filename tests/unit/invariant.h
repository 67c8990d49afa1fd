/*
 * invariant.h -- what the invariant tests under a seeded random workload
 * share (test_grootboek_invariant.c, test_geldleven.c): the number of steps
 * and the check of the exported journal by hledger.
 *
 * Include after harness.h and testdb.h.
 */
#ifndef DOORBRAAK_INVARIANT_H
#define DOORBRAAK_INVARIANT_H

#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

#include "core/geld/grootboek.h"

/* DOORBRAAK_STAPPEN, else `sqlite` steps on SQLite and `pg` on PostgreSQL. */
static inline int invariant_stappen(enum store_backend backend, int sqlite, int pg)
{
	const char *v = getenv("DOORBRAAK_STAPPEN");
	if (v && atoi(v) > 0)
		return atoi(v);
	return backend == STORE_SQLITE ? sqlite : pg;
}

/* Exports the ledger as an hledger journal (var/test/<naam>_<pid>_<backend>.journal)
 * and has `hledger check -s` judge it; the journal is removed when it
 * passes. Returns NULL when it passes or hledger is not installed (said
 * on stdout), else why not (static text). */
static inline const char *invariant_hledger(struct store *s, const char *naam, enum store_backend backend)
{
	if (system("hledger --version >/dev/null 2>&1") != 0) {
		printf("  # hledger ontbreekt (Debian-pakket hledger): journaal niet gecontroleerd\n");
		return NULL;
	}
	static char reden[300];
	char pad[160], cmd[360];
	snprintf(pad, sizeof pad, "var/test/%s_%ld_%s.journal", naam, (long)getpid(), testdb_backend_name(backend));
	FILE *f = fopen(pad, "w");
	struct error e;
	error_clear(&e);
	bool ok = f && grootboek_hledger(s, f, &e) == RC_OK;
	if (f)
		fclose(f);
	if (!ok) {
		snprintf(reden, sizeof reden, "hledger-export: %s", e.message);
		return reden;
	}
	snprintf(cmd, sizeof cmd, "LC_ALL=C.UTF-8 hledger -f '%s' check -s", pad);   /* UTF-8 whatever the locale */
	if (system(cmd) != 0) {
		snprintf(reden, sizeof reden, "hledger check -s keurt %s af", pad);
		return reden;
	}
	unlink(pad);
	return NULL;
}

#endif
