/*
 * ranking.c — the weights of the score (ranking.h) and the language cost.
 */
#include <stddef.h>
#include <stdlib.h>
#include <string.h>

#include "alloc.h"
#include "lexicon.h"
#include "ranking.h"

void
rv_ranking_init(rv_ranking *w)
{
	w->rule = RV_RANK_RULE;
	w->vowel = RV_RANK_VOWEL;
	w->char_unknown = RV_RANK_CHAR_UNKNOWN;
	w->char_known = RV_RANK_CHAR_KNOWN;
	w->freq = RV_RANK_FREQ;
	w->freq_unknown = RV_RANK_FREQ_UNKNOWN;
	w->bonus_dict = RV_RANK_BONUS_DICT;
	w->bonus_common = RV_RANK_BONUS_COMMON;
	w->bonus_both = RV_RANK_BONUS_BOTH;
	w->bonus_freq_only = RV_RANK_BONUS_FREQ_ONLY;
	w->mater = RV_RANK_MATER;
}

static double *
field(rv_ranking *w, const char *name, size_t len)
{
	static const struct
	{
		const char *name;
		size_t		off;
	}			fields[] = {
		{"rule", offsetof(rv_ranking, rule)},
		{"vowel", offsetof(rv_ranking, vowel)},
		{"char_unknown", offsetof(rv_ranking, char_unknown)},
		{"char_known", offsetof(rv_ranking, char_known)},
		{"freq", offsetof(rv_ranking, freq)},
		{"freq_unknown", offsetof(rv_ranking, freq_unknown)},
		{"bonus_dict", offsetof(rv_ranking, bonus_dict)},
		{"bonus_common", offsetof(rv_ranking, bonus_common)},
		{"bonus_both", offsetof(rv_ranking, bonus_both)},
		{"bonus_freq_only", offsetof(rv_ranking, bonus_freq_only)},
		{"mater", offsetof(rv_ranking, mater)},
	};

	for (size_t i = 0; i < sizeof(fields) / sizeof(fields[0]); i++)
		if (strlen(fields[i].name) == len && memcmp(fields[i].name, name, len) == 0)
			return (double *) ((char *) w + fields[i].off);
	return NULL;
}

int
rv_ranking_parse(rv_ranking *w, const char *spec, char *err)
{
	const char *p = spec;

	while (*p)
	{
		const char *eq = strchr(p, '=');
		char	   *end;
		double	   *f;

		if (eq == NULL || (f = field(w, p, (size_t) (eq - p))) == NULL)
		{
			rv_seterr(err, "unknown ranking weight in \"%s\"", p);
			return 0;
		}
		*f = strtod(eq + 1, &end);
		if (end == eq + 1 || (*end != ',' && *end != '\0'))
		{
			rv_seterr(err, "bad value for ranking weight in \"%s\"", p);
			return 0;
		}
		p = *end ? end + 1 : end;
	}
	return 1;
}

double
rv_rank_freq(const rv_ranking *w, double freq_cost)
{
	return w->freq * ((freq_cost >= 0 ? freq_cost : w->freq_unknown) -
					  RV_FREQ_PIVOT);
}

double
rv_rank_bonus(const rv_ranking *w, int tags, double dict_bonus_override,
			  int has_common)
{
	switch (tags)
	{
		case 0:
			return 0;
		case RV_LEX_DICT:
			/* a lexicon without a common-words list: its words may be
			 * common, so they earn the common-only bonus */
			return dict_bonus_override >= 0 ? dict_bonus_override :
				has_common ? w->bonus_dict : w->bonus_common;
		case RV_LEX_COMMON:
			return w->bonus_common;
		case RV_LEX_FREQ:
			return w->bonus_freq_only;
		default:
			return w->bonus_both;
	}
}
