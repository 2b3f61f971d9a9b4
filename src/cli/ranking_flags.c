/*
 * ranking_flags.c — the CLI flags of the ranking: the spelling era and,
 * for refitting, the weights themselves.
 */
#include <stdio.h>
#include <string.h>

#include "cli.h"
#include "../core/ranking.h"

int
cli_ranking_flags(cli_engine *ce, int *argc, char **argv)
{
	char		err[RV_ERRLEN];

	rv_ranking_init(&ce->ranking);
	for (int i = 1; i < *argc;)
	{
		const char *flag = argv[i];
		const char *val = i + 1 < *argc ? argv[i + 1] : NULL;

		if (strcmp(flag, "--spelling") && strcmp(flag, "--weights"))
		{
			i++;
			continue;
		}
		if (val == NULL)
		{
			fprintf(stderr, "revrit: %s needs a value\n", flag);
			return 0;
		}
		if (strcmp(flag, "--weights") == 0)
		{
			if (!rv_ranking_parse(&ce->ranking, val, err))
			{
				fprintf(stderr, "revrit: %s\n", err);
				return 0;
			}
			ce->options.ranking = &ce->ranking;
		}
		else if (strcmp(val, "auto") == 0)
			ce->options.spelling = RV_SPELLING_AUTO;
		else if (strcmp(val, "modern") == 0)
			ce->options.spelling = RV_SPELLING_MODERN;
		else if (strcmp(val, "traditional") == 0)
			ce->options.spelling = RV_SPELLING_TRADITIONAL;
		else
		{
			fprintf(stderr, "revrit: --spelling takes auto, modern or traditional\n");
			return 0;
		}
		cli_drop_args(argc, argv, i, 2);
	}
	return 1;
}
