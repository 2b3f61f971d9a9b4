/*
 * numerals.c — Hebrew numerals (gematria) and Hebrew-year recognition.
 */
#include "hebrew.h"
#include "numerals.h"
#include "utf8.h"

/* Symbols (lexicon.h) of the letters for 1-9, 10-90, 100-400. */
static const uint8_t units[10] = {0, 0, 1, 2, 3, 4, 5, 6, 7, 8};	/* א..ט */
static const uint8_t tens[10] = {0, 9, 11, 12, 14, 16, 17, 18, 20, 22};	/* י כ ל מ נ ס ע פ צ */
static const uint8_t hundreds[5] = {0, 23, 24, 25, 26};	/* ק ר ש ת */

int
rv_hebrew_numeral(int n, uint8_t *sym)
{
	uint8_t		letters[RV_NUMERAL_MAX];
	int			k = 0,
				out = 0;
	int			h = n / 100,
				t = (n / 10) % 10,
				u = n % 10;

	if (n < 1 || n > 999)
		return 0;
	while (h > 4)
	{
		letters[k++] = hundreds[4];
		h -= 4;
	}
	if (h)
		letters[k++] = hundreds[h];
	/* 15 and 16 are written 9+6 and 9+7: the plain forms spell the Name */
	if (t == 1 && (u == 5 || u == 6))
	{
		letters[k++] = units[9];
		letters[k++] = units[u + 1];
	}
	else
	{
		if (t)
			letters[k++] = tens[t];
		if (u)
			letters[k++] = units[u];
	}
	for (int i = 0; i < k; i++)
	{
		if (i == k - 1 && k > 1)
			sym[out++] = RV_SYM_GERSHAYIM;
		sym[out++] = letters[i];
	}
	if (k == 1)
		sym[out++] = RV_SYM_GERESH;
	return out;
}

static int
digits_value(const uint32_t *cps, size_t from, size_t to)
{
	int			v = 0;

	for (size_t i = from; i < to; i++)
	{
		if (cps[i] < '0' || cps[i] > '9')
			return -1;
		v = v * 10 + (int) (cps[i] - '0');
	}
	return v;
}

int
rv_hebrew_year(const uint32_t *cps, size_t from, size_t to)
{
	int			v;

	if (to - from != 3 && to - from != 4)
		return 0;
	v = digits_value(cps, from, to);
	if (to - from == 4)
		v -= 5000;
	return (v >= 600 && v <= 799) ? v : 0;
}

int
rv_has_gregorian_year(const uint32_t *cps, size_t from, size_t n)
{
	size_t		i = from;

	while (i < n)
	{
		size_t		j = i;

		while (j < n && cps[j] >= '0' && cps[j] <= '9')
			j++;
		if (j - i == 4)
		{
			int			v = digits_value(cps, i, j);

			if (v >= 1800 && v <= 2099)
				return 1;
		}
		i = j > i ? j : i + 1;
	}
	return 0;
}
