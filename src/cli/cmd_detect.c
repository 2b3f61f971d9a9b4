/*
 * cmd_detect.c — "revrit detect": which language automatic detection takes
 * each field of a pairs file (or each line of plain text) to be in, and how
 * many fields went to each language.
 *
 *   revrit detect PAIRS.tsv [--verbose] [FLAGS]
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"

#define DETECT_MAX_LANGS 8

typedef struct tally
{
	const char *name[DETECT_MAX_LANGS];
	int			count[DETECT_MAX_LANGS];
	int			n;
} tally;

static void
count(tally *t, const char *lang)
{
	for (int i = 0; i < t->n; i++)
		if (strcmp(t->name[i], lang) == 0)
		{
			t->count[i]++;
			return;
		}
	if (t->n < DETECT_MAX_LANGS)
	{
		t->name[t->n] = lang;
		t->count[t->n++] = 1;
	}
}

/* The romanized column of a pairs line (the third), or the whole line. */
static char *
romanized_field(char *line)
{
	char	   *tab1 = strchr(line, '\t');
	char	   *tab2 = tab1 ? strchr(tab1 + 1, '\t') : NULL;
	char	   *tab3 = tab2 ? strchr(tab2 + 1, '\t') : NULL;

	if (tab2 == NULL)
		return line;
	if (tab3)
		*tab3 = '\0';
	return tab2 + 1;
}

int
cmd_detect(int argc, char **argv)
{
	cli_engine ce;
	int			st = cli_engine_open(&ce, &argc, argv);
	int			verbose = 0;
	const char *path = NULL;
	FILE	   *fp;
	char	   *line = NULL;
	size_t		cap = 0;
	ssize_t		got;
	int			first = 1,
				total = 0;
	tally		t = {{0}, {0}, 0};

	if (st != 0)
		return st;
	for (int i = 1; i < argc; i++)
		if (strcmp(argv[i], "--verbose") == 0)
			verbose = 1;
		else
			path = argv[i];
	fp = path ? fopen(path, "r") : NULL;
	if (fp == NULL)
	{
		fprintf(stderr, "usage: revrit detect PAIRS.tsv [--verbose] [FLAGS]\n");
		cli_engine_close(&ce);
		return 2;
	}
	while ((got = getline(&line, &cap, fp)) > 0)
	{
		char		err[RV_ERRLEN];
		const char *lang;
		double		ev[4];
		char	   *field;

		line[strcspn(line, "\r\n")] = '\0';
		field = romanized_field(line);
		if (first && strcmp(field, "romanized") == 0)
			continue;			/* the header of a pairs file */
		first = 0;
		if (rv_detect_language_of(ce.engine, field, strlen(field), &lang, ev,
								  err) != RV_OK)
		{
			fprintf(stderr, "revrit: %s\n", err);
			continue;
		}
		count(&t, lang);
		total++;
		if (verbose)
			printf("%s\t%.2f\t%.2f\t%.2f\t%.0f\t%s\n", lang, ev[0], ev[1],
				   ev[2], ev[3], field);
	}
	for (int i = 0; i < t.n; i++)
		printf("%-10s fields=%4d share=%.3f\n", t.name[i], t.count[i],
			   total ? (double) t.count[i] / total : 0.0);
	free(line);
	fclose(fp);
	cli_engine_close(&ce);
	return 0;
}
