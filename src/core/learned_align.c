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
/* A Hebrew word whose consonants agree but that is not among the spellings
 * counts this much of a pair. */
#define RV_MATCH_SKELETON 0.75
/* ... and this much if they are one consonant apart. */
#define RV_MATCH_EDIT	0.5

typedef struct word
{
	char	   *roman;
	char	   *cands[ALIGN_K];
	double		scores[ALIGN_K];
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
	if (w->ncands < ALIGN_K)
	{
		w->scores[w->ncands] = cand->score;
		if ((w->cands[w->ncands++] = adup(c->arena, cand->hebrew)) == NULL)
			return c->oom = 1;
	}
	return 0;
}

/* The title with word `swap` spelled its second way (-1: none). */
static rv_status
spell_title(const word *w, size_t n, long swap, rv_pair_fn fn, void *arg,
			int *stop, char *err)
{
	rv_buf		b;

	rv_buf_init(&b);
	for (size_t i = 0; i < n; i++)
	{
		const char *s = w[i].cands[(long) i == swap ? 1 : 0];

		if (i > 0)
			rv_buf_putc(&b, ' ');
		rv_buf_append(&b, s, strlen(s));
	}
	rv_buf_putc(&b, '\0');
	if (b.failed)
	{
		rv_buf_free(&b);
		rv_seterr(err, "out of memory");
		return RV_ENOMEM;
	}
	*stop = fn(b.data, "", 1, arg);
	rv_buf_free(&b);
	return RV_OK;
}

/*
 * Up to max whole-title spellings: every word's best, then the titles with
 * one word spelled its second way, the closest calls first.
 */
static rv_status
spell_titles(const word *w, size_t n, int max, rv_pair_fn fn, void *arg,
			 char *err)
{
	int			stop = 0;
	long		used[64];
	int			nused = 0;
	rv_status	st;

	if (n == 0 || max < 1)
		return RV_OK;
	st = spell_title(w, n, -1, fn, arg, &stop, err);
	while (st == RV_OK && !stop && nused < max - 1 && nused < 64)
	{
		long		best = -1;
		double		gap = 0;

		for (size_t i = 0; i < n; i++)
		{
			int			taken = 0;

			for (int k = 0; k < nused; k++)
				taken |= used[k] == (long) i;
			if (!taken && w[i].ncands > 1 &&
				(best < 0 || w[i].scores[1] - w[i].scores[0] < gap))
			{
				best = (long) i;
				gap = w[i].scores[1] - w[i].scores[0];
			}
		}
		if (best < 0)
			break;
		used[nused++] = best;
		st = spell_title(w, n, best, fn, arg, &stop, err);
	}
	return st;
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
static double
plausible(const word *w, const char *heb)
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
			if (!(cps[k] >= 0x0591 && cps[k] <= 0x05C7))	/* points */
				rv_buf_put_cp(&b, cps[k] == '\'' ? 0x05F3 :
							  cps[k] == '"' ? 0x05F4 : cps[k]);
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

/*
 * The best monotone alignment of rw and hw under "plausible" (a weighted
 * longest common subsequence); reports its pairs in order to fn (may be
 * NULL) and its total weight in *total.
 */
static rv_status
align_pairs(const word *rw, size_t nr, char **hw, size_t nh, rv_pair_fn fn,
			void *arg, double *total, char *err)
{
	size_t		cols = nh + 1;
	float	   *dp;
	size_t		i = 0,
				j = 0;

	*total = 0;
	if (nr == 0 || nh == 0)
		return RV_OK;
	if ((nr + 1) * cols > ALIGN_MAX_CELLS)
	{
		rv_seterr(err, "field too long to align (%zu x %zu words)", nr, nh);
		return RV_ETOOLONG;
	}
	dp = rv_alloc0((nr + 1) * cols * sizeof(float));
	if (dp == NULL)
	{
		rv_seterr(err, "out of memory");
		return RV_ENOMEM;
	}
	/* dp[a][b]: the best weight of rw[a..] against hw[b..] */
	for (size_t a = nr; a-- > 0;)
		for (size_t b = nh; b-- > 0;)
		{
			float		w = (float) plausible(&rw[a], hw[b]);
			float		m = w > 0 ? dp[(a + 1) * cols + b + 1] + w : 0;
			float		s1 = dp[(a + 1) * cols + b];
			float		s2 = dp[a * cols + b + 1];

			dp[a * cols + b] = m > s1 ? (m > s2 ? m : s2) : (s1 > s2 ? s1 : s2);
		}
	*total = dp[0];
	while (fn && i < nr && j < nh)
	{
		float		w = (float) plausible(&rw[i], hw[j]);

		if (w > 0 && dp[i * cols + j] == dp[(i + 1) * cols + j + 1] + w)
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

/*
 * When no word of the text is spelled through the lattice (an abbreviation
 * such as mahad., a year), its conversion's Hebrew words stand in, each
 * its own only spelling: enough to recognize the same words.
 */
static rv_status
converted_words(const rv_engine *engine, const char *roman, size_t rlen,
				const rv_options *opt, collect *c, char *err)
{
	char	   *out = NULL;
	size_t		outlen = 0;
	uint32_t   *cps = NULL;
	size_t		n;
	char	  **hw;
	long		nhw;
	rv_status	st = rv_convert(engine, roman, rlen, opt, &out, &outlen, err);

	if (st == RV_OK)
		st = rv_decode_nfc(out, outlen, &cps, &n, err);
	rv_free(out);
	if (st != RV_OK)
		return st;
	nhw = hebrew_words(cps, n, c->arena, &hw);
	rv_free(cps);
	c->w = nhw > 0 ? rv_alloc(sizeof(word) * (size_t) nhw) : NULL;
	if (nhw < 0 || (nhw > 0 && c->w == NULL))
	{
		rv_seterr(err, "out of memory");
		return RV_ENOMEM;
	}
	for (long i = 0; i < nhw; i++)
	{
		c->w[i].roman = hw[i];
		c->w[i].cands[0] = hw[i];
		c->w[i].scores[0] = 0;
		c->w[i].ncands = 1;
	}
	c->n = c->cap = (size_t) nhw;
	return RV_OK;
}

/* The romanized side: its words and their spellings; with or_converted,
 * the words of its conversion when the lattice spelled none. */
static rv_status
roman_words(const rv_engine *engine, const char *roman, size_t rlen,
			const rv_options *options, int or_converted, collect *c,
			char *err)
{
	rv_options	opt;
	rv_status	st;

	if (options)
		opt = *options;
	else
		rv_options_init(&opt);
	opt.learned = NULL;			/* with the rules and lexicon alone */
	st = rv_candidates(engine, roman, rlen, ALIGN_K, &opt, collect_candidate,
					   c, err);
	if (st == RV_OK && c->oom)
	{
		rv_seterr(err, "out of memory");
		st = RV_ENOMEM;
	}
	if (st == RV_OK && c->n == 0 && or_converted)
		st = converted_words(engine, roman, rlen, &opt, c, err);
	return st;
}

/* The Hebrew side: its words, in the arena. */
static rv_status
hebrew_side(const char *hebrew, size_t hlen, rv_arena *arena, char ***hw,
			long *nhw, char *err)
{
	uint32_t   *hcps = NULL;
	size_t		hn;
	rv_status	st = rv_decode_nfc(hebrew, hlen, &hcps, &hn, err);

	if (st != RV_OK)
		return st;
	*nhw = hebrew_words(hcps, hn, arena, hw);
	rv_free(hcps);
	if (*nhw < 0)
	{
		rv_seterr(err, "out of memory");
		return RV_ENOMEM;
	}
	return RV_OK;
}

rv_status
rv_learned_align(const rv_engine *engine, const char *roman, size_t rlen,
				 const char *hebrew, size_t hlen, const rv_options *options,
				 rv_pair_fn fn, void *arg, char *err)
{
	rv_arena	arena;
	collect		c;
	char	  **hw = NULL;
	long		nhw = 0;
	double		total;
	rv_status	st;

	rv_arena_init(&arena);
	memset(&c, 0, sizeof(c));
	c.arena = &arena;
	st = roman_words(engine, roman, rlen, options, 0, &c, err);
	if (st == RV_OK)
		st = hebrew_side(hebrew, hlen, &arena, &hw, &nhw, err);
	if (st == RV_OK)
		st = align_pairs(c.w, c.n, hw, (size_t) nhw, fn, arg, &total, err);
	rv_free(c.w);
	rv_arena_free(&arena);
	return st;
}

rv_status
rv_learned_match(const rv_engine *engine, const char *roman, size_t rlen,
				 const char *const *hebrew, const size_t *hlen, int n,
				 const rv_options *options, double *scores, char *err)
{
	rv_arena	arena;
	collect		c;
	rv_status	st;

	rv_arena_init(&arena);
	memset(&c, 0, sizeof(c));
	c.arena = &arena;
	st = roman_words(engine, roman, rlen, options, 1, &c, err);
	for (int i = 0; st == RV_OK && i < n; i++)
	{
		char	  **hw = NULL;
		long		nhw = 0;
		double		total = 0;
		size_t		most;

		st = hebrew_side(hebrew[i], hlen[i], &arena, &hw, &nhw, err);
		if (st == RV_OK)
			st = align_pairs(c.w, c.n, hw, (size_t) nhw, NULL, NULL, &total, err);
		most = c.n > (size_t) nhw ? c.n : (size_t) nhw;
		scores[i] = most ? total / (double) most : 0;
	}
	rv_free(c.w);
	rv_arena_free(&arena);
	return st;
}

rv_status
rv_learned_titles(const rv_engine *engine, const char *roman, size_t rlen,
				  const rv_options *options, int max, rv_pair_fn fn,
				  void *arg, char *err)
{
	rv_arena	arena;
	collect		c;
	rv_status	st;

	rv_arena_init(&arena);
	memset(&c, 0, sizeof(c));
	c.arena = &arena;
	st = roman_words(engine, roman, rlen, options, 1, &c, err);
	if (st == RV_OK)
		st = spell_titles(c.w, c.n, max, fn, arg, err);
	rv_free(c.w);
	rv_arena_free(&arena);
	return st;
}
