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

/* A budget several arenas draw from together: while a thread has one
 * (arena_budget_zet), every arena it initialises counts its blocks
 * against it as well as against its own cap. The HTTP server gives each
 * request one, so the private arenas of the domain code a request calls
 * can never together take more than the request's limit, whatever caps
 * they name for themselves. */
struct arena_budget {
	size_t cap_bytes;
	size_t used_bytes;
	size_t piek_bytes;   /* the most used at once */
};

struct arena {
	struct arena_block *head;
	struct arena_cleanup *cleanups; /* run in reverse order at release */
	size_t used_bytes;   /* sum of block sizes obtained from the heap */
	size_t cap_bytes;    /* hard limit on used_bytes */
	struct arena_budget *budget;   /* the thread's budget at arena_init, or NULL */
};

/* Named limits. A request (HTTP or one CLI command) gets ARENA_VERZOEK_BYTES;
 * private arenas of the core name one of the smaller ones for one
 * transaction's rows, or ARENA_VERZOEK_BYTES for work on a whole round. */
#define ARENA_DEFAULT_CAP_BYTES (64u * 1024u * 1024u)
#define ARENA_VERZOEK_BYTES ARENA_DEFAULT_CAP_BYTES
#define ARENA_RIJ_BYTES (64u * 1024u)          /* a few rows of one table */
#define ARENA_TABEL_BYTES (1024u * 1024u)      /* the rows of a small table (accounts, roles) */
#define ARENA_DOSSIER_BYTES (16u * 1024u * 1024u) /* one application or request with its documents */
#define ARENA_REKENEN_BYTES (512u * 1024u * 1024u) /* the board's computations over a whole round:
							 logged-in routes and the CLI only */

/* Initialises `a` (no allocation yet) with the given cap; it draws from
 * the calling thread's budget, if any. */
void arena_init(struct arena *a, size_t cap_bytes);

/* Sets the calling thread's budget (NULL: none); returns the previous
 * one so calls nest. `b` must outlive every arena initialised meanwhile. */
struct arena_budget *arena_budget_zet(struct arena_budget *b);

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
