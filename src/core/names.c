/*
 * names.c — which word lists apply to a field, and looking a word up in
 * them (names.h).  Name headings and imprints are full of words that are
 * not romanized Hebrew but established forms (Simon, Jacob, Warszawa):
 * their Hebrew comes from lists kept as data, not from the letters.
 */
#include <string.h>

#include "detect_plain.h"
#include "names.h"

/* The lists give Hebrew spellings: in a field of their kind converted
 * with a Hebrew standard, or with a standard they name. */
static int
list_applies(const rv_wordlist *wl, const rv_rules *r, rv_kind kind)
{
	int			hebrew = r->lang.name[0] == '\0' || strcmp(r->lang.name, "hebrew") == 0;

	if (wl == NULL)
		return 0;
	if (hebrew && (wl->kinds & (1u << kind)))
		return 1;
	for (int i = 0; i < wl->nstandards; i++)
		if (strcmp(wl->standards[i], r->name) == 0)
			return 1;
	return 0;
}

const rv_word_entry *
rv_names_lookup(const rv_engine *e, const rv_rules *r, rv_kind kind,
				const uint32_t *cps, size_t from, size_t to)
{
	char		key[RV_WL_MAX_KEY];
	const rv_word_entry *hit;

	if (!rv_wordlist_key(cps, from, to, key))
		return NULL;
	if (r->words && (hit = rv_wordlist_find(r->words, key)) != NULL)
		return hit;
	for (int i = 0; i < e->nlists; i++)
		if (list_applies(e->lists[i]->words, r, kind) &&
			(hit = rv_wordlist_find(e->lists[i]->words, key)) != NULL)
			return hit;
	return NULL;
}

int
rv_names_is_latin(const rv_engine *e, const rv_rules *r, rv_kind kind,
				  const uint32_t *cps, size_t from, size_t to)
{
	char		key[RV_WL_MAX_KEY];

	if (!rv_wordlist_exact_key(cps, from, to, key))
		return 0;
	if (r->words && rv_wordlist_is_foreign(r->words, key))
		return 1;
	for (int i = 0; i < e->nlists; i++)
		if (list_applies(e->lists[i]->words, r, kind) &&
			rv_wordlist_is_foreign(e->lists[i]->words, key))
			return 1;
	return 0;
}

const rv_rules *
rv_names_kind_standard(const rv_engine *e, rv_kind kind)
{
	for (int i = 0; i < e->nrules; i++)
	{
		const rv_wordlist *wl = e->rules[i]->words;

		if (wl && (wl->kinds & (1u << kind)))
			return e->rules[i];
	}
	return NULL;
}

int
rv_names_spell(const rv_engine *e, const rv_rules *r, rv_kind kind,
			   const uint32_t *cps, size_t from, size_t to,
			   rv_arena *arena, rv_spelling *out)
{
	const rv_word_entry *hit = rv_names_lookup(e, r, kind, cps, from, to);
	int			n;

	if (hit == NULL)
		return 0;
	/* all of them, whatever k: the caller ranks them with the rules' and
	 * keeps k, so the first k do not depend on k */
	n = hit->noptions;
	for (int i = 0; i < n; i++)
	{
		const rv_word_option *o = &hit->options[i];
		uint8_t    *sym = rv_arena_alloc(arena, o->nsym ? o->nsym : 1);

		if (sym == NULL)
			return -1;
		memcpy(sym, o->sym, o->nsym);
		out[i].sym = sym;
		out[i].nsym = o->nsym;
		/* known like a common word, where a lexicon ranks at all */
		out[i].rule_cost = o->weight;
		out[i].char_cost = 0;
		out[i].lexicon_bonus = e->lexicon ? RV_BONUS_BOTH : 0;
		out[i].score = o->weight - out[i].lexicon_bonus;
		out[i].in_lexicon = e->lexicon != NULL;
		/* score = channel + language, as the lattice's (lattice.h) */
		out[i].channel = o->weight;
		out[i].language = -out[i].lexicon_bonus;
		out[i].freq_cost = -1;
		out[i].opts = NULL;
		out[i].nopts = 0;
	}
	return n;
}

/* Stable insertion sort by score: the list's readings compete with the
 * rules' on the same scale, and candidates are always best first. */
void
rv_names_sort(rv_spelling *out, int n)
{
	for (int i = 1; i < n; i++)
	{
		rv_spelling x = out[i];
		int			j = i;

		while (j > 0 && out[j - 1].score > x.score)
		{
			out[j] = out[j - 1];
			j--;
		}
		out[j] = x;
	}
}

int
rv_names_merge(rv_spelling *out, int nlist, int nmore)
{
	int			n = nlist;

	for (int i = nlist; i < nlist + nmore; i++)
	{
		int			dup = 0;

		for (int j = 0; j < nlist && !dup; j++)
			dup = out[j].nsym == out[i].nsym &&
				memcmp(out[j].sym, out[i].sym, (size_t) out[i].nsym) == 0;
		if (!dup)
			out[n++] = out[i];
	}
	if (nlist > 0)
		rv_names_sort(out, n);
	return n;
}

const rv_rules *
rv_names_field_standard(const rv_engine *e, rv_kind kind, int main_part,
						const uint32_t *cps, size_t from, size_t to,
						rv_search *search, rv_arena *arena, rv_spelling *sp,
						rv_plain_memo *memo)
{
	if (kind == RV_KIND_NAME)
		return rv_names_kind_standard(e, kind);
	if (kind == RV_KIND_IMPRINT && !main_part)
		return NULL;
	return rv_detect_plain(e, cps, from, to, search, arena, sp, memo);
}
