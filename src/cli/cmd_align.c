/*
 * cmd_align.c — "revrit align PAIRS.tsv [-n N]": the rule options behind
 * the gold spellings, for fitting the channel (bench/fit_ranking.py).
 *
 * For every romanized word of a pair, the best-ranked of its n candidates
 * whose spelling is one of the gold field's words is taken as the forced
 * alignment; its standard, rule-option indexes (rule-file order), rank,
 * romanized word and spelling are printed, one line a word:
 * "STANDARD<TAB>I I I ...<TAB>RANK<TAB>ROMAN<TAB>HEBREW".  Words whose gold
 * spelling is not among the candidates are counted on stderr.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"

#define ALIGN_MAX_LINE	65536
#define ALIGN_MAX_GOLD	512

typedef struct align_state
{
	char	   *gold[ALIGN_MAX_GOLD];	/* the gold field's words */
	int			ngold;
	int			last_word;		/* the word already aligned */
	int			seen_word;
	long		words,
				aligned;
} align_state;

/* Split the gold field into words at blanks, maqaf and hyphens, without
 * the punctuation at their edges.  Modifies s. */
static void
split_gold(align_state *st, char *s)
{
	static const char *const seps[] = {" ", "\xd6\xbe", "-", NULL};

	st->ngold = 0;
	for (int k = 1; seps[k]; k++)
		for (char *p = strstr(s, seps[k]); p; p = strstr(p, seps[k]))
			memset(p, ' ', strlen(seps[k]));
	for (char *tok = strtok(s, " \t"); tok && st->ngold < ALIGN_MAX_GOLD;
		 tok = strtok(NULL, " \t"))
	{
		size_t		n = strlen(tok);

		while (n > 0 && strchr(".,:;/()[]{}\"'?!=<>", tok[n - 1]))
			tok[--n] = '\0';
		while (*tok && strchr(".,:;/()[]{}\"'?!=<>", *tok))
			tok++;
		if (*tok)
			st->gold[st->ngold++] = tok;
	}
}

static int
align_candidate(const rv_candidate *c, void *arg)
{
	align_state *st = arg;

	if (c->word != st->seen_word)
	{
		st->seen_word = c->word;
		st->words++;
	}
	if (c->word == st->last_word)
		return 0;
	for (int g = 0; g < st->ngold; g++)
		if (strcmp(st->gold[g], c->hebrew) == 0)
		{
			st->last_word = c->word;
			st->aligned++;
			printf("%s\t", c->standard ? c->standard : "");
			for (int i = 0; i < c->nrule_options; i++)
				printf(i ? " %d" : "%d", (int) c->rule_options[i]);
			printf("\t%d\t%s\t%s\n", c->rank, c->roman, c->hebrew);
			break;
		}
	return 0;
}

int
cmd_align(int argc, char **argv)
{
	cli_engine	ce;
	align_state st;
	char	   *line;
	char		err[RV_ERRLEN];
	int			n = 30,
				rc;
	FILE	   *f;

	if ((rc = cli_engine_open(&ce, &argc, argv)) != 0)
		return rc;
	if (argc == 4 && strcmp(argv[2], "-n") == 0)
		n = atoi(argv[3]);
	if ((argc != 2 && argc != 4) || n < 1 || n > 1000 ||
		(f = fopen(argv[1], "r")) == NULL)
	{
		fputs("usage: revrit align PAIRS.tsv [-n N] [engine flags]\n", stderr);
		cli_engine_close(&ce);
		return 2;
	}
	ce.options.trace_rules = 1;
	memset(&st, 0, sizeof(st));
	line = malloc(ALIGN_MAX_LINE);
	while (line && fgets(line, ALIGN_MAX_LINE, f))
	{
		char	   *col[4];
		int			nc = 0;

		line[strcspn(line, "\r\n")] = '\0';
		for (char *p = line; p && nc < 4; nc++)
		{
			col[nc] = p;
			p = strchr(p, '\t');
			if (p)
				*p++ = '\0';
		}
		if (nc < 4 || strcmp(col[0], "source") == 0)
			continue;
		split_gold(&st, col[3]);
		st.last_word = st.seen_word = 0;
		if (rv_candidates(ce.engine, col[2], strlen(col[2]), n, &ce.options,
						  align_candidate, &st, err) != RV_OK)
			fprintf(stderr, "revrit align: %s\n", err);
	}
	fprintf(stderr, "revrit align: %ld of %ld words aligned\n", st.aligned, st.words);
	free(line);
	fclose(f);
	cli_engine_close(&ce);
	return 0;
}
