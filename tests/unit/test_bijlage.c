/*
 * test_bijlage.c -- attachments (docs/bijlagen.md): the type is decided by
 * the content against the allow-list (each allowed type passes, an
 * executable, HTML and a PDF's name on HTML refused, empty and too large
 * refused with their codes), names are cleaned, and an attachment stored
 * on either backend comes back byte for byte with its SHA-256, listed
 * with its object, immutable, with its audit record.
 */
#include <inttypes.h>
#include <sodium.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "harness.h"
#include "testdb.h"

#include "core/basis/klok.h"
#include "core/bijlage/bijlage.h"

static const char PDF[] = "%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n";
static const unsigned char PNG[] = {0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 13, 'I', 'H',
				    'D', 'R', 0, 0, 0, 1, 0, 0, 0, 1, 8, 2, 0, 0, 0};
static const unsigned char JPEG[] = {0xff, 0xd8, 0xff, 0xe0, 0, 0x10, 'J', 'F', 'I', 'F', 0, 1, 1, 0, 0,
				     1, 0, 1, 0, 0};
static const char CSV[] = "jaar,kosten,omschrijving\n2027,1000,\"personeel, extra\"\n2028,2000,materiaal\n";
static const char CSV_PUNTKOMMA[] = "jaar;bedrag\n2027;100\n2028;200\n";
static const char HTML[] = "<html><body><script>alert(1)</script></body></html>";
static const unsigned char ELF[] = {0x7f, 'E', 'L', 'F', 2, 1, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 3, 0, 0x3e,
				    0, 1, 0, 0, 0};

/* A minimal XLSX as a spreadsheet program writes its start: a ZIP whose
 * entries are [Content_Types].xml, _rels/.rels and xl/workbook.xml
 * (stored, no compression; libmagic reads the local headers). */
static size_t xlsx(unsigned char *buf, size_t cap)
{
	static const char *const namen[] = {"[Content_Types].xml", "_rels/.rels", "xl/workbook.xml"};
	static const char inhoud[] = "<?xml version=\"1.0\"?><x/>";
	size_t n = 0;
	for (size_t i = 0; i < 3; i++) {
		uint16_t ln = (uint16_t)strlen(namen[i]);
		uint32_t li = (uint32_t)strlen(inhoud);
		unsigned char h[30] = {'P', 'K', 3, 4, 20, 0, 0, 0, 0, 0, 0, 0, 0x21, 0};
		h[18] = (unsigned char)li, h[19] = (unsigned char)(li >> 8);      /* compressed size */
		h[22] = (unsigned char)li, h[23] = (unsigned char)(li >> 8);      /* uncompressed size */
		h[26] = (unsigned char)ln, h[27] = (unsigned char)(ln >> 8);
		if (n + sizeof h + ln + li > cap)
			return 0;
		memcpy(buf + n, h, sizeof h), n += sizeof h;
		memcpy(buf + n, namen[i], ln), n += ln;
		memcpy(buf + n, inhoud, li), n += li;
	}
	return n;
}

static const char *soort(const void *d, size_t n, rc_t *rc, char *code, size_t cap)
{
	struct error e;
	error_clear(&e);
	const struct bijlage_type *t = NULL;
	*rc = bijlage_type_bepaal(d, n, &t, &e);
	snprintf(code, cap, "%s", e.item_count ? e.items[0].code : "");
	return *rc == RC_OK ? t->extensie : NULL;
}

TEST(type_aan_de_inhoud)
{
	rc_t rc;
	char code[48];
	unsigned char x[512];
	size_t xn = xlsx(x, sizeof x);
	const char *t;
	CHECK((t = soort(PDF, sizeof PDF - 1, &rc, code, sizeof code)) && strcmp(t, "pdf") == 0);
	CHECK((t = soort(PNG, sizeof PNG, &rc, code, sizeof code)) && strcmp(t, "png") == 0);
	CHECK((t = soort(JPEG, sizeof JPEG, &rc, code, sizeof code)) && strcmp(t, "jpg") == 0);
	CHECK((t = soort(CSV, sizeof CSV - 1, &rc, code, sizeof code)) && strcmp(t, "csv") == 0);
	CHECK((t = soort(CSV_PUNTKOMMA, sizeof CSV_PUNTKOMMA - 1, &rc, code, sizeof code)) &&
	      strcmp(t, "csv") == 0);
	CHECK(xn > 0 && (t = soort(x, xn, &rc, code, sizeof code)) && strcmp(t, "xlsx") == 0);
	/* refused by content, whatever it is called */
	CHECK(!soort(HTML, sizeof HTML - 1, &rc, code, sizeof code) && rc == RC_MEDIA_TYPE &&
	      strcmp(code, "type_niet_toegestaan") == 0);
	CHECK(!soort(ELF, sizeof ELF, &rc, code, sizeof code) && rc == RC_MEDIA_TYPE);
	CHECK(!soort("x", 0, &rc, code, sizeof code) && rc == RC_INVALID && strcmp(code, "bijlage_leeg") == 0);
	/* a plain text without a separator is no CSV */
	CHECK(!soort("alleen tekst\n", 13, &rc, code, sizeof code) && rc == RC_MEDIA_TYPE);
	size_t groot = BIJLAGE_MAX_BYTES + 1;
	unsigned char *g = malloc(groot);
	CHECK(g != NULL);
	if (g) {
		memcpy(g, PDF, sizeof PDF - 1);
		memset(g + sizeof PDF - 1, ' ', groot - (sizeof PDF - 1));
		CHECK(!soort(g, groot, &rc, code, sizeof code) && rc == RC_TOO_LARGE &&
		      strcmp(code, "bijlage_te_groot") == 0);
		CHECK(soort(g, groot - 1, &rc, code, sizeof code) != NULL);   /* the limit itself is allowed */
		free(g);
	}
}

TEST(namen_schoon)
{
	struct arena a;
	arena_init(&a, 1u << 20);
	CHECK(strcmp(bijlage_naam_schoon(&a, "../../etc/passwd"), "passwd") == 0);
	CHECK(strcmp(bijlage_naam_schoon(&a, "C:\\stukken\\verklaring.pdf"), "verklaring.pdf") == 0);
	CHECK(strcmp(bijlage_naam_schoon(&a, "a\"b;c\r\n.pdf"), "a_b_c__.pdf") == 0);
	CHECK(strcmp(bijlage_naam_schoon(&a, ""), "bijlage") == 0);
	CHECK(strcmp(bijlage_naam_schoon(&a, NULL), "bijlage") == 0);
	CHECK(strcmp(bijlage_naam_schoon(&a, "map/"), "bijlage") == 0);
	char lang[400];
	for (size_t i = 0; i + 1 < sizeof lang; i += 2)
		lang[i] = (char)0xC3, lang[i + 1] = (char)0xA9;   /* é, two bytes each */
	lang[sizeof lang - 1] = '\0';
	const char *k = bijlage_naam_schoon(&a, lang);
	CHECK(strlen(k) == BIJLAGE_NAAM_MAX && ((unsigned char)k[BIJLAGE_NAAM_MAX - 1] == 0xA9));
	arena_release(&a);
}

struct opslag {
	struct arena arena;
	struct bijlage b;
	const unsigned char *data;
	size_t len;
	const char *object;
	const void *in;
	size_t in_len;
	const char *naam;
};

static rc_t voeg_toe_tx(struct store *s, void *ctx, struct error *e)
{
	struct opslag *o = ctx;
	struct principal wie = {.actor = "gebruiker:7"};
	char nu[KLOK_TEKST_BYTES];
	klok_tekst(klok_nu_us(NULL), nu, sizeof nu);
	return bijlage_voeg_toe_tx(s, &wie, o->object, o->naam, o->in, o->in_len, nu, &o->arena, &o->b, e);
}

static rc_t lees_tx(struct store *s, void *ctx, struct error *e)
{
	struct opslag *o = ctx;
	return bijlage_lees_tx(s, &o->arena, o->b.id, &o->b, &o->data, &o->len, e);
}

static rc_t wijzig_tx(struct store *s, void *ctx, struct error *e)
{
	(void)ctx;
	return store_query(s, "UPDATE bijlage SET naam = 'anders'", NULL, 0, NULL, NULL, e);
}

DBTEST(bewaard_en_terug)
{
	(void)backend;
	struct store *s = testdb_open_migrated(url);
	if (!s)
		return;
	unsigned char x[512];
	size_t xn = xlsx(x, sizeof x);
	struct opslag o = {.object = "mijlpaal/1/m1", .in = x, .in_len = xn, .naam = "begroting.xlsx"};
	arena_init(&o.arena, 64u << 20);
	struct error e;
	error_clear(&e);
	CHECK(store_tx(s, STORE_WRITE, voeg_toe_tx, &o, &e) == RC_OK);
	CHECK(o.b.id > 0 && strcmp(o.b.mediatype,
				    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet") == 0);
	unsigned char h[32];
	char sha[65];
	crypto_hash_sha256(h, x, xn);
	sodium_bin2hex(sha, sizeof sha, h, sizeof h);
	CHECK(strcmp(o.b.sha256, sha) == 0);
	int64_t id = o.b.id;
	memset(&o.b, 0, sizeof o.b);
	o.b.id = id;
	CHECK(store_tx(s, STORE_READ, lees_tx, &o, &e) == RC_OK);
	CHECK(o.len == xn && memcmp(o.data, x, xn) == 0);
	CHECK(strcmp(o.b.naam, "begroting.xlsx") == 0 && strcmp(o.b.object, "mijlpaal/1/m1") == 0);
	CHECK(o.b.grootte == (int64_t)xn && strcmp(o.b.geupload_door, "gebruiker:7") == 0);
	/* refused content stores nothing */
	struct opslag fout = {.object = "mijlpaal/1/m1", .in = HTML, .in_len = sizeof HTML - 1, .naam = "x.pdf"};
	arena_init(&fout.arena, 1u << 20);
	error_clear(&e);
	CHECK(store_tx(s, STORE_WRITE, voeg_toe_tx, &fout, &e) == RC_MEDIA_TYPE);
	arena_release(&fout.arena);
	CHECK(testdb_int(s, "SELECT count(*) FROM bijlage") == 1);
	CHECK(testdb_int(s, "SELECT count(*) FROM auditlog WHERE actie = 'bijlage.voeg_toe'") == 1);
	/* never changed */
	error_clear(&e);
	CHECK(store_tx(s, STORE_WRITE, wijzig_tx, NULL, &e) != RC_OK);
	arena_release(&o.arena);
	store_close(s);
}

int main(void)
{
	if (sodium_init() < 0)
		return 1;
	RUN(type_aan_de_inhoud);
	RUN(namen_schoon);
	RUN_DB(bewaard_en_terug);
	return HARNESS_END();
}
