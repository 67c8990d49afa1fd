/* test_totp.c -- SHA-1, HMAC-SHA1 and HOTP/TOTP against the RFC vectors,
 * the window, replay refusal, base32 and sealing of the secret. */
#include <sodium.h>
#include <string.h>

#include "core/toegang/totp.h"
#include "harness.h"

static void hex(const unsigned char *d, size_t n, char *out)
{
	sodium_bin2hex(out, 2 * n + 1, d, n);
}

TEST(sha1_fips_vectors)
{
	unsigned char d[20];
	char h[41];
	totp_sha1((const unsigned char *)"abc", 3, d);
	hex(d, 20, h);
	CHECK(strcmp(h, "a9993e364706816aba3e25717850c26c9cd0d89d") == 0);
	totp_sha1((const unsigned char *)"", 0, d);
	hex(d, 20, h);
	CHECK(strcmp(h, "da39a3ee5e6b4b0d3255bfef95601890afd80709") == 0);
	const char *two = "abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq";
	totp_sha1((const unsigned char *)two, strlen(two), d);
	hex(d, 20, h);
	CHECK(strcmp(h, "84983e441c3bd26ebaae4aa1f95129e5e54670f1") == 0);
	static unsigned char million[1000000];
	memset(million, 'a', sizeof million);
	totp_sha1(million, sizeof million, d);
	hex(d, 20, h);
	CHECK(strcmp(h, "34aa973cd4c4daa4f61eeb2bdbad27316534016f") == 0);
}

TEST(hmac_sha1_rfc2202)
{
	unsigned char key[80], d[20];
	char h[41];
	memset(key, 0x0b, 20);
	totp_hmac_sha1(key, 20, (const unsigned char *)"Hi There", 8, d);
	hex(d, 20, h);
	CHECK(strcmp(h, "b617318655057264e28bc0b6fb378c8ef146be00") == 0);
	const char *msg = "what do ya want for nothing?";
	totp_hmac_sha1((const unsigned char *)"Jefe", 4, (const unsigned char *)msg, strlen(msg), d);
	hex(d, 20, h);
	CHECK(strcmp(h, "effcdf6ae5eb2fa2d27416d5f184df9c259a7c79") == 0);
	memset(key, 0xaa, 80);
	msg = "Test Using Larger Than Block-Size Key - Hash Key First";
	totp_hmac_sha1(key, 80, (const unsigned char *)msg, strlen(msg), d);
	hex(d, 20, h);
	CHECK(strcmp(h, "aa4ae5e15272d00e95705637ce8a3b55ed402112") == 0);
}

static const unsigned char rfc_seed[] = "12345678901234567890";

TEST(hotp_rfc4226_vectors)
{
	static const uint32_t expected[10] = {755224, 287082, 359152, 969429, 338314,
					      254676, 287922, 162583, 399871, 520489};
	for (uint64_t c = 0; c < 10; c++)
		CHECK(totp_hotp(rfc_seed, 20, c, 6) == expected[c]);
}

TEST(totp_rfc6238_sha1_vectors)
{
	static const struct { int64_t t; uint32_t code; } v[] = {
		{59, 94287082}, {1111111109, 7081804}, {1111111111, 14050471},
		{1234567890, 89005924}, {2000000000, 69279037}, {20000000000LL, 65353130},
	};
	for (size_t i = 0; i < sizeof v / sizeof v[0]; i++)
		CHECK(totp_hotp(rfc_seed, 20, (uint64_t)totp_stap(v[i].t), 8) == v[i].code);
	CHECK(totp_stap(59) == 1);
	CHECK(totp_stap(1111111109) == 37037036);
}

static void code_at(int64_t stap, char out[8])
{
	snprintf(out, 8, "%06u", (unsigned)totp_hotp(rfc_seed, 20, (uint64_t)stap, 6));
}

TEST(window_of_one_step)
{
	int64_t now = 1234567890, step = totp_stap(now), used = -1;
	char code[8];
	code_at(step, code);
	CHECK(totp_controleer(rfc_seed, code, now, 0, &used) == TOTP_GOED && used == step);
	code_at(step - 1, code);
	CHECK(totp_controleer(rfc_seed, code, now, 0, &used) == TOTP_GOED && used == step - 1);
	code_at(step + 1, code);
	CHECK(totp_controleer(rfc_seed, code, now, 0, &used) == TOTP_GOED && used == step + 1);
	code_at(step - 2, code); /* expired */
	CHECK(totp_controleer(rfc_seed, code, now, 0, &used) == TOTP_FOUT);
	code_at(step + 2, code);
	CHECK(totp_controleer(rfc_seed, code, now, 0, &used) == TOTP_FOUT);
	CHECK(totp_controleer(rfc_seed, "12345", now, 0, &used) == TOTP_FOUT);
	CHECK(totp_controleer(rfc_seed, "1234567", now, 0, &used) == TOTP_FOUT);
	CHECK(totp_controleer(rfc_seed, "12a456", now, 0, &used) == TOTP_FOUT);
	CHECK(totp_controleer(rfc_seed, NULL, now, 0, &used) == TOTP_FOUT);
}

TEST(replay_refused)
{
	int64_t now = 1234567890, step = totp_stap(now), used = -1;
	char code[8];
	code_at(step, code);
	CHECK(totp_controleer(rfc_seed, code, now, 0, &used) == TOTP_GOED);
	/* The same code again, with its step stored as the last one used. */
	CHECK(totp_controleer(rfc_seed, code, now, used, &used) == TOTP_HERGEBRUIKT);
	/* An older code of the window is a replay too once a newer step was used. */
	code_at(step - 1, code);
	CHECK(totp_controleer(rfc_seed, code, now, step, &used) == TOTP_HERGEBRUIKT);
	/* The next step is fine. */
	code_at(step + 1, code);
	CHECK(totp_controleer(rfc_seed, code, now, step, &used) == TOTP_GOED && used == step + 1);
}

TEST(base32_round_trip_and_uri)
{
	char b32[TOTP_BASE32_MAX];
	totp_base32(rfc_seed, 20, b32, sizeof b32);
	CHECK(strcmp(b32, "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ") == 0);
	totp_base32((const unsigned char *)"foobar", 6, b32, sizeof b32);
	CHECK(strcmp(b32, "MZXW6YTBOI") == 0); /* RFC 4648 without padding */
	unsigned char back[32];
	CHECK(totp_base32_decode("gezd gnbv gy3t qojq gezd gnbv gy3t qojq", back, sizeof back) == 20);
	CHECK(memcmp(back, rfc_seed, 20) == 0);
	CHECK(totp_base32_decode("GEZ1", back, sizeof back) == -1);
	char uri[TOTP_URI_MAX];
	totp_uri(rfc_seed, "a b@x", uri);
	CHECK(strcmp(uri, "otpauth://totp/doorbraak:a%20b%40x?secret=GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ"
		     "&issuer=doorbraak&algorithm=SHA1&digits=6&period=30") == 0);
}

TEST(sealing_with_and_without_key)
{
	struct error e;
	error_clear(&e);
	unsigned char geheim[TOTP_GEHEIM_BYTES], terug[TOTP_GEHEIM_BYTES];
	char opslag[TOTP_OPSLAG_MAX];
	totp_geheim_nieuw(geheim);
	totp_sleutel_instellen(NULL);
	CHECK(totp_geheim_verzegel(geheim, "alice", opslag, &e) == RC_OK);
	CHECK(strncmp(opslag, "v0:", 3) == 0);
	CHECK(totp_geheim_open(opslag, "alice", terug, &e) == RC_OK && memcmp(geheim, terug, 20) == 0);

	unsigned char sleutel[TOTP_SLEUTEL_BYTES];
	CHECK(totp_sleutel_uit_hex("00112233445566778899aabbccddeeff00112233445566778899aabbccddeeff",
				   sleutel, &e) == RC_OK);
	CHECK(totp_sleutel_uit_hex("0011", sleutel, &e) == RC_INVALID);
	totp_sleutel_instellen(sleutel);
	CHECK(totp_geheim_verzegel(geheim, "alice", opslag, &e) == RC_OK);
	CHECK(strncmp(opslag, "v1:", 3) == 0);
	CHECK(strstr(opslag + 3, "") && strlen(opslag) > 3 + 2 * 20);
	memset(terug, 0, sizeof terug);
	CHECK(totp_geheim_open(opslag, "alice", terug, &e) == RC_OK && memcmp(geheim, terug, 20) == 0);
	/* Bound to the account: moving it to another account fails. */
	CHECK(totp_geheim_open(opslag, "mallory", terug, &e) == RC_INTERNAL);
	/* Altered text fails. */
	opslag[10] = opslag[10] == 'a' ? 'b' : 'a';
	CHECK(totp_geheim_open(opslag, "alice", terug, &e) == RC_INTERNAL);
	/* Without the key it cannot be opened. */
	totp_sleutel_instellen(NULL);
	CHECK(totp_geheim_verzegel(geheim, "bob", opslag, &e) == RC_OK);
	totp_sleutel_instellen(sleutel);
	CHECK(totp_geheim_verzegel(geheim, "bob", opslag, &e) == RC_OK);
	totp_sleutel_instellen(NULL);
	CHECK(totp_geheim_open(opslag, "bob", terug, &e) == RC_INTERNAL);
}

int main(void)
{
	if (sodium_init() < 0)
		return 1;
	RUN(sha1_fips_vectors);
	RUN(hmac_sha1_rfc2202);
	RUN(hotp_rfc4226_vectors);
	RUN(totp_rfc6238_sha1_vectors);
	RUN(window_of_one_step);
	RUN(replay_refused);
	RUN(base32_round_trip_and_uri);
	RUN(sealing_with_and_without_key);
	return HARNESS_END();
}
