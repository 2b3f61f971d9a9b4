/*
 * spell_language.c — a word's spellings from its language's own rules and
 * lexicon, merged with those of the language's component (spell_language.h).
 *
 * Yiddish keeps the Hebrew spelling of its Hebrew-origin words: sholem is
 * שלום, not the phonetic שאָלעם.  The component's rules (the Ashkenazi
 * reading of Hebrew letters) over-generate, so their spellings count only
 * when a lexicon knows them, at a cost the rule file sets: lower in the
 * language's own lexicon (the word is in Yiddish use), higher in the Hebrew
 * one.  The cheapest spelling wins either way.
 */
#include <string.h>

#include "points.h"
#include "spell_language.h"

/* Same letters, points aside? */
static int
same_letters(const rv_spelling *a, const rv_spelling *b)
{
	int			i = 0,
				j = 0;

	for (;;)
	{
		while (i < a->nsym && rv_sym_is_mark(a->sym[i]))
			i++;
		while (j < b->nsym && rv_sym_is_mark(b->sym[j]))
			j++;
		if (i == a->nsym || j == b->nsym)
			return i == a->nsym && j == b->nsym;
		if (a->sym[i++] != b->sym[j++])
			return 0;
	}
}

/* Put sp into the sorted list out[0..*found) of at most k. */
static void
merge_one(rv_spelling *out, int *found, int k, const rv_spelling *sp)
{
	int			at;

	for (int i = 0; i < *found; i++)
		if (same_letters(&out[i], sp))
		{
			if (sp->score >= out[i].score)
				return;
			/* cheaper by the component: keep the pointed form's symbols */
			{
				rv_spelling keep = out[i];

				keep.score = sp->score;
				keep.rule_cost = sp->rule_cost;
				keep.char_cost = sp->char_cost;
				keep.lexicon_bonus = sp->lexicon_bonus;
				keep.in_lexicon = sp->in_lexicon;
				keep.channel = sp->channel;
				keep.language = sp->language;
				keep.freq_cost = sp->freq_cost;
				memmove(&out[i], &out[i + 1], (size_t) (*found - i - 1) * sizeof(*out));
				(*found)--;
				merge_one(out, found, k, &keep);
			}
			return;
		}
	if (*found == k && sp->score >= out[k - 1].score)
		return;
	at = *found < k ? (*found)++ : k - 1;
	while (at > 0 && out[at - 1].score > sp->score)
	{
		out[at] = out[at - 1];
		at--;
	}
	out[at] = *sp;
}

/* The component's spellings that lex knows, at cost extra; -1 on OOM. */
static int
add_component(rv_search *s, const rv_rules *comp, const rv_lexicon *lex,
			  float extra, const uint32_t *cps, int n, int k, rv_arena *arena,
			  rv_spelling *out, int *found)
{
	/* the k best known spellings, searched as such: taking the k best and
	 * keeping the known ones would make the n best depend on n */
	rv_spelling *tmp = rv_arena_alloc(arena, (size_t) k * sizeof(rv_spelling));
	int			m;

	if (tmp == NULL)
		return -1;
	rv_search_set_known_only(s, 1);
	m = rv_spell_word(s, comp, lex, cps, n, k, arena, tmp);
	rv_search_set_known_only(s, 0);
	if (m < 0)
		return -1;
	for (int i = 0; i < m; i++)
	{
		if (!tmp[i].in_lexicon)
			continue;			/* cannot happen: kept as the contract */
		tmp[i].score += extra;
		tmp[i].rule_cost += extra;
		tmp[i].channel += extra;	/* score = channel + language */
		merge_one(out, found, k, &tmp[i]);
	}
	return 0;
}

/* The component's known spellings of a word into out; -1 on OOM. */
static int
spell_component(rv_search *s, const rv_engine *e, const rv_rules *r,
				const rv_rules *comp, const rv_lexicon *own, int any_word,
				const uint32_t *cps, int n, int k, rv_arena *arena,
				rv_spelling *out, int *found)
{
	if (own && add_component(s, comp, own, r->lang.component_own, cps, n, k,
							 arena, out, found) < 0)
		return -1;
	if (e->lexicon && e->lexicon != own &&
		(any_word || rv_language_component_word(&r->lang, cps, n)) &&
		add_component(s, comp, e->lexicon, r->lang.component_other, cps, n,
					  k, arena, out, found) < 0)
		return -1;
	return 0;
}

/* Drop spellings that differ from a better one only in points (vu: װוּ
 * and װו); returns how many remain. */
static int
drop_point_variants(rv_spelling *out, int found)
{
	int			kept = 0;

	for (int i = 0; i < found; i++)
	{
		int			dup = 0;

		for (int j = 0; j < kept && !dup; j++)
			dup = same_letters(&out[j], &out[i]);
		if (!dup)
			out[kept++] = out[i];
	}
	return kept;
}

int
rv_spell_in_language(rv_search *s, const rv_engine *e, const rv_rules *r,
					 rv_spell_mode mode, const uint32_t *cps, int n, int k,
					 rv_arena *arena, rv_spelling *out)
{
	const rv_lexicon *own = mode != RV_SPELL_RULES_ONLY ?
		rv_engine_lexicon_for(e, r) : NULL;
	const rv_rules *comp = mode == RV_SPELL_RULES_ONLY ||
		r->lang.component[0] == '\0' ? NULL :
		rv_engine_rules_named(e, r->lang.component);
	int			found = 0;

	/* after a Hebrew prefix the word is Hebrew: its own spelling first */
	if (comp && mode == RV_SPELL_AFTER_PREFIX)
	{
		if (spell_component(s, e, r, comp, own, 1, cps, n, k, arena, out,
							&found) < 0)
			return -1;
		if (found > 0)
			return found;
	}
	found = rv_spell_word(s, r, own, cps, n, k, arena, out);
	if (found > 1 && r->lang.name[0] != '\0')	/* only such rules write points */
		found = drop_point_variants(out, found);
	if (found < 0 || comp == NULL || mode == RV_SPELL_AFTER_PREFIX)
		return found;
	if (spell_component(s, e, r, comp, own, 0, cps, n, k, arena, out,
						&found) < 0)
		return -1;
	return found;
}
