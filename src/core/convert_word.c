/*
 * convert_word.c — one romanized word: its hyphen-separated parts folded
 * for matching, prefix chains split off, the base spelled through the
 * lattice and written in place of the Latin (or kept, when it stays Latin).
 */
#include "convert.h"
#include "spell_language.h"
#include "hebrew.h"
#include "utf8.h"

/* Fold a part for matching: lower case, then the standard's char map. */
void
conv_fold_part(conv *c, part *p)
{
	const rv_rules *r = c->rules;
	char		word[RV_MAX_WORD * 4 + 1];
	size_t		len = 0;

	p->nfolded = 0;
	p->too_long = p->alien = p->foreign = 0;
	for (size_t i = p->start; i < p->end; i++)
	{
		uint32_t	f = rv_rules_fold(r, rv_cp_lower(c->cps[i]));

		if (f == 0)
			continue;
		if (p->nfolded == RV_MAX_WORD)
		{
			p->too_long = 1;
			return;
		}
		if (!rv_rules_in_alphabet(r, f))
			p->alien = p->foreign = 1;
		p->folded[p->nfolded++] = f;
		len += rv_utf8_encode(f, word + len);
	}
	word[len] = '\0';
	if (!p->foreign && p->nfolded > 0)
		p->foreign = rv_rules_is_foreign_word(r, word);
}

/* Spell a base part (after its prefixes); returns 0 if it stays Latin.  An
 * initial (Sh., Ts.) spells letters, not a word: no lexicon for it. */
static int
convert_base(conv *c, size_t unit_start, const part *base,
			 const uint8_t *psym, int npsym, int initial)
{
	int			foreign;
	int			found;
	size_t		at = c->out.len;
	int			mode = initial ? RV_SPELL_RULES_ONLY :
		npsym > 0 ? RV_SPELL_AFTER_PREFIX : RV_SPELL_USUAL;

	c->word_no++;
	found = conv_spell_base(c, base, mode, &foreign);	/* convert_names.c */
	if (found < 0)
	{
		c->oom = 1;
		return 0;
	}
	conv_context_describe(c, unit_start, base->end, found, foreign,
						  psym, npsym);
	if (conv_learned(c, unit_start, base, initial, found, psym, npsym))
		return 1;				/* the catalogue's own spelling */
	if (found == 0)
		return 0;
	conv_put_syms(c, &c->out, psym, npsym);
	conv_put_syms(c, &c->out, c->spellings[0].sym, c->spellings[0].nsym);
	if (!initial)
		conv_context_record(c, at, base, mode, psym, npsym, found);
	return 1;
}

/* Split cps[start..end) at its hyphens (and, where the standard joins
 * prefixes to a capital, before the capital) into folded parts. */
static int
split_parts(conv *c, size_t start, size_t end, part *parts)
{
	int			np = 0;
	size_t		i = start;

	while (i <= end && np < RV_MAX_PARTS)
	{
		size_t		j = i;
		size_t		next;

		while (j < end && !rv_cp_is_hyphen(c->cps[j]))
			j++;
		if (np == RV_MAX_PARTS - 1)
			j = end;
		next = j + 1;
		if (c->rules->camel_prefixes && np < RV_MAX_PARTS - 2)
		{
			size_t		k = conv_camel_split(c, i, j);

			if (k)
				j = next = k;
		}
		parts[np].start = i;
		parts[np].end = j;
		conv_fold_part(c, &parts[np]);
		np++;
		i = next;
	}
	return np;
}

/*
 * A word: hyphen-separated parts, each a prefix chain or a base.  Returns
 * how many characters after the word it consumed: the period of an
 * abbreviation, the digits of a prefixed ordinal.
 */
size_t
convert_word(conv *c, size_t start, size_t end, size_t limit)
{
	part		parts[RV_MAX_PARTS];
	int			np;
	size_t		unit_start = start;
	uint8_t		psym[RV_MAX_OUT * 8];
	int			npsym = 0;
	int			need_separator = 0;

	if (c->opt->interrupt)
		c->opt->interrupt(c->opt->interrupt_arg);

	np = split_parts(c, start, end, parts);
	if (np == 1 && end < limit && c->cps[end] == '.' &&
		convert_abbreviation(c, &parts[0]))
		return 1;

	for (int p = 0; p < np; p++)
	{
		part	   *pt = &parts[p];
		int			last = (p == np - 1);

		if (last && pt->nfolded == 0)
		{
			/* a trailing hyphen: "be-" before a quotation mark joins what
			 * follows; "ha-" before a number makes it an ordinal */
			if (npsym == 0)
			{
				conv_put_cps(&c->out, c->cps,
							 p > 0 ? pt->start - 1 : unit_start, end);
				return 0;
			}
			conv_put_syms(c, &c->out, psym, npsym);
			return convert_prefixed_number(c, end, limit);
		}
		if (need_separator)
		{
			/* a compound's hyphen: Bar-Ilan, melekh-ha-melekh */
			if (c->opt->hyphen == RV_HYPHEN_MAQAF)
				rv_buf_put_cp(&c->out, RV_CP_MAQAF);
			else
				rv_buf_putc(&c->out, '-');
			need_separator = 0;
		}
		/* u-ve-: a prefix after another reads as a later one */
		if (!last && !pt->alien && !pt->too_long && pt->nfolded > 0 &&
			conv_prefix_chain(c->rules, pt->folded, pt->nfolded, npsym > 0,
							  psym, &npsym, (int) sizeof(psym)))
			continue;
		if (!convert_base(c, unit_start, pt, psym, npsym,
						  last && npsym == 0 && pt->nfolded <= 2 &&
						  end < limit && c->cps[end] == '.'))
			conv_put_cps(&c->out, c->cps, unit_start, pt->end);	/* as written */
		npsym = 0;
		unit_start = pt->end + 1;
		need_separator = 1;
	}
	return 0;
}
