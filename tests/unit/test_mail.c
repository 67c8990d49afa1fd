/* test_mail.c -- the mail a message becomes (core/berichten/mail.c):
 * headers, the subject as RFC 2047 encoded words that never split a
 * character, the text wrapped at 76 columns, CRLF, the link; the pause
 * between attempts. Sending itself is tested against a real SMTP server
 * in tests/api/berichten.test.mjs. */
#include <sodium.h>
#include <string.h>

#include "core/basis/arena.h"
#include "core/berichten/mail.h"
#include "harness.h"

static const struct mail_instellingen IN = {.afzender = "noreply@example.nl",
					    .publieke_url = "https://doorbraak.example.nl"};

/* Decodes every encoded word of the Subject header back into one text. */
static void onderwerp_terug(const char *mail, char *uit, size_t n)
{
	const char *p = strstr(mail, "Subject:");
	const char *eind = strstr(p, "\r\nMessage-ID:");
	size_t k = 0;
	while ((p = strstr(p, "=?UTF-8?B?")) && p < eind) {
		p += 10;
		const char *q = strstr(p, "?=");
		unsigned char bin[64];
		size_t len = 0;
		CHECK(sodium_base642bin(bin, sizeof bin, p, (size_t)(q - p), NULL, &len, NULL,
					sodium_base64_VARIANT_ORIGINAL) == 0);
		CHECK(len <= 45);
		/* a piece never ends inside a character */
		CHECK(len == 0 || (bin[len - 1] & 0xC0) != 0xC0);
		if (k + len < n) {
			memcpy(uit + k, bin, len);
			k += len;
		}
		p = q + 2;
	}
	uit[k] = '\0';
}

TEST(a_message_becomes_a_plain_utf8_mail_with_crlf_lines_of_at_most_76)
{
	struct arena a;
	arena_init(&a, 256 * 1024);
	const char *onderwerp = "Uw aanvraag is beoordeeld: Coördinatie ëën ïö — spraakgestuurd rapporteren in de "
				"wijkverpleging van Noord-Holland Noord";
	const char *tekst = "Demo Zorgverzekeraar Noord (coördinerende zorgverzekeraar) beoordeelde versie 1 van uw "
			    "aanvraag \"Spraakgestuurd rapporteren\": positief [002 §4.2].\nTweede alinea.";
	char *m = mail_bericht_opmaak(&a, &IN, 7, "a@example.nl", "Sanne Bakker", onderwerp, tekst, "/aanvragen/12",
				      1796641200);
	CHECK(m != NULL);
	CHECK(strstr(m, "Date: Mon, 07 Dec 2026 11:00:00 +0000\r\n") != NULL);
	CHECK(strstr(m, "From: Doorbraakmiddelen <noreply@example.nl>\r\nTo: <a@example.nl>\r\n") != NULL);
	CHECK(strstr(m, "Content-Type: text/plain; charset=UTF-8\r\n") != NULL);
	CHECK(strstr(m, "Message-ID: <mail-7.1796641200@doorbraakmiddelen>\r\n") != NULL);
	char terug[512];
	onderwerp_terug(m, terug, sizeof terug);
	CHECK(strcmp(terug, onderwerp) == 0);
	CHECK(strstr(m, "\r\n\r\nBeste Sanne Bakker,\r\n\r\n") != NULL);
	CHECK(strstr(m, "https://doorbraak.example.nl/aanvragen/12\r\n") != NULL);
	CHECK(strstr(m, "\r\nTweede alinea.\r\n") != NULL);
	/* every line ends in CRLF, no bare LF, none longer than 76 bytes in the body */
	const char *body = strstr(m, "\r\n\r\n") + 4;
	for (const char *p = m; *p; p++)
		if (*p == '\n')
			CHECK(p > m && p[-1] == '\r');
	for (const char *p = body; *p;) {
		const char *e = strstr(p, "\r\n");
		CHECK(e != NULL);
		CHECK(e - p <= 76);
		p = e + 2;
	}
	arena_release(&a);
}

TEST(without_a_name_or_a_link)
{
	struct arena a;
	arena_init(&a, 256 * 1024);
	char *m = mail_bericht_opmaak(&a, &IN, 1, "b@example.nl", "", "Kort", "Tekst.", "", 0);
	CHECK(m != NULL);
	CHECK(strstr(m, "Beste gebruiker,") != NULL);
	CHECK(strstr(m, "Bekijk het") == NULL);
	CHECK(strstr(m, "Subject: =?UTF-8?B?S29ydA==?=\r\n") != NULL);
	arena_release(&a);
}

TEST(the_pause_doubles_from_a_minute_to_at_most_an_hour)
{
	CHECK(mail_pauze_s(1) == 60);
	CHECK(mail_pauze_s(2) == 120);
	CHECK(mail_pauze_s(3) == 240);
	CHECK(mail_pauze_s(6) == 1920);
	CHECK(mail_pauze_s(7) == 3600);
	CHECK(mail_pauze_s(100) == 3600);
}

int main(void)
{
	if (sodium_init() < 0)
		return 1;
	RUN(a_message_becomes_a_plain_utf8_mail_with_crlf_lines_of_at_most_76);
	RUN(without_a_name_or_a_link);
	RUN(the_pause_doubles_from_a_minute_to_at_most_an_hour);
	return HARNESS_END();
}
