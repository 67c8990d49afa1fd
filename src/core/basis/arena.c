/*
 * arena.c -- bump allocator in linked blocks, capped. See arena.h.
 */
#include "core/basis/arena.h"
#include "core/basis/storing.h"

#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define ARENA_BLOCK_BYTES (16u * 1024u)
#define ARENA_ALIGN 16u

struct arena_block {
	struct arena_block *next;
	size_t size;
	size_t off;
	_Alignas(16) unsigned char data[];
};

struct arena_cleanup {
	struct arena_cleanup *next;
	void (*fn)(void *);
	void *ptr;
};

static _Thread_local struct arena_budget *thread_budget;

struct arena_budget *arena_budget_zet(struct arena_budget *b)
{
	struct arena_budget *vorig = thread_budget;
	thread_budget = b;
	return vorig;
}

void arena_init(struct arena *a, size_t cap_bytes)
{
	a->head = NULL;
	a->cleanups = NULL;
	a->used_bytes = 0;
	a->cap_bytes = cap_bytes;
	a->budget = thread_budget;
}

void arena_release(struct arena *a)
{
	if (!a)
		return;
	for (struct arena_cleanup *c = a->cleanups; c; c = c->next)
		c->fn(c->ptr);
	a->cleanups = NULL;
	struct arena_block *b = a->head;
	while (b) {
		struct arena_block *next = b->next;
		free(b);
		b = next;
	}
	a->head = NULL;
	if (a->budget)
		a->budget->used_bytes -= a->used_bytes <= a->budget->used_bytes ? a->used_bytes
										: a->budget->used_bytes;
	a->used_bytes = 0;
}

void *arena_alloc(struct arena *a, size_t size)
{
	if (size == 0)
		size = 1;
	if (size > SIZE_MAX - ARENA_ALIGN)
		return NULL;
	size_t need = (size + ARENA_ALIGN - 1) & ~(size_t)(ARENA_ALIGN - 1);
	struct arena_block *b = a->head;
	if (!b || b->size - b->off < need) {
		size_t block = need > ARENA_BLOCK_BYTES ? need : ARENA_BLOCK_BYTES;
		if (a->used_bytes > a->cap_bytes || block > a->cap_bytes - a->used_bytes)
			return NULL;
		struct arena_budget *bu = a->budget;
		if (bu && (bu->used_bytes > bu->cap_bytes || block > bu->cap_bytes - bu->used_bytes))
			return NULL;
		b = storing_nu(STORING_ARENA) ? NULL : malloc(sizeof *b + block);
		if (!b)
			return NULL;
		if (bu) {
			bu->used_bytes += block;
			if (bu->used_bytes > bu->piek_bytes)
				bu->piek_bytes = bu->used_bytes;
		}
		b->size = block;
		b->off = 0;
		b->next = a->head;
		a->head = b;
		a->used_bytes += block;
	}
	void *p = b->data + b->off;
	b->off += need;
	memset(p, 0, size);
	return p;
}

char *arena_strndup(struct arena *a, const char *s, size_t n)
{
	char *p = arena_alloc(a, n + 1);
	if (!p)
		return NULL;
	memcpy(p, s, n);
	p[n] = '\0';
	return p;
}

char *arena_strdup(struct arena *a, const char *s)
{
	return arena_strndup(a, s, strlen(s));
}

char *arena_printf(struct arena *a, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	int n = vsnprintf(NULL, 0, fmt, ap);
	va_end(ap);
	if (n < 0)
		return NULL;
	char *p = arena_alloc(a, (size_t)n + 1);
	if (!p)
		return NULL;
	va_start(ap, fmt);
	vsnprintf(p, (size_t)n + 1, fmt, ap);
	va_end(ap);
	return p;
}

int arena_on_release(struct arena *a, void (*fn)(void *), void *ptr)
{
	struct arena_cleanup *c = arena_alloc(a, sizeof *c);
	if (!c) {
		fn(ptr);
		return -1;
	}
	c->fn = fn;
	c->ptr = ptr;
	c->next = a->cleanups;
	a->cleanups = c;
	return 0;
}
