/*
 * antwoordcache.h -- a rendered answer kept in the process while the
 * database does not change (issue 14 for the board's overview, issue 17
 * for the programme monitor and the open data).
 *
 * Every write of doorbraak adds an audit record in its own transaction
 * (docs/audit.md), so the last record -- its number and its hash, which
 * also tells one database from another -- names the state of everything
 * a read sees. An answer is kept under that state and the caller's own
 * key (what was asked, and by whom where that matters). A request reads
 * the last record first (antwoordcache_staat) and only then, on a miss,
 * computes: what it keeps is never older than the state it is kept under.
 * An answer may also be valid only from a moment on (a round that closes).
 *
 * Bounded: ANTWOORDCACHE_PLEKKEN answers of at most `max_bytes` each per
 * cache, replaced least recently used; larger answers are not kept.
 * Thread-safe.
 */
#ifndef DOORBRAAK_ANTWOORDCACHE_H
#define DOORBRAAK_ANTWOORDCACHE_H

#include <pthread.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include <jansson.h>

#include "core/basis/arena.h"
#include "core/basis/error.h"
#include "store/store.h"

#define ANTWOORDCACHE_PLEKKEN 32
#define ANTWOORDCACHE_SLEUTEL_BYTES 1024
#define ANTWOORDCACHE_STAAT_BYTES 96

struct antwoordcache_plek {
	char sleutel[ANTWOORDCACHE_SLEUTEL_BYTES];
	int64_t vanaf_us;              /* valid from this moment on */
	char *tekst;                   /* malloc'd, NUL-terminated */
	size_t lengte;
	uint64_t gebruikt;             /* for least recently used */
};

struct antwoordcache {
	pthread_mutex_t slot;
	size_t max_bytes;
	struct antwoordcache_plek plekken[ANTWOORDCACHE_PLEKKEN];
	uint64_t teller;
};

/* A cache of answers of at most `max` bytes, for a static definition. */
#define ANTWOORDCACHE(max) {.slot = PTHREAD_MUTEX_INITIALIZER, .max_bytes = (max)}

/* The database's state (the last audit record's number and hash) as text
 * into buf (ANTWOORDCACHE_STAAT_BYTES), in a read transaction of its own. */
rc_t antwoordcache_staat(struct store *s, char *buf, struct error *e);

/* Copies the answer kept under `sleutel` into the arena; false when none,
 * or it is not valid yet at `nu_us`. */
bool antwoordcache_haal(struct antwoordcache *c, const char *sleutel, int64_t nu_us, struct arena *arena,
			const char **tekst, size_t *lengte);

/* Keeps a copy of the answer (valid from `vanaf_us`) in the least recently
 * used place; nothing when it is larger than the cache's maximum. */
void antwoordcache_zet(struct antwoordcache *c, const char *sleutel, int64_t vanaf_us, const char *tekst,
		       size_t lengte);

/* Makes an answer: *uit the JSON (the caller owns it), *vanaf_us the moment
 * from which it is valid (0: always). */
typedef rc_t (*antwoordcache_maak)(void *ctx, struct arena *a, json_t **uit, int64_t *vanaf_us, struct error *e);

/* The answer to what `sleutel` names (NULL: compute, never keep) as JSON
 * text in the arena: the one kept under it and the database's current
 * state, or made by `maak`, encoded, kept and returned. `melding` names
 * the answer in the out-of-memory message. */
rc_t antwoordcache_antwoord(struct antwoordcache *c, struct store *s, const char *sleutel, int64_t nu_us,
			    antwoordcache_maak maak, void *ctx, const char *melding, struct arena *a, const char **tekst,
			    size_t *lengte, struct error *e);

#endif
