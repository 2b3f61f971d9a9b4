/*
 * convert_context.c — the driver's side of the joint choice of a part's
 * words (context.c): record each spelled word, and after the part let the
 * context rewrite the words it chose otherwise.  rv_candidates' and
 * rv_analyze's reports of the part's words wait for that choice, so that
 * rank 1 is always the spelling in the output.
 */
#include <string.h>

#include "convert.h"

/* What it takes to spell a recorded word again, as it was spelled. */
struct conv_ctx_base
{
	part		base;
	int			mode;
};

/* rv_ctx_render: symbols in the output's style */
static void
render(void *arg, rv_buf *b, const uint8_t *sym, int n)
{
	conv_put_syms((conv *) arg, b, sym, n);
}

/* rv_ctx_spell: a word of the current part spelled again, k best (k is
 * RV_CONTEXT_K, within the RV_LEARNED_K slots of c->spellings) */
static int
spell(void *arg, int wi, int k, rv_spelling **out)
{
	conv	   *c = arg;
	int			saved_k = c->k;
	int			foreign;
	int			n;

	if (c->opt->interrupt)
		c->opt->interrupt(c->opt->interrupt_arg);	/* a search per word */
	rv_arena_free(&c->arena);
	c->k = k < RV_LEARNED_K ? k : RV_LEARNED_K;
	n = conv_spell_base(c, &c->ctx_bases[wi].base, c->ctx_bases[wi].mode,
						&foreign);
	c->k = saved_k;
	*out = c->spellings;
	return n;
}

/* Are the reports of this part's words held back for the joint choice? */
static int
deferring(const conv *c)
{
	return (c->fn != NULL || c->report != NULL) && rv_context_wanted(c->rules);
}

static void describe_pending(conv *c);

/* Choose what is recorded so far and report it (a part's end, or a full
 * window). */
static void
choose_recorded(conv *c, size_t out_start)
{
	rv_ctx_driver d = {render, spell, c};

	if (!rv_context_choose(&c->context, c->rules, &c->out, out_start, &d))
		c->oom = 1;
	describe_pending(c);
	rv_context_reset(&c->context);
}

/* A base just written at out_start with its found candidates. */
void
conv_context_record(conv *c, size_t out_start, const part *base, int mode,
					const uint8_t *psym, int npsym, int found)
{
	int			wi = rv_context_count(&c->context);

	if (!rv_context_wanted(c->rules))
		return;
	if (wi == c->cap_ctx_bases)
	{
		int			cap = c->cap_ctx_bases ? c->cap_ctx_bases * 2 : 16;
		struct conv_ctx_base *nb = rv_realloc(c->ctx_bases,
											  (size_t) cap * sizeof(*nb));

		if (nb == NULL)
		{
			c->oom = 1;
			return;
		}
		c->ctx_bases = nb;
		c->cap_ctx_bases = cap;
	}
	c->ctx_bases[wi].base = *base;
	c->ctx_bases[wi].mode = mode;
	if (deferring(c) && c->npending > 0)
		c->pending[c->npending - 1].ctx_word = wi;
	if (!rv_context_add(&c->context, out_start, c->out.len, psym, npsym,
						c->spellings, found, 1))
		c->oom = 1;
	if (!deferring(c) && rv_context_count(&c->context) >= RV_CONTEXT_MAX_WORDS)
		choose_recorded(c, rv_context_start(&c->context));
}

/* Report a word now, or hold its report back until the part is chosen. */
void
conv_context_describe(conv *c, size_t from, size_t to, int nfound,
					  int foreign, const uint8_t *psym, int npsym)
{
	conv_pending *p;

	if (!deferring(c))
	{
		conv_describe_word(c, from, to, nfound, foreign, psym, npsym);
		return;
	}
	/* a full window is chosen before this word joins the next one */
	if (rv_context_count(&c->context) >= RV_CONTEXT_MAX_WORDS ||
		c->npending >= RV_CONTEXT_MAX_WORDS ||
		c->pending_cands >= RV_CONTEXT_MAX_PENDING)
		choose_recorded(c, rv_context_start(&c->context));
	if (c->npending == c->cap_pending)
	{
		int			cap = c->cap_pending ? c->cap_pending * 2 : 16;
		conv_pending *np = rv_realloc(c->pending, (size_t) cap * sizeof(conv_pending));

		if (np == NULL)
		{
			c->oom = 1;
			return;
		}
		c->pending = np;
		c->cap_pending = cap;
	}
	p = &c->pending[c->npending];
	p->word_no = c->word_no;
	p->from = from;
	p->to = to;
	p->nfound = nfound;
	p->foreign = foreign;
	p->ctx_word = -1;
	p->npsym = npsym;
	memcpy(p->psym, psym, (size_t) npsym);
	p->sp = rv_arena_alloc(&c->pending_arena,
						   (size_t) (nfound > 0 ? nfound : 1) * sizeof(rv_spelling));
	if (p->sp == NULL)
	{
		c->oom = 1;
		return;
	}
	c->pending_cands += nfound;
	for (int i = 0; i < nfound; i++)
	{
		p->sp[i] = c->spellings[i];
		p->sp[i].sym = rv_arena_alloc(&c->pending_arena, (size_t) c->spellings[i].nsym + 1);
		if (p->sp[i].sym == NULL)
		{
			c->oom = 1;
			return;
		}
		memcpy(p->sp[i].sym, c->spellings[i].sym, (size_t) c->spellings[i].nsym);
	}
	c->npending++;
}

/* Put the jointly chosen spelling of a held-back word first. */
static void
chosen_first(conv *c, conv_pending *p)
{
	rv_spelling chosen;
	int			at = p->nfound - 1;

	if (p->ctx_word < 0 || p->nfound == 0 ||
		rv_context_chosen(&c->context, p->ctx_word, &chosen) == 0)
		return;
	for (int i = 0; i < p->nfound; i++)
		if (p->sp[i].nsym == chosen.nsym &&
			memcmp(p->sp[i].sym, chosen.sym, (size_t) chosen.nsym) == 0)
			at = i;
	/* not among the reported ones (spelled again with more): it takes the
	 * last place's slot */
	if (p->sp[at].nsym != chosen.nsym ||
		memcmp(p->sp[at].sym, chosen.sym, (size_t) chosen.nsym) != 0)
	{
		uint8_t    *sym = rv_arena_alloc(&c->pending_arena, (size_t) chosen.nsym + 1);

		if (sym == NULL)
		{
			c->oom = 1;
			return;
		}
		memcpy(sym, chosen.sym, (size_t) chosen.nsym);
		chosen.sym = sym;
		p->sp[at] = chosen;
	}
	chosen = p->sp[at];
	memmove(&p->sp[1], &p->sp[0], (size_t) at * sizeof(rv_spelling));
	p->sp[0] = chosen;
}

/* What the chosen neighbours add to the chosen spelling, now first, goes
 * into its score: it is then the cheapest of the word's candidates, since
 * its part's choice is optimal.  The others keep their own scores and
 * order, so the n best stay the first n of the n + 1 best. */
static void
add_context(conv *c, conv_pending *p)
{
	if (p->ctx_word < 0 || p->nfound == 0)
		return;
	p->sp[0].context = rv_context_component(&c->context, c->rules, p->ctx_word,
											p->sp[0].sym, p->sp[0].nsym);
	p->sp[0].score += p->sp[0].context;
}

/* The held-back reports, in text order. */
static void
describe_pending(conv *c)
{
	rv_spelling *spellings = c->spellings;
	int			word_no = c->word_no;

	for (int i = 0; i < c->npending && !c->oom; i++)
	{
		conv_pending *p = &c->pending[i];

		chosen_first(c, p);
		add_context(c, p);
		c->spellings = p->sp;
		c->word_no = p->word_no;
		conv_describe_word(c, p->from, p->to, p->nfound, p->foreign,
						   p->psym, p->npsym);
		rv_arena_free(&c->arena);
	}
	c->spellings = spellings;
	c->word_no = word_no;
	c->npending = 0;
	c->pending_cands = 0;
	rv_arena_free(&c->pending_arena);
}

/* The part written from out_start on is complete: choose its words. */
void
conv_context_choose(conv *c, size_t out_start)
{
	choose_recorded(c, out_start);
}

void
conv_context_free(conv *c)
{
	rv_context_free(&c->context);
	rv_free(c->ctx_bases);
	rv_free(c->pending);
	rv_arena_free(&c->pending_arena);
}
