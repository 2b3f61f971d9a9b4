/*
 * score.c — the accuracy metrics of ../shared/eval/score.py, in C: the LCS
 * matching of words, the counts per field, and the report.  The text
 * handling is in score_text.c, the input files in score_files.c.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "score_internal.h"

/* ---- lcs_pairs() ----------------------------------------------------------- */

static int
word_eq(const score_word *x, const score_word *y)
{
	return x->len == y->len && memcmp(x->s, y->s, x->len) == 0;
}

/* Refuse a table the reference would build but we will not. */
static int
check_lcs_size(size_t n, size_t m, char *err)
{
	if (n + 1 > SCORE_MAX_LCS_CELLS / (m + 1))
	{
		snprintf(err, SCORE_ERRLEN,
				 "field too large to align (%zu x %zu words; limit %lu cells)",
				 n, m, SCORE_MAX_LCS_CELLS);
		return -1;
	}
	return 0;
}

int
score_lcs(const score_words *a, const score_words *b, unsigned char *matched,
		  char *err)
{
	size_t		n = a->n,
				m = b->n,
				w = m + 1,
				i,
				j;
	uint32_t   *dp;

	if (m > 0)
		memset(matched, 0, m);
	if (n == 0 || m == 0)
		return 0;
	if (check_lcs_size(n, m, err) < 0)
		return -1;
	dp = calloc((n + 1) * w, sizeof(uint32_t));
	if (dp == NULL)
	{
		score_set_err(err, "out of memory");
		return -1;
	}
	/* dp[i][j] = LCS length of a[i:] and b[j:]. */
	for (i = n; i-- > 0;)
		for (j = m; j-- > 0;)
		{
			uint32_t	down = dp[(i + 1) * w + j],
						right = dp[i * w + j + 1];

			dp[i * w + j] = word_eq(&a->w[i], &b->w[j]) ?
				dp[(i + 1) * w + j + 1] + 1 : (down > right ? down : right);
		}
	/* The walk decides which of several equal-length alignments counts:
	 * take a match greedily, else advance i on a tie, as lcs_pairs does. */
	i = j = 0;
	while (i < n && j < m)
	{
		if (word_eq(&a->w[i], &b->w[j]))
		{
			matched[j] = 1;
			i++;
			j++;
		}
		else if (dp[(i + 1) * w + j] >= dp[i * w + j + 1])
			i++;
		else
			j++;
	}
	free(dp);
	return 0;
}

/* ---- counting -------------------------------------------------------------- */

void
score_init(score_state *st, size_t max_errors)
{
	memset(st, 0, sizeof(*st));
	st->max_errors = max_errors;
}

void
score_free(score_state *st)
{
	size_t		i;

	for (i = 0; i < st->nfields; i++)
		free(st->fields[i].name);
	for (i = 0; i < st->nerrors; i++)
	{
		free(st->errors[i].roman);
		free(st->errors[i].gold);
		free(st->errors[i].pred);
	}
	free(st->fields);
	free(st->errors);
	memset(st, 0, sizeof(*st));
}

/* Python's str ordering; memcmp of UTF-8 keeps code point order. */
static int
str_cmp(const char *x, size_t xl, const char *y, size_t yl)
{
	int			r = memcmp(x, y, xl < yl ? xl : yl);

	if (r != 0)
		return r;
	return (xl > yl) - (xl < yl);
}

char *
score_dup_bytes(const char *s, size_t len)
{
	char	   *p = malloc(len + 1);

	if (p)
	{
		memcpy(p, s, len);
		p[len] = '\0';
	}
	return p;
}

/* fld[field]: the counters of a field name, created on first use and kept
 * sorted so the report comes out in sorted(fld) order. */
static score_counts *
field_counts(score_state *st, const char *name, size_t len)
{
	size_t		lo = 0,
				hi = st->nfields;
	score_field *f;

	while (lo < hi)
	{
		size_t		mid = lo + (hi - lo) / 2;
		int			r = str_cmp(st->fields[mid].name, st->fields[mid].len,
								name, len);

		if (r == 0)
			return &st->fields[mid].c;
		if (r < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	if (st->nfields == st->cap_fields)
	{
		size_t		cap = st->cap_fields ? st->cap_fields * 2 : 16;
		score_field *nf = realloc(st->fields, cap * sizeof(score_field));

		if (nf == NULL)
			return NULL;
		st->fields = nf;
		st->cap_fields = cap;
	}
	f = &st->fields[lo];
	memmove(f + 1, f, (st->nfields - lo) * sizeof(score_field));
	memset(f, 0, sizeof(*f));
	f->name = score_dup_bytes(name, len);
	if (f->name == NULL)
	{
		memmove(f, f + 1, (st->nfields - lo) * sizeof(score_field));
		return NULL;
	}
	f->len = len;
	st->nfields++;
	return &f->c;
}

/* errs.append((p[2], gold, pred)), for as many as will be printed. */
static int
keep_error(score_state *st, const score_pair *pair, const char *pred,
		   size_t pred_len)
{
	score_error *e;

	if (st->nerrors >= st->max_errors)
		return 0;
	/* Grow on demand: --errors may be far larger than the file. */
	if (st->nerrors == st->cap_errors)
	{
		size_t		cap = st->cap_errors ? st->cap_errors * 2 : 16;
		score_error *ne = realloc(st->errors, cap * sizeof(score_error));

		if (ne == NULL)
			return -1;
		st->errors = ne;
		st->cap_errors = cap;
	}
	e = &st->errors[st->nerrors];
	e->roman = score_dup_bytes(pair->roman.s, pair->roman.len);
	e->gold = score_dup_bytes(pair->gold.s, pair->gold.len);
	e->pred = score_dup_bytes(pred, pred_len);
	e->roman_len = pair->roman.len;
	e->gold_len = pair->gold.len;
	e->pred_len = pred_len;
	st->nerrors++;				/* counted even if partial, so freed */
	return (e->roman && e->gold && e->pred) ? 0 : -1;
}

static int
same_words(const score_words *g, const score_words *h)
{
	size_t		i;

	if (g->n != h->n)
		return 0;
	for (i = 0; i < g->n; i++)
		if (!word_eq(&g->w[i], &h->w[i]))
			return 0;
	return 1;
}

static void
count_into(score_counts *c, const score_words *g, const unsigned char *m,
		   int exact)
{
	size_t		j;

	c->fields++;
	c->gold_words += (long) g->n;
	for (j = 0; j < g->n; j++)
	{
		c->matched += m[j];
		c->heb_words += g->w[j].heb;
		c->heb_matched += m[j] && g->w[j].heb;
	}
	c->exact += exact;
}

int
score_add(score_state *st, const score_pair *pair, const char *pred,
		  size_t pred_len, char *err)
{
	score_words g,
				h;
	unsigned char *m = NULL;
	score_counts *fc;
	int			exact,
				rc = -1;

	if (score_words_get(pair->gold.s, pair->gold.len, &g, err) < 0)
		return -1;
	if (score_words_get(pred, pred_len, &h, err) < 0)
		goto out_g;
	m = malloc(g.n + 1);
	if (m == NULL)
	{
		score_set_err(err, "out of memory");
		goto out;
	}
	if (score_lcs(&h, &g, m, err) < 0)
		goto out;
	fc = field_counts(st, pair->field.s, pair->field.len);
	if (fc == NULL)
	{
		score_set_err(err, "out of memory");
		goto out;
	}
	exact = same_words(&g, &h);
	count_into(&st->total, &g, m, exact);
	count_into(fc, &g, m, exact);
	if (st->max_errors && !exact && keep_error(st, pair, pred, pred_len) < 0)
	{
		score_set_err(err, "out of memory");
		goto out;
	}
	rc = 0;
out:
	free(m);
	score_words_free(&h);
out_g:
	score_words_free(&g);
	return rc;
}

/* ---- reporting ------------------------------------------------------------- */

static double
ratio(long num, long den)
{
	return (double) num / (double) (den > 1 ? den : 1);
}

void
score_print_line(FILE *out, const char *name, size_t len,
				 const score_counts *c)
{
	size_t		chars = score_utf8_count(name, len);

	fwrite(name, 1, len, out);
	for (; chars < SCORE_NAME_WIDTH; chars++)
		fputc(' ', out);
	fprintf(out, " fields=%4ld heb_word_acc=%.3f word_acc=%.3f exact=%.3f\n",
			c->fields, ratio(c->heb_matched, c->heb_words),
			ratio(c->matched, c->gold_words), ratio(c->exact, c->fields));
}

static void
print_error(FILE *out, const score_error *e)
{
	fputs("ROM  ", out);
	fwrite(e->roman, 1, e->roman_len, out);
	fputs("\nGOLD ", out);
	fwrite(e->gold, 1, e->gold_len, out);
	fputs("\nPRED ", out);
	fwrite(e->pred, 1, e->pred_len, out);
	fputs("\n\n", out);
}

void
score_report(FILE *out, const score_state *st, int by_field)
{
	size_t		i;

	if (by_field)
		for (i = 0; i < st->nfields; i++)
			score_print_line(out, st->fields[i].name, st->fields[i].len,
							 &st->fields[i].c);
	for (i = 0; i < st->nerrors; i++)
		print_error(out, &st->errors[i]);
	score_print_line(out, "all", 3, &st->total);
}
