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
#include "learned_words.h"
#include "utf8.h"

/* The title with word `swap` spelled its second way (-1: none). */
static rv_status
spell_title(const rv_lword *w, size_t n, long swap, rv_pair_fn fn, void *arg,
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
spell_titles(const rv_lword *w, size_t n, int max, rv_pair_fn fn, void *arg,
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

/*
 * The best monotone alignment of rw and hw under "plausible" (a weighted
 * longest common subsequence); reports its pairs in order to fn (may be
 * NULL) and its total weight in *total.
 */
static rv_status
align_pairs(const rv_lword *rw, size_t nr, char **hw, size_t nh, rv_pair_fn fn,
			void *arg, double *total, char *err)
{
	size_t		cols = nh + 1;
	float	   *dp;
	size_t		i = 0,
				j = 0;

	*total = 0;
	if (nr == 0 || nh == 0)
		return RV_OK;
	if ((nr + 1) * cols > RV_MAX_ALIGN_CELLS)
	{
		rv_seterr(err, "field too long to align (%zu x %zu words, more than %u word pairs)",
				  nr, nh, RV_MAX_ALIGN_CELLS);
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
			float		w = (float) rv_lw_plausible(&rw[a], hw[b]);
			float		m = w > 0 ? dp[(a + 1) * cols + b + 1] + w : 0;
			float		s1 = dp[(a + 1) * cols + b];
			float		s2 = dp[a * cols + b + 1];

			dp[a * cols + b] = m > s1 ? (m > s2 ? m : s2) : (s1 > s2 ? s1 : s2);
		}
	*total = dp[0];
	while (fn && i < nr && j < nh)
	{
		float		w = (float) rv_lw_plausible(&rw[i], hw[j]);

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

/* The romanized words a call collects, in a scratch arena of its own. */
static void
collect_begin(rv_arena *arena, rv_lcollect *c)
{
	rv_arena_init(arena);
	memset(c, 0, sizeof(*c));
	c->arena = arena;
}

static void
collect_end(rv_arena *arena, rv_lcollect *c)
{
	rv_free(c->w);
	rv_arena_free(arena);
}

rv_status
rv_learned_align(const rv_engine *engine, const char *roman, size_t rlen,
				 const char *hebrew, size_t hlen, const rv_options *options,
				 rv_pair_fn fn, void *arg, char *err)
{
	rv_arena	arena;
	rv_lcollect c;
	char	  **hw = NULL;
	long		nhw = 0;
	double		total;
	rv_status	st;

	collect_begin(&arena, &c);
	/* the Hebrew side first: it bounds the words worth converting, so an
	 * over-long field fails before its costly conversion, not after */
	st = rv_lw_hebrew(hebrew, hlen, &arena, &hw, &nhw, err);
	if (st == RV_OK && nhw > 0)
	{
		c.max = RV_MAX_ALIGN_CELLS / ((size_t) nhw + 1);
		c.max = c.max > 1 ? c.max - 1 : 1;
		st = rv_lw_roman(engine, roman, rlen, options, 0, &c, err);
	}
	if (st == RV_OK)
		st = align_pairs(c.w, c.n, hw, (size_t) nhw, fn, arg, &total, err);
	collect_end(&arena, &c);
	return st;
}

rv_status
rv_learned_match(const rv_engine *engine, const char *roman, size_t rlen,
				 const char *const *hebrew, const size_t *hlen, int n,
				 const rv_options *options, double *scores, char *err)
{
	rv_arena	arena;
	rv_lcollect c;
	rv_status	st;

	collect_begin(&arena, &c);
	st = rv_lw_roman(engine, roman, rlen, options, 1, &c, err);
	for (int i = 0; st == RV_OK && i < n; i++)
	{
		char	  **hw = NULL;
		long		nhw = 0;
		double		total = 0;
		size_t		most;

		st = rv_lw_hebrew(hebrew[i], hlen[i], &arena, &hw, &nhw, err);
		if (st == RV_OK)
			st = align_pairs(c.w, c.n, hw, (size_t) nhw, NULL, NULL, &total, err);
		most = c.n > (size_t) nhw ? c.n : (size_t) nhw;
		scores[i] = most ? total / (double) most : 0;
	}
	collect_end(&arena, &c);
	return st;
}

rv_status
rv_learned_titles(const rv_engine *engine, const char *roman, size_t rlen,
				  const rv_options *options, int max, rv_pair_fn fn,
				  void *arg, char *err)
{
	rv_arena	arena;
	rv_lcollect c;
	rv_status	st;

	collect_begin(&arena, &c);
	st = rv_lw_roman(engine, roman, rlen, options, 1, &c, err);
	if (st == RV_OK)
		st = spell_titles(c.w, c.n, max, fn, arg, err);
	collect_end(&arena, &c);
	return st;
}
