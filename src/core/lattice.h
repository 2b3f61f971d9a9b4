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
#include "ranking.h"
#include "lexicon.h"
#include "rules.h"

/* The bonus of a word both word lists know, for the word-list readings
 * (names.c) and detection (detect_plain.c) to rank on the same scale. */
#define RV_BONUS_BOTH		RV_RANK_BONUS_BOTH

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
	double		channel;		/* weighted rule cost (ranking.h) */
	double		language;		/* language cost (ranking.h) */
	double		freq_cost;		/* -log10 frequency, or -1 if unknown */
	int32_t    *opts;			/* rule options used, if asked for */
	int			nopts;
	int			in_lexicon;
	double		context;		/* set by context.c; 0 from the search */
} rv_spelling;

typedef struct rv_search rv_search;

/* Scratch space reused across the words of one call. */
rv_search  *rv_search_new(void);
void		rv_search_free(rv_search *s);
/* Ranking weights, spelling era and interrupt callback of a call (NULL:
 * the defaults, no callback).  The callback runs every RV_INTERRUPT_TICKS
 * hyps extended (cancel, statement_timeout). */
void		rv_search_configure(rv_search *s, const rv_options *options);

#define RV_INTERRUPT_TICKS	4096

/* Rank with the rules' weights for a text without romanization marks
 * (rules/README.md, "ח:4/1.5") or, plain = 0, for one with them. */
void		rv_search_set_plain(rv_search *s, int plain);

/* known_only = 1: only spellings the lexicon knows (cut as soon as it knows
 * no word that goes on so), so the k best are the k best known ones. */
void		rv_search_set_known_only(rv_search *s, int known_only);

/*
 * Fill out[0..k) with the k best distinct spellings of a folded, lower-case
 * word (lex may be NULL).  Returns how many were found: 0 if no rule covers
 * some character, -1 if out of memory.
 */
int			rv_spell_word(rv_search *s, const rv_rules *rules,
						  const rv_lexicon *lex, const uint32_t *cps, int n,
						  int k, rv_arena *arena, rv_spelling *out);

#endif							/* REVRIT_LATTICE_H */
