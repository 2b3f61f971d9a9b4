/*
 * convert_names.c — what the field's kind changes in a conversion: the
 * kind itself (given or recognised), the standard of a part whose letters
 * betray none, and a word's readings from the word lists (given names,
 * places, a standard's own words) ahead of the rules' spellings.
 */
#include <string.h>

#include "convert.h"
#include "kind.h"
#include "names.h"
#include "spell_language.h"
#include "utf8.h"

void
conv_set_kind(conv *c)
{
	c->kind = rv_kind_resolve(c->opt->kind, c->cps, c->n);
	c->word_kind = c->kind;
	if (c->report)
		c->report->kind = rv_kind_name(c->kind);
}

static int
standard_forced(const conv *c)
{
	const char *s = c->opt->standard;

	return s != NULL && s[0] != '\0' && strcmp(s, "auto") != 0;
}

/* The part's standard: r, unless nothing chose it (*known is 0: no letter
 * betrayed a standard, no language was detected); then the one the
 * field's kind implies, if any.  Sets whose word lists apply. */
const rv_rules *
conv_field_standard(conv *c, const rv_span *sp, const rv_rules *r,
					const char **label, int *known)
{
	const rv_rules *f;

	/* a title's statement of responsibility is names */
	c->word_kind = c->kind == RV_KIND_TITLE &&
		sp->role == RV_ROLE_RESPONSIBILITY ? RV_KIND_NAME : c->kind;
	if (c->plain)
		c->plain->nwords = 0;	/* spellings of the part before */
	if (strcmp(*label, "not_latin") == 0)
		return r;
	/* a name heading: its names, not the language of the records around it
	 * (the same heading stands in Hebrew and in Yiddish records) */
	if (*known && c->kind == RV_KIND_NAME && !standard_forced(c) &&
		r->lang.name[0] != '\0' && strcmp(r->lang.name, "hebrew") != 0)
		*known = 0;
	if (*known)
		return r;
	/* the comparison's spellings, kept for conversion (without room for
	 * them it works all the same) */
	if (c->plain == NULL && (c->plain = rv_alloc(sizeof(rv_plain_memo))) != NULL)
		c->plain->nwords = 0;
	f = rv_names_field_standard(c->engine, c->kind, sp->role == RV_ROLE_MAIN,
								c->cps, sp->start, sp->end, c->search,
								&c->arena, c->spellings, c->plain);
	if (f == NULL)
		return r;
	*label = f->name;
	*known = 1;
	return f;
}

/* Is the word a construct form by the standard's "construct-mark" line:
 * its ending, and another word after it in the same part? */
static int
is_construct(conv *c, const part *base)
{
	const rv_wordlist *wl = c->rules->words;
	char		key[RV_WL_MAX_KEY];
	size_t		klen,
				flen,
				i = base->end;

	if (wl == NULL || wl->construct_form[0] == '\0' ||
		!rv_wordlist_key(c->cps, base->start, base->end, key))
		return 0;
	klen = strlen(key);
	flen = strlen(wl->construct_form);
	if (klen <= flen || strcmp(key + klen - flen, wl->construct_form) != 0)
		return 0;
	while (i < c->n && c->cps[i] == ' ')
		i++;
	return i > base->end && i < c->n && rv_cp_is_letter(c->cps[i]);
}

/* The rules' spellings of a base part: those the standard detection made
 * already (detect_plain.h) when they are what is asked for, one (k = 1)
 * of the word as written; else spelled now. */
static int
spell_rules(conv *c, const part *base, int mode, const uint32_t *folded,
			int nfolded, rv_spelling *out)
{
	const rv_spelling *kept = NULL;

	if (c->plain && c->k == 1 && mode != RV_SPELL_RULES_ONLY &&
		folded == base->folded)
		kept = rv_plain_memo_find(c->plain, c->rules, base->start, base->end);
	if (kept == NULL)
		return rv_spell_in_language(c->search, c->engine, c->rules,
									(rv_spell_mode) mode, folded, nfolded,
									c->k, &c->arena, out);
	out[0] = *kept;
	return 1;
}

/*
 * The spellings of a base part: the word lists' readings and the rules'
 * (spelled in the standard's language, mode as rv_spell_in_language
 * takes it), without repeats, best first, at most c->k; 0 if it stays
 * Latin, -1 if out of memory.  *foreign: a foreign word, by the standard
 * or a list.
 */
int
conv_spell_base(conv *c, const part *base, int mode, int *foreign)
{
	int			initial = mode == RV_SPELL_RULES_ONLY;
	int			found = 0;
	int			more;
	uint32_t	marked[RV_MAX_WORD];
	const uint32_t *folded = base->folded;
	int			nfolded = base->nfolded;

	*foreign = base->foreign ||
		rv_names_is_latin(c->engine, c->rules, c->word_kind, c->cps,
						  base->start, base->end);
	if (*foreign || base->too_long || base->nfolded == 0)
		return 0;
	if (!initial)
		found = rv_names_spell(c->engine, c->rules, c->word_kind, c->cps,
							   base->start, base->end, &c->arena,
							   c->spellings);
	if (found < 0)
		return found;
	/* a construct form: the standard's tokens read the mark (e> → י) */
	if (!initial && base->nfolded < RV_MAX_WORD && is_construct(c, base))
	{
		memcpy(marked, base->folded, (size_t) base->nfolded * sizeof(uint32_t));
		marked[base->nfolded] = RV_CONSTRUCT_MARK;
		folded = marked;
		nfolded = base->nfolded + 1;
	}
	more = spell_rules(c, base, mode, folded, nfolded, c->spellings + found);
	if (more < 0)
		return -1;
	found = rv_names_merge(c->spellings, found, more);
	return found > c->k ? c->k : found;
}
