/*
 * arena.h -- per-request memory with a hard cap.
 *
 * Handlers and domain code allocate from the arena of the request (or CLI
 * command) and never free; arena_release() frees everything at once. The
 * cap turns into RC_NOMEM (a clean 503), never an abort.
 */
#ifndef DOORBRAAK_ARENA_H
#define DOORBRAAK_ARENA_H

#include <stddef.h>

struct arena_block;

struct arena_cleanup;

struct arena {
	struct arena_block *head;
	struct arena_cleanup *cleanups; /* run in reverse order at release */
	size_t used_bytes;   /* sum of block sizes obtained from the heap */
	size_t cap_bytes;    /* hard limit on used_bytes */
};

#define ARENA_DEFAULT_CAP_BYTES (64u * 1024u * 1024u)

/* Initialises `a` (no allocation yet) with the given cap. */
void arena_init(struct arena *a, size_t cap_bytes);

/* Frees every block; `a` may be reused after arena_init. NULL is a no-op. */
void arena_release(struct arena *a);

/* Returns `size` bytes aligned for any type, zeroed, or NULL when the cap
 * would be exceeded or the heap is exhausted. */
void *arena_alloc(struct arena *a, size_t size);

/* Copies `s` (NUL-terminated) into the arena; NULL on exhaustion. */
char *arena_strdup(struct arena *a, const char *s);

/* Copies `n` bytes of `s` and adds a NUL; NULL on exhaustion. */
char *arena_strndup(struct arena *a, const char *s, size_t n);

/* Registers fn(ptr) to run when the arena is released (e.g. a jansson
 * json_decref), so handlers never free by hand. Returns 0, or -1 when
 * the arena is exhausted -- then fn(ptr) has already been run. */
int arena_on_release(struct arena *a, void (*fn)(void *), void *ptr);

/* printf into the arena; NULL on exhaustion. */
char *arena_printf(struct arena *a, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));

#endif
