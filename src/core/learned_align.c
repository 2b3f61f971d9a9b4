/*
 * learned_align.c — align a romanized field with its Hebrew counterpart
 * word by word, for the learned layer.
 *
 * The romanized side is cut into the words revrit converts (a prefix chain
 * with its base, each part of a compound), each with its best spellings;
 * the Hebrew side into runs of Hebrew letters.  A monotone alignment (a
 * longest common subsequence under "is a plausible reading") pairs them:
 * a pair is plausible when the Hebrew word is among the word's spellings or
 * its consonant skeleton agrees with theirs, so a translation, an added
 * article or a Hebrew year for a Gregorian one never pairs up.
 */
#include <string.h>

#include "alloc.h"
#include "buf.h"
#include "learned.h"
#include "utf8.h"

/* Spellings of each word compared with the Hebrew. */
#define ALIGN_K			10
/* Largest alignment table (words × words) one field may need. */
#define ALIGN_MAX_CELLS	(1u << 20)
#define SKEL_MAX		64

typedef struct word
{
	char	   *roman;
	char	   *cands[ALIGN_K];
	int			ncands;
} word;

typedef struct collect
{
	rv_arena   *arena;
	word	   *w;
	size_t		n,
				cap;
	int			oom;
} collect;

static char *
adup(rv_arena *a, const char *s)
{
	size_t		len = strlen(s);
	char	   *d = rv_arena_alloc(a, len + 1);

	if (d)
		memcpy(d, s, len + 1);
	return d;
}

static int
collect_candidate(const rv_candidate *cand, void *arg)
{
	collect    *c = arg;
	word	   *w;

	if (cand->rank == 1)
	{
		if (c->n == c->cap)
		{
			size_t		cap = c->cap ? c->cap * 2 : 32;
			word	   *nw = rv_realloc(c->w, cap * sizeof(word));

			if (nw == NULL)
				return c->oom = 1;
			c->w = nw;
			c->cap = cap;
		}
		w = &c->w[c->n++];
		w->ncands = 0;
		if ((w->roman = adup(c->arena, cand->roman)) == NULL)
			return c->oom = 1;
	}
	w = &c->w[c->n - 1];
	if (w->ncands < ALIGN_K &&
		(w->cands[w->ncands++] = adup(c->arena, cand->hebrew)) == NULL)
		return c->oom = 1;
	return 0;
}

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

/* Skeletons agree: equal, or one edit apart when both have three or more. */
static int
skel_agree(const char *a, int na, const char *b, int nb)
{
	int			i = 0;

	if (na == 0 || nb == 0)
		return 0;
	if (na == nb && memcmp(a, b, (size_t) na) == 0)
		return 1;
	if (na < 3 || nb < 3 || na - nb > 1 || nb - na > 1)
		return 0;
	while (i < na && i < nb && a[i] == b[i])
		i++;
	if (na == nb)
		return memcmp(a + i + 1, b + i + 1, (size_t) (na - i - 1)) == 0;
	if (na > nb)
		return memcmp(a + i + 1, b + i, (size_t) (na - i - 1)) == 0;
	return memcmp(a + i, b + i + 1, (size_t) (nb - i - 1)) == 0;
}

static int
plausible(const word *w, const char *heb)
{
	char		hs[SKEL_MAX],
				cs[SKEL_MAX];
	int			nh = skeleton(heb, hs);

	for (int i = 0; i < w->ncands; i++)
		if (strcmp(w->cands[i], heb) == 0)
			return 1;
	for (int i = 0; i < w->ncands && i < 3; i++)
		if (skel_agree(cs, skeleton(w->cands[i], cs), hs, nh))
			return 1;
	return 0;
}

static int
is_heb_letter(uint32_t cp)
{
	return cp >= 0x05D0 && cp <= 0x05EA;
}

/* Geresh, gershayim and their ASCII forms inside a word (תש"ח, מהד'). */
static int
is_heb_mark(uint32_t cp)
{
	return cp == 0x05F3 || cp == 0x05F4 || cp == '\'' || cp == '"';
}

/* The Hebrew words of the counterpart: runs of letters with inner marks;
 * points are dropped.  Returns the count, -1 if out of memory. */
static long
hebrew_words(const uint32_t *cps, size_t n, rv_arena *a, char ***out)
{
	char	  **w = rv_arena_alloc(a, (n / 2 + 1) * sizeof(char *));
	long		nw = 0;
	size_t		i = 0;

	if (w == NULL)
		return -1;
	while (i < n)
	{
		size_t		s,
					e;
		rv_buf		b;

		while (i < n && !is_heb_letter(cps[i]))
			i++;
		s = i;
		while (i < n && (is_heb_letter(cps[i]) || (cps[i] >= 0x0591 && cps[i] <= 0x05C7 && cps[i] != 0x05BE) ||
						 (is_heb_mark(cps[i]) && i + 1 < n && is_heb_letter(cps[i + 1]))))
			i++;
		e = i;
		if (e < n && (cps[e] == 0x05F3 || cps[e] == '\''))
			e++;				/* מהד' : the abbreviation's geresh */
		if (e == s)
			break;
		rv_buf_init(&b);
		for (size_t k = s; k < e; k++)
			if (!(cps[k] >= 0x0591 && cps[k] <= 0x05C7))
				rv_buf_put_cp(&b, cps[k]);
		w[nw] = b.failed ? NULL : rv_arena_alloc(a, b.len + 1);
		if (w[nw] == NULL)
		{
			rv_buf_free(&b);
			return -1;
		}
		memcpy(w[nw], b.data, b.len);
		w[nw++][b.len] = '\0';
		rv_buf_free(&b);
	}
	*out = w;
	return nw;
}

/* LCS over "plausible", then the matched pairs in order. */
static rv_status
align_pairs(const word *rw, size_t nr, char **hw, size_t nh, rv_pair_fn fn,
			void *arg, char *err)
{
	size_t		cols = nh + 1;
	uint16_t   *dp;
	size_t		i = 0,
				j = 0;

	if (nr == 0 || nh == 0)
		return RV_OK;
	if ((nr + 1) * cols > ALIGN_MAX_CELLS || nr >= 65535 || nh >= 65535)
	{
		rv_seterr(err, "field too long to align (%zu x %zu words)", nr, nh);
		return RV_ETOOLONG;
	}
	dp = rv_alloc0((nr + 1) * cols * sizeof(uint16_t));
	if (dp == NULL)
	{
		rv_seterr(err, "out of memory");
		return RV_ENOMEM;
	}
	/* dp[i][j]: most plausible pairs of rw[i..] and hw[j..] */
	for (size_t a = nr; a-- > 0;)
		for (size_t b = nh; b-- > 0;)
		{
			uint16_t	m = dp[(a + 1) * cols + b + 1] + (plausible(&rw[a], hw[b]) ? 1 : 0);
			uint16_t	s1 = dp[(a + 1) * cols + b];
			uint16_t	s2 = dp[a * cols + b + 1];

			if (m == dp[(a + 1) * cols + b + 1])
				m = 0;			/* not a pair */
			dp[a * cols + b] = m > s1 ? (m > s2 ? m : s2) : (s1 > s2 ? s1 : s2);
		}
	while (i < nr && j < nh)
	{
		if (dp[i * cols + j] > dp[(i + 1) * cols + j + 1] &&
			dp[i * cols + j] == dp[(i + 1) * cols + j + 1] + 1 &&
			plausible(&rw[i], hw[j]))
		{
			if (fn(rw[i].roman, hw[j], 1, arg))
				break;
			i++, j++;
		}
		else if (dp[(i + 1) * cols + j] >= dp[i * cols + j + 1])
			i++;
		else
			j++;
	}
	rv_free(dp);
	return RV_OK;
}

rv_status
rv_learned_align(const rv_engine *engine, const char *roman, size_t rlen,
				 const char *hebrew, size_t hlen, const rv_options *options,
				 rv_pair_fn fn, void *arg, char *err)
{
	rv_options	opt;
	rv_arena	arena;
	collect		c;
	uint32_t   *hcps = NULL;
	size_t		hn;
	char	  **hw = NULL;
	long		nhw = 0;
	rv_status	st;

	if (options)
		opt = *options;
	else
		rv_options_init(&opt);
	opt.learned = NULL;			/* align with the rules and lexicon alone */
	rv_arena_init(&arena);
	memset(&c, 0, sizeof(c));
	c.arena = &arena;
	st = rv_candidates(engine, roman, rlen, ALIGN_K, &opt, collect_candidate,
					   &c, err);
	if (st == RV_OK && c.oom)
		st = RV_ENOMEM;
	if (st == RV_OK)
		st = rv_decode_nfc(hebrew, hlen, &hcps, &hn, err);
	if (st == RV_OK && (nhw = hebrew_words(hcps, hn, &arena, &hw)) < 0)
		st = RV_ENOMEM;
	if (st == RV_ENOMEM)
		rv_seterr(err, "out of memory");
	if (st == RV_OK)
		st = align_pairs(c.w, c.n, hw, (size_t) nhw, fn, arg, err);
	rv_free(hcps);
	rv_free(c.w);
	rv_arena_free(&arena);
	return st;
}
