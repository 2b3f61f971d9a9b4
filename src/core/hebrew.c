/*
 * hebrew.c — Hebrew text as the symbols the lexicon and the search use.
 */
#include "hebrew.h"
#include "utf8.h"

size_t
rv_syms_from_utf8(const char *s, size_t len, unsigned char *syms, size_t max)
{
	size_t		pos = 0,
				n = 0;

	while (pos < len)
	{
		int			sym = rv_sym_from_cp(rv_utf8_next(s, len, &pos));

		if (sym < 0 || n == max)
			return 0;
		syms[n++] = (unsigned char) sym;
	}
	return n;
}
