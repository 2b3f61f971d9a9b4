/*
 * cmd_eval.c — "revrit score" and "revrit eval": the project's accuracy.
 *
 * score: a drop-in for ../shared/eval/score.py on a pairs file and a
 *        predictions file, with the same output byte for byte.
 * eval:  converts the romanized column of a pairs file with the engine
 *        and scores the result the same way, so one command measures the
 *        engine on any user's file with no Python and no shared tree.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "../tools/score.h"
#include "eval_learn.h"

#define SCORE_USAGE \
	"usage: revrit score PAIRS.tsv PRED.txt [--by-field] [--errors N]\n"
#define EVAL_USAGE \
	"usage: revrit eval PAIRS.tsv [--by-field] [--errors N] [--out PRED.txt]\n" \
	"                   [--rules DIR|FILE] [--lexicon FILE|none]\n" \
	"                   [--standard NAME] [--hyphen maqaf|ascii]\n" \
	"                   [--learn-folds K]  (scores with learning beside without)\n"

/* What both subcommands take besides the common engine flags. */
typedef struct eval_args
{
	const char *files[2];
	int			nfiles;
	int			by_field;
	size_t		nerrors;
	const char *out;			/* eval only: where predictions go */
	size_t		learn_folds;	/* eval only: 0, or k-fold learning */
} eval_args;

static int
is_help(const char *a)
{
	return strcmp(a, "-h") == 0 || strcmp(a, "--help") == 0;
}

/* --errors takes a plain count, as score.py's int() would. */
static int
parse_count(const char *s, size_t *out)
{
	char	   *end;
	unsigned long long v;

	if (*s < '0' || *s > '9')
		return -1;
	errno = 0;
	v = strtoull(s, &end, 10);
	if (*end != '\0' || errno != 0)
		return -1;
	*out = (size_t) v;
	return 0;
}

/*
 * Options may come anywhere, as in score.py.  allow_out says whether
 * --out is accepted.  Returns 0, or prints why and returns 2.
 */
static int
parse_args(int argc, char **argv, int allow_out, int want_files,
		   eval_args *a, const char *usage)
{
	int			i;

	memset(a, 0, sizeof(*a));
	for (i = 1; i < argc; i++)
	{
		const char *s = argv[i];

		if (strcmp(s, "--by-field") == 0)
			a->by_field = 1;
		else if (strcmp(s, "--errors") == 0 && i + 1 < argc)
		{
			if (parse_count(argv[++i], &a->nerrors) < 0)
			{
				fprintf(stderr, "revrit %s: --errors needs a count, not \"%s\"\n",
						argv[0], argv[i]);
				return 2;
			}
		}
		else if (allow_out && strcmp(s, "--out") == 0 && i + 1 < argc)
			a->out = argv[++i];
		else if (allow_out && strcmp(s, "--learn-folds") == 0 && i + 1 < argc)
		{
			if (parse_count(argv[++i], &a->learn_folds) < 0 ||
				a->learn_folds < 1 || a->learn_folds > EVAL_MAX_FOLDS)
			{
				fprintf(stderr, "revrit eval: --learn-folds needs 1 to %d, not \"%s\"\n",
						EVAL_MAX_FOLDS, argv[i]);
				return 2;
			}
		}
		else if (s[0] == '-' && s[1] != '\0')
		{
			fprintf(stderr, "revrit %s: unknown or incomplete option \"%s\"\n%s",
					argv[0], s, usage);
			return 2;
		}
		else if (a->nfiles < want_files)
			a->files[a->nfiles++] = s;
		else
		{
			fprintf(stderr, "revrit %s: too many arguments\n%s", argv[0], usage);
			return 2;
		}
	}
	if (a->nfiles != want_files)
	{
		fputs(usage, stderr);
		return 2;
	}
	return 0;
}

static int
wants_help(int argc, char **argv, const char *usage)
{
	int			i;

	for (i = 1; i < argc; i++)
		if (is_help(argv[i]))
		{
			fputs(usage, stdout);
			return 1;
		}
	return 0;
}

/* Print the report and make sure it reached stdout. */
static int
finish_report(const score_state *st, int by_field, const char *cmd)
{
	score_report(stdout, st, by_field);
	if (fflush(stdout) != 0 || ferror(stdout))
	{
		fprintf(stderr, "revrit %s: cannot write the report: %s\n",
				cmd, strerror(errno));
		return 1;
	}
	return 0;
}

int
cmd_score(int argc, char **argv)
{
	eval_args	a;
	score_pairs pairs;
	score_lines preds;
	score_state st;
	char		err[SCORE_ERRLEN];
	size_t		i;
	int			rc;

	if (wants_help(argc, argv, SCORE_USAGE))
		return 0;
	if ((rc = parse_args(argc, argv, 0, 2, &a, SCORE_USAGE)) != 0)
		return rc;
	if (score_pairs_load(a.files[0], &pairs, err) < 0)
	{
		fprintf(stderr, "revrit score: %s\n", err);
		return 1;
	}
	if (score_lines_load(a.files[1], &preds, err) < 0)
	{
		fprintf(stderr, "revrit score: %s\n", err);
		score_pairs_free(&pairs);
		return 1;
	}
	score_init(&st, a.nerrors);
	rc = 0;
	/* Missing predictions count as empty lines; extra ones are ignored. */
	for (i = 0; i < pairs.n && rc == 0; i++)
	{
		const char *p = i < preds.n ? preds.l[i].s : "";
		size_t		plen = i < preds.n ? preds.l[i].len : 0;

		if (score_add(&st, &pairs.p[i], p, plen, err) < 0)
		{
			fprintf(stderr, "revrit score: %s:%ld: %s\n",
					a.files[0], pairs.p[i].lineno, err);
			rc = 1;
		}
	}
	if (rc == 0)
		rc = finish_report(&st, a.by_field, "score");
	score_free(&st);
	score_lines_free(&preds);
	score_pairs_free(&pairs);
	return rc;
}

/*
 * A prediction is one line of PRED.txt; a line break inside it would
 * shift every later line.  White space is folded before scoring anyway,
 * so a space in its place scores the same, and the file stays aligned.
 */
static void
one_line(char *s, size_t len)
{
	size_t		i;

	for (i = 0; i < len; i++)
		if (s[i] == '\n' || s[i] == '\r')
			s[i] = ' ';
}

/* Convert, score and (if asked) write the prediction of one pair. */
static int
eval_pair(const cli_engine *ce, const score_pair *pair, score_state *st,
		  FILE *out, const char *path)
{
	char		rverr[RV_ERRLEN] = "";
	char		err[SCORE_ERRLEN];
	char	   *pred = NULL;
	size_t		plen = 0;
	rv_status	s;
	int			rc = 0;

	s = rv_convert(ce->engine, pair->roman.s, pair->roman.len, &ce->options,
				   &pred, &plen, rverr);
	if (s != RV_OK)
	{
		fprintf(stderr, "revrit eval: %s:%ld: %s: %s\n", path, pair->lineno,
				rv_status_text(s), rverr);
		return 1;
	}
	one_line(pred, plen);
	if (score_add(st, pair, pred, plen, err) < 0)
	{
		fprintf(stderr, "revrit eval: %s:%ld: %s\n", path, pair->lineno, err);
		rc = 1;
	}
	else if (out && (fwrite(pred, 1, plen, out) != plen || putc('\n', out) == EOF))
	{
		fprintf(stderr, "revrit eval: cannot write predictions: %s\n",
				strerror(errno));
		rc = 1;
	}
	rv_free(pred);
	return rc;
}

static int
close_out(FILE *out, const char *path)
{
	if (out && fclose(out) != 0)
	{
		fprintf(stderr, "revrit eval: %s: %s\n", path, strerror(errno));
		return 1;
	}
	return 0;
}

int
cmd_eval(int argc, char **argv)
{
	cli_engine	ce;
	eval_args	a;
	score_pairs pairs;
	score_state st;
	char		err[SCORE_ERRLEN];
	FILE	   *out = NULL;
	size_t		i;
	int			rc;

	if (wants_help(argc, argv, EVAL_USAGE))
		return 0;
	if ((rc = cli_engine_open(&ce, &argc, argv)) != 0)
		return rc;
	if ((rc = parse_args(argc, argv, 1, 1, &a, EVAL_USAGE)) != 0)
		goto out_engine;
	rc = 1;
	if (score_pairs_load(a.files[0], &pairs, err) < 0)
	{
		fprintf(stderr, "revrit eval: %s\n", err);
		goto out_engine;
	}
	if (a.learn_folds)
	{
		rc = eval_learn_folds(&ce, &pairs, (unsigned) a.learn_folds, a.by_field);
		goto out_pairs;
	}
	if (a.out && (out = fopen(a.out, "w")) == NULL)
	{
		fprintf(stderr, "revrit eval: %s: %s\n", a.out, strerror(errno));
		goto out_pairs;
	}
	score_init(&st, a.nerrors);
	rc = 0;
	for (i = 0; i < pairs.n && rc == 0; i++)
		rc = eval_pair(&ce, &pairs.p[i], &st, out, a.files[0]);
	if (close_out(out, a.out) != 0)
		rc = 1;
	if (rc == 0)
		rc = finish_report(&st, a.by_field, "eval");
	score_free(&st);
out_pairs:
	score_pairs_free(&pairs);
out_engine:
	cli_engine_close(&ce);
	return rc;
}
