/*
 * tekst.c -- whether a required text is filled in (see tekst.h).
 *
 * The ranges come from the Unicode Character Database (PropList.txt:
 * White_Space; DerivedCoreProperties.txt: Default_Ignorable_Code_Point;
 * UnicodeData.txt: general categories Cc and Cf), Unicode 15.
 */
#include "core/basis/tekst.h"

#include <string.h>

#include "core/basis/arena.h"

#include <stdint.h>

struct bereik {
	uint32_t van, tot;
};

/* Sorted, not overlapping: binary search. */
static const struct bereik onzichtbaar[] = {
	{0x0000, 0x0020},   /* C0 controls, tab, newlines, space */
	{0x007F, 0x00A0},   /* DEL, C1 controls (U+0085 NEL), no-break space */
	{0x00AD, 0x00AD},   /* soft hyphen */
	{0x034F, 0x034F},   /* combining grapheme joiner */
	{0x061C, 0x061C},   /* Arabic letter mark */
	{0x115F, 0x1160},   /* Hangul choseong/jungseong fillers */
	{0x1680, 0x1680},   /* Ogham space mark */
	{0x17B4, 0x17B5},   /* Khmer inherent vowels */
	{0x180B, 0x180F},   /* Mongolian free variation selectors, vowel separator */
	{0x2000, 0x200F},   /* en quad .. hair space, ZWSP, ZWNJ, ZWJ, LRM, RLM */
	{0x2028, 0x202F},   /* line/paragraph separator, bidi embeddings, narrow NBSP */
	{0x205F, 0x206F},   /* medium math space, word joiner, invisible operators, bidi isolates */
	{0x3000, 0x3000},   /* ideographic space */
	{0x3164, 0x3164},   /* Hangul filler */
	{0xFE00, 0xFE0F},   /* variation selectors */
	{0xFEFF, 0xFEFF},   /* zero width no-break space (BOM) */
	{0xFFA0, 0xFFA0},   /* halfwidth Hangul filler */
	{0xFFF0, 0xFFFB},   /* unassigned specials, interlinear annotation */
	{0x1BCA0, 0x1BCA3}, /* shorthand format controls */
	{0x1D173, 0x1D17A}, /* musical symbol format controls */
	{0xE0000, 0xE0FFF}, /* tags, variation selectors supplement */
};

bool tekst_onzichtbaar(unsigned cp)
{
	size_t lo = 0, hi = sizeof onzichtbaar / sizeof onzichtbaar[0];
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if (cp < onzichtbaar[mid].van)
			hi = mid;
		else if (cp > onzichtbaar[mid].tot)
			lo = mid + 1;
		else
			return true;
	}
	return false;
}

/* Decodes one UTF-8 sequence at *p into *cp and advances *p; false on an
 * invalid, overlong or surrogate sequence. */
static bool volgende(const unsigned char **p, unsigned *cp)
{
	const unsigned char *s = *p;
	unsigned c = s[0];
	size_t n;
	unsigned min;
	if (c < 0x80) {
		*cp = c;
		*p = s + 1;
		return true;
	} else if ((c & 0xE0) == 0xC0) {
		n = 1, min = 0x80, c &= 0x1F;
	} else if ((c & 0xF0) == 0xE0) {
		n = 2, min = 0x800, c &= 0x0F;
	} else if ((c & 0xF8) == 0xF0) {
		n = 3, min = 0x10000, c &= 0x07;
	} else {
		return false;
	}
	for (size_t i = 1; i <= n; i++) {
		if ((s[i] & 0xC0) != 0x80)
			return false;   /* also stops at the terminating NUL */
		c = (c << 6) | (s[i] & 0x3F);
	}
	if (c < min || c > 0x10FFFF || (c >= 0xD800 && c <= 0xDFFF))
		return false;
	*cp = c;
	*p = s + n + 1;
	return true;
}

bool tekst_aanwezig(const char *s)
{
	if (!s)
		return false;
	const unsigned char *p = (const unsigned char *)s;
	bool zichtbaar = false;
	while (*p) {
		if (*p < 0x80) {   /* ASCII: visible is 0x21..0x7E, no table needed */
			zichtbaar = zichtbaar || (*p > 0x20 && *p != 0x7F);
			p++;
			continue;
		}
		unsigned cp;
		if (!volgende(&p, &cp))
			return false;
		if (!zichtbaar && !tekst_onzichtbaar(cp))
			zichtbaar = true;
	}
	return zichtbaar;
}

const char *tekst_like_patroon(struct arena *a, const char *s, const char *voor, const char *na, bool klein)
{
	size_t n = strlen(s), nv = strlen(voor), nn = strlen(na);
	char *p = arena_alloc(a, nv + 2 * n + nn + 1);
	if (!p)
		return NULL;
	memcpy(p, voor, nv);
	size_t j = nv;
	for (size_t i = 0; i < n; i++) {
		char c = s[i];
		if (c == '%' || c == '_' || c == '\\')
			p[j++] = '\\';
		p[j++] = klein && c >= 'A' && c <= 'Z' ? (char)(c - 'A' + 'a') : c;
	}
	memcpy(p + j, na, nn + 1);
	return p;
}
