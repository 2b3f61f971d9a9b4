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
 * RV_CHAR_WEIGHT (RV_CHAR_WEIGHT_KNOWN for a word the lexicon knows).  A
 * spelling the lexicon knows earns a bonus by where it is listed: in the
 * spelling dictionary only (it may be a rare form), in the list of words
 * in common use only (names, loanwords), or in both (a common word, which
 * so beats a rare homograph: משה over מושה).  A lexicon built without a
 * common-words list gives its words RV_BONUS_DICT_ALONE.  Tuned on
 * development data (README, "Ranking").
 */
#define RV_CHAR_WEIGHT		0.1
#define RV_CHAR_WEIGHT_KNOWN 0.1
#define RV_BONUS_DICT_ONLY	5.0
#define RV_BONUS_COMMON_ONLY 6.0
#define RV_BONUS_BOTH		8.0
#define RV_BONUS_DICT_ALONE 6.0

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
	double		context;		/* set by context.c; 0 from the search */
} rv_spelling;

typedef struct rv_search rv_search;

/* Scratch space reused across the words of one call. */
rv_search  *rv_search_new(void);
void		rv_search_free(rv_search *s);

/* Rank with the rules' weights for a text without romanization marks
 * (rules/README.md, "ח:4/1.5") or, plain = 0, for one with them. */
void		rv_search_set_plain(rv_search *s, int plain);

/*
 * Fill out[0..k) with the k best distinct spellings of a folded, lower-case
 * word (lex may be NULL).  Returns how many were found: 0 if no rule covers
 * some character, -1 if out of memory.
 */
int			rv_spell_word(rv_search *s, const rv_rules *rules,
						  const rv_lexicon *lex, const uint32_t *cps, int n,
						  int k, rv_arena *arena, rv_spelling *out);

#endif							/* REVRIT_LATTICE_H */
