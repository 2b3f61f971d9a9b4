/*
 * detect_standard.c — the romanization standard of each ISBD part of a text
 * and of the whole text, by their marker letters (ḳ ṿ of ALA-LC, ô of DIN
 * 1982): the choice rv_engine_detect makes for one range, made for all the
 * parts and the whole in one pass.  Detection runs on every field in
 * "auto", so it must cost little: a plain ASCII letter that is no marker of
 * any standard (nearly all of a romanized text) is passed over at the cost
 * of one table look-up (engine.h's ascii_marker, filled once per engine).
 */
#include "detect_standard.h"
#include "interrupt.h"

void
rv_detect_standard_prepare(rv_engine *e)
{
	for (uint32_t c = 0; c < 128; c++)
	{
		e->ascii_marker[c] = 0;
		for (int k = 0; k < e->nrules; k++)
			if (rv_rules_marker_score(e->rules[k], &c, 1) != 0)
				e->ascii_marker[c] = 1;
	}
}

/* rv_engine_detect's choice from the standards' summed marker weights. */
static const rv_rules *
choose(const rv_engine *e, const double *score)
{
	const rv_rules *best = NULL;
	double		best_score = 0;

	for (int k = 0; k < e->nrules; k++)
		if (score[k] > best_score)
		{
			best = e->rules[k];
			best_score = score[k];
		}
	/* The default standard needs only to lead; leaving it takes more. */
	if (best != NULL && best != e->rules[0] &&
		best_score < RV_DETECT_MIN_EVIDENCE)
		return NULL;
	return best;
}

/* The marker weights of the text's non-ASCII letters, by standard: a
 * romanized text repeats a handful (ḥ ḳ ṿ ʻ), each scored once. */
#define SEEN_MAX 8
typedef struct seen_letters
{
	uint32_t	cp[SEEN_MAX];
	double		weight[SEEN_MAX][RV_MAX_STANDARDS];
	int			n;
} seen_letters;

static const double *
letter_weights(const rv_engine *e, seen_letters *seen, const uint32_t *cp,
			   double *scratch)
{
	double	   *w = scratch;

	for (int i = 0; i < seen->n; i++)
		if (seen->cp[i] == *cp)
			return seen->weight[i];
	if (seen->n < SEEN_MAX)
	{
		seen->cp[seen->n] = *cp;
		w = seen->weight[seen->n++];
	}
	for (int k = 0; k < e->nrules; k++)
		w[k] = rv_rules_marker_score(e->rules[k], cp, 1);
	return w;
}

/* Add the marker weights of cps[from..to) to whole[] and, if part is not
 * NULL, to part[]: per standard, in text order, as rv_rules_marker_score
 * sums them. */
static void
add_markers(const rv_engine *e, const uint32_t *cps, size_t from, size_t to,
			seen_letters *seen, double *whole, double *part)
{
	double		scratch[RV_MAX_STANDARDS];

	for (size_t i = from; i < to; i++)
	{
		const double *w;

		rv_interrupt_tick();	/* a whole text: cancel (interrupt.h) */
		if (cps[i] < 128 && !e->ascii_marker[cps[i]])
			continue;
		w = letter_weights(e, seen, cps + i, scratch);
		for (int k = 0; k < e->nrules; k++)
		{
			if (w[k] == 0)
				continue;
			whole[k] += w[k];
			if (part)
				part[k] += w[k];
		}
	}
}

const rv_rules *
rv_detect_standards(const rv_engine *e, const uint32_t *cps, size_t n,
					const rv_span *spans, int nspans, const rv_rules **part)
{
	double		whole[RV_MAX_STANDARDS] = {0};
	size_t		done = 0;
	seen_letters seen;

	seen.n = 0;

	for (int s = 0; s < nspans; s++)
	{
		double		score[RV_MAX_STANDARDS] = {0};

		add_markers(e, cps, done, spans[s].start, &seen, whole, NULL);
		add_markers(e, cps, spans[s].start, spans[s].end, &seen, whole, score);
		part[s] = choose(e, score);
		done = spans[s].end;
	}
	add_markers(e, cps, done, n, &seen, whole, NULL);
	return choose(e, whole);
}
