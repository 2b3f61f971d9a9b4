/*
 * eval_learn.h — "revrit eval --learn-folds K" (eval_learn.c).
 */
#ifndef REVRIT_EVAL_LEARN_H
#define REVRIT_EVAL_LEARN_H

#include "cli.h"
#include "../tools/score.h"

/* Longest cross-validation accepted. */
#define EVAL_MAX_FOLDS 100

/* Print the scores without and with learning, k-fold; 0 or an exit code. */
int			eval_learn_folds(const cli_engine *ce, const score_pairs *pairs,
							 unsigned folds, int by_field);

#endif							/* REVRIT_EVAL_LEARN_H */
