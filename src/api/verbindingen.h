/*
 * verbindingen.h -- the connection guard: how long a client may take to
 * send a request, and how many connections one address may hold.
 *
 * libmicrohttpd's own connection timeout is an idle timeout that every
 * received byte resets, so a client sending one header line every few
 * seconds (slowloris) keeps its connection for ever; a thousand of them
 * fill the connection limit and nobody else is served. The guard adds:
 *
 *   - a deadline for receiving a whole request (head and body), counted
 *     from the moment the connection opened or the previous answer was
 *     sent (so it is also the keep-alive idle limit); a connection past it
 *     is shut down (shutdown(2)), which libmicrohttpd sees as the client
 *     going away and cleans up in its own thread;
 *   - a limit of simultaneous connections per IPv4 address, refused at
 *     accept; addresses of trusted reverse proxies are exempt (the proxy
 *     limits its own clients, docs/beveiliging.md);
 *   - shedding under pressure: when more than 90 % of all connections are
 *     in use (many slow clients from many addresses), every connection that
 *     has waited at least a second for its request to complete is shut
 *     down, until at most 75 % are in use. A normal client sends its
 *     request in milliseconds and keeps its slot.
 *
 * One watchdog thread checks the deadlines once every 250 ms. All state is
 * behind one mutex; the callbacks are called from libmicrohttpd's threads.
 */
#ifndef DOORBRAAK_VERBINDINGEN_H
#define DOORBRAAK_VERBINDINGEN_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <sys/socket.h>

#include "core/basis/error.h"

#define VERBINDINGEN_PROXY_MAX 16

struct verbindingen_instellingen {
	unsigned verzoek_termijn_s;   /* deadline to receive one request; 0: no deadline */
	unsigned per_adres;           /* connections per address; 0: no limit */
	unsigned max;                 /* connections in all (for shedding); 0: no shedding */
	size_t proxy_aantal;
	uint32_t proxies[VERBINDINGEN_PROXY_MAX];   /* trusted proxies, network byte order */
};

struct verbindingen;

/* Starts the guard and its watchdog thread. *out is written on RC_OK. */
rc_t verbindingen_start(const struct verbindingen_instellingen *inst, struct verbindingen **out,
			struct error *e);

/* Stops the watchdog and frees the guard. Call after the daemon stopped
 * (every connection has ended). NULL is a no-op. */
void verbindingen_stop(struct verbindingen *g);

/* Accept policy: false when `addr` already holds its limit of connections. */
bool verbindingen_toelaten(struct verbindingen *g, const struct sockaddr *addr);

/* A connection opened (fd, peer address): its request deadline starts.
 * Returns the per-connection context to keep, NULL when out of memory (the
 * connection then runs without a deadline). */
void *verbindingen_open(struct verbindingen *g, int fd, const struct sockaddr *addr);

/* The connection closed: forgets it and frees `ctx` (NULL is a no-op). */
void verbindingen_dicht(struct verbindingen *g, void *ctx);

/* The whole request has arrived (head and body): no deadline while the
 * answer is made and sent. */
void verbindingen_ontvangen(struct verbindingen *g, void *ctx);

/* The answer was sent; the connection waits for its next request, whose
 * deadline starts now. */
void verbindingen_beantwoord(struct verbindingen *g, void *ctx);

/* True when the IPv4 address `a` (network byte order) is a trusted proxy. */
bool verbindingen_is_proxy(const struct verbindingen_instellingen *inst, uint32_t a);

/* Parses "a.b.c.d[,a.b.c.d...]" into inst->proxies; RC_INVALID naming the
 * bad entry. NULL or "" is no proxies. */
rc_t verbindingen_proxies_lees(const char *tekst, struct verbindingen_instellingen *inst,
			       struct error *e);

#endif
