/*
 * main.c — the revrit command-line tool: subcommand dispatch, usage, and
 * the engine set-up every converting subcommand shares (flags, standards,
 * lexicon).
 */
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "cli.h"

static void
usage(FILE *fp)
{
	fputs("usage: revrit [convert] [FLAGS] < romanized.txt > hebrew.txt\n"
		  "       revrit candidates [-n N] [FLAGS] < romanized.txt   (TSV, by line and word)\n"
		  "       revrit analyze [-n N] [FLAGS] < romanized.txt   (one JSON per line)\n"
		  "       revrit bench [--seconds S] [FLAGS] FILE\n"
		  "       revrit eval PAIRS.tsv [--by-field] [--errors N] [--out PRED] [FLAGS]\n"
		  "       revrit score PAIRS.tsv PRED.txt [--by-field] [--errors N]\n"
		  "       revrit detect PAIRS.tsv [--verbose]   (Hebrew or Yiddish, per field)\n"
		  "       revrit lexicon build WORDLIST OUT.rvlex [--common LIST] [--freq PACK]\n"
		  "       revrit lexicon check FILE WORD...\n"
		  "       revrit align PAIRS.tsv [-n N] [FLAGS]   (rule options behind the gold)\n"
		  "       revrit marc [--to json|iso2709] [--fields T,T] [--only-fit] [--report] < MARC\n"
		  "FLAGS: --rules DIR|FILE[:...]  --lexicon FILE|none  --standard NAME\n"
		  "       --kind auto|title|name|imprint\n"
		  "       --hyphen maqaf|ascii  --years hebrew|keep  --marks hebrew|ascii\n"
		  "       --spelling auto|modern|traditional  --weights NAME=V,...\n", fp);
	fprintf(fp, "Without --rules, the standards are $REVRIT_RULES or the *.rules in\n"
			"  %s\n"
			"Without --lexicon, the lexicon is $REVRIT_LEXICON or, if it exists,\n"
			"  %s\n",
			cli_default_rules, cli_default_lexicon);
}

/* Remove count arguments from argv at i. */
void
cli_drop_args(int *argc, char **argv, int i, int count)
{
	for (int k = i; k + count <= *argc; k++)
		argv[k] = argv[k + count];
	*argc -= count;
}

static int
load_rules_file(cli_engine *ce, const char *path)
{
	char		err[RV_ERRLEN];
	rv_status	st;

	if (ce->nrules == (int) (sizeof(ce->rules) / sizeof(ce->rules[0])))
	{
		fprintf(stderr, "revrit: too many rule files\n");
		return 0;
	}
	st = rv_rules_load(path, &ce->rules[ce->nrules], err);
	if (st != RV_OK)
	{
		fprintf(stderr, "revrit: %s\n", err);
		return 0;
	}
	ce->nrules++;
	return 1;
}

/* The standards of a directory, chosen and ordered by the core's one
 * policy (rv_rules_order_files: the default standard first, then by name),
 * the same PostgreSQL follows. */
static int
load_rules_dir(cli_engine *ce, const char *dir)
{
	DIR		   *d = opendir(dir);
	struct dirent *de;
	char	  **names = NULL;
	int			n = 0,
				cap = 0,
				count,
				ok = 1;

	if (d == NULL)
	{
		fprintf(stderr, "revrit: cannot open rules directory \"%s\"\n", dir);
		return 0;
	}
	while ((de = readdir(d)) != NULL)
	{
		if (!rv_rules_is_file(de->d_name))
			continue;
		if (n == cap)
		{
			cap = cap ? cap * 2 : 16;
			names = realloc(names, (size_t) cap * sizeof(char *));
			if (names == NULL)
			{
				closedir(d);
				fprintf(stderr, "revrit: out of memory\n");
				return 0;
			}
		}
		names[n++] = strdup(de->d_name);
	}
	closedir(d);
	count = rv_rules_order_files(names, n);
	if (count < 0)
	{
		fprintf(stderr, "revrit: more than %d rule files in \"%s\"\n",
				RV_MAX_STANDARDS, dir);
		ok = 0;
	}
	for (int i = 0; ok && i < count; i++)
	{
		char		path[4096];

		snprintf(path, sizeof(path), "%s/%s", dir, names[i]);
		ok = load_rules_file(ce, path);
	}
	for (int i = 0; i < n; i++)
		free(names[i]);
	free(names);
	if (ok && ce->nrules == 0)
	{
		fprintf(stderr, "revrit: no .rules files in \"%s\"\n", dir);
		ok = 0;
	}
	return ok;
}

/* DIR|FILE[:DIR|FILE...]: every directory's *.rules, or the file. */
static int
load_rules_path(cli_engine *ce, const char *list)
{
	char		path[4096];
	struct stat sb;

	while (*list)
	{
		size_t		len = strcspn(list, ":");

		if (len >= sizeof(path))
			return 0;
		memcpy(path, list, len);
		path[len] = '\0';
		list += len + (list[len] == ':');
		if (stat(path, &sb) == 0 && S_ISDIR(sb.st_mode) ?
			!load_rules_dir(ce, path) : !load_rules_file(ce, path))
			return 0;
	}
	return 1;
}

/* A flag that takes one of two words: 0 for the first, 1 for the second,
 * -1 (reported) for anything else. */
static int
pick(const char *flag, const char *val, const char *first, const char *second)
{
	if (strcmp(val, first) == 0)
		return 0;
	if (strcmp(val, second) == 0)
		return 1;
	fprintf(stderr, "revrit: %s takes %s or %s\n", flag, first, second);
	return -1;
}

/* One engine flag and its value: 1 taken, 0 not an engine flag, -1 a bad
 * or missing value (reported). */
static int
take_flag(cli_engine *ce, const char *flag, const char *val,
		  const char **rules, const char **lexicon)
{
	rv_options *o = &ce->options;
	int			v = 0;

	if (strcmp(flag, "--rules") && strcmp(flag, "--lexicon") &&
		strcmp(flag, "--standard") && strcmp(flag, "--hyphen") &&
		strcmp(flag, "--years") && strcmp(flag, "--marks") &&
		strcmp(flag, "--kind"))
		return 0;
	if (val == NULL)
	{
		fprintf(stderr, "revrit: %s needs a value\n", flag);
		return -1;
	}
	if (strcmp(flag, "--rules") == 0)
		*rules = val;
	else if (strcmp(flag, "--lexicon") == 0)
		*lexicon = val;
	else if (strcmp(flag, "--standard") == 0)
		o->standard = val;
	else if (strcmp(flag, "--kind") == 0 && (v = rv_kind_parse(val)) < 0)
		fprintf(stderr, "revrit: --kind takes auto, title, name or imprint\n");
	else if (strcmp(flag, "--kind") == 0)
		o->kind = (rv_kind) v;
	else if (strcmp(flag, "--years") == 0 &&
			 (v = pick(flag, val, "hebrew", "keep")) >= 0)
		o->years = v ? RV_YEARS_KEEP : RV_YEARS_HEBREW;
	else if (strcmp(flag, "--marks") == 0 &&
			 (v = pick(flag, val, "hebrew", "ascii")) >= 0)
		o->marks = v ? RV_MARKS_ASCII : RV_MARKS_HEBREW;
	else if (strcmp(flag, "--hyphen") == 0 &&
			 (v = pick(flag, val, "maqaf", "ascii")) >= 0)
		o->hyphen = v ? RV_HYPHEN_ASCII : RV_HYPHEN_MAQAF;
	return v < 0 ? -1 : 1;
}

int
cli_engine_open(cli_engine *ce, int *argc, char **argv)
{
	const char *rules = getenv("REVRIT_RULES");
	const char *lexicon = getenv("REVRIT_LEXICON");
	char		err[RV_ERRLEN];
	struct stat sb;
	rv_status	st;

	memset(ce, 0, sizeof(*ce));
	rv_options_init(&ce->options);
	if (!cli_ranking_flags(ce, argc, argv))
		return 2;
	for (int i = 1; i < *argc;)
	{
		int			taken = take_flag(ce, argv[i],
									  i + 1 < *argc ? argv[i + 1] : NULL,
									  &rules, &lexicon);

		if (taken < 0)
			return 2;
		if (taken == 0)
			i++;
		else
			cli_drop_args(argc, argv, i, 2);
	}

	if (rules == NULL)
		rules = cli_default_rules;
	if (!load_rules_path(ce, rules))
	{
		cli_engine_close(ce);
		return 2;
	}

	if (lexicon == NULL && stat(cli_default_lexicon, &sb) == 0)
		lexicon = cli_default_lexicon;
	if (lexicon && strcmp(lexicon, "none") != 0)
	{
		st = rv_lexicon_open(lexicon, &ce->lexicon, err);
		if (st != RV_OK)
		{
			fprintf(stderr, "revrit: %s\n", err);
			cli_engine_close(ce);
			return 2;
		}
	}

	st = rv_engine_new((const rv_rules *const *) ce->rules, ce->nrules,
					   ce->lexicon, &ce->engine, err);
	if (st == RV_OK)
	{
		/* an unknown --standard: once here, not once per input line */
		char	   *out;
		size_t		outlen;

		st = rv_convert(ce->engine, "", 0, &ce->options, &out, &outlen, err);
		if (st == RV_OK)
			rv_free(out);
	}
	if (st != RV_OK)
	{
		fprintf(stderr, "revrit: %s\n", err);
		cli_engine_close(ce);
		return 2;
	}
	if (ce->lexicon && cli_attach_named_lexicons(ce, lexicon) != 0)
	{
		cli_engine_close(ce);
		return 2;
	}
	return 0;
}

void
cli_engine_close(cli_engine *ce)
{
	rv_engine_free(ce->engine);
	rv_lexicon_close(ce->lexicon);
	for (int i = 0; i < ce->nnamed; i++)
		rv_lexicon_close(ce->named[i]);
	for (int i = 0; i < ce->nrules; i++)
		rv_rules_free(ce->rules[i]);
	memset(ce, 0, sizeof(*ce));
}

/* Read one line (without its newline) into a growing buffer. */
ssize_t
cli_read_line(char **buf, size_t *cap, FILE *fp)
{
	ssize_t		len = getline(buf, cap, fp);

	if (len > 0 && (*buf)[len - 1] == '\n')
		(*buf)[--len] = '\0';
	return len;
}

int
main(int argc, char **argv)
{
	const char *cmd = argc > 1 ? argv[1] : "convert";

	if (strcmp(cmd, "-h") == 0 || strcmp(cmd, "--help") == 0 ||
		strcmp(cmd, "help") == 0)
	{
		usage(stdout);
		return 0;
	}
	if (strcmp(cmd, "--version") == 0)
	{
		puts("revrit " RV_VERSION);
		return 0;
	}
	if (argc > 1 && cmd[0] != '-')
	{
		argc--;
		argv++;
	}
	else
		cmd = "convert";
	if (strcmp(cmd, "convert") == 0)
		return cmd_convert(argc, argv);
	if (strcmp(cmd, "candidates") == 0)
		return cmd_candidates(argc, argv);
	if (strcmp(cmd, "analyze") == 0)
		return cmd_analyze(argc, argv);
	if (strcmp(cmd, "bench") == 0)
		return cmd_bench(argc, argv);
	if (strcmp(cmd, "eval") == 0)
		return cmd_eval(argc, argv);
	if (strcmp(cmd, "score") == 0)
		return cmd_score(argc, argv);
	if (strcmp(cmd, "detect") == 0)
		return cmd_detect(argc, argv);
	if (strcmp(cmd, "lexicon") == 0)
		return cmd_lexicon(argc, argv);
	if (strcmp(cmd, "align") == 0)
		return cmd_align(argc, argv);
	if (strcmp(cmd, "marc") == 0)
		return cmd_marc(argc, argv);
	usage(stderr);
	return 2;
}
