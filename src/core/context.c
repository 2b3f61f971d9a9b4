/*
 * context.c — the joint choice of a part's words (context.h).
 *
 * Exactness: the score of a sequence is the sum of the words' own scores
 * minus a bonus for each pair of neighbours that a listed expression
 * contains, so a Viterbi pass over (word, candidate) finds the cheapest
 * sequence in time linear in the number of words (K x K per word).
 * Memory: two pools that keep their size from part to part, so a call
 * allocates only while its parts grow.
 */
#include <float.h>
#include <string.h>

#include "alloc.h"
#include "context.h"

typedef struct rv_ctx_word
{
	size_t		out_start,		/* its spelling in the output buffer */
				out_end;
	size_t		psym;			/* prefix letters: offset in the syms pool */
	int			npsym;
	int			can_respell;	/* fewer than RV_CONTEXT_K, more to be had */
	int			n;				/* candidates the joint choice weighs */
	int			nstored;		/* candidates kept, best first */
	int			joined;			/* a neighbour of the word before */
	size_t		sym[RV_CONTEXT_K];	/* offsets in the syms pool */
	int			nsym[RV_CONTEXT_K];
	rv_spelling cand[RV_CONTEXT_K]; /* costs; sym points nowhere */
	uint64_t	base[RV_CONTEXT_K]; /* hash of the spelling */
	uint64_t	full[RV_CONTEXT_K]; /* ... with the prefix letters */
	double		best[RV_CONTEXT_K]; /* Viterbi: best total ending here */
	int			back[RV_CONTEXT_K];
	int			choice;
} rv_ctx_word;

/* Room for count more items of the given size; their offset, or -1. */
static long
pool_grow(rv_context *cx, rv_ctx_pool *p, size_t item, size_t count)
{
	size_t		at = p->len;

	if (p->len + count > p->cap)
	{
		size_t		cap = p->cap ? p->cap * 2 : 64;
		void	   *d;

		while (cap < p->len + count)
			cap *= 2;
		d = rv_realloc(p->data, cap * item);
		if (d == NULL)
		{
			cx->failed = 1;
			return -1;
		}
		p->data = d;
		p->cap = cap;
	}
	p->len += count;
	return (long) at;
}

#define WORDS(cx)	((rv_ctx_word *) (cx)->words.data)
#define SYMS(cx)	((uint8_t *) (cx)->syms.data)

void
rv_context_init(rv_context *cx)
{
	memset(cx, 0, sizeof(*cx));
}

void
rv_context_free(rv_context *cx)
{
	rv_free(cx->words.data);
	rv_free(cx->syms.data);
	memset(cx, 0, sizeof(*cx));
}

int
rv_context_wanted(const rv_rules *rules)
{
	return rules->nexpr_keys > 0;
}

static long
keep_syms(rv_context *cx, const uint8_t *sym, int n)
{
	long		at = pool_grow(cx, &cx->syms, 1, (size_t) n);

	if (at >= 0 && n > 0)
		memcpy(SYMS(cx) + at, sym, (size_t) n);
	return at;
}

/* Keep word wi's candidates (at most RV_CONTEXT_K) and their hashes. */
static int
keep_candidates(rv_context *cx, size_t wi, const rv_spelling *sp, int n)
{
	uint64_t	ph;

	if (n > RV_CONTEXT_K)
		n = RV_CONTEXT_K;
	for (int j = 0; j < n; j++)
	{
		long		at = keep_syms(cx, sp[j].sym, sp[j].nsym);

		if (at < 0)
			return 0;
		WORDS(cx)[wi].sym[j] = (size_t) at;
	}
	{
		rv_ctx_word *w = &WORDS(cx)[wi];

		ph = rv_syms_hash(RV_SYMS_HASH_SEED, SYMS(cx) + w->psym, w->npsym);
		w->n = 1;
		w->nstored = n;
		for (int j = 0; j < n; j++)
		{
			w->nsym[j] = sp[j].nsym;
			w->cand[j] = sp[j];
			w->cand[j].sym = NULL;
			w->base[j] = rv_syms_hash(RV_SYMS_HASH_SEED, sp[j].sym, sp[j].nsym);
			w->full[j] = rv_syms_hash(ph, sp[j].sym, sp[j].nsym);
		}
	}
	return 1;
}

int
rv_context_add(rv_context *cx, size_t out_start, size_t out_end,
			   const uint8_t *psym, int npsym, const rv_spelling *sp, int n,
			   int can_respell)
{
	long		wi = pool_grow(cx, &cx->words, sizeof(rv_ctx_word), 1);
	long		ps = keep_syms(cx, psym, npsym);
	rv_ctx_word *w;

	if (wi < 0 || ps < 0)
		return 0;
	w = &WORDS(cx)[wi];
	w->out_start = out_start;
	w->out_end = out_end;
	w->psym = (size_t) ps;
	w->npsym = npsym;
	w->can_respell = can_respell && n < RV_CONTEXT_K;
	w->choice = 0;
	w->joined = 0;
	return keep_candidates(cx, (size_t) wi, sp, n);
}

/* Only spaces, hyphens or a maqaf between two words' spellings: they are
 * neighbours (a comma, a bracket or a word left in Latin parts them). */
static int
neighbours(const rv_buf *out, const rv_ctx_word *a, const rv_ctx_word *b)
{
	const unsigned char *d = (const unsigned char *) out->data;

	if (b->out_start <= a->out_end)
		return 0;
	for (size_t i = a->out_end; i < b->out_start; i++)
	{
		if (d[i] == ' ' || d[i] == '-')
			continue;
		if (d[i] == 0xD6 && i + 1 < b->out_start && d[i + 1] == 0xBE)
		{
			i++;				/* U+05BE maqaf */
			continue;
		}
		return 0;
	}
	return 1;
}

/*
 * Spell again, with RV_CONTEXT_K candidates, every word before one whose
 * best spelling can close a listed expression (השנה, המדרש) that the two
 * best spellings do not already form.  Only that way round: the words that
 * open expressions (בית, ראש, ספר) are common and would have half a title
 * spelled twice.
 */
static int
widen(rv_context *cx, const rv_rules *r, const rv_buf *out,
	  const rv_ctx_driver *d)
{
	for (size_t i = 0; i + 1 < cx->words.len; i++)
	{
		rv_ctx_word *w = &WORDS(cx)[i];
		const rv_ctx_word *next = &WORDS(cx)[i + 1];
		rv_spelling *sp;
		int			n;

		if (!rv_rules_expression_word(r, next->full[0], 1) ||
			rv_rules_expression_pair(r, w->base[0], next->full[0]) ||
			!neighbours(out, w, next))
			continue;
		if (w->can_respell)
		{
			n = d->spell(d->arg, (int) i, RV_CONTEXT_K, &sp);
			if (n < 0 || (n > 0 && !keep_candidates(cx, i, sp, n)))
				return 0;
			WORDS(cx)[i].can_respell = 0;
		}
		WORDS(cx)[i].n = WORDS(cx)[i].nstored;
	}
	return 1;
}

/* What neighbours a and b add when spelled as their candidates i and j. */
static double
pair_bonus(const rv_rules *r, const rv_ctx_word *a, int i,
		   const rv_ctx_word *b, int j)
{
	return b->joined && rv_rules_expression_pair(r, a->base[i], b->full[j]) ?
		-RV_CONTEXT_EXPRESSION_BONUS : 0;
}

/* Viterbi over the words' candidates; sets every word's choice. */
static void
choose(rv_context *cx, const rv_rules *r, const rv_buf *out)
{
	rv_ctx_word *words = WORDS(cx);
	size_t		nw = cx->words.len;
	int			at = 0;

	for (size_t i = 0; i < nw; i++)
	{
		rv_ctx_word *w = &words[i];
		const rv_ctx_word *p = i > 0 ? &words[i - 1] : NULL;
		int			joined = p && neighbours(out, p, w);

		w->joined = joined;
		for (int j = 0; j < w->n; j++)
		{
			double		m = p ? DBL_MAX : 0;

			w->back[j] = 0;
			for (int a = 0; p && a < p->n; a++)
			{
				/* the first word may carry prefixes (בראש השנה) */
				double		v = p->best[a] + pair_bonus(r, p, a, w, j);

				if (v < m)
				{
					m = v;
					w->back[j] = a;
				}
			}
			w->best[j] = w->cand[j].score + m;
		}
	}
	for (int j = 1; j < words[nw - 1].n; j++)
		if (words[nw - 1].best[j] < words[nw - 1].best[at])
			at = j;
	for (size_t i = nw; i-- > 0;)
	{
		words[i].choice = at;
		at = words[i].back[at];
	}
}

/* Rebuild out from region_start with the chosen spellings. */
static int
rewrite(rv_context *cx, rv_buf *out, size_t region_start,
		const rv_ctx_driver *d)
{
	rv_buf		b;
	size_t		pos = region_start;

	rv_buf_init(&b);
	for (size_t i = 0; i < cx->words.len; i++)
	{
		const rv_ctx_word *w = &WORDS(cx)[i];

		if (w->choice == 0)
			continue;
		rv_buf_append(&b, out->data + pos, w->out_start - pos);
		d->render(d->arg, &b, SYMS(cx) + w->psym, w->npsym);
		d->render(d->arg, &b, SYMS(cx) + w->sym[w->choice], w->nsym[w->choice]);
		pos = w->out_end;
	}
	rv_buf_append(&b, out->data + pos, out->len - pos);
	if (b.failed)
	{
		rv_buf_free(&b);
		return 0;
	}
	out->len = region_start;
	rv_buf_append(out, b.data, b.len);
	rv_buf_free(&b);
	return !out->failed;
}

int
rv_context_count(const rv_context *cx)
{
	return (int) cx->words.len;
}

size_t
rv_context_start(const rv_context *cx)
{
	return cx->words.len ? WORDS(cx)[0].out_start : 0;
}

int
rv_context_choose(rv_context *cx, const rv_rules *r, rv_buf *out,
				  size_t region_start, const rv_ctx_driver *d)
{
	int			changed = 0;

	if (cx->failed)
		return 0;
	if (cx->words.len < 2 || out->data == NULL)
		return 1;
	if (!widen(cx, r, out, d))
		return 0;
	choose(cx, r, out);
	for (size_t i = 0; i < cx->words.len; i++)
		changed |= WORDS(cx)[i].choice != 0;
	return !changed || rewrite(cx, out, region_start, d);
}

int
rv_context_chosen(const rv_context *cx, int wi, rv_spelling *out)
{
	const rv_ctx_word *w = &WORDS(cx)[wi];

	*out = w->cand[w->choice];
	out->sym = SYMS(cx) + w->sym[w->choice];
	out->nsym = w->nsym[w->choice];
	return w->choice;
}

void
rv_context_reset(rv_context *cx)
{
	cx->words.len = cx->syms.len = 0;
	cx->failed = 0;
}

double
rv_context_component(const rv_context *cx, const rv_rules *r, int wi,
					 const uint8_t *sym, int nsym)
{
	const rv_ctx_word *words = WORDS(cx);
	const rv_ctx_word *w = &words[wi];
	double		c = 0;

	for (int j = 0; j < w->n; j++)
	{
		if (w->nsym[j] != nsym || memcmp(SYMS(cx) + w->sym[j], sym, (size_t) nsym) != 0)
			continue;
		if (wi > 0)
			c += pair_bonus(r, &words[wi - 1], words[wi - 1].choice, w, j);
		if ((size_t) wi + 1 < cx->words.len)
			c += pair_bonus(r, w, j, &words[wi + 1], words[wi + 1].choice);
		break;
	}
	return c;
}
