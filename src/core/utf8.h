/*
 * utf8.h — private: UTF-8 coding and the Unicode questions the core asks
 * (answered by ICU).
 */
#ifndef REVRIT_UTF8_H
#define REVRIT_UTF8_H

#include <stddef.h>
#include <stdint.h>

#include <unicode/utf8.h>

#include "revrit.h"

/* Encode one code point; returns the number of bytes (1..4). */
size_t		rv_utf8_encode(uint32_t cp, char *out);

/*
 * The one UTF-8 decoder for bytes the core reads itself (lexicon words):
 * the code point at s[*pos], advancing *pos past it, or UINT32_MAX for an
 * ill-formed sequence (overlong, surrogate, truncated), by ICU's U8_NEXT.
 */
static inline uint32_t
rv_utf8_next(const char *s, size_t len, size_t *pos)
{
	const uint8_t *u = (const uint8_t *) s;
	size_t		i = *pos;
	UChar32		c;

	U8_NEXT(u, i, len, c);
	*pos = i;
	return c < 0 ? UINT32_MAX : (uint32_t) c;
}

/* Decode UTF-8 into NFC-normalized code points (ICU).  *out is allocated
 * with the library allocator.  Invalid UTF-8 gives RV_EUNICODE. */
rv_status	rv_decode_nfc(const char *s, size_t len, uint32_t **out,
						  size_t *n, char *err);

uint32_t	rv_cp_lower(uint32_t cp);
int			rv_cp_is_letter(uint32_t cp);	/* alphabetic, incl. modifiers */
int			rv_cp_is_mark(uint32_t cp);		/* combining mark */
int			rv_cp_is_digit(uint32_t cp);
int			rv_cp_is_space(uint32_t cp);
int			rv_cp_is_hebrew(uint32_t cp);	/* Hebrew script */
int			rv_cp_is_latin(uint32_t cp);	/* Latin script */
int			rv_cp_is_upper(uint32_t cp);
int			rv_cp_is_modifier_letter(uint32_t cp);	/* ʾ ʿ ʻ ʹ ʰ ... */
int			rv_cp_is_hyphen(uint32_t cp);	/* - ‐ ‑, not the dashes */

#endif							/* REVRIT_UTF8_H */
