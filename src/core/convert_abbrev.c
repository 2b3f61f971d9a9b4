/*
 * convert_abbrev.c — abbreviations: the standard's listed ones (mahad.),
 * Hebrew abbreviations written letter by letter (ʻa. sh. → ע״ש), and the
 * cataloguer's Latin ones (s.l.) that stay as written.
 */
#include "convert.h"
#include "hebrew.h"
#include "utf8.h"

/* "mahad." and the like: the standard's abbreviation, period included. */
int
convert_abbreviation(conv *c, const part *p)
{
	const rv_abbrev *a;

	if (p->foreign || p->too_long)
		return 0;
	a = rv_rules_abbrev(c->rules, p->folded, p->nfolded);
	if (a == NULL)
		return 0;
	c->word_no++;
	conv_put_syms(c, &c->out, a->sym, a->nsym);
	return 1;
}

/*
 * One letter of a lower-case abbreviation ("sh" of ʻa. sh.): the item
 * cps[from..to) folded, its trailing vowels dropped, spelled without the
 * lexicon; returns the symbol or -1 if it is not a single letter.
 */
static int
abbreviation_letter(conv *c, size_t from, size_t to)
{
	part		p;
	int			n;

	if (to - from > 3 || rv_cp_is_upper(c->cps[from]))
		return -1;
	p.start = from;
	p.end = to;
	conv_fold_part(c, &p);
	if (p.foreign || p.nfolded == 0)
		return -1;
	while (p.nfolded > 1 && rv_rules_is_vowel(c->rules, p.folded[p.nfolded - 1]))
		p.nfolded--;
	n = rv_spell_word(c->search, c->rules, NULL, p.folded, p.nfolded, 1,
					  &c->arena, c->spellings);
	if (n <= 0 || c->spellings[0].nsym != 1)
		return -1;
	return c->spellings[0].sym[0];
}

/* s.l., s.n., i.e.: the cataloguer's Latin, listed among the foreign words
 * of the standard without spaces. */
static int
is_foreign_abbreviation(conv *c, size_t from, size_t to)
{
	char		buf[64];
	size_t		len = 0;

	for (size_t k = from; k < to; k++)
	{
		uint32_t	f = rv_rules_fold(c->rules, rv_cp_lower(c->cps[k]));

		if (f == ' ' || f == 0)
			continue;
		if (len + 4 >= sizeof(buf))
			return 0;
		len += rv_utf8_encode(f, buf + len);
	}
	buf[len] = '\0';
	return rv_rules_is_foreign_word(c->rules, buf);
}

/*
 * ALA-LC writes a Hebrew abbreviation as its letters in lower case, each
 * with a period: ʻa. sh. is ע״ש.  Two or more such letters in a row
 * become one abbreviation with gershayim; returns the end of what was
 * taken, or 0 if cps[i..] is not one.
 */
size_t
convert_abbreviation_letters(conv *c, size_t i, size_t to)
{
	uint8_t		sym[16];
	int			n = 0;
	size_t		at = i,
				end = 0;

	while (at < to && n < (int) sizeof(sym) - 1)
	{
		size_t		we = at;
		int			s;

		while (we < to && conv_is_word_char(c->rules, c->cps[we]))
			we++;
		if (we == at || we >= to || c->cps[we] != '.' ||
			(s = abbreviation_letter(c, at, we)) < 0)
			break;
		sym[n++] = (uint8_t) s;
		end = we + 1;
		at = end < to && c->cps[end] == ' ' ? end + 1 : end;
	}
	if (n < 2)
		return 0;
	if (is_foreign_abbreviation(c, i, end))
	{
		conv_put_cps(&c->out, c->cps, i, end);	/* s.l.: stays as written */
		return end;
	}
	for (int k = 0; k < n; k++)
	{
		if (k == n - 1)
			conv_put_sym(c, &c->out, RV_SYM_GERSHAYIM);
		conv_put_sym(c, &c->out, sym[k]);
	}
	c->word_no += n;
	return end;
}
