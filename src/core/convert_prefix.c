/*
 * convert_prefix.c — the prefixes written before a word (ha-, u-, ṿe-,
 * she-be-, or joined to a capital as in HaNer): recognising a chain of them
 * and its Hebrew letters.
 */
#include <string.h>

#include "convert.h"
#include "utf8.h"

/*
 * Is the folded part a chain of prefixes (ha, u, ṿe, uve, she-be...)?
 * Appends its Hebrew; the first prefix of a chain may differ from a later.
 */
int
conv_prefix_chain(const rv_rules *r, const uint32_t *f, int n, int later,
				  uint8_t *sym, int *nsym, int max)
{
	if (n == 0)
		return later;			/* at least one prefix */
	for (uint32_t i = 0; i < r->nprefixes; i++)
	{
		const rv_prefix *p = &r->prefixes[i];
		const uint8_t *h = later ? p->later : p->first;
		int			nh = later ? p->nlater : p->nfirst;

		if (p->len > n || *nsym + nh > max ||
			memcmp(p->form, f, p->len * sizeof(uint32_t)) != 0)
			continue;
		memcpy(sym + *nsym, h, (size_t) nh);
		*nsym += nh;
		if (conv_prefix_chain(r, f + p->len, n - p->len, 1, sym, nsym, max))
			return 1;
		*nsym -= nh;
	}
	return 0;
}

/*
 * Standards that write the article and prepositions joined to a capital
 * (HaNer, LeZiyyon): where does such a prefix end in cps[from..to)?  0 if
 * the word does not start with one.
 */
size_t
conv_camel_split(conv *c, size_t from, size_t to)
{
	uint32_t	f[RV_MAX_TOKEN];
	uint8_t		sym[RV_MAX_OUT * 4];
	int			nsym = 0;

	for (size_t k = from + 1; k < to && k - from < RV_MAX_TOKEN; k++)
	{
		if (!rv_cp_is_upper(c->cps[k]))
			continue;
		for (size_t q = from; q < k; q++)
			f[q - from] = rv_rules_fold(c->rules, rv_cp_lower(c->cps[q]));
		if (conv_prefix_chain(c->rules, f, (int) (k - from), 0, sym, &nsym,
							  (int) sizeof(sym)))
			return k;
		return 0;
	}
	return 0;
}
