/*
 * main.c — the revrit command-line tool: subcommand dispatch, the shared
 * engine set-up, and the convert / candidates / bench subcommands.
 */
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>

#include "cli.h"

#define DEFAULT_RULES_DIR	"rules"
#define DEFAULT_LEXICON		"build/hebrew.rvlex"
#define MAX_LINE			(RV_MAX_INPUT_BYTES + 2)

static void
usage(FILE *fp)
{
	fputs("usage: revrit [convert] [FLAGS] < romanized.txt > hebrew.txt\n"
		  "       revrit candidates [-n N] [FLAGS] < romanized.txt\n"
		  "       revrit analyze [-n N] [FLAGS] < romanized.txt   (one JSON per line)\n"
		  "       revrit bench [--seconds S] [FLAGS] FILE\n"
		  "       revrit eval PAIRS.tsv [--by-field] [--errors N] [--out PRED] [FLAGS]\n"
		  "       revrit score PAIRS.tsv PRED.txt [--by-field] [--errors N]\n"
		  "       revrit lexicon build WORDLIST OUT.rvlex | lexicon check FILE WORD...\n"
		  "FLAGS: --rules DIR|FILE  --lexicon FILE|none  --standard NAME\n"
		  "       --hyphen maqaf|ascii  --years hebrew|keep  --marks hebrew|ascii\n", fp);
}

/* Remove argv[i] and argv[i+1]. */
static void
drop_args(int *argc, char **argv, int i, int count)
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

static int
cmp_names(const void *a, const void *b)
{
	return strcmp(*(char *const *) a, *(char *const *) b);
}

/* Every *.rules in a directory, ala-lc first, then by name. */
static int
load_rules_dir(cli_engine *ce, const char *dir)
{
	DIR		   *d = opendir(dir);
	struct dirent *de;
	char	   *names[64];
	int			n = 0,
				ok = 1;

	if (d == NULL)
	{
		fprintf(stderr, "revrit: cannot open rules directory \"%s\"\n", dir);
		return 0;
	}
	while ((de = readdir(d)) != NULL && n < 64)
	{
		size_t		len = strlen(de->d_name);

		if (len > 6 && strcmp(de->d_name + len - 6, ".rules") == 0)
			names[n++] = strdup(de->d_name);
	}
	closedir(d);
	qsort(names, (size_t) n, sizeof(char *), cmp_names);
	for (int pass = 0; pass < 2; pass++)
		for (int i = 0; i < n; i++)
		{
			char		path[4096];
			int			is_default = strcmp(names[i], "ala-lc.rules") == 0;

			if (is_default != (pass == 0))
				continue;
			snprintf(path, sizeof(path), "%s/%s", dir, names[i]);
			if (ok && !load_rules_file(ce, path))
				ok = 0;
		}
	for (int i = 0; i < n; i++)
		free(names[i]);
	if (ok && ce->nrules == 0)
	{
		fprintf(stderr, "revrit: no .rules files in \"%s\"\n", dir);
		ok = 0;
	}
	return ok;
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
		const char *flag = argv[i];
		const char *val = i + 1 < *argc ? argv[i + 1] : NULL;

		if (strcmp(flag, "--rules") && strcmp(flag, "--lexicon") &&
			strcmp(flag, "--standard") && strcmp(flag, "--hyphen") &&
			strcmp(flag, "--years") && strcmp(flag, "--marks"))
		{
			i++;
			continue;
		}
		if (val == NULL)
		{
			fprintf(stderr, "revrit: %s needs a value\n", flag);
			return 2;
		}
		if (strcmp(flag, "--rules") == 0)
			rules = val;
		else if (strcmp(flag, "--lexicon") == 0)
			lexicon = val;
		else if (strcmp(flag, "--standard") == 0)
			ce->options.standard = val;
		else if (strcmp(flag, "--years") == 0 && strcmp(val, "hebrew") == 0)
			ce->options.years = RV_YEARS_HEBREW;
		else if (strcmp(flag, "--years") == 0 && strcmp(val, "keep") == 0)
			ce->options.years = RV_YEARS_KEEP;
		else if (strcmp(flag, "--marks") == 0 && strcmp(val, "hebrew") == 0)
			ce->options.marks = RV_MARKS_HEBREW;
		else if (strcmp(flag, "--marks") == 0 && strcmp(val, "ascii") == 0)
			ce->options.marks = RV_MARKS_ASCII;
		else if (strcmp(flag, "--hyphen") != 0)
		{
			fprintf(stderr, "revrit: %s takes %s\n", flag,
					strcmp(flag, "--years") == 0 ? "hebrew or keep" : "hebrew or ascii");
			return 2;
		}
		else if (strcmp(val, "maqaf") == 0)
			ce->options.hyphen = RV_HYPHEN_MAQAF;
		else if (strcmp(val, "ascii") == 0)
			ce->options.hyphen = RV_HYPHEN_ASCII;
		else
		{
			fprintf(stderr, "revrit: --hyphen takes maqaf or ascii\n");
			return 2;
		}
		drop_args(argc, argv, i, 2);
	}

	if (rules == NULL)
		rules = DEFAULT_RULES_DIR;
	if (stat(rules, &sb) == 0 && S_ISDIR(sb.st_mode) ?
		!load_rules_dir(ce, rules) : !load_rules_file(ce, rules))
	{
		cli_engine_close(ce);
		return 2;
	}

	if (lexicon == NULL && stat(DEFAULT_LEXICON, &sb) == 0)
		lexicon = DEFAULT_LEXICON;
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
	if (st != RV_OK)
	{
		fprintf(stderr, "revrit: %s\n", err);
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
	for (int i = 0; i < ce->nrules; i++)
		rv_rules_free(ce->rules[i]);
	memset(ce, 0, sizeof(*ce));
}

/* Read one line (without its newline) into a growing buffer. */
static ssize_t
read_line(char **buf, size_t *cap, FILE *fp)
{
	ssize_t		len = getline(buf, cap, fp);

	if (len > 0 && (*buf)[len - 1] == '\n')
		(*buf)[--len] = '\0';
	return len;
}

/* Take "-n N" out of argv; returns N or the default. */
static int
take_count(int *argc, char **argv, int dflt)
{
	for (int i = 1; i + 1 < *argc; i++)
		if (strcmp(argv[i], "-n") == 0)
		{
			int			n = atoi(argv[i + 1]);

			drop_args(argc, argv, i, 2);
			return n;
		}
	return dflt;
}

/* What a line-by-line subcommand does with one input line. */
typedef rv_status (*line_fn) (cli_engine *ce, const char *line, size_t len,
							  int n, char *err);

/*
 * Read stdin line by line and hand each line to fn; an error is reported
 * and the next line taken.  "-n N" sets n (default n_default; 0: no -n).
 */
static int
for_each_line(int argc, char **argv, int n_default, const char *header,
			  line_fn fn)
{
	cli_engine	ce;
	char	   *line = NULL;
	size_t		cap = 0;
	ssize_t		len;
	int			n = n_default ? take_count(&argc, argv, n_default) : 1,
				rc;

	if ((rc = cli_engine_open(&ce, &argc, argv)) != 0)
		return rc;
	if (header)
		puts(header);
	while ((len = read_line(&line, &cap, stdin)) >= 0)
	{
		char		err[RV_ERRLEN];

		if (fn(&ce, line, (size_t) len, n, err) != RV_OK)
		{
			fprintf(stderr, "revrit: %s\n", err);
			rc = 1;
		}
	}
	free(line);
	cli_engine_close(&ce);
	return rc;
}

static rv_status
convert_line(cli_engine *ce, const char *line, size_t len, int n, char *err)
{
	char	   *out;
	size_t		outlen;
	rv_status	st = rv_convert(ce->engine, line, len, &ce->options, &out,
								&outlen, err);

	(void) n;
	if (st == RV_OK)
	{
		fwrite(out, 1, outlen, stdout);
		rv_free(out);
	}
	putchar('\n');				/* one output line per input line, always */
	return st;
}

int
cmd_convert(int argc, char **argv)
{
	return for_each_line(argc, argv, 0, NULL, convert_line);
}

static rv_status
analyze_line(cli_engine *ce, const char *line, size_t len, int n, char *err)
{
	char	   *json;
	size_t		jsonlen;
	rv_status	st = rv_analyze(ce->engine, line, len, n, &ce->options, &json,
								&jsonlen, err);

	if (st == RV_OK)
	{
		fwrite(json, 1, jsonlen, stdout);
		putchar('\n');
		rv_free(json);
	}
	return st;
}

int
cmd_analyze(int argc, char **argv)
{
	return for_each_line(argc, argv, 3, NULL, analyze_line);
}

static int
print_candidate(const rv_candidate *c, void *arg)
{
	(void) arg;
	printf("%d\t%d\t%s\t%s\t%.3f\t%.3f\t%.3f\t%.3f\t%s\t%.3f\t%.3f\t%.2f\n",
		   c->word, c->rank, c->roman, c->hebrew, c->score, c->rule_cost,
		   c->char_cost, c->lexicon_bonus, c->in_lexicon ? "yes" : "no",
		   c->channel, c->language, c->freq_cost);
	return 0;
}

static rv_status
candidates_line(cli_engine *ce, const char *line, size_t len, int n, char *err)
{
	return rv_candidates(ce->engine, line, len, n, &ce->options,
						 print_candidate, NULL, err);
}

int
cmd_candidates(int argc, char **argv)
{
	return for_each_line(argc, argv, 5,
						 "word\trank\tromanized\thebrew\tscore\trule_cost\t"
						 "char_cost\tlexicon_bonus\tin_lexicon\tchannel\tlanguage\tfreq",
						 candidates_line);
}

static double
now_seconds(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double) ts.tv_sec + ts.tv_nsec / 1e9;
}

static long
count_words(const char *s)
{
	long		n = 0;
	int			in = 0;

	for (; *s; s++)
	{
		int			sp = (*s == ' ' || *s == '\t');

		if (!sp && !in)
			n++;
		in = !sp;
	}
	return n;
}

/*
 * Convert the lines of FILE (a TSV's third column, or whole lines) again
 * and again for a few seconds on one core, and report words per second.
 */
int
cmd_bench(int argc, char **argv)
{
	cli_engine	ce;
	double		seconds = 3.0;
	const char *path = NULL;
	char	  **lines = NULL;
	size_t		nlines = 0;
	long		words_per_pass = 0,
				passes = 0;
	double		t0,
				t;
	FILE	   *fp;
	char	   *line = NULL;
	size_t		cap = 0;
	ssize_t		len;
	int			rc;

	for (int i = 1; i + 1 < argc; i++)
		if (strcmp(argv[i], "--seconds") == 0)
		{
			seconds = atof(argv[i + 1]);
			drop_args(&argc, argv, i, 2);
			break;
		}
	if ((rc = cli_engine_open(&ce, &argc, argv)) != 0)
		return rc;
	if (argc < 2 || (fp = fopen(argv[1], "r")) == NULL)
	{
		fprintf(stderr, "revrit bench: need a readable input file\n");
		cli_engine_close(&ce);
		return 2;
	}
	path = argv[1];
	while ((len = read_line(&line, &cap, fp)) >= 0)
	{
		char	   *text = line;
		char	   *tab;

		/* a pairs TSV: take the romanized column */
		if ((tab = strchr(text, '\t')) && (tab = strchr(tab + 1, '\t')))
		{
			text = tab + 1;
			if ((tab = strchr(text, '\t')))
				*tab = '\0';
		}
		if (strncmp(line, "source\tfield", 12) == 0 || *text == '\0')
			continue;
		lines = realloc(lines, (nlines + 1) * sizeof(char *));
		lines[nlines++] = strdup(text);
		words_per_pass += count_words(text);
	}
	fclose(fp);
	free(line);

	t0 = now_seconds();
	do
	{
		for (size_t i = 0; i < nlines; i++)
		{
			char		err[RV_ERRLEN];
			char	   *out;
			size_t		outlen;

			if (rv_convert(ce.engine, lines[i], strlen(lines[i]), &ce.options,
						   &out, &outlen, err) == RV_OK)
				rv_free(out);
		}
		passes++;
		t = now_seconds() - t0;
	} while (t < seconds && words_per_pass > 0);

	printf("file=%s lines=%zu words=%ld passes=%ld seconds=%.2f lexicon=%s\n",
		   path, nlines, words_per_pass * passes, passes, t,
		   ce.lexicon ? "yes" : "no");
	printf("words_per_second=%.0f\n", t > 0 ? words_per_pass * passes / t : 0.0);
	for (size_t i = 0; i < nlines; i++)
		free(lines[i]);
	free(lines);
	cli_engine_close(&ce);
	return 0;
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
	if (strcmp(cmd, "lexicon") == 0)
		return cmd_lexicon(argc, argv);
	if (strcmp(cmd, "align") == 0)
		return cmd_align(argc, argv);
	usage(stderr);
	return 2;
}
