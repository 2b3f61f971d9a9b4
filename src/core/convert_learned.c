/*
 * convert_learned.c — the learned layer's say in a word's spelling: when
 * revrit.learned (rv_options.learned) knows the word, its spellings are
 * weighed against the lattice's best (rv_learned_choose in learned.c) and
 * the winner is written.
 */
#include <string.h>

#include "convert.h"
#include "learned.h"

const rv_learned_form *
conv_learned_forms(conv *c, size_t unit_start, size_t end)
{
	return rv_learned_lookup(c->opt->learned, c->cps + unit_start,
							 end - unit_start);
}

int
conv_apply_learned(conv *c, const rv_learned_form *forms, int found,
				   const uint8_t *psym, int npsym)
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
		rv_buf_init(&b[i]);
		conv_put_syms(c, &b[i], psym, npsym);
		conv_put_syms(c, &b[i], c->spellings[i].sym, c->spellings[i].nsym);
		rv_buf_putc(&b[i], '\0');
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
