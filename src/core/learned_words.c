/*
 * learned_words.c — the two sides of a parallel field, word by word: the
 * romanized words revrit converts (a prefix chain with its base, each part
 * of a compound) with their best spellings, and the runs of Hebrew letters
 * of the counterpart.
 */
#include <string.h>

#include "alloc.h"
#include "learned_words.h"
#include "utf8.h"

static char *
adup(rv_arena *a, const char *s)
{
	size_t		len = strlen(s);
	char	   *d = rv_arena_alloc(a, len + 1);

	if (d)
		memcpy(d, s, len + 1);
	return d;
}

int
rv_lw_collect(const rv_candidate *cand, void *arg)
{
	rv_lcollect    *c = arg;
	rv_lword	   *w;

	if (cand->rank == 1)
	{
		if (c->max && c->n >= c->max)
			return c->toolong = 1;
		if (c->n == c->cap)
		{
			size_t		cap = c->cap ? c->cap * 2 : 32;
			rv_lword	   *nw = rv_realloc(c->w, cap * sizeof(rv_lword));

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
 * When no word of the text is spelled through the lattice (an abbreviation
 * such as mahad., a year), its conversion's Hebrew words stand in, each
 * its own only spelling: enough to recognize the same words.
 */
static rv_status
converted_words(const rv_engine *engine, const char *roman, size_t rlen,
				const rv_options *opt, rv_lcollect *c, char *err)
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
	c->w = nhw > 0 ? rv_alloc(sizeof(rv_lword) * (size_t) nhw) : NULL;
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
rv_status
rv_lw_roman(const rv_engine *engine, const char *roman, size_t rlen,
			const rv_options *options, int or_converted, rv_lcollect *c,
			char *err)
{
	rv_options	opt;
	rv_status	st;

	if (options)
		opt = *options;
	else
		rv_options_init(&opt);
	opt.learned = NULL;			/* with the rules and lexicon alone */
	st = rv_candidates(engine, roman, rlen, ALIGN_K, &opt, rv_lw_collect,
					   c, err);
	if (st == RV_OK && c->oom)
	{
		rv_seterr(err, "out of memory");
		st = RV_ENOMEM;
	}
	if (st == RV_OK && c->toolong)
	{
		rv_seterr(err, "field too long to align (more than %zu words for its Hebrew side)", c->max);
		st = RV_ETOOLONG;
	}
	if (st == RV_OK && c->n == 0 && or_converted)
		st = converted_words(engine, roman, rlen, &opt, c, err);
	return st;
}

/* The Hebrew side: its words, in the arena. */
rv_status
rv_lw_hebrew(const char *hebrew, size_t hlen, rv_arena *arena, char ***hw,
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

