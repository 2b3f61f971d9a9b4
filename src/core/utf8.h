/*
 * utf8.h — private: UTF-8 coding and the Unicode questions the core asks
 * (answered by ICU).
 */
#ifndef REVRIT_UTF8_H
#define REVRIT_UTF8_H

#include <stddef.h>
#include <stdint.h>

#include "revrit.h"

/* Encode one code point; returns the number of bytes (1..4). */
size_t		rv_utf8_encode(uint32_t cp, char *out);

/* Decode UTF-8 into NFC-normalized code points (ICU).  *out is allocated
 * with the library allocator.  Invalid UTF-8 gives RV_EUNICODE. */
rv_status	rv_decode_nfc(const char *s, size_t len, uint32_t **out,
						  size_t *n, char *err);

uint32_t	rv_cp_lower(uint32_t cp);
int			rv_cp_is_letter(uint32_t cp);	/* alphabetic, incl. modifiers */
int			rv_cp_is_mark(uint32_t cp);		/* combining mark */
int			rv_cp_is_digit(uint32_t cp);
int			rv_cp_is_space(uint32_t cp);
int			rv_cp_is_hebrew(uint32_t cp);	/* Hebrew block */
int			rv_cp_is_upper(uint32_t cp);

#endif							/* REVRIT_UTF8_H */
