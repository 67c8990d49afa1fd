/*
 * verbindingen.c -- the connection guard (see verbindingen.h): a request
 * deadline per connection and a connection limit per address.
 */
#include "api/verbindingen.h"

#include <arpa/inet.h>
#include <errno.h>
#include <netinet/in.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#define WACHTHOND_INTERVAL_NS (250L * 1000L * 1000L)
#define AFSTOTEN_NA_MS 1000LL   /* under pressure: waited this long for a request */

struct verbinding {
	struct verbinding *vorige, *volgende;
	int fd;
	uint32_t adres;          /* IPv4, network byte order; 0 when not IPv4 */
	bool wacht;              /* receiving a request: the deadline runs */
	bool afgebroken;         /* shut down by the watchdog once */
	struct timespec sinds;   /* when the deadline started (CLOCK_MONOTONIC) */
};

struct verbindingen {
	struct verbindingen_instellingen inst;
	pthread_mutex_t slot;
	pthread_cond_t wek;
	pthread_t wachthond;
	bool stoppen;
	struct verbinding *eerste;
	size_t aantal;
};

static struct timespec nu(void)
{
	struct timespec t;
	clock_gettime(CLOCK_MONOTONIC, &t);
	return t;
}

static uint32_t ipv4_van(const struct sockaddr *addr)
{
	if (!addr || addr->sa_family != AF_INET)
		return 0;
	return ((const struct sockaddr_in *)addr)->sin_addr.s_addr;
}

bool verbindingen_is_proxy(const struct verbindingen_instellingen *inst, uint32_t a)
{
	for (size_t i = 0; i < inst->proxy_aantal; i++)
		if (inst->proxies[i] == a)
			return true;
	return false;
}

rc_t verbindingen_proxies_lees(const char *tekst, struct verbindingen_instellingen *inst,
			       struct error *e)
{
	inst->proxy_aantal = 0;
	if (!tekst)
		return RC_OK;
	const char *p = tekst;
	while (*p) {
		size_t n = strcspn(p, ",");
		char deel[INET_ADDRSTRLEN + 8];
		size_t k = n;
		const char *begin = p;
		while (k > 0 && *begin == ' ')
			begin++, k--;
		while (k > 0 && begin[k - 1] == ' ')
			k--;
		struct in_addr a;
		if (k == 0 || k >= sizeof deel)
			return error_set(e, RC_INVALID, "DOORBRAAK_PROXY: '%.*s' is geen IPv4-adres.", (int)n, p);
		memcpy(deel, begin, k);
		deel[k] = '\0';
		if (inet_pton(AF_INET, deel, &a) != 1)
			return error_set(e, RC_INVALID, "DOORBRAAK_PROXY: '%s' is geen IPv4-adres.", deel);
		if (inst->proxy_aantal >= VERBINDINGEN_PROXY_MAX)
			return error_set(e, RC_INVALID, "DOORBRAAK_PROXY: ten hoogste %d adressen.",
					 VERBINDINGEN_PROXY_MAX);
		inst->proxies[inst->proxy_aantal++] = a.s_addr;
		p += n;
		if (*p == ',')
			p++;
	}
	return RC_OK;
}

static long long wacht_ms(const struct verbinding *v, const struct timespec *t)
{
	return (long long)(t->tv_sec - v->sinds.tv_sec) * 1000LL + (t->tv_nsec - v->sinds.tv_nsec) / 1000000L;
}

/* Shuts `v` down once. The fd stays open (libmicrohttpd closes it, after
 * CLOSED removed it from this list under the same mutex), so it cannot be
 * another connection's by now. */
static void afbreken(struct verbinding *v)
{
	shutdown(v->fd, SHUT_RDWR);
	v->afgebroken = true;
}

/* Shuts down every connection whose request deadline has passed and,
 * when nearly every connection is in use, those that have waited a second
 * or more for their request, until at most 3/4 are in use. */
static void controleer(struct verbindingen *g)
{
	struct timespec t = nu();
	size_t levend = 0;
	for (struct verbinding *v = g->eerste; v; v = v->volgende) {
		if (v->afgebroken)
			continue;
		if (v->wacht && g->inst.verzoek_termijn_s > 0 &&
		    wacht_ms(v, &t) >= (long long)g->inst.verzoek_termijn_s * 1000LL)
			afbreken(v);
		else
			levend++;
	}
	if (g->inst.max == 0 || levend * 10 <= (size_t)g->inst.max * 9)
		return;
	for (struct verbinding *v = g->eerste; v && levend * 4 > (size_t)g->inst.max * 3; v = v->volgende) {
		if (!v->afgebroken && v->wacht && wacht_ms(v, &t) >= AFSTOTEN_NA_MS) {
			afbreken(v);
			levend--;
		}
	}
}

static void *wachthond(void *arg)
{
	struct verbindingen *g = arg;
	pthread_mutex_lock(&g->slot);
	while (!g->stoppen) {
		struct timespec tot;
		clock_gettime(CLOCK_REALTIME, &tot);
		tot.tv_nsec += WACHTHOND_INTERVAL_NS;
		if (tot.tv_nsec >= 1000000000L) {
			tot.tv_sec++;
			tot.tv_nsec -= 1000000000L;
		}
		pthread_cond_timedwait(&g->wek, &g->slot, &tot);
		if (!g->stoppen)
			controleer(g);
	}
	pthread_mutex_unlock(&g->slot);
	return NULL;
}

rc_t verbindingen_start(const struct verbindingen_instellingen *inst, struct verbindingen **out,
			struct error *e)
{
	struct verbindingen *g = calloc(1, sizeof *g);
	if (!g)
		return error_set(e, RC_NOMEM, "Onvoldoende geheugen.");
	g->inst = *inst;
	pthread_mutex_init(&g->slot, NULL);
	pthread_cond_init(&g->wek, NULL);
	if (pthread_create(&g->wachthond, NULL, wachthond, g) != 0) {
		pthread_cond_destroy(&g->wek);
		pthread_mutex_destroy(&g->slot);
		free(g);
		return error_set(e, RC_INTERNAL, "Kan de verbindingsbewaking niet starten.");
	}
	*out = g;
	return RC_OK;
}

void verbindingen_stop(struct verbindingen *g)
{
	if (!g)
		return;
	pthread_mutex_lock(&g->slot);
	g->stoppen = true;
	pthread_cond_signal(&g->wek);
	pthread_mutex_unlock(&g->slot);
	pthread_join(g->wachthond, NULL);
	while (g->eerste) { /* none left after the daemon stopped; be safe */
		struct verbinding *v = g->eerste;
		g->eerste = v->volgende;
		free(v);
	}
	pthread_cond_destroy(&g->wek);
	pthread_mutex_destroy(&g->slot);
	free(g);
}

bool verbindingen_toelaten(struct verbindingen *g, const struct sockaddr *addr)
{
	uint32_t a = ipv4_van(addr);
	if (g->inst.per_adres == 0 || a == 0 || verbindingen_is_proxy(&g->inst, a))
		return true;
	size_t van_adres = 0;
	pthread_mutex_lock(&g->slot);
	for (struct verbinding *v = g->eerste; v && van_adres < g->inst.per_adres; v = v->volgende)
		van_adres += v->adres == a;
	pthread_mutex_unlock(&g->slot);
	return van_adres < g->inst.per_adres;
}

void *verbindingen_open(struct verbindingen *g, int fd, const struct sockaddr *addr)
{
	struct verbinding *v = calloc(1, sizeof *v);
	if (!v)
		return NULL;
	v->fd = fd;
	v->adres = ipv4_van(addr);
	v->wacht = true;
	v->sinds = nu();
	pthread_mutex_lock(&g->slot);
	v->volgende = g->eerste;
	if (g->eerste)
		g->eerste->vorige = v;
	g->eerste = v;
	g->aantal++;
	pthread_mutex_unlock(&g->slot);
	return v;
}

void verbindingen_dicht(struct verbindingen *g, void *ctx)
{
	struct verbinding *v = ctx;
	if (!v)
		return;
	pthread_mutex_lock(&g->slot);
	if (v->vorige)
		v->vorige->volgende = v->volgende;
	else
		g->eerste = v->volgende;
	if (v->volgende)
		v->volgende->vorige = v->vorige;
	g->aantal--;
	pthread_mutex_unlock(&g->slot);
	free(v);
}

void verbindingen_ontvangen(struct verbindingen *g, void *ctx)
{
	struct verbinding *v = ctx;
	if (!v)
		return;
	pthread_mutex_lock(&g->slot);
	v->wacht = false;
	pthread_mutex_unlock(&g->slot);
}

void verbindingen_beantwoord(struct verbindingen *g, void *ctx)
{
	struct verbinding *v = ctx;
	if (!v)
		return;
	pthread_mutex_lock(&g->slot);
	v->wacht = true;
	v->sinds = nu();
	pthread_mutex_unlock(&g->slot);
}
