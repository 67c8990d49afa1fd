/*
 * mail.c -- the mail queue's worker and the messages it writes. See mail.h.
 */
#include "core/berichten/mail.h"
#include "core/berichten/herinnering.h"
#include "core/toegang/wachtwoordherstel.h"

#include <curl/curl.h>
#include <errno.h>
#include <inttypes.h>
#include <pthread.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <jansson.h>
#include <sodium.h>

#include "core/basis/audit.h"
#include "core/basis/klok.h"
#include "store/store_berichten.h"

#define MAIL_BYTES (64u * 1024u)
#define REGEL_KOLOMMEN 76

static const char *omgeving(const char *naam, const char *standaard)
{
	const char *v = getenv(naam);
	return v && *v ? v : standaard;
}

void mail_instellingen_uit_omgeving(struct mail_instellingen *out, const char *standaard_url)
{
	out->smtp_url = omgeving("DOORBRAAK_SMTP_URL", NULL);
	out->gebruiker = omgeving("DOORBRAAK_SMTP_GEBRUIKER", NULL);
	out->wachtwoord = omgeving("DOORBRAAK_SMTP_WACHTWOORD", NULL);
	out->afzender = omgeving("DOORBRAAK_MAIL_AFZENDER", "noreply@doorbraakmiddelen.invalid");
	out->publieke_url = omgeving("DOORBRAAK_PUBLIEKE_URL", standaard_url);
	const char *tls = omgeving("DOORBRAAK_SMTP_TLS", "verplicht");
	out->zonder_tls = strcmp(tls, "geen") == 0;
	long i = strtol(omgeving("DOORBRAAK_MAIL_INTERVAL_S", "5"), NULL, 10);
	out->interval_s = i >= 1 && i <= 3600 ? (unsigned)i : 5;
}

int64_t mail_pauze_s(int64_t poging)
{
	int64_t p = 60;
	for (int64_t i = 1; i < poging && p < 3600; i++)
		p *= 2;
	return p < 3600 ? p : 3600;
}

/* ---- writing the message ---------------------------------------------- */

struct schrijver {
	char *buf;
	size_t n, cap;
	bool vol;
};

static void schrijf(struct schrijver *w, const char *t, size_t len)
{
	if (w->vol || w->n + len + 1 > w->cap) {
		w->vol = true;
		return;
	}
	memcpy(w->buf + w->n, t, len);
	w->n += len;
	w->buf[w->n] = '\0';
}

static void schrijf_s(struct schrijver *w, const char *t)
{
	schrijf(w, t, strlen(t));
}

/* The subject as RFC 2047 encoded words of at most 45 bytes of UTF-8
 * each (never splitting a character), folded over lines. */
static void schrijf_onderwerp(struct schrijver *w, const char *t)
{
	schrijf_s(w, "Subject:");
	size_t len = strlen(t), i = 0;
	do {
		size_t stuk = len - i > 45 ? 45 : len - i;
		while (i + stuk < len && stuk > 0 && ((unsigned char)t[i + stuk] & 0xC0) == 0x80)
			stuk--;
		char b64[sodium_base64_ENCODED_LEN(45, sodium_base64_VARIANT_ORIGINAL)];
		sodium_bin2base64(b64, sizeof b64, (const unsigned char *)t + i, stuk, sodium_base64_VARIANT_ORIGINAL);
		schrijf_s(w, i == 0 ? " =?UTF-8?B?" : "\r\n =?UTF-8?B?");
		schrijf_s(w, b64);
		schrijf_s(w, "?=");
		i += stuk;
	} while (i < len);
	schrijf_s(w, "\r\n");
}

/* A text wrapped at REGEL_KOLOMMEN bytes on spaces; its own line breaks kept. */
static void schrijf_tekst(struct schrijver *w, const char *t)
{
	size_t kolom = 0;
	while (*t) {
		if (*t == '\n') {
			schrijf_s(w, "\r\n");
			kolom = 0;
			t++;
			continue;
		}
		size_t woord = strcspn(t, " \n");
		if (kolom > 0 && kolom + 1 + woord > REGEL_KOLOMMEN) {
			schrijf_s(w, "\r\n");
			kolom = 0;
		} else if (kolom > 0) {
			schrijf_s(w, " ");
			kolom++;
		}
		schrijf(w, t, woord);
		kolom += woord;
		t += woord;
		if (*t == ' ')
			t++;
	}
	schrijf_s(w, "\r\n");
}

static void schrijf_datum(struct schrijver *w, int64_t nu_s)
{
	static const char *const dag[] = {"Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"};
	static const char *const maand[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
					    "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
	time_t t = (time_t)nu_s;
	struct tm tm;
	gmtime_r(&t, &tm);
	char d[64];
	snprintf(d, sizeof d, "Date: %s, %02d %s %04d %02d:%02d:%02d +0000\r\n", dag[tm.tm_wday], tm.tm_mday,
		 maand[tm.tm_mon], tm.tm_year + 1900, tm.tm_hour, tm.tm_min, tm.tm_sec);
	schrijf_s(w, d);
}

char *mail_bericht_opmaak(struct arena *arena, const struct mail_instellingen *in, int64_t id,
			  const char *aan, const char *naam, const char *onderwerp, const char *tekst,
			  const char *pad, int64_t nu_s)
{
	struct schrijver w = {.buf = arena_alloc(arena, MAIL_BYTES), .cap = MAIL_BYTES};
	if (!w.buf)
		return NULL;
	w.buf[0] = '\0';
	char regel[600];
	schrijf_datum(&w, nu_s);
	snprintf(regel, sizeof regel, "From: Doorbraakmiddelen <%s>\r\nTo: <%s>\r\n", in->afzender, aan);
	schrijf_s(&w, regel);
	schrijf_onderwerp(&w, onderwerp);
	snprintf(regel, sizeof regel, "Message-ID: <mail-%" PRId64 ".%" PRId64 "@doorbraakmiddelen>\r\n", id, nu_s);
	schrijf_s(&w, regel);
	schrijf_s(&w, "MIME-Version: 1.0\r\nContent-Type: text/plain; charset=UTF-8\r\n"
		      "Content-Transfer-Encoding: 8bit\r\nAuto-Submitted: auto-generated\r\n\r\n");
	schrijf_s(&w, "Beste ");
	schrijf_s(&w, naam && *naam ? naam : "gebruiker");
	schrijf_s(&w, ",\r\n\r\n");
	schrijf_tekst(&w, tekst);
	if (pad && *pad) {
		schrijf_s(&w, "\r\nBekijk het in Doorbraakmiddelen:\r\n");
		schrijf_s(&w, in->publieke_url);
		schrijf_s(&w, pad);
		schrijf_s(&w, "\r\n");
	}
	schrijf_s(&w, "\r\n-- \r\nDit bericht is automatisch verstuurd door Doorbraakmiddelen. U vindt\r\n"
		      "het ook onder Berichten als u inlogt. Antwoorden op deze mail worden\r\nniet gelezen.\r\n");
	return w.vol ? NULL : w.buf;
}

/* ---- sending ----------------------------------------------------------- */

struct lezer {
	const char *p;
	size_t rest;
};

static size_t lees(char *buf, size_t size, size_t nmemb, void *ud)
{
	struct lezer *l = ud;
	size_t n = size * nmemb < l->rest ? size * nmemb : l->rest;
	memcpy(buf, l->p, n);
	l->p += n;
	l->rest -= n;
	return n;
}

/* Sends one message; on failure writes why into `fout` and returns false. */
static bool verstuur(const struct mail_instellingen *in, const char *aan, const char *bericht, char *fout,
		     size_t fn)
{
	CURL *c = curl_easy_init();
	if (!c) {
		snprintf(fout, fn, "libcurl start niet");
		return false;
	}
	char van[320], err[CURL_ERROR_SIZE] = "";
	snprintf(van, sizeof van, "<%s>", in->afzender);
	struct curl_slist *aan_lijst = curl_slist_append(NULL, aan);
	struct lezer l = {bericht, strlen(bericht)};
	curl_easy_setopt(c, CURLOPT_URL, in->smtp_url);
	if (in->gebruiker) {
		curl_easy_setopt(c, CURLOPT_USERNAME, in->gebruiker);
		curl_easy_setopt(c, CURLOPT_PASSWORD, in->wachtwoord ? in->wachtwoord : "");
	}
	curl_easy_setopt(c, CURLOPT_USE_SSL, in->zonder_tls ? (long)CURLUSESSL_NONE : (long)CURLUSESSL_ALL);
	curl_easy_setopt(c, CURLOPT_MAIL_FROM, van);
	curl_easy_setopt(c, CURLOPT_MAIL_RCPT, aan_lijst);
	curl_easy_setopt(c, CURLOPT_READFUNCTION, lees);
	curl_easy_setopt(c, CURLOPT_READDATA, &l);
	curl_easy_setopt(c, CURLOPT_UPLOAD, 1L);
	curl_easy_setopt(c, CURLOPT_NOSIGNAL, 1L);
	curl_easy_setopt(c, CURLOPT_CONNECTTIMEOUT, 10L);
	curl_easy_setopt(c, CURLOPT_TIMEOUT, 60L);
	curl_easy_setopt(c, CURLOPT_ERRORBUFFER, err);
	CURLcode res = curl_easy_perform(c);
	long antwoord = 0;
	curl_easy_getinfo(c, CURLINFO_RESPONSE_CODE, &antwoord);
	if (res != CURLE_OK)
		snprintf(fout, fn, "%s%s%s (SMTP %ld)", curl_easy_strerror(res), *err ? ": " : "", err, antwoord);
	curl_slist_free_all(aan_lijst);
	curl_easy_cleanup(c);
	return res == CURLE_OK;
}

struct ronde_ctx {
	struct arena *arena;
	int64_t nu_s, id, was_s;
	struct store_rows r;
	bool geclaimd, gelukt;
	const char *fout;
	int64_t poging;
};

static rc_t te_verzenden_tx(struct store *s, void *ctx, struct error *e)
{
	struct ronde_ctx *c = ctx;
	return store_mail_te_verzenden(s, c->nu_s, MAIL_RONDE_MAX, c->arena, &c->r, e);
}

static rc_t claim_tx(struct store *s, void *ctx, struct error *e)
{
	struct ronde_ctx *c = ctx;
	return store_mail_claim(s, c->id, c->was_s, c->nu_s + MAIL_CLAIM_S, &c->geclaimd, e);
}

static rc_t uitkomst_tx(struct store *s, void *ctx, struct error *e)
{
	struct ronde_ctx *c = ctx;
	char nu[KLOK_TEKST_BYTES], object[48], detail[700];
	klok_nu_tekst(NULL, nu, sizeof nu);
	bool opgegeven = !c->gelukt && c->poging >= MAIL_POGINGEN_MAX;
	rc_t rc = c->gelukt ? store_mail_verzonden(s, c->id, nu, e)
			    : store_mail_mislukt(s, c->id, c->fout, c->nu_s + mail_pauze_s(c->poging), opgegeven, e);
	snprintf(object, sizeof object, "mail/%" PRId64, c->id);
	json_t *d = json_pack("{s:I, s:s?}", "poging", (json_int_t)c->poging, "fout", c->gelukt ? NULL : c->fout);
	char *dj = d ? json_dumps(d, JSON_COMPACT) : NULL;
	snprintf(detail, sizeof detail, "%s", dj ? dj : "");
	free(dj);
	json_decref(d);
	struct audit_entry ae = {"systeem", c->gelukt ? "mail.verzonden" : opgegeven ? "mail.opgegeven" : "mail.mislukt",
				 object, c->gelukt ? "gelukt" : "mislukt", detail};
	if (rc == RC_OK)
		rc = audit_append(s, &ae, e);
	return rc;
}

rc_t mail_ronde(struct store *s, const struct mail_instellingen *in, int *verzonden, int *mislukt,
		struct error *e)
{
	*verzonden = *mislukt = 0;
	struct arena a;
	arena_init(&a, ARENA_TABEL_BYTES);
	struct ronde_ctx c = {.arena = &a, .nu_s = klok_nu_s(NULL)};
	rc_t rc = store_tx(s, STORE_READ, te_verzenden_tx, &c, e);
	for (size_t i = 0; rc == RC_OK && i < c.r.nrows; i++) {
		c.id = store_int(&c.r, i, SML_ID, 0);
		c.was_s = store_int(&c.r, i, SML_VOLGENDE, 0);
		rc = store_tx(s, STORE_WRITE, claim_tx, &c, e);
		if (rc != RC_OK || !c.geclaimd)
			continue;
		char fout[512] = "";
		struct arena ma;   /* one message's text, gone after it is sent */
		arena_init(&ma, MAIL_BYTES + 4096);
		const char *bericht = mail_bericht_opmaak(&ma, in, c.id, store_text(&c.r, i, SML_AAN),
							  store_text(&c.r, i, SML_NAAM), store_text(&c.r, i, SML_ONDERWERP),
							  store_text(&c.r, i, SML_TEKST), store_text(&c.r, i, SML_PAD),
							  c.nu_s);
		if (!bericht)
			snprintf(fout, sizeof fout, "Het bericht is te groot om te versturen.");
		c.gelukt = bericht && verstuur(in, store_text(&c.r, i, SML_AAN), bericht, fout, sizeof fout);
		c.fout = fout;
		arena_release(&ma);
		c.poging = store_int(&c.r, i, SML_POGINGEN, 0) + 1;
		rc = store_tx(s, STORE_WRITE, uitkomst_tx, &c, e);
		if (c.gelukt)
			(*verzonden)++;
		else
			(*mislukt)++;
	}
	arena_release(&a);
	return rc;
}

struct verlopen_ctx {
	char grens[KLOK_TEKST_BYTES];
	int64_t n;
};

/* A read first, so that a round with nothing expired takes no write lock. */
static rc_t verlopen_tel_tx(struct store *s, void *ctx, struct error *e)
{
	struct verlopen_ctx *c = ctx;
	return store_mail_herstel_verlopen(s, c->grens, NULL, &c->n, e);
}

static rc_t verlopen_tx(struct store *s, void *ctx, struct error *e)
{
	struct verlopen_ctx *c = ctx;
	int64_t n = 0;
	rc_t rc = store_mail_herstel_verlopen(s, c->grens, "De herstellink verliep voordat de mail kon worden "
					      "verzonden; de tekst is gewist.", &n, e);
	c->n = n;
	if (rc != RC_OK || n == 0)
		return rc;
	char detail[64];
	snprintf(detail, sizeof detail, "{\"aantal\":%" PRId64 "}", n);
	struct audit_entry ae = {"systeem", "mail.herstel_verlopen", "mail", "gelukt", detail};
	return audit_append(s, &ae, e);
}

rc_t mail_herstel_verlopen(struct store *s, int *aantal, struct error *e)
{
	struct verlopen_ctx c = {.n = 0};
	klok_tekst(klok_nu_us(NULL) - (int64_t)HERSTEL_GELDIG_S * KLOK_US_PER_S, c.grens, sizeof c.grens);
	*aantal = 0;
	rc_t rc = store_tx(s, STORE_READ, verlopen_tel_tx, &c, e);
	if (rc == RC_OK && c.n > 0)
		rc = store_tx(s, STORE_WRITE, verlopen_tx, &c, e);
	if (rc == RC_OK)
		*aantal = (int)c.n;
	return rc;
}

/* ---- the worker ---------------------------------------------------------- */

struct mail_werker {
	pthread_t draad;
	struct store_pool *pool;
	struct mail_instellingen in;
	atomic_bool stop;
	pthread_mutex_t slot;
	pthread_cond_t wek;
};

static void *werker_lus(void *arg)
{
	struct mail_werker *w = arg;
	while (!atomic_load(&w->stop)) {
		struct arena a;
		arena_init(&a, ARENA_RIJ_BYTES);
		struct store *s = store_pool_lease(w->pool, &a);
		struct error e;
		error_clear(&e);
		int v = 0, m = 0, h = 0, weg = 0;
		if (s && herinnering_ronde(s, NULL, &h, &e) != RC_OK)   /* reminders due become messages and mails */
			error_clear(&e);
		if (s && mail_herstel_verlopen(s, &weg, &e) != RC_OK)
			error_clear(&e);
		if (s && w->in.smtp_url)
			mail_ronde(s, &w->in, &v, &m, &e);
		arena_release(&a);
		struct timespec t;
		clock_gettime(CLOCK_REALTIME, &t);
		t.tv_sec += w->in.interval_s ? w->in.interval_s : 5;
		pthread_mutex_lock(&w->slot);
		while (!atomic_load(&w->stop))
			if (pthread_cond_timedwait(&w->wek, &w->slot, &t) == ETIMEDOUT)
				break;
		pthread_mutex_unlock(&w->slot);
	}
	return NULL;
}

rc_t mail_werker_start(struct store_pool *pool, const struct mail_instellingen *in, struct mail_werker **out,
		       struct error *e)
{
	*out = NULL;
	if (in->smtp_url && curl_global_init(CURL_GLOBAL_DEFAULT) != CURLE_OK)
		return error_set(e, RC_INTERNAL, "libcurl start niet; er wordt geen mail verstuurd.");
	struct mail_werker *w = calloc(1, sizeof *w);
	if (!w)
		return error_set(e, RC_NOMEM, "Onvoldoende geheugen.");
	w->pool = pool;
	w->in = *in;
	atomic_init(&w->stop, false);
	pthread_mutex_init(&w->slot, NULL);
	pthread_cond_init(&w->wek, NULL);
	if (pthread_create(&w->draad, NULL, werker_lus, w) != 0) {
		free(w);
		return error_set(e, RC_INTERNAL, "De werker voor mail start niet.");
	}
	*out = w;
	return RC_OK;
}

void mail_werker_stop(struct mail_werker *w)
{
	if (!w)
		return;
	pthread_mutex_lock(&w->slot);
	atomic_store(&w->stop, true);
	pthread_cond_broadcast(&w->wek);
	pthread_mutex_unlock(&w->slot);
	pthread_join(w->draad, NULL);
	pthread_cond_destroy(&w->wek);
	pthread_mutex_destroy(&w->slot);
	if (w->in.smtp_url)
		curl_global_cleanup();
	free(w);
}

/* ---- the administrator's view ------------------------------------------ */

struct lijst_ctx {
	const char *status;
	int64_t voor, limiet;
	struct arena *arena;
	struct store_rows r;
};

static rc_t lijst_tx(struct store *s, void *ctx, struct error *e)
{
	struct lijst_ctx *c = ctx;
	return store_mail_lijst(s, c->status, c->voor, c->limiet, c->arena, &c->r, e);
}

rc_t mail_lijst(struct store *s, const char *status, int64_t voor, int64_t limiet, struct arena *arena,
		struct mail_regel **out, size_t *n, struct error *e)
{
	*out = NULL;
	*n = 0;
	if (status && strcmp(status, "wachtend") != 0 && strcmp(status, "verzonden") != 0 &&
	    strcmp(status, "mislukt") != 0) {
		error_add(e, "status", "onbekend", NULL, "De status is wachtend, verzonden of mislukt.");
		return RC_INVALID;
	}
	struct lijst_ctx c = {.status = status, .voor = voor, .limiet = limiet, .arena = arena};
	rc_t rc = store_tx(s, STORE_READ, lijst_tx, &c, e);
	if (rc != RC_OK || c.r.nrows == 0)
		return rc;
	struct mail_regel *l = arena_alloc(arena, c.r.nrows * sizeof *l);
	if (!l)
		return error_set(e, RC_NOMEM, "Onvoldoende geheugen.");
	for (size_t i = 0; i < c.r.nrows; i++)
		l[i] = (struct mail_regel){
			.id = store_int(&c.r, i, SMQ_ID, 0), .gebruiker_id = store_int(&c.r, i, SMQ_GEBRUIKER, 0),
			.pogingen = store_int(&c.r, i, SMQ_POGINGEN, 0),
			.volgende_poging_unix_s = store_int(&c.r, i, SMQ_VOLGENDE, 0),
			.aan = store_text(&c.r, i, SMQ_AAN), .soort = store_text(&c.r, i, SMQ_SOORT),
			.onderwerp = store_text(&c.r, i, SMQ_ONDERWERP), .status = store_text(&c.r, i, SMQ_STATUS),
			.laatste_fout = store_text(&c.r, i, SMQ_FOUT), .aangemaakt_op = store_text(&c.r, i, SMQ_AANGEMAAKT_OP),
			.verzonden_op = store_text(&c.r, i, SMQ_VERZONDEN_OP)};
	*out = l;
	*n = c.r.nrows;
	return RC_OK;
}

struct opnieuw_ctx {
	const struct principal *who;
	int64_t id;
};

static rc_t opnieuw_tx(struct store *s, void *ctx, struct error *e)
{
	struct opnieuw_ctx *c = ctx;
	rc_t rc = store_mail_opnieuw(s, c->id, klok_nu_s(NULL), e);
	char object[48];
	snprintf(object, sizeof object, "mail/%" PRId64, c->id);
	struct audit_entry ae = {c->who->actor, "mail.opnieuw", object, "gelukt", NULL};
	if (rc == RC_OK)
		rc = audit_append(s, &ae, e);
	return rc;
}

rc_t mail_opnieuw(struct store *s, const struct principal *who, int64_t id, struct error *e)
{
	struct opnieuw_ctx c = {.who = who, .id = id};
	rc_t rc = store_tx(s, STORE_WRITE, opnieuw_tx, &c, e);
	if (rc == RC_CONFLICT)   /* a refusal with its items: 409, not 400 */
		e->rc = rc;
	return rc;
}
