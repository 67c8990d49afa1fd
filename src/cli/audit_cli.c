/*
 * audit_cli.c -- `doorbraak audit verify`: recompute the hash chain and
 * name the first broken link (exit 1 when broken).
 */
#include <inttypes.h>
#include <stdio.h>
#include <string.h>

#include "core/basis/audit.h"
#include "cli/cli.h"

int cmd_audit(struct cli *c)
{
	struct error e;
	error_clear(&e);
	if (c->argc != 1 || strcmp(c->argv[0], "verify") != 0) {
		fprintf(stderr, "doorbraak: gebruik 'doorbraak audit verify'\n");
		return 2;
	}
	struct store *s = NULL;
	struct audit_verify_result r;
	if (store_open(c->database, &s, &e) != RC_OK || audit_verify(s, &r, &e) != RC_OK) {
		store_close(s);
		return cli_fail(&e);
	}
	store_close(s);
	if (r.broken_at) {
		fprintf(stderr, "doorbraak: auditketen gebroken bij record %" PRId64 ": %s\n",
			r.broken_at, r.reason);
		return 1;
	}
	printf("auditketen intact: %" PRId64 " records\n", r.records);
	return 0;
}
