/*
 * test_ranking.c — unit tests of src/core/ranking.c: the weights, their
 * parsing (the CLI's --weights) and the parts of the language cost.
 */
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "lexicon.h"
#include "ranking.h"
#include "unit.h"

#define NEAR(a, b) (fabs((a) - (b)) < 1e-9)

static void
test_parse(void)
{
	rv_ranking	w;
	char		err[RV_ERRLEN];

	rv_ranking_init(&w);
	CHECK(NEAR(w.freq, RV_RANK_FREQ) && NEAR(w.bonus_both, RV_RANK_BONUS_BOTH));
	CHECK(rv_ranking_parse(&w, "", err));
	CHECK(rv_ranking_parse(&w, "freq=1.5,rule=2", err));
	CHECK(NEAR(w.freq, 1.5) && NEAR(w.rule, 2) && NEAR(w.vowel, RV_RANK_VOWEL));
	CHECK(!rv_ranking_parse(&w, "fre=1", err));
	CHECK(strstr(err, "unknown ranking weight") != NULL);
	CHECK(!rv_ranking_parse(&w, "freq=", err));
	CHECK(!rv_ranking_parse(&w, "freq=1x", err));
	CHECK(!rv_ranking_parse(&w, "freq", err));
}

static void
test_language_parts(void)
{
	rv_ranking	w;

	rv_ranking_init(&w);
	w.freq = 0.5;
	w.freq_unknown = 8;
	/* one in 100,000 words costs nothing; ten times as frequent, -freq */
	CHECK(NEAR(rv_rank_freq(&w, RV_FREQ_PIVOT), 0));
	CHECK(NEAR(rv_rank_freq(&w, RV_FREQ_PIVOT - 1), -0.5));
	CHECK(NEAR(rv_rank_freq(&w, -1), 0.5 * (8 - RV_FREQ_PIVOT)));
	/* the bonus by the lists that have the word */
	CHECK(NEAR(rv_rank_bonus(&w, 0, -1, 1), 0));
	CHECK(NEAR(rv_rank_bonus(&w, RV_LEX_DICT, -1, 1), w.bonus_dict));
	CHECK(NEAR(rv_rank_bonus(&w, RV_LEX_DICT, -1, 0), w.bonus_common));
	CHECK(NEAR(rv_rank_bonus(&w, RV_LEX_DICT, 3.5, 1), 3.5));
	CHECK(NEAR(rv_rank_bonus(&w, RV_LEX_COMMON, -1, 1), w.bonus_common));
	CHECK(NEAR(rv_rank_bonus(&w, RV_LEX_DICT | RV_LEX_COMMON, -1, 1), w.bonus_both));
	CHECK(NEAR(rv_rank_bonus(&w, RV_LEX_FREQ, -1, 1), w.bonus_freq_only));
}

int
main(void)
{
	test_parse();
	test_language_parts();
	printf("%d passed, %d failed\n", npassed, nfailed);
	return nfailed != 0;
}
