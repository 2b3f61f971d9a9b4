/*
 * cli_lexicons.c — the lexicons rule files name ("lexicon yiddish"), found
 * beside the main lexicon: build/hebrew.rvlex → build/yiddish.rvlex.
 */
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>

#include "cli.h"

int
cli_attach_named_lexicons(cli_engine *ce, const char *lexicon)
{
	const char *slash = strrchr(lexicon, '/');
	int			dirlen = slash ? (int) (slash - lexicon + 1) : 0;
	const char *name;
	char		err[RV_ERRLEN];

	for (int i = 0; (name = rv_engine_lexicon_name(ce->engine, i)) != NULL; i++)
	{
		char		path[4096];
		struct stat sb;
		rv_lexicon *lex;

		if (ce->nnamed == (int) (sizeof(ce->named) / sizeof(ce->named[0])))
			break;
		snprintf(path, sizeof(path), "%.*s%s.rvlex", dirlen, lexicon, name);
		if (stat(path, &sb) != 0)
			continue;			/* that standard ranks with rules only */
		if (rv_lexicon_open(path, &lex, err) != RV_OK ||
			rv_engine_attach_lexicon(ce->engine, name, lex, err) != RV_OK)
		{
			fprintf(stderr, "revrit: %s\n", err);
			return 2;
		}
		ce->named[ce->nnamed++] = lex;
	}
	return 0;
}
