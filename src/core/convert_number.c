/*
 * convert_number.c — digits in the text: an ordinal after a prefix
 * (ha-16) and a Hebrew-calendar year beside its Gregorian one become
 * Hebrew numerals; other numbers stay as written.
 */
#include "convert.h"
#include "numerals.h"
#include "utf8.h"

/* A number after a prefix (ha-16, "the 16th") is an ordinal, written in
 * Hebrew letters; returns the digits consumed. */
size_t
convert_prefixed_number(conv *c, size_t at, size_t limit)
{
	size_t		j = at;
	int			v = 0;
	uint8_t		sym[RV_NUMERAL_MAX];

	while (j < limit && c->cps[j] >= '0' && c->cps[j] <= '9' && j - at < 4)
		v = v * 10 + (int) (c->cps[j++] - '0');
	if (j == at || (j < limit && rv_cp_is_digit(c->cps[j])) || v < 1 || v > 999)
		return 0;
	conv_put_syms(c, &c->out, sym, rv_hebrew_numeral(v, sym));
	return j - at;
}

/* A run of digits: a Hebrew-calendar year becomes Hebrew letters when the
 * text also gives the Gregorian year (708 [1948]); other numbers stay. */
size_t
convert_number(conv *c, size_t i, size_t limit)
{
	size_t		j = i;
	int			year;

	while (j < limit && rv_cp_is_digit(c->cps[j]))
		j++;
	year = rv_hebrew_year(c->cps, i, j);
	if (c->opt->years == RV_YEARS_HEBREW && year &&
		(i == 0 || !rv_cp_is_letter(c->cps[i - 1])) &&
		(j == c->n || !rv_cp_is_letter(c->cps[j])) &&
		rv_has_gregorian_year(c->cps, j, c->n))
	{
		uint8_t		sym[RV_NUMERAL_MAX];
		int			ns = rv_hebrew_numeral(year, sym);

		conv_put_syms(c, &c->out, sym, ns);
	}
	else
		conv_put_cps(&c->out, c->cps, i, j);
	return j;
}
