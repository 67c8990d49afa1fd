/*
 * totp.c -- SHA-1, HMAC-SHA1, HOTP/TOTP, base32 and sealing of the
 * secret. See totp.h.
 */
#include "core/toegang/totp.h"

#include <sodium.h>
#include <stdio.h>
#include <string.h>

/* ---- SHA-1 (FIPS 180-4) ---------------------------------------------- */

struct sha1 {
	uint32_t h[5];
	uint64_t lengte_bytes;
	unsigned char blok[64];
	size_t gevuld;
};

static uint32_t rol32(uint32_t x, unsigned n) { return (x << n) | (x >> (32 - n)); }

static void sha1_blok(struct sha1 *s, const unsigned char *b)
{
	uint32_t w[80];
	for (int i = 0; i < 16; i++)
		w[i] = (uint32_t)b[4 * i] << 24 | (uint32_t)b[4 * i + 1] << 16 |
		       (uint32_t)b[4 * i + 2] << 8 | (uint32_t)b[4 * i + 3];
	for (int i = 16; i < 80; i++)
		w[i] = rol32(w[i - 3] ^ w[i - 8] ^ w[i - 14] ^ w[i - 16], 1);
	uint32_t a = s->h[0], bb = s->h[1], c = s->h[2], d = s->h[3], e = s->h[4];
	for (int i = 0; i < 80; i++) {
		uint32_t f, k;
		if (i < 20) { f = (bb & c) | (~bb & d); k = 0x5A827999u; }
		else if (i < 40) { f = bb ^ c ^ d; k = 0x6ED9EBA1u; }
		else if (i < 60) { f = (bb & c) | (bb & d) | (c & d); k = 0x8F1BBCDCu; }
		else { f = bb ^ c ^ d; k = 0xCA62C1D6u; }
		uint32_t t = rol32(a, 5) + f + e + k + w[i];
		e = d; d = c; c = rol32(bb, 30); bb = a; a = t;
	}
	s->h[0] += a; s->h[1] += bb; s->h[2] += c; s->h[3] += d; s->h[4] += e;
}

static void sha1_init(struct sha1 *s)
{
	static const uint32_t begin[5] = {0x67452301u, 0xEFCDAB89u, 0x98BADCFEu, 0x10325476u, 0xC3D2E1F0u};
	memcpy(s->h, begin, sizeof begin);
	s->lengte_bytes = 0;
	s->gevuld = 0;
}

static void sha1_update(struct sha1 *s, const unsigned char *data, size_t len)
{
	s->lengte_bytes += len;
	while (len > 0) {
		size_t n = 64 - s->gevuld < len ? 64 - s->gevuld : len;
		memcpy(s->blok + s->gevuld, data, n);
		s->gevuld += n, data += n, len -= n;
		if (s->gevuld == 64) {
			sha1_blok(s, s->blok);
			s->gevuld = 0;
		}
	}
}

static void sha1_final(struct sha1 *s, unsigned char out[20])
{
	uint64_t bits = s->lengte_bytes * 8;
	unsigned char pad = 0x80, nul = 0;
	sha1_update(s, &pad, 1);
	while (s->gevuld != 56)
		sha1_update(s, &nul, 1);
	unsigned char len_be[8];
	for (int i = 0; i < 8; i++)
		len_be[i] = (unsigned char)(bits >> (56 - 8 * i));
	sha1_update(s, len_be, 8);
	for (int i = 0; i < 5; i++) {
		out[4 * i] = (unsigned char)(s->h[i] >> 24);
		out[4 * i + 1] = (unsigned char)(s->h[i] >> 16);
		out[4 * i + 2] = (unsigned char)(s->h[i] >> 8);
		out[4 * i + 3] = (unsigned char)s->h[i];
	}
}

void totp_sha1(const unsigned char *data, size_t len, unsigned char out[20])
{
	struct sha1 s;
	sha1_init(&s);
	sha1_update(&s, data, len);
	sha1_final(&s, out);
}

void totp_hmac_sha1(const unsigned char *key, size_t key_len, const unsigned char *data,
		    size_t len, unsigned char out[20])
{
	unsigned char k[64] = {0}, ipad[64], opad[64], inner[20];
	if (key_len > 64)
		totp_sha1(key, key_len, k);
	else
		memcpy(k, key, key_len);
	for (int i = 0; i < 64; i++) {
		ipad[i] = k[i] ^ 0x36;
		opad[i] = k[i] ^ 0x5c;
	}
	struct sha1 s;
	sha1_init(&s);
	sha1_update(&s, ipad, 64);
	sha1_update(&s, data, len);
	sha1_final(&s, inner);
	sha1_init(&s);
	sha1_update(&s, opad, 64);
	sha1_update(&s, inner, 20);
	sha1_final(&s, out);
	sodium_memzero(k, sizeof k);
	sodium_memzero(ipad, sizeof ipad);
	sodium_memzero(opad, sizeof opad);
}

/* ---- HOTP / TOTP ----------------------------------------------------- */

uint32_t totp_hotp(const unsigned char *key, size_t key_len, uint64_t counter, unsigned digits)
{
	unsigned char msg[8], mac[20];
	for (int i = 0; i < 8; i++)
		msg[i] = (unsigned char)(counter >> (56 - 8 * i));
	totp_hmac_sha1(key, key_len, msg, sizeof msg, mac);
	unsigned offset = mac[19] & 0x0f;
	uint32_t bin = (uint32_t)(mac[offset] & 0x7f) << 24 | (uint32_t)mac[offset + 1] << 16 |
		       (uint32_t)mac[offset + 2] << 8 | (uint32_t)mac[offset + 3];
	uint32_t mod = 1;
	for (unsigned i = 0; i < digits && i < 9; i++)
		mod *= 10;
	return bin % mod;
}

int64_t totp_stap(int64_t unix_s)
{
	return unix_s >= 0 ? unix_s / TOTP_STAP_S : -1;
}

enum totp_uitkomst totp_controleer(const unsigned char geheim[TOTP_GEHEIM_BYTES],
				   const char *code, int64_t nu_unix_s,
				   int64_t laatste_stap, int64_t *stap_out)
{
	char gegeven[TOTP_CIJFERS + 1] = {0};
	bool vorm = code && strlen(code) == TOTP_CIJFERS;
	for (size_t i = 0; vorm && i < TOTP_CIJFERS; i++)
		vorm = code[i] >= '0' && code[i] <= '9';
	if (!vorm)
		return TOTP_FOUT;
	memcpy(gegeven, code, TOTP_CIJFERS);
	int64_t nu = totp_stap(nu_unix_s);
	int64_t goed = -1, hergebruikt = -1;
	for (int64_t d = -TOTP_VENSTER_STAPPEN; d <= TOTP_VENSTER_STAPPEN; d++) {
		int64_t stap = nu + d;
		if (stap < 0)
			continue;
		char verwacht[16];
		snprintf(verwacht, sizeof verwacht, "%0*u", TOTP_CIJFERS,
			 (unsigned)totp_hotp(geheim, TOTP_GEHEIM_BYTES, (uint64_t)stap, TOTP_CIJFERS));
		if (sodium_memcmp(verwacht, gegeven, TOTP_CIJFERS) == 0) {
			if (stap > laatste_stap)
				goed = stap;
			else
				hergebruikt = stap;
		}
	}
	if (goed >= 0) {
		*stap_out = goed;
		return TOTP_GOED;
	}
	return hergebruikt >= 0 ? TOTP_HERGEBRUIKT : TOTP_FOUT;
}

/* ---- base32 and the otpauth URI ------------------------------------- */

static const char base32_alfabet[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";

void totp_base32(const unsigned char *data, size_t len, char *out, size_t out_size)
{
	size_t n = 0;
	uint32_t buffer = 0;
	int bits = 0;
	for (size_t i = 0; i < len; i++) {
		buffer = (buffer << 8) | data[i];
		bits += 8;
		while (bits >= 5 && n + 1 < out_size) {
			out[n++] = base32_alfabet[(buffer >> (bits - 5)) & 31];
			bits -= 5;
		}
	}
	if (bits > 0 && n + 1 < out_size)
		out[n++] = base32_alfabet[(buffer << (5 - bits)) & 31];
	if (out_size)
		out[n < out_size ? n : out_size - 1] = '\0';
}

long totp_base32_decode(const char *in, unsigned char *out, size_t out_size)
{
	uint32_t buffer = 0;
	int bits = 0;
	size_t n = 0;
	for (const char *p = in; *p; p++) {
		char c = *p;
		if (c == ' ' || c == '=')
			continue;
		if (c >= 'a' && c <= 'z')
			c = (char)(c - 'a' + 'A');
		const char *at = strchr(base32_alfabet, c);
		if (!at || c == '\0')
			return -1;
		buffer = (buffer << 5) | (uint32_t)(at - base32_alfabet);
		bits += 5;
		if (bits >= 8) {
			if (n >= out_size)
				return -1;
			out[n++] = (unsigned char)(buffer >> (bits - 8));
			bits -= 8;
		}
	}
	return (long)n;
}

void totp_geheim_nieuw(unsigned char geheim[TOTP_GEHEIM_BYTES])
{
	randombytes_buf(geheim, TOTP_GEHEIM_BYTES);
}

/* Percent-encodes everything but unreserved characters (RFC 3986). */
static size_t uri_escape(const char *in, char *out, size_t out_size)
{
	static const char hex[] = "0123456789ABCDEF";
	size_t n = 0;
	for (const unsigned char *p = (const unsigned char *)in; *p && n + 4 < out_size; p++) {
		if ((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') || (*p >= '0' && *p <= '9') ||
		    *p == '-' || *p == '.' || *p == '_' || *p == '~') {
			out[n++] = (char)*p;
		} else {
			out[n++] = '%';
			out[n++] = hex[*p >> 4];
			out[n++] = hex[*p & 15];
		}
	}
	out[n] = '\0';
	return n;
}

void totp_uri(const unsigned char geheim[TOTP_GEHEIM_BYTES], const char *account,
	      char out[TOTP_URI_MAX])
{
	char b32[TOTP_BASE32_MAX], label[256];
	totp_base32(geheim, TOTP_GEHEIM_BYTES, b32, sizeof b32);
	uri_escape(account, label, sizeof label);
	snprintf(out, TOTP_URI_MAX,
		 "otpauth://totp/doorbraak:%s?secret=%s&issuer=doorbraak&algorithm=SHA1&digits=%d&period=%d",
		 label, b32, TOTP_CIJFERS, TOTP_STAP_S);
}

/* ---- sealing -------------------------------------------------------- */

static unsigned char sleutel_opslag[TOTP_SLEUTEL_BYTES];
static bool sleutel_gezet;

void totp_sleutel_instellen(const unsigned char sleutel[TOTP_SLEUTEL_BYTES])
{
	if (sleutel) {
		memcpy(sleutel_opslag, sleutel, TOTP_SLEUTEL_BYTES);
		sleutel_gezet = true;
	} else {
		sodium_memzero(sleutel_opslag, sizeof sleutel_opslag);
		sleutel_gezet = false;
	}
}

bool totp_sleutel_aanwezig(void) { return sleutel_gezet; }

rc_t totp_sleutel_uit_hex(const char *hex, unsigned char sleutel[TOTP_SLEUTEL_BYTES],
			  struct error *e)
{
	size_t len = 0;
	if (!hex || strlen(hex) != 2 * TOTP_SLEUTEL_BYTES ||
	    sodium_hex2bin(sleutel, TOTP_SLEUTEL_BYTES, hex, strlen(hex), NULL, &len, NULL) != 0 ||
	    len != TOTP_SLEUTEL_BYTES)
		return error_set(e, RC_INVALID, "De sleutel moet uit %d hexadecimale tekens bestaan.",
				 2 * TOTP_SLEUTEL_BYTES);
	return RC_OK;
}

#define SEAL_NONCE crypto_aead_xchacha20poly1305_ietf_NPUBBYTES
#define SEAL_TAG crypto_aead_xchacha20poly1305_ietf_ABYTES

rc_t totp_geheim_verzegel(const unsigned char geheim[TOTP_GEHEIM_BYTES], const char *account,
			  char out[TOTP_OPSLAG_MAX], struct error *e)
{
	if (sodium_init() < 0)
		return error_set(e, RC_INTERNAL, "libsodium kon niet starten.");
	if (!sleutel_gezet) {
		memcpy(out, "v0:", 3);
		sodium_bin2hex(out + 3, TOTP_OPSLAG_MAX - 3, geheim, TOTP_GEHEIM_BYTES);
		return RC_OK;
	}
	unsigned char buf[SEAL_NONCE + TOTP_GEHEIM_BYTES + SEAL_TAG];
	randombytes_buf(buf, SEAL_NONCE);
	unsigned long long clen = 0;
	crypto_aead_xchacha20poly1305_ietf_encrypt(buf + SEAL_NONCE, &clen, geheim, TOTP_GEHEIM_BYTES,
		(const unsigned char *)account, strlen(account), NULL, buf, sleutel_opslag);
	memcpy(out, "v1:", 3);
	sodium_bin2hex(out + 3, TOTP_OPSLAG_MAX - 3, buf, SEAL_NONCE + (size_t)clen);
	return RC_OK;
}

rc_t totp_geheim_open(const char *opgeslagen, const char *account,
		      unsigned char geheim[TOTP_GEHEIM_BYTES], struct error *e)
{
	unsigned char buf[SEAL_NONCE + TOTP_GEHEIM_BYTES + SEAL_TAG];
	size_t len = 0;
	if (!opgeslagen || strlen(opgeslagen) < 3)
		return error_set(e, RC_INTERNAL, "Geen tweede-factorgeheim opgeslagen.");
	const char *hex = opgeslagen + 3;
	if (sodium_hex2bin(buf, sizeof buf, hex, strlen(hex), NULL, &len, NULL) != 0)
		return error_set(e, RC_INTERNAL, "Het opgeslagen tweede-factorgeheim is beschadigd.");
	if (strncmp(opgeslagen, "v0:", 3) == 0 && len == TOTP_GEHEIM_BYTES) {
		memcpy(geheim, buf, TOTP_GEHEIM_BYTES);
		return RC_OK;
	}
	if (strncmp(opgeslagen, "v1:", 3) != 0 || len != sizeof buf)
		return error_set(e, RC_INTERNAL, "Het opgeslagen tweede-factorgeheim is beschadigd.");
	if (!sleutel_gezet)
		return error_set(e, RC_INTERNAL,
				 "Het tweede-factorgeheim is versleuteld, maar DOORBRAAK_SLEUTEL is niet gezet.");
	unsigned char plain[TOTP_GEHEIM_BYTES];
	unsigned long long plen = 0;
	if (crypto_aead_xchacha20poly1305_ietf_decrypt(plain, &plen, NULL, buf + SEAL_NONCE,
		sizeof buf - SEAL_NONCE, (const unsigned char *)account, strlen(account), buf,
		sleutel_opslag) != 0 || plen != TOTP_GEHEIM_BYTES)
		return error_set(e, RC_INTERNAL,
				 "Het tweede-factorgeheim past niet bij de sleutel (verkeerde DOORBRAAK_SLEUTEL?).");
	memcpy(geheim, plain, TOTP_GEHEIM_BYTES);
	sodium_memzero(plain, sizeof plain);
	return RC_OK;
}
