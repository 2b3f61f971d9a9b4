/*
 * learned_words.h — private: the two sides of a parallel field as the
 * learned layer sees them (learned_words.c), and how well a Hebrew word
 * reads as a romanized one (learned_skeleton.c).
 */
#ifndef REVRIT_LEARNED_WORDS_H
#define REVRIT_LEARNED_WORDS_H

#include <stddef.h>
#include <stdint.h>

#include "buf.h"
#include "revrit.h"

/* Spellings of each word compared with the Hebrew. */
#define ALIGN_K			10
/* A Hebrew word whose consonants agree but that is not among the spellings
 * counts this much of a pair. */
#define RV_MATCH_SKELETON 0.75
/* ... and this much if they are one consonant apart. */
#define RV_MATCH_EDIT	0.5

typedef struct rv_lword
{
	char	   *roman;
	char	   *cands[ALIGN_K];
	double		scores[ALIGN_K];
	int			ncands;
} rv_lword;

typedef struct rv_lcollect
{
	rv_arena   *arena;
	rv_lword	   *w;
	size_t		n,
				cap;
	size_t		max;			/* words wanted at most (0: any) */
	int			oom,
				toolong;		/* stopped: more than max words */
} rv_lcollect;


/* learned_words.c */
int			rv_lw_collect(const rv_candidate *cand, void *arg);
rv_status	rv_lw_roman(const rv_engine *engine, const char *roman, size_t rlen,
						const rv_options *options, int or_converted,
						rv_lcollect *c, char *err);
rv_status	rv_lw_hebrew(const char *hebrew, size_t hlen, rv_arena *arena,
						 char ***hw, long *nhw, char *err);

/* learned_skeleton.c: 1 if heb is one of w's spellings, RV_MATCH_SKELETON
 * if only the consonants agree, RV_MATCH_EDIT if one apart, else 0. */
double		rv_lw_plausible(const rv_lword *w, const char *heb);

#endif							/* REVRIT_LEARNED_WORDS_H */
