/*
 * hebrew.h — private: the Hebrew letters and signs the core writes, as code
 * points and as the small symbols the lexicon and the search use.
 */
#ifndef REVRIT_HEBREW_H
#define REVRIT_HEBREW_H

#include <stddef.h>
#include <stdint.h>

#define RV_CP_ALEF			0x05D0
#define RV_CP_TAV			0x05EA
#define RV_CP_MAQAF			0x05BE
#define RV_CP_GERESH		0x05F3
#define RV_CP_GERSHAYIM		0x05F4

/*
 * Hebrew symbols as small integers: 0..26 are U+05D0..U+05EA (final forms
 * included), then geresh, gershayim and the word boundary.
 */
#define RV_SYM_GERESH		27	/* ' or U+05F3 */
#define RV_SYM_GERSHAYIM	28	/* " or U+05F4 */
#define RV_SYM_BOUNDARY		29	/* start or end of a word */
#define RV_NSYMS			30

/* Symbol for a code point, or -1 if it is not a Hebrew word character. */
static inline int
rv_sym_from_cp(uint32_t cp)
{
	if (cp >= RV_CP_ALEF && cp <= RV_CP_TAV)
		return (int) (cp - RV_CP_ALEF);
	if (cp == '\'' || cp == RV_CP_GERESH)
		return RV_SYM_GERESH;
	if (cp == '"' || cp == RV_CP_GERSHAYIM)
		return RV_SYM_GERSHAYIM;
	return -1;
}

/* A UTF-8 Hebrew word as symbols: the count, or 0 if something in it is
 * not a Hebrew letter or sign, or it has more than max symbols. */
size_t		rv_syms_from_utf8(const char *s, size_t len, unsigned char *syms,
							  size_t max);

#endif							/* REVRIT_HEBREW_H */
