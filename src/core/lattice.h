/*
 * lattice.h — private: the n best Hebrew spellings of one romanized word.
 *
 * The word's code points become a lattice: node i is the gap before code
 * point i, and every rule token matching at i adds weighted edges carrying
 * Hebrew symbols.  A k-best dynamic programme over (position, lexicon trie
 * node, character-model context) finds the n cheapest distinct spellings
 * exactly; its cost is linear in the word's length.
 */
#ifndef REVRIT_LATTICE_H
#define REVRIT_LATTICE_H

#include <stdint.h>

#include "buf.h"
#include "lexicon.h"
#include "rules.h"

/*
 * Ranking weights (costs; lower is better).  One unit is one step down a
 * rule's option list.  The character model costs bits, scaled by
 * RV_CHAR_WEIGHT; a spelling the lexicon's dictionary knows earns
 * RV_LEXICON_BONUS, one in its list of common words RV_COMMON_BONUS (both
 * add up: a common word beats a rare homograph).
 * Tuned on development data (README, "Accuracy").
 */
#ifndef RV_CHAR_WEIGHT
#define RV_CHAR_WEIGHT		0.1
#endif
#ifndef RV_CHAR_WEIGHT_KNOWN
#define RV_CHAR_WEIGHT_KNOWN 0.1
#endif
#ifndef RV_COMMON_BONUS
#define RV_COMMON_BONUS		6.0
#endif
#ifndef RV_LEXICON_BONUS
#define RV_LEXICON_BONUS	3.0
#endif
/* ... and when the lexicon has no list of common words to share it with */
#define RV_LEXICON_BONUS_ALONE 6.0

/* Words longer than this (in code points) are not romanized Hebrew. */
#define RV_MAX_WORD			64

typedef struct rv_spelling
{
	uint8_t    *sym;			/* lexicon.h symbols, in the arena */
	int			nsym;
	double		score;
	double		rule_cost;
	double		char_cost;
	double		lexicon_bonus;
	int			in_lexicon;
} rv_spelling;

typedef struct rv_search rv_search;

/* Scratch space reused across the words of one call. */
rv_search  *rv_search_new(void);
void		rv_search_free(rv_search *s);

/*
 * Fill out[0..k) with the k best distinct spellings of a folded, lower-case
 * word (lex may be NULL).  Returns how many were found: 0 if no rule covers
 * some character, -1 if out of memory.
 */
int			rv_spell_word(rv_search *s, const rv_rules *rules,
						  const rv_lexicon *lex, const uint32_t *cps, int n,
						  int k, rv_arena *arena, rv_spelling *out);

#endif							/* REVRIT_LATTICE_H */
