/* test_tekst.c -- the one rule for a filled-in required text (core/tekst.h),
 * and text as a CSV field (core/basis/csv.h). */
#include <stdlib.h>
#include <string.h>

#include "core/basis/csv.h"
#include "core/basis/tekst.h"
#include "harness.h"

TEST(visible_text_is_present)
{
	CHECK(tekst_aanwezig("a"));
	CHECK(tekst_aanwezig("  Motivering.  "));
	CHECK(tekst_aanwezig("\xc3\xa9"));               /* é */
	CHECK(tekst_aanwezig("\xe2\x80\x8b" "x"));       /* ZWSP then x */
	CHECK(tekst_aanwezig("\xf0\x9f\x98\x80"));       /* an emoji is visible */
	CHECK(tekst_aanwezig("\xe6\x96\x87"));           /* CJK */
	CHECK(tekst_aanwezig("0"));
}

TEST(blank_and_invisible_text_is_absent)
{
	CHECK(!tekst_aanwezig(NULL));
	CHECK(!tekst_aanwezig(""));
	CHECK(!tekst_aanwezig(" "));
	CHECK(!tekst_aanwezig(" \t\r\n\v\f"));
	CHECK(!tekst_aanwezig("\xc2\xa0"));              /* U+00A0 no-break space */
	CHECK(!tekst_aanwezig("\xe2\x80\x8b"));          /* U+200B zero width space */
	CHECK(!tekst_aanwezig("\xe2\x80\x8d\xe2\x80\x8c"));  /* ZWJ, ZWNJ */
	CHECK(!tekst_aanwezig("\xef\xbb\xbf"));          /* U+FEFF */
	CHECK(!tekst_aanwezig("\xe2\x80\x83\xe3\x80\x80")); /* em space, ideographic space */
	CHECK(!tekst_aanwezig("\xe2\x81\xa0"));          /* U+2060 word joiner */
	CHECK(!tekst_aanwezig("\xc2\xad"));              /* soft hyphen */
	CHECK(!tekst_aanwezig("\xe2\x80\xa8\xe2\x80\xa9"));  /* line, paragraph separator */
	CHECK(!tekst_aanwezig("\xc2\x85"));              /* NEL */
	CHECK(!tekst_aanwezig("\xe3\x85\xa4"));          /* U+3164 Hangul filler */
	CHECK(!tekst_aanwezig("\xef\xb8\x8f"));          /* U+FE0F variation selector */
	CHECK(!tekst_aanwezig("\xf3\xa0\x80\x81"));      /* U+E0001 language tag */
	CHECK(!tekst_aanwezig("\x01\x7f"));              /* controls */
}

TEST(invalid_utf8_is_not_text)
{
	CHECK(!tekst_aanwezig("\xff" "abc"));
	CHECK(!tekst_aanwezig("abc\xc3"));               /* cut short */
	CHECK(!tekst_aanwezig("\xc0\xaf"));              /* overlong '/' */
	CHECK(!tekst_aanwezig("\xed\xa0\x80"));          /* surrogate */
	CHECK(!tekst_aanwezig("\xf4\x90\x80\x80"));      /* above U+10FFFF */
}

TEST(range_edges)
{
	CHECK(tekst_onzichtbaar(0x20) && !tekst_onzichtbaar(0x21));
	CHECK(!tekst_onzichtbaar(0x7E) && tekst_onzichtbaar(0x7F));
	CHECK(tekst_onzichtbaar(0xA0) && !tekst_onzichtbaar(0xA1));
	CHECK(!tekst_onzichtbaar(0x1FFF) && tekst_onzichtbaar(0x2000) && tekst_onzichtbaar(0x200F));
	CHECK(!tekst_onzichtbaar(0x2010));
	CHECK(tekst_onzichtbaar(0xE0FFF) && !tekst_onzichtbaar(0xE1000));
}

/* csv_veld(t) as a string (the caller frees it). */
static char *als_csv(const char *t)
{
	char *buf = NULL;
	size_t n = 0;
	FILE *f = open_memstream(&buf, &n);
	csv_veld(f, t);
	fclose(f);
	return buf;
}

TEST(csv_regel_gelezen)
{
	const char *v[4];
	char buf[64];
	const char *r = "VR01,\"Advies, met \"\"komma\"\"\",,3\r";
	size_t n = csv_regel(r, strlen(r), buf, strlen(r) + 1, v, 4);
	CHECK(n == 4);
	CHECK(strcmp(v[0], "VR01") == 0);
	CHECK(strcmp(v[1], "Advies, met \"komma\"") == 0);
	CHECK(strcmp(v[2], "") == 0);
	CHECK(strcmp(v[3], "3") == 0);
	/* more fields than room: counted, not stored */
	n = csv_regel("a,b,c,d,e,f", 11, buf, sizeof buf, v, 2);
	CHECK(n == 6);
	CHECK(strcmp(v[0], "a") == 0 && strcmp(v[1], "b") == 0);
	/* a buffer too small cuts, never overflows */
	char klein[4];
	n = csv_regel("abcdef,gh", 9, klein, sizeof klein, v, 4);
	CHECK(n == 2 && strlen(v[0]) <= 3);
}

TEST(csv_velden)
{
	static const char *const geval[][2] = {
		{"Demo Zorgverzekeraar Noord", "Demo Zorgverzekeraar Noord"},
		{"a;b", "\"a;b\""},
		{"zei \"ja\"", "\"zei \"\"ja\"\"\""},
		{"regel\nregel", "\"regel\nregel\""},
		{"=HYPERLINK(\"x\")", "\"'=HYPERLINK(\"\"x\"\")\""},
		{"+31 6", "'+31 6"},
		{"-5", "'-5"},
		{"@som", "'@som"},
		{"", ""},
		{"2027-08-01T10:00:00Z", "2027-08-01T10:00:00Z"},
	};
	for (size_t i = 0; i < sizeof geval / sizeof geval[0]; i++) {
		char *uit = als_csv(geval[i][0]);
		CHECK(uit && strcmp(uit, geval[i][1]) == 0);
		free(uit);
	}
	char *niets = als_csv(NULL);
	CHECK(niets && niets[0] == '\0');
	free(niets);
}

int main(void)
{
	RUN(visible_text_is_present);
	RUN(blank_and_invisible_text_is_absent);
	RUN(invalid_utf8_is_not_text);
	RUN(range_edges);
	RUN(csv_velden);
	RUN(csv_regel_gelezen);
	return HARNESS_END();
}
