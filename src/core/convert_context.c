/*
 * convert_context.c — the driver's side of the joint choice of a part's
 * words (context.c): record each spelled word, and after the part let the
 * context rewrite the words it chose otherwise.
 */
#include "convert.h"

/* rv_ctx_render: symbols in the output's style */
static void
render(void *arg, rv_buf *b, const uint8_t *sym, int n)
{
	conv_put_syms((conv *) arg, b, sym, n);
}

/* rv_ctx_spell: a word of the current part spelled again, k best */
static int
spell(void *arg, const uint32_t *folded, int n, int k, rv_spelling **out)
{
	conv	   *c = arg;

	rv_arena_free(&c->arena);
	*out = c->spellings;
	return rv_spell_word(c->search, c->rules, c->engine->lexicon, folded, n,
						 k < c->search_k ? k : c->search_k, &c->arena,
						 c->spellings);
}

/* A base just written at out_start with its found candidates. */
void
conv_context_record(conv *c, size_t out_start, const part *base,
					const uint8_t *psym, int npsym, int found)
{
	if (rv_context_wanted(c->rules) &&
		!rv_context_add(&c->context, out_start, c->out.len, psym, npsym,
						c->spellings, found, base->folded, base->nfolded))
		c->oom = 1;
}

/* The part written from out_start on is complete: choose its words. */
void
conv_context_choose(conv *c, size_t out_start)
{
	rv_ctx_driver d = {render, spell, c};

	if (!rv_context_apply(&c->context, c->rules, &c->out, out_start, &d))
		c->oom = 1;
}
