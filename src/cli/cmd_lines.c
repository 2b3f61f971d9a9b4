/*
 * cmd_lines.c — the subcommands that read romanized text line by line from
 * standard input: convert (one Hebrew line per line), candidates (a TSV of
 * ranked spellings by line and word) and analyze (one JSON per line).
 */
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"

/* Take "-n N" out of argv into *n; 0 if N is not a whole number. */
static int
take_count(int *argc, char **argv, int *n)
{
	for (int i = 1; i < *argc; i++)
		if (strcmp(argv[i], "-n") == 0)
		{
			char	   *end;
			long		v = i + 1 < *argc ? strtol(argv[i + 1], &end, 10) : 0;

			if (i + 1 == *argc || end == argv[i + 1] || *end != '\0' ||
				v < INT_MIN || v > INT_MAX)
			{
				fprintf(stderr, "revrit: -n needs a whole number\n");
				return 0;
			}
			*n = (int) v;
			cli_drop_args(argc, argv, i, 2);
			return 1;
		}
	return 1;
}

/* What a line-by-line subcommand does with one input line (line_no counts
 * from 1). */
typedef rv_status (*line_fn) (cli_engine *ce, const char *line, size_t len,
							  int n, long line_no, char *err);

/* A line-by-line subcommand: its count option, output header and work. */
typedef struct line_cmd
{
	int			n_default;		/* default -n; 0: takes no -n */
	const char *header;			/* printed before the output, or NULL */
	line_fn		fn;
} line_cmd;

/*
 * Options are the same for every line: anything left after the flags, and
 * a bad count, is reported once, before reading any input (the core checks
 * the count on an empty text).
 */
static int
check_options(cli_engine *ce, int argc, char **argv, const line_cmd *cmd,
			  int n)
{
	char		err[RV_ERRLEN];

	if (argc > 1)
	{
		fprintf(stderr, "revrit: unknown %s \"%s\" (see revrit --help)\n",
				argv[1][0] == '-' ? "option" : "argument", argv[1]);
		return 0;
	}
	if (cmd->fn(ce, "", 0, n, 0, err) != RV_OK)
	{
		fprintf(stderr, "revrit: %s\n", err);
		return 0;
	}
	return 1;
}

/*
 * Read stdin line by line and hand each line to the command; an error is
 * reported and the next line taken.
 */
static int
for_each_line(int argc, char **argv, const line_cmd *cmd)
{
	cli_engine	ce;
	char	   *line = NULL;
	size_t		cap = 0;
	ssize_t		len;
	long		line_no = 0;
	int			n = cmd->n_default ? cmd->n_default : 1,
				rc;

	if (cmd->n_default && !take_count(&argc, argv, &n))
		return 2;
	if ((rc = cli_engine_open(&ce, &argc, argv)) != 0)
		return rc;
	if (!check_options(&ce, argc, argv, cmd, n))
	{
		cli_engine_close(&ce);
		return 2;
	}
	if (cmd->header)
		puts(cmd->header);
	while ((len = cli_read_line(&line, &cap, stdin)) >= 0)
	{
		char		err[RV_ERRLEN];

		if (cmd->fn(&ce, line, (size_t) len, n, ++line_no, err) != RV_OK)
		{
			fprintf(stderr, "revrit: line %ld: %s\n", line_no, err);
			rc = 1;
		}
	}
	free(line);
	cli_engine_close(&ce);
	return rc;
}

/* The line functions print nothing for line 0, check_options' dry run. */
static rv_status
convert_line(cli_engine *ce, const char *line, size_t len, int n,
			 long line_no, char *err)
{
	char	   *out;
	size_t		outlen;
	rv_status	st = rv_convert(ce->engine, line, len, &ce->options, &out,
								&outlen, err);

	(void) n;
	if (st == RV_OK)
	{
		if (line_no > 0)
			fwrite(out, 1, outlen, stdout);
		rv_free(out);
	}
	if (line_no > 0)
		putchar('\n');			/* one output line per input line, always */
	return st;
}

int
cmd_convert(int argc, char **argv)
{
	static const line_cmd cmd = {0, NULL, convert_line};

	return for_each_line(argc, argv, &cmd);
}

static rv_status
analyze_line(cli_engine *ce, const char *line, size_t len, int n,
			 long line_no, char *err)
{
	char	   *json;
	size_t		jsonlen;
	rv_status	st = rv_analyze(ce->engine, line, len, n, &ce->options, &json,
								&jsonlen, err);

	if (st == RV_OK)
	{
		if (line_no > 0)
		{
			fwrite(json, 1, jsonlen, stdout);
			putchar('\n');
		}
		rv_free(json);
	}
	return st;
}

int
cmd_analyze(int argc, char **argv)
{
	static const line_cmd cmd = {3, NULL, analyze_line};

	return for_each_line(argc, argv, &cmd);
}

/* One row: the input line, the word's number within it, the rest as
 * rv_candidate has it. */
static int
print_candidate(const rv_candidate *c, void *arg)
{
	printf("%ld\t%d\t%d\t%s\t%s\t%.3f\t%.3f\t%.3f\t%.3f\t%s\t%.3f\t%.3f\t%.2f\t%.3f\n",
		   *(const long *) arg, c->word, c->rank, c->roman, c->hebrew,
		   c->score, c->rule_cost, c->char_cost, c->lexicon_bonus,
		   c->in_lexicon ? "yes" : "no", c->channel, c->language,
		   c->freq_cost, c->context);
	return 0;
}

static rv_status
candidates_line(cli_engine *ce, const char *line, size_t len, int n,
				long line_no, char *err)
{
	return rv_candidates(ce->engine, line, len, n, &ce->options,
						 print_candidate, &line_no, err);
}

int
cmd_candidates(int argc, char **argv)
{
	static const line_cmd cmd = {5,
		"line\tword\trank\tromanized\thebrew\tscore\trule_cost\t"
		"char_cost\tlexicon_bonus\tin_lexicon\tchannel\tlanguage\tfreq\tcontext",
	candidates_line};

	return for_each_line(argc, argv, &cmd);
}
