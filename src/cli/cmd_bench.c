/*
 * cmd_bench.c — "revrit bench": conversion speed in words per second on
 * one core, over a named input file.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "cli.h"

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
			cli_drop_args(&argc, argv, i, 2);
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
	while ((len = cli_read_line(&line, &cap, fp)) >= 0)
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
