/*
 * learned_skeleton.c — is a Hebrew word a plausible reading of a romanized
 * one?  It is when it is among the word's best spellings; less surely when
 * its consonant skeleton (matres lectionis dropped, letters romanization
 * blurs merged) agrees with theirs, and the first letters agree.
 */
#include <string.h>

#include "learned_words.h"

#define SKEL_MAX		64

/* Consonant classes that romanization blurs; 0 for a mater lectionis. */
static char
skel_class(uint32_t cp)
{
	switch (cp)
	{
		case 0x05D0: case 0x05D4: case 0x05D5: case 0x05D9: case 0x05E2:
			return 0;			/* א ה ו י ע */
		case 0x05DA: case 0x05DB: case 0x05E7: case 0x05D7:
			return 'K';			/* ך כ ק ח */
		case 0x05D8: case 0x05EA:
			return 'T';			/* ט ת */
		case 0x05E1: case 0x05E9:
			return 'S';			/* ס ש */
		case 0x05DD:
			return 'm';			/* ם = מ */
		case 0x05DF:
			return 'n';			/* ן = נ */
		case 0x05E3:
			return 'p';			/* ף = פ */
		case 0x05E5:
			return 'c';			/* ץ = צ */
		case 0x05DE:
			return 'm';
		case 0x05E0:
			return 'n';
		case 0x05E4:
			return 'p';
		case 0x05E6:
			return 'c';
		default:
			if (cp >= 0x05D0 && cp <= 0x05EA)
				return (char) ('a' + (cp - 0x05D0));
			return 0;
	}
}

/* The skeleton of a UTF-8 Hebrew word; its length (0 if none). */
static int
skeleton(const char *s, char *out)
{
	int			n = 0;
	const unsigned char *p = (const unsigned char *) s;

	while (*p && n < SKEL_MAX)
	{
		/* Hebrew letters are two bytes, D7 90..D7 AA */
		if (p[0] == 0xD7 && p[1] >= 0x90 && p[1] <= 0xAA)
		{
			char		k = skel_class(0x05D0 + (p[1] - 0x90));

			if (k)
				out[n++] = k;
			p += 2;
		}
		else
			p++;
	}
	return n;
}

/* The class of a word's first letter: a consonant's skeleton class, or
 * for a mater lectionis the letters a romanized vowel may stand for. */
static char
first_class(const char *s)
{
	const unsigned char *p = (const unsigned char *) s;
	uint32_t	cp;

	if (p[0] != 0xD7 || p[1] < 0x90 || p[1] > 0xAA)
		return 0;
	cp = 0x05D0 + (p[1] - 0x90);
	if (cp == 0x05D0 || cp == 0x05E2 || cp == 0x05D4)
		return 'A';				/* א ע ה */
	if (cp == 0x05D5 || cp == 0x05D1)
		return 'V';				/* ו ב */
	if (cp == 0x05D9)
		return 'Y';
	return skel_class(cp);
}

/* A word without its article ה (two bytes), if it has one. */
static const char *
strip_article(const char *s)
{
	const unsigned char *p = (const unsigned char *) s;

	return p[0] == 0xD7 && p[1] == 0x94 && p[2] ? s + 2 : s;
}

/* Skeletons agree: 2 if equal, 1 if one edit apart (both four or more
 * consonants long), 0 if not. */
static int
skel_agree(const char *a, int na, const char *b, int nb)
{
	int			i = 0;

	if (na == 0 || nb == 0)
		return 0;
	if (na == nb && memcmp(a, b, (size_t) na) == 0)
		return 2;
	if (na < 4 || nb < 4 || na - nb > 1 || nb - na > 1)
		return 0;				/* an edit in a short skeleton is another word */
	while (i < na && i < nb && a[i] == b[i])
		i++;
	if (na == nb)
		return memcmp(a + i + 1, b + i + 1, (size_t) (na - i - 1)) == 0;
	if (na > nb)
		return memcmp(a + i + 1, b + i, (size_t) (na - i - 1)) == 0;
	return memcmp(a + i, b + i + 1, (size_t) (nb - i - 1)) == 0;
}

/* How well heb reads as the word: 1 if it is one of the word's spellings,
 * RV_MATCH_SKELETON if only the consonants agree, RV_MATCH_EDIT if they
 * are one apart, 0 if not at all. */
double
rv_lw_plausible(const rv_lword *w, const char *heb)
{
	char		hs[SKEL_MAX],
				cs[SKEL_MAX];
	int			nh = skeleton(heb, hs);
	int			best = 0;

	for (int i = 0; i < w->ncands; i++)
		if (strcmp(w->cands[i], heb) == 0)
			return 1;
	/* one consonant says too little (יואב, ובא) */
	if (nh < 2)
		return 0;
	for (int i = 0; i < w->ncands && i < 3; i++)
	{
		int			nc = skeleton(w->cands[i], cs);
		int			agree = nc > 0 ? skel_agree(cs, nc, hs, nh) : 0;

		/* the first letters must agree (an edit there is another word),
		 * but for an article the catalogue added or dropped */
		if (agree > best &&
			(first_class(w->cands[i]) == first_class(heb) ||
			 first_class(strip_article(w->cands[i])) == first_class(strip_article(heb))))
			best = agree;
	}
	return best == 2 ? RV_MATCH_SKELETON : best == 1 ? RV_MATCH_EDIT : 0;
}

