/*
 * spell_language.h — private: spelling one word in the language of a
 * standard: with the lexicon its rule file names, and, for a language with
 * a merged component (the Hebrew words of Yiddish), also by the
 * component's rules where a lexicon knows the result.
 */
#ifndef REVRIT_SPELL_LANGUAGE_H
#define REVRIT_SPELL_LANGUAGE_H

#include "engine.h"
#include "lattice.h"

/*
 * How to spell: rules only (an initial such as Sh.), as usual, or after a
 * hyphenated Hebrew prefix (ḳidesh ha-Shem), where a language with a
 * merged component takes the component's spelling when a lexicon knows
 * one.
 */
typedef enum rv_spell_mode
{
	RV_SPELL_RULES_ONLY = 0,
	RV_SPELL_USUAL,
	RV_SPELL_AFTER_PREFIX
} rv_spell_mode;

/*
 * As rv_spell_word, for standard r of engine e.  Returns how many of
 * out[0..k) were filled, best first; -1 if out of memory.
 */
int			rv_spell_in_language(rv_search *s, const rv_engine *e,
								 const rv_rules *r, rv_spell_mode mode,
								 const uint32_t *cps, int n, int k,
								 rv_arena *arena, rv_spelling *out);

#endif							/* REVRIT_SPELL_LANGUAGE_H */
