/*
 * kind.c — recognising the kind of a catalogue field from its shape.
 *
 * Catalogues keep names, imprints and titles in separate fields, but a
 * caller converting a column may not say which it holds.  The shapes are
 * distinct enough: a name heading is inverted ("Dubnow, Simon, 1860-1941")
 * with capitalised words and no ISBD punctuation; an imprint is a short
 * place, a publisher after " : " and a date at the end.
 */
#include <string.h>

#include "kind.h"
#include "utf8.h"

#define MAX_SEGMENTS 8

typedef struct seg
{
	size_t		from,
				to;
} seg;

static const char *const kind_names[] = {"auto", "title", "name", "imprint"};

const char *
rv_kind_name(rv_kind kind)
{
	return (unsigned) kind < 4 ? kind_names[kind] : "auto";
}

int
rv_kind_parse(const char *name)
{
	for (int k = 0; k < 4; k++)
		if (strcmp(name, kind_names[k]) == 0)
			return k;
	return -1;
}

static size_t
skip_space(const uint32_t *cps, size_t i, size_t to)
{
	while (i < to && rv_cp_is_space(cps[i]))
		i++;
	return i;
}

/* Does cps[i..] start with " X " (an ISBD separator)? */
static int
separator_at(const uint32_t *cps, size_t i, size_t n, uint32_t x)
{
	return i > 0 && i + 1 < n && cps[i] == x && rv_cp_is_space(cps[i - 1]) &&
		rv_cp_is_space(cps[i + 1]);
}

/* Number of words in cps[from..to) and whether each starts with a capital
 * (after alef/ayin signs and brackets), a particle or a hyphened prefix
 * (ha-Kohen) aside. */
static int
count_words(const uint32_t *cps, size_t from, size_t to, int *all_capital)
{
	int			words = 0;
	size_t		i = skip_space(cps, from, to);

	*all_capital = 1;
	while (i < to)
	{
		size_t		s = i,
					j;
		int			hyphen = 0;

		while (i < to && !rv_cp_is_space(cps[i]))
			hyphen |= cps[i++] == '-';
		words++;
		for (j = s; j < i && !rv_cp_is_letter(cps[j]); j++)
			;
		while (j < i && cps[j] >= 0x02B0 && cps[j] <= 0x02FF)
			j++;				/* ʻAgnon */
		if (j < i && !rv_cp_is_upper(cps[j]) && !hyphen && i - s > 3)
			*all_capital = 0;	/* short particles (ben, de, von) pass */
		i = skip_space(cps, i, to);
	}
	return words;
}

/* A date as catalogues write it: 1996, [1927 or 1928], c2011, ©1939-©1940,
 * 708 [1948], 1860-1941, 1940-, b. 1900. */
static int
is_date(const uint32_t *cps, size_t from, size_t to)
{
	int			digits = 0,
				run = 0,
				letters = 0;

	for (size_t i = from; i < to; i++)
	{
		uint32_t	cp = cps[i];

		if (cp >= '0' && cp <= '9')
		{
			if (++run >= 3)
				digits = 1;
			continue;
		}
		run = 0;
		if (rv_cp_is_letter(cp))
		{
			if (++letters > 8)	/* "or", "c", "ca.", "b.", "approximately" no */
				return 0;
			continue;
		}
		if (!(rv_cp_is_space(cp) || cp == '-' || cp == '[' || cp == ']' ||
			  cp == '?' || cp == '.' || cp == 0xA9 || cp == '=' || cp == ','))
			return 0;
	}
	return digits;
}

static int
has_digit(const uint32_t *cps, size_t from, size_t to)
{
	for (size_t i = from; i < to; i++)
		if (rv_cp_is_digit(cps[i]))
			return 1;
	return 0;
}

/* Split at commas; returns the number of segments (0 if too many). */
static int
split_commas(const uint32_t *cps, size_t from, size_t to, seg *s)
{
	int			n = 0;
	size_t		start = from;

	for (size_t i = from; i <= to; i++)
	{
		if (i < to && cps[i] != ',')
			continue;
		if (n == MAX_SEGMENTS)
			return 0;
		s[n].from = start;
		s[n].to = i;
		n++;
		start = i + 1;
	}
	return n;
}

static int
has_hyphen(const uint32_t *cps, size_t from, size_t to)
{
	for (size_t i = from; i < to; i++)
		if (cps[i] == '-')
			return 1;
	return 0;
}

/* Does cps[from..to) hold a patronymic particle as a word (ben, bar, ibn,
 * bat), as in "Moses ben Maimon"? */
static int
has_patronymic(const uint32_t *cps, size_t from, size_t to)
{
	static const char *const particles[] = {"ben", "bar", "ibn", "bat", "bin", NULL};

	for (size_t i = from; i < to; i++)
	{
		size_t		j = i;

		if (i > from && !rv_cp_is_space(cps[i - 1]))
			continue;
		while (j < to && rv_cp_is_letter(cps[j]))
			j++;
		for (int p = 0; particles[p] && j - i == strlen(particles[p]); p++)
		{
			size_t		k = 0;

			while (k < j - i && cps[i + k] == (uint32_t) particles[p][k])
				k++;
			if (k == j - i && j < to && rv_cp_is_space(cps[j]))
				return 1;
		}
	}
	return 0;
}

static int
is_name_heading(const uint32_t *cps, size_t n)
{
	seg			s[MAX_SEGMENTS];
	int			ns = split_commas(cps, 0, n, s);
	int			cap,
				w;

	for (size_t i = 0; i < n; i++)
		if (cps[i] == ':' || cps[i] == '/' || cps[i] == '=' || cps[i] == ';' ||
			rv_cp_is_hebrew(cps[i]))
			return 0;
	if (ns < 2 || ns > 4)
		return 0;
	w = count_words(cps, s[0].from, s[0].to, &cap);
	/* not inverted: "Moses ben Maimon, 1135-1204" */
	if (w >= 3 && w <= 4 && cap && !has_hyphen(cps, s[0].from, s[0].to) &&
		has_patronymic(cps, s[0].from, s[0].to) &&
		is_date(cps, s[1].from, s[1].to))
		return 1;
	if (w < 1 || w > 3 || !cap || has_digit(cps, s[0].from, s[0].to))
		return 0;
	w = count_words(cps, s[1].from, s[1].to, &cap);
	if (w < 1 || w > 4 || !cap || has_digit(cps, s[1].from, s[1].to))
		return 0;
	/* what follows the given names: dates, or a short title (Rabbi) */
	for (int k = 2; k < ns; k++)
		if (!is_date(cps, s[k].from, s[k].to) &&
			(has_digit(cps, s[k].from, s[k].to) ||
			 count_words(cps, s[k].from, s[k].to, &cap) > 2))
			return 0;
	return 1;
}

static int
is_imprint(const uint32_t *cps, size_t n)
{
	size_t		colon = 0,
				last_comma = 0;
	int			cap,
				w;

	for (size_t i = 0; i < n; i++)
	{
		if (separator_at(cps, i, n, '/') || separator_at(cps, i, n, '='))
			return 0;
		if (colon == 0 && separator_at(cps, i, n, ':'))
			colon = i;
		if (cps[i] == ',')
			last_comma = i;
	}
	/* the date closes the imprint, after ", " or " : " */
	if (last_comma && is_date(cps, last_comma + 1, n) &&
		(colon == 0 || last_comma > colon))
	{
		w = count_words(cps, 0, colon ? colon : last_comma, &cap);
		return w >= 1 && w <= 4 && !has_digit(cps, 0, colon ? colon : last_comma);
	}
	return 0;
}

rv_kind
rv_kind_detect(const uint32_t *cps, size_t n)
{
	if (is_name_heading(cps, n))
		return RV_KIND_NAME;
	if (is_imprint(cps, n))
		return RV_KIND_IMPRINT;
	return RV_KIND_TITLE;
}

rv_kind
rv_kind_resolve(rv_kind asked, const uint32_t *cps, size_t n)
{
	return asked == RV_KIND_AUTO ? rv_kind_detect(cps, n) : asked;
}
