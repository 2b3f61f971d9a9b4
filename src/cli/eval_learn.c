/*
 * eval_learn.c — "revrit eval PAIRS.tsv --learn-folds K": the accuracy of
 * the learned layer on a user's own pairs, by k-fold cross-validation.
 *
 * Every pair is aligned once (rv_learned_align); for each fold an
 * in-memory map is learned from the pairs of the other folds and the
 * fold's pairs are converted with it.  A pair's fold is a hash of its
 * romanized text (rv_learned_fold), so a record listed twice cannot teach
 * itself.  K = 1 learns from every pair and converts the same pairs: how
 * well learning reproduces what it was taught.  The same folds and metrics
 * are what revrit_evaluate() reports inside PostgreSQL.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "eval_learn.h"

/* The word pairs one record teaches. */
typedef struct taught
{
	char	  **roman;
	char	  **hebrew;
	size_t		n,
				cap;
	int			oom;
} taught;

static int
keep_pair(const char *roman, const char *hebrew, long count, void *arg)
{
	taught	   *t = arg;

	(void) count;
	if (t->n == t->cap)
	{
		size_t		cap = t->cap ? t->cap * 2 : 8;
		char	  **r = realloc(t->roman, cap * sizeof(char *));
		char	  **h = r ? realloc(t->hebrew, cap * sizeof(char *)) : NULL;

		if (r)
			t->roman = r;
		if (h == NULL)
			return t->oom = 1;
		t->hebrew = h;
		t->cap = cap;
	}
	t->roman[t->n] = strdup(roman);
	t->hebrew[t->n] = strdup(hebrew);
	if (t->roman[t->n] == NULL || t->hebrew[t->n] == NULL)
		return t->oom = 1;
	t->n++;
	return 0;
}

static void
taught_free(taught *t, size_t n)
{
	for (size_t i = 0; i < n; i++)
	{
		for (size_t j = 0; j < t[i].n; j++)
		{
			free(t[i].roman[j]);
			free(t[i].hebrew[j]);
		}
		free(t[i].roman);
		free(t[i].hebrew);
	}
	free(t);
}

/* Is the two bytes at s a Hebrew letter (U+05D0..U+05EA)? */
static int
heb_letter_at(const char *s)
{
	return (unsigned char) s[0] == 0xD7 &&
		(unsigned char) s[1] >= 0x90 && (unsigned char) s[1] <= 0xAA;
}

/* Does pred hold the word w, not as part of a longer Hebrew word? */
static int
has_word(const char *pred, const char *w)
{
	size_t		len = strlen(w);

	for (const char *p = strstr(pred, w); p; p = strstr(p + 1, w))
		if ((p - pred < 2 || !heb_letter_at(p - 2)) && !heb_letter_at(p + len))
			return 1;
	return 0;
}

/* Taught words found in the output, for the resubstitution check. */
static long reproduced,
			taught_total;

/* Convert one pair with these options and score it; t (may be NULL) are
 * the words it taught, counted when found in the output. */
static int
score_one(const cli_engine *ce, const rv_options *opt, const score_pair *p,
		  score_state *st, const taught *t)
{
	char		rverr[RV_ERRLEN] = "";
	char		err[SCORE_ERRLEN];
	char	   *pred = NULL;
	size_t		plen = 0;
	rv_status	s = rv_convert(ce->engine, p->roman.s, p->roman.len, opt,
							   &pred, &plen, rverr);

	if (s != RV_OK)
	{
		fprintf(stderr, "revrit eval: line %ld: %s: %s\n", p->lineno,
				rv_status_text(s), rverr);
		return 1;
	}
	for (size_t i = 0; i < plen; i++)
		if (pred[i] == '\n' || pred[i] == '\r')
			pred[i] = ' ';
	for (size_t j = 0; t && j < t->n; j++)
	{
		taught_total++;
		reproduced += has_word(pred, t->hebrew[j]);
	}
	if (score_add(st, p, pred, plen, err) < 0)
	{
		fprintf(stderr, "revrit eval: line %ld: %s\n", p->lineno, err);
		rv_free(pred);
		return 1;
	}
	rv_free(pred);
	return 0;
}

/* The map learned from every record outside fold f (all when folds = 1). */
static rv_learned *
learn_fold(const score_pairs *pairs, const taught *t, unsigned folds,
		   const unsigned *fold, unsigned f)
{
	rv_learned *m;
	char		err[RV_ERRLEN];

	if (rv_learned_new(&m, err) != RV_OK)
		return NULL;
	for (size_t i = 0; i < pairs->n; i++)
	{
		if (folds > 1 && fold[i] == f)
			continue;
		for (size_t j = 0; j < t[i].n; j++)
			if (rv_learned_add(m, t[i].roman[j], strlen(t[i].roman[j]),
							   t[i].hebrew[j], strlen(t[i].hebrew[j]), 1,
							   err) != RV_OK)
			{
				rv_learned_free(m);
				return NULL;
			}
	}
	return m;
}

static int
run_folds(const cli_engine *ce, const score_pairs *pairs, const taught *t,
		  unsigned folds, const unsigned *fold, score_state *with)
{
	for (unsigned f = 0; f < folds; f++)
	{
		rv_options	opt = ce->options;
		rv_learned *m = learn_fold(pairs, t, folds, fold, f);
		int			rc = 0;

		if (m == NULL)
		{
			fputs("revrit eval: out of memory\n", stderr);
			return 1;
		}
		opt.learned = m;
		for (size_t i = 0; i < pairs->n && rc == 0; i++)
			if (folds == 1 || fold[i] == f)
				rc = score_one(ce, &opt, &pairs->p[i], with,
							   folds == 1 ? &t[i] : NULL);
		rv_learned_free(m);
		if (rc)
			return rc;
	}
	return 0;
}

int
eval_learn_folds(const cli_engine *ce, const score_pairs *pairs,
				 unsigned folds, int by_field)
{
	taught	   *t = calloc(pairs->n + 1, sizeof(taught));
	unsigned   *fold = calloc(pairs->n + 1, sizeof(unsigned));
	score_state without,
				with;
	int			rc = 0;

	if (t == NULL || fold == NULL)
	{
		free(t);
		free(fold);
		fputs("revrit eval: out of memory\n", stderr);
		return 1;
	}
	score_init(&without, 0);
	score_init(&with, 0);
	for (size_t i = 0; i < pairs->n && rc == 0; i++)
	{
		const score_pair *p = &pairs->p[i];
		char		err[RV_ERRLEN] = "";
		rv_status	s = rv_learned_align(ce->engine, p->roman.s, p->roman.len,
										 p->gold.s, p->gold.len, &ce->options,
										 keep_pair, &t[i], err);

		fold[i] = rv_learned_fold(p->roman.s, p->roman.len, folds);
		if (s != RV_OK || t[i].oom)
		{
			fprintf(stderr, "revrit eval: line %ld: %s\n", p->lineno,
					s != RV_OK ? err : "out of memory");
			rc = 1;
		}
		else
			rc = score_one(ce, &ce->options, p, &without, NULL);
	}
	if (rc == 0)
		rc = run_folds(ce, pairs, t, folds, fold, &with);
	if (rc == 0)
	{
		printf("without learning\n");
		score_report(stdout, &without, by_field);
		if (folds == 1)
			printf("with learning, learned from every pair and tested on the same\n");
		else
			printf("with learning, %u folds\n", folds);
		score_report(stdout, &with, by_field);
		if (folds == 1)
			printf("learned words reproduced: %ld of %ld (%.3f)\n", reproduced,
				   taught_total, taught_total ? (double) reproduced / taught_total : 0.0);
	}
	score_free(&without);
	score_free(&with);
	taught_free(t, pairs->n);
	free(fold);
	return rc;
}
