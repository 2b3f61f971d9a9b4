/*
 * ranking.h — private: the score of a candidate spelling.
 *
 * A noisy-channel score, in costs (lower is better):
 *
 *   score = channel + language
 *   channel  = rule x (sum of the rule options' weights)
 *   language = freq x (-log10 f - RV_FREQ_PIVOT)   f: the word's frequency
 *                                                   (freq_unknown if none)
 *            + char_known|char_unknown x (character-model bits)
 *            - bonus_dict|common|both|freq_only    by the lists that have it
 *
 * The rule weights are steps of doubt (0 = what the standard prescribes);
 * the character model backs the frequency off for words no list has
 * (names).  The mixing weights are fitted by record-level 5-fold
 * cross-validation on the development pairs (bench/fit_ranking.py, which
 * prints the cross-validated figure); RV_RANK_* below are the weights it
 * fitted on all the pairs.
 */
#ifndef REVRIT_RANKING_H
#define REVRIT_RANKING_H

#include "revrit.h"

/* -log10 f of a word neither rewarded nor penalized by its frequency: one
 * in 100,000 running words.  Only shifts scores; keeps them readable. */
#define RV_FREQ_PIVOT		5.0

#define RV_RANK_RULE		1.0
#define RV_RANK_CHAR_UNKNOWN 0.1
#define RV_RANK_CHAR_KNOWN	0.1
#define RV_RANK_FREQ		0.0
#define RV_RANK_FREQ_UNKNOWN 7.0
#define RV_RANK_BONUS_DICT	5.0
#define RV_RANK_BONUS_COMMON 6.0
#define RV_RANK_BONUS_BOTH	8.0
#define RV_RANK_BONUS_FREQ_ONLY 1.0
#define RV_RANK_MATER		1.0

/* Fill w from "name=value,name=value" over the defaults (for refitting:
 * the CLI's --weights); 0 and a message in err on an unknown name. */
int			rv_ranking_parse(rv_ranking *w, const char *spec, char *err);

/* The language cost of a closed word: tags as rv_lex_word_tags(),
 * freq_cost -log10 f or < 0 if unknown, bits its character-model cost. */
double		rv_rank_language(const rv_ranking *w, int tags, double freq_cost,
							 double bits, double dict_bonus_override,
							 int has_common);

#endif							/* REVRIT_RANKING_H */
