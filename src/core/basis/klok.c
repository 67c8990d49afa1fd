/*
 * klok.c -- the server's clock in microseconds UTC. See klok.h.
 */
#include "core/basis/klok.h"

#include <stdio.h>
#include <string.h>
#include <time.h>


int64_t klok_nu_us(const struct klok *k)
{
	if (k && k->nu_us)
		return k->nu_us(k->ctx);
	struct timespec ts;
	clock_gettime(CLOCK_REALTIME, &ts);
	return (int64_t)ts.tv_sec * KLOK_US_PER_S + ts.tv_nsec / 1000;
}

/* Civil date from days since 1970-01-01 (Howard Hinnant's algorithm). */
static void datum_uit_dagen(int64_t z, int64_t *j, int *m, int *d)
{
	z += 719468;
	int64_t era = (z >= 0 ? z : z - 146096) / 146097;
	int64_t doe = z - era * 146097;
	int64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
	int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
	int64_t mp = (5 * doy + 2) / 153;
	*d = (int)(doy - (153 * mp + 2) / 5 + 1);
	*m = (int)(mp < 10 ? mp + 3 : mp - 9);
	*j = yoe + era * 400 + (*m <= 2);
}

char *klok_tekst(int64_t us, char *out, size_t n)
{
	const int64_t min_us = INT64_C(-62135596800) * KLOK_US_PER_S;  /* 0001-01-01 */
	const int64_t max_us = INT64_C(253402300799) * KLOK_US_PER_S;  /* 9999-12-31T23:59:59 */
	if (us < min_us)
		us = min_us;
	if (us > max_us)
		us = max_us;
	int64_t s = us / KLOK_US_PER_S, f = us % KLOK_US_PER_S;
	if (f < 0) {
		f += KLOK_US_PER_S;
		s -= 1;
	}
	int64_t dagen = s / 86400, rest = s % 86400;
	if (rest < 0) {
		rest += 86400;
		dagen -= 1;
	}
	int64_t j;
	int m, d;
	datum_uit_dagen(dagen, &j, &m, &d);
	snprintf(out, n, "%04lld-%02d-%02dT%02d:%02d:%02d.%06lldZ", (long long)j, m, d,
		 (int)(rest / 3600), (int)(rest / 60 % 60), (int)(rest % 60), (long long)f);
	return out;
}

static bool cijfers(const char *s, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (s[i] < '0' || s[i] > '9')
			return false;
	return true;
}

static int64_t dagen_sinds_1970(int64_t y, int64_t m, int64_t d)
{
	y -= m <= 2;
	int64_t era = (y >= 0 ? y : y - 399) / 400;
	int64_t yoe = y - era * 400;
	int64_t doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
	int64_t doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
	return era * 146097 + doe - 719468;
}

bool klok_datum_lees(const char *s, int64_t *dag)
{
	static const int dagen[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
	if (!s || strlen(s) != 10 || s[4] != '-' || s[7] != '-')
		return false;
	for (int i = 0; i < 10; i++)
		if (i != 4 && i != 7 && (s[i] < '0' || s[i] > '9'))
			return false;
	int64_t y = (s[0] - '0') * 1000 + (s[1] - '0') * 100 + (s[2] - '0') * 10 + (s[3] - '0');
	int64_t m = (s[5] - '0') * 10 + (s[6] - '0');
	int64_t d = (s[8] - '0') * 10 + (s[9] - '0');
	if (y < 1 || m < 1 || m > 12 || d < 1)
		return false;
	bool schrikkel = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
	int max = dagen[m - 1] + (m == 2 && schrikkel);
	if (d > max)
		return false;
	*dag = dagen_sinds_1970(y, m, d);
	return true;
}

bool klok_lees(const char *t, int64_t *us)
{
	if (!t || strlen(t) < 20 || t[10] != 'T' || t[13] != ':' || t[16] != ':')
		return false;
	char datum[11];
	memcpy(datum, t, 10);
	datum[10] = '\0';
	int64_t dag;
	if (!klok_datum_lees(datum, &dag) || !cijfers(t + 11, 2) || !cijfers(t + 14, 2) ||
	    !cijfers(t + 17, 2))
		return false;
	int uur = (t[11] - '0') * 10 + (t[12] - '0');
	int min = (t[14] - '0') * 10 + (t[15] - '0');
	int sec = (t[17] - '0') * 10 + (t[18] - '0');
	if (uur > 23 || min > 59 || sec > 59)
		return false;
	const char *p = t + 19;
	int64_t fractie = 0;
	if (*p == '.') {
		size_t k = strspn(p + 1, "0123456789");
		if (k < 1 || k > 6)
			return false;
		for (size_t i = 0; i < 6; i++)
			fractie = fractie * 10 + (i < k ? p[1 + i] - '0' : 0);
		p += 1 + k;
	}
	if (strcmp(p, "Z") != 0)
		return false;
	*us = ((dag * 86400) + uur * 3600 + min * 60 + sec) * KLOK_US_PER_S + fractie;
	return true;
}

static int64_t vast_nu(void *ctx)
{
	return *(const int64_t *)ctx;
}

void klok_vast(struct klok *k, int64_t *tijd_us)
{
	k->nu_us = vast_nu;
	k->ctx = tijd_us;
}

static int64_t verschoven_nu(void *ctx)
{
	return klok_nu_us(NULL) + *(const int64_t *)ctx;
}

void klok_verschoven(struct klok *k, int64_t *verschil_us)
{
	k->nu_us = verschoven_nu;
	k->ctx = verschil_us;
}

char *klok_nu_tekst(const struct klok *k, char *out, size_t n)
{
	return klok_tekst(klok_nu_us(k), out, n);
}

int64_t klok_jaar(const struct klok *k)
{
	char t[KLOK_TEKST_BYTES];
	klok_nu_tekst(k, t, sizeof t);
	return (t[0] - '0') * 1000 + (t[1] - '0') * 100 + (t[2] - '0') * 10 + (t[3] - '0');
}

int64_t klok_nu_s(const struct klok *k)
{
	int64_t us = klok_nu_us(k);
	return us >= 0 ? us / 1000000 : -((-us + 999999) / 1000000);
}

char *klok_dag_tekst(int64_t dag, char *out, size_t n)
{
	char t[KLOK_TEKST_BYTES];
	klok_tekst(dag * 86400 * KLOK_US_PER_S, t, sizeof t);
	snprintf(out, n, "%.10s", t);
	return out;
}

int64_t klok_vandaag(const struct klok *k)
{
	int64_t us = klok_nu_us(k);
	return (us >= 0 ? us : us - 86400 * KLOK_US_PER_S + 1) / (86400 * KLOK_US_PER_S);
}
