/*
 * cli.h — the revrit command-line tool: shared set-up and the subcommands.
 */
#ifndef REVRIT_CLI_H
#define REVRIT_CLI_H

#include "../core/revrit.h"

/* What every subcommand that converts needs: where the standards and the
 * lexicon live, and the conversion options. */
typedef struct cli_engine
{
	rv_rules   *rules[16];
	int			nrules;
	rv_lexicon *lexicon;		/* NULL = rules only */
	rv_engine  *engine;
	rv_options	options;
	rv_ranking	ranking;		/* options.ranking points here if set */
} cli_engine;

/*
 * Parse the common flags out of argv (removing them) and build the engine:
 *   --rules DIR|FILE   rule files (default: $REVRIT_RULES or ./rules)
 *   --lexicon FILE     compiled lexicon, or "none" (default: $REVRIT_LEXICON,
 *                      else build/hebrew.rvlex when it exists)
 *   --standard NAME    rule set to use (default: the first loaded)
 *   --hyphen maqaf|ascii
 * Returns 0 on success; prints the error and returns 2 otherwise.
 */
int			cli_engine_open(cli_engine *ce, int *argc, char **argv);
void		cli_engine_close(cli_engine *ce);

/* Take --spelling auto|modern|traditional and --weights NAME=V,... (the
 * ranking weights, for refitting: bench/fit_ranking.py) out of argv into
 * ce->options; 0 after printing an error.  ranking_flags.c */
int			cli_ranking_flags(cli_engine *ce, int *argc, char **argv);

/* Subcommands; each returns the process exit status. */
int			cmd_convert(int argc, char **argv);
int			cmd_candidates(int argc, char **argv);
int			cmd_analyze(int argc, char **argv);
int			cmd_bench(int argc, char **argv);
int			cmd_eval(int argc, char **argv);	/* cmd_eval.c */
int			cmd_score(int argc, char **argv);	/* cmd_eval.c */
int			cmd_lexicon(int argc, char **argv); /* cmd_lexicon.c */
int			cmd_align(int argc, char **argv);	/* cmd_align.c */

#endif							/* REVRIT_CLI_H */
