/*
 * learned.h — private: the learned layer, word spellings a catalogue has
 * taught (revrit_learn, or a cataloguer by hand), consulted before the
 * general lexicon when a word is converted.
 */
#ifndef REVRIT_LEARNED_H
#define REVRIT_LEARNED_H

#include <stddef.h>
#include <stdint.h>

#include "revrit.h"

/*
 * How strongly a learned spelling counts.  A learned form seen `count`
 * times earns RV_LEARNED_BONUS + RV_LEARNED_BONUS_LOG * ln(count) against
 * the lattice's best spelling; a form the lattice does not rank among its
 * RV_LEARNED_K best pays RV_LEARNED_UNSEEN on top of the best's score.
 * Fitted by 5-fold cross-validation on the development pairs (README,
 * "Learning from the catalogue").
 */
#define RV_LEARNED_K			8
#ifndef RV_LEARNED_BONUS		/* -D overrides, for fitting */
#define RV_LEARNED_BONUS		3.0
#define RV_LEARNED_BONUS_LOG	1.0
#define RV_LEARNED_UNSEEN		2.0
#endif

/* A normalized key is at most this long (bytes); longer words are never
 * learned nor looked up. */
#define RV_LEARNED_MAX_KEY		512

/* Largest alignment table (romanized words x Hebrew words) of one field. */
#define RV_MAX_ALIGN_CELLS		(1u << 20)

/* One learned spelling of a word. */
typedef struct rv_learned_form
{
	const char *hebrew;
	long		count;
	struct rv_learned_form *next;
} rv_learned_form;

/*
 * The key of a romanized word cps[0..n): lower case, apostrophe and
 * hyphen look-alikes unified.  Returns the key's length in key (which
 * holds RV_LEARNED_MAX_KEY + 1 bytes), or 0 if the word is too long.
 */
size_t		rv_learned_key(const uint32_t *cps, size_t n, char *key);

/* The learned spellings of the word cps[0..n), or NULL. */
const rv_learned_form *rv_learned_lookup(const rv_learned *m,
										 const uint32_t *cps, size_t n);

/*
 * Which spelling of a word wins: cands[0..ncands) are the lattice's best
 * spellings (best first) with their scores.  Returns -1 to keep cands[0]'s
 * choice as it is, an index into cands, or ncands with *form set to a
 * learned spelling the lattice did not produce.
 */
int			rv_learned_choose(const rv_learned_form *forms,
							  const char *const *cands, const double *scores,
							  int ncands, const char **form);

#endif							/* REVRIT_LEARNED_H */
