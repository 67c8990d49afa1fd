/*
 * tekst.h -- the one rule for "this required text is filled in".
 *
 * A required text (a motivation, a proof, a reference, a name) counts as
 * present only when it holds at least one character a reader can see:
 * Unicode White_Space (U+0020, U+00A0, U+2003, U+3000, line and paragraph
 * separators, ...), format characters (general category Cf: soft hyphen,
 * U+200B..U+200F, U+2060..U+2064, U+FEFF, bidi controls, tag characters)
 * and the other default-ignorable code points (combining grapheme joiner,
 * Hangul fillers, variation selectors) do not count, and neither do other
 * control characters (Cc). Every layer that needs a filled-in text calls
 * tekst_aanwezig(); nobody trims by hand.
 */
#ifndef DOORBRAAK_TEKST_H
#define DOORBRAAK_TEKST_H

#include <stdbool.h>
#include <stddef.h>

/* True when `s` (UTF-8, NUL-terminated) holds at least one visible
 * character as defined above. NULL, "", text of only invisible
 * characters and invalid UTF-8 are false. Pure. */
bool tekst_aanwezig(const char *s);

/* True when code point `cp` is invisible in the sense above (white space,
 * control, format or default-ignorable). Pure; exposed for tests. */
bool tekst_onzichtbaar(unsigned cp);

/* `s` as an SQL LIKE pattern for "ESCAPE '\\'": `voor`, then `s` with
 * '%', '_' and '\\' escaped (ASCII letters in lower case when `klein`), then
 * `na` ("%"). In the arena; NULL on OOM. */
struct arena;
const char *tekst_like_patroon(struct arena *a, const char *s, const char *voor, const char *na, bool klein);

#endif
