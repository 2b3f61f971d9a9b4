/*
 * convert_render.c — writing the result: Hebrew symbols and untouched input
 * into the output, and each spelled word (with its alternatives) to
 * rv_candidates' callback and rv_analyze's report.
 */
#include <string.h>

#include "alloc.h"
#include "convert.h"
#include "hebrew.h"
#include "points.h"
#include "report.h"
#include "utf8.h"

void
conv_put_sym(conv *c, rv_buf *b, int sym)
{
	int			ascii = c->opt->marks == RV_MARKS_ASCII;

	if (sym < 27)
		rv_buf_put_cp(b, RV_CP_ALEF + (uint32_t) sym);
	else if (sym == RV_SYM_GERESH)
		rv_buf_put_cp(b, ascii ? '\'' : RV_CP_GERESH);
	else if (sym == RV_SYM_GERSHAYIM)
		rv_buf_put_cp(b, ascii ? '"' : RV_CP_GERSHAYIM);
}

static void
put_sign(rv_buf *b, int sym, void *arg)
{
	conv_put_sym((conv *) arg, b, sym);
}

/* Letters, and Yiddish points and ligatures as the options say (points.h). */
void
conv_put_syms(conv *c, rv_buf *b, const uint8_t *sym, int n)
{
	rv_points_render(b, sym, n, c->opt->yiddish_points,
					 c->opt->yiddish_ligatures, put_sign, c);
}

void
conv_put_cps(rv_buf *b, const uint32_t *cps, size_t from, size_t to)
{
	for (size_t i = from; i < to; i++)
		rv_buf_put_cp(b, cps[i]);
}

/* A span of the input as a fresh UTF-8 string (NULL: out of memory). */
char *
conv_span_utf8(conv *c, size_t from, size_t to)
{
	rv_buf		b;
	char	   *s;

	rv_buf_init(&b);
	conv_put_cps(&b, c->cps, from, to);
	s = rv_buf_take(&b, NULL);
	if (s == NULL)
		c->oom = 1;
	return s;
}

/* The found spellings as strings, prefix letters included. */
static char **
spelled_strings(conv *c, int nfound, const uint8_t *psym, int npsym)
{
	char	  **s = rv_arena_alloc(&c->arena, (size_t) nfound * sizeof(char *));

	if (s == NULL)
	{
		c->oom = 1;
		return NULL;
	}
	for (int i = 0; i < nfound; i++)
	{
		rv_buf		b;

		rv_buf_init(&b);
		conv_put_syms(c, &b, psym, npsym);
		conv_put_syms(c, &b, c->spellings[i].sym, c->spellings[i].nsym);
		if (b.failed || (s[i] = rv_arena_alloc(&c->arena, b.len + 1)) == NULL)
		{
			rv_buf_free(&b);
			c->oom = 1;
			return NULL;
		}
		memcpy(s[i], b.data ? b.data : "", b.len + 1);
		rv_buf_free(&b);
	}
	return s;
}

/* Tell rv_candidates' callback and rv_analyze's report about a word. */
void
conv_describe_word(conv *c, size_t from, size_t to, int nfound, int foreign,
				   const uint8_t *psym, int npsym)
{
	char	   *roman;
	char	  **heb = NULL;
	double	   *scores;

	if (c->fn == NULL && c->report == NULL)
		return;
	roman = conv_span_utf8(c, from, to);
	if (roman == NULL)
		return;
	if (nfound > 0)
		heb = spelled_strings(c, nfound, psym, npsym);
	if (nfound > 0 && heb == NULL)
	{
		rv_free(roman);
		return;
	}
	for (int i = 0; c->fn && i < nfound && !c->stop; i++)
	{
		const rv_spelling *sp = &c->spellings[i];
		rv_candidate cand;

		cand.word = c->word_no;
		cand.rank = i + 1;
		cand.roman = roman;
		cand.hebrew = heb[i];
		cand.score = sp->score;
		cand.rule_cost = sp->rule_cost;
		cand.char_cost = sp->char_cost;
		cand.lexicon_bonus = sp->lexicon_bonus;
		cand.channel = sp->channel;
		cand.language = sp->language;
		cand.freq_cost = sp->freq_cost;
		cand.standard = rv_rules_name(c->rules);
		cand.rule_options = sp->opts;
		cand.nrule_options = sp->nopts;
		cand.in_lexicon = sp->in_lexicon;
		cand.context = sp->context;
		if (c->fn(&cand, c->fn_arg))
			c->stop = 1;
	}
	/* every alternative up to n: no cut */
	if (c->report &&
		(scores = rv_arena_alloc(&c->arena, sizeof(double) * (nfound + 1))) == NULL)
		c->oom = 1;
	else if (c->report)
	{
		for (int i = 0; i < nfound; i++)
			scores[i] = c->spellings[i].score;
		rv_report_word(c->report, roman, (const char *const *) heb, scores,
					   nfound, nfound > 0 && c->spellings[0].in_lexicon, foreign);
	}
	rv_free(roman);
}
