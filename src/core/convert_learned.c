/*
 * convert_learned.c — the learned layer's say in a word's spelling: when
 * revrit.learned (rv_options.learned) knows the word, its spellings are
 * weighed against the lattice's (rv_learned_choose in learned.c) and the
 * winner is written.  A word whose best spelling already is its most
 * frequent learned one costs no second search.
 */
#include <string.h>

#include "convert.h"
#include "learned.h"

/* Spelling i of the lattice, prefix letters included, into b. */
static void
spelling_string(conv *c, int i, const uint8_t *psym, int npsym, rv_buf *b)
{
	rv_buf_init(b);
	conv_put_syms(c, b, psym, npsym);
	conv_put_syms(c, b, c->spellings[i].sym, c->spellings[i].nsym);
	rv_buf_putc(b, '\0');
}

/* Is the lattice's best spelling the most frequent learned one (which
 * would then win anyway)? */
static int
best_is_learned(conv *c, const rv_learned_form *forms, int found,
				const uint8_t *psym, int npsym)
{
	const rv_learned_form *top = forms;
	rv_buf		b;
	int			same;

	if (found == 0)
		return 0;
	for (const rv_learned_form *f = forms; f; f = f->next)
		if (f->count > top->count)
			top = f;
	spelling_string(c, 0, psym, npsym, &b);
	same = !b.failed && strcmp(b.data, top->hebrew) == 0;
	rv_buf_free(&b);
	return same;
}

/* Weigh the learned spellings against the lattice's best RV_LEARNED_K. */
static int
choose(conv *c, const rv_learned_form *forms, int found, const uint8_t *psym,
	   int npsym)
{
	int			n = found < RV_LEARNED_K ? found : RV_LEARNED_K;
	rv_buf		b[RV_LEARNED_K];
	const char *s[RV_LEARNED_K] = {0};
	double		scores[RV_LEARNED_K] = {0};
	const char *form = NULL;
	int			failed = 0;
	int			choice;

	for (int i = 0; i < n; i++)
	{
		spelling_string(c, i, psym, npsym, &b[i]);
		failed |= b[i].failed;
		s[i] = b[i].data ? b[i].data : "";
		scores[i] = c->spellings[i].score;
	}
	choice = failed ? -1 : rv_learned_choose(forms, s, scores, n, &form);
	if (choice >= 0)
		rv_buf_append(&c->out, form, strlen(form));
	for (int i = 0; i < n; i++)
		rv_buf_free(&b[i]);
	if (failed)
		c->oom = 1;
	return choice >= 0;
}

int
conv_learned(conv *c, size_t unit_start, const part *base, int initial,
			 int found, const uint8_t *psym, int npsym)
{
	const rv_learned_form *forms = rv_learned_lookup(c->opt->learned,
													 c->cps + unit_start,
													 base->end - unit_start);

	if (forms == NULL || best_is_learned(c, forms, found, psym, npsym))
		return 0;
	/* the learned forms' scores need more of the lattice's spellings */
	if (found > 0 && found < RV_LEARNED_K && found == c->k)
	{
		found = rv_spell_word(c->search, c->rules,
							  initial ? NULL : c->engine->lexicon,
							  base->folded, base->nfolded, RV_LEARNED_K,
							  &c->arena, c->spellings);
		if (found < 0)
		{
			c->oom = 1;
			return 0;
		}
	}
	return choose(c, forms, found, psym, npsym);
}
