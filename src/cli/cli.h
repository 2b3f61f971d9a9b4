/*
 * cli.h — the revrit command-line tool: shared set-up and the subcommands.
 */
#ifndef REVRIT_CLI_H
#define REVRIT_CLI_H

#include <stdio.h>
#include <sys/types.h>

#include "../core/revrit.h"

/* What every subcommand that converts needs: where the standards and the
 * lexicon live, and the conversion options. */
typedef struct cli_engine
{
	rv_rules   *rules[RV_MAX_STANDARDS];
	int			nrules;
	rv_lexicon *lexicon;		/* NULL = rules only */
	rv_lexicon *named[4];		/* lexicons rule files name (cli_lexicons.c) */
	int			nnamed;
	rv_engine  *engine;
	rv_options	options;
	rv_ranking	ranking;		/* options.ranking points here if set */
} cli_engine;

/* Where the standards and the lexicon are when nothing says (defaults.c):
 * the source tree for build/revrit, the installation for installed revrit. */
extern const char *const cli_default_rules;
extern const char *const cli_default_lexicon;

/*
 * Parse the common flags out of argv (removing them) and build the engine:
 *   --rules DIR|FILE   rule files (default: $REVRIT_RULES, else
 *                      cli_default_rules)
 *   --lexicon FILE     compiled lexicon, or "none" (default: $REVRIT_LEXICON,
 *                      else cli_default_lexicon when it exists)
 *   --standard NAME    rule set to use (default: the first loaded)
 *   --hyphen maqaf|ascii
 * Returns 0 on success; prints the error and returns 2 otherwise.
 */
int			cli_engine_open(cli_engine *ce, int *argc, char **argv);
void		cli_engine_close(cli_engine *ce);

/* Open the lexicons the standards name (NAME.rvlex beside the main
 * lexicon; a missing one leaves its standard with rules only) and attach
 * them.  0 on success; prints the error and returns 2 otherwise. */
int			cli_attach_named_lexicons(cli_engine *ce, const char *lexicon);

/* Remove count arguments from argv at i. */
void		cli_drop_args(int *argc, char **argv, int i, int count);

/* Read one line (without its newline) into a growing buffer; -1 at the
 * end of the input. */
ssize_t		cli_read_line(char **buf, size_t *cap, FILE *fp);

/* Subcommands; each returns the process exit status. */
int			cmd_convert(int argc, char **argv);	/* cmd_lines.c */
int			cmd_candidates(int argc, char **argv);	/* cmd_lines.c */
int			cmd_analyze(int argc, char **argv);	/* cmd_lines.c */
int			cmd_bench(int argc, char **argv);	/* cmd_bench.c */
int			cmd_eval(int argc, char **argv);	/* cmd_eval.c */
int			cmd_score(int argc, char **argv);	/* cmd_eval.c */
int			cmd_lexicon(int argc, char **argv); /* cmd_lexicon.c */
int			cmd_align(int argc, char **argv);	/* cmd_align.c */

/* Take --spelling auto|modern|traditional and --weights NAME=V,... (the
 * ranking weights, for refitting: bench/fit_ranking.py) out of argv into
 * ce->options; 0 after printing an error.  ranking_flags.c */
int			cli_ranking_flags(cli_engine *ce, int *argc, char **argv);
int			cmd_detect(int argc, char **argv);	/* cmd_detect.c */
int			cmd_marc(int argc, char **argv);	/* cmd_marc.c */

#endif							/* REVRIT_CLI_H */
