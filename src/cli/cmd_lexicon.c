/*
 * cmd_lexicon.c — "revrit lexicon": compile a word list, and inspect what a
 * compiled lexicon says about words.
 *
 *   revrit lexicon build WORDLIST OUT.rvlex [--common LIST] [--freq PACK]
 *   revrit lexicon check FILE.rvlex WORD...
 */
#include <math.h>
#include <stdio.h>
#include <string.h>
#include <time.h>

#include "cli.h"
#include "../core/lexicon.h"
#include "../core/lexicon_format.h"
#include "../tools/lexicon_build.h"

#define LEXICON_USAGE \
	"usage: revrit lexicon build WORDLIST OUT.rvlex [--common WORDLIST]" \
	" [--freq FREQ.msgpack]\n" \
	"       revrit lexicon check FILE.rvlex WORD...\n"

static double
now_seconds(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec + ts.tv_nsec / 1e9;
}

/*
 * Word and node counts of a file rv_lexicon_open() has already verified;
 * read from its header because the library keeps them private.
 */
static int
read_counts(const char *path, rvlex_dawg_header *dh, unsigned long long *size)
{
	FILE	   *f = fopen(path, "rb");
	rvlex_header hdr;
	rvlex_section sec;
	uint32_t	i;
	int			ok = 0;

	if (f == NULL)
		return 0;
	memset(&hdr, 0, sizeof(hdr));
	if (fread(&hdr, sizeof(hdr), 1, f) == 1)
		for (i = 0; i < hdr.nsections && !ok; i++)
			if (fread(&sec, sizeof(sec), 1, f) == 1 && sec.type == RVLEX_SEC_DAWG)
				ok = fseek(f, (long) sec.offset, SEEK_SET) == 0 &&
					fread(dh, sizeof(*dh), 1, f) == 1;
	*size = hdr.file_size;
	fclose(f);
	return ok;
}

static int
lexicon_build(const char *wordlist, const char *common, const char *freq,
			  const char *out)
{
	char		err[RV_ERRLEN];
	double		t0 = now_seconds(),
				secs;
	rv_lexicon *lex;
	rvlex_dawg_header dh;
	unsigned long long size;

	if (rv_lexicon_build_freq(wordlist, common, freq, out, err) != RV_OK)
	{
		fprintf(stderr, "revrit lexicon: %s\n", err);
		return 1;
	}
	secs = now_seconds() - t0;
	/* open it as a user would: proves the file verifies */
	if (rv_lexicon_open(out, &lex, err) != RV_OK)
	{
		fprintf(stderr, "revrit lexicon: %s\n", err);
		return 1;
	}
	rv_lexicon_close(lex);
	if (!read_counts(out, &dh, &size))
	{
		fprintf(stderr, "revrit lexicon: cannot read back \"%s\"\n", out);
		return 1;
	}
	printf("%s: %u words, %u nodes, %u edges, %llu bytes, built in %.2f s\n",
		   out, dh.nwords, dh.nnodes, dh.nedges, size, secs);
	return 0;
}

/* Character-model cost of the word, end of word included; its symbol
 * count in *nsyms, or -1 if it is not a Hebrew word of at most
 * RVLEX_MAX_WORD symbols. */
static double
word_cost(const rv_lexicon *lex, const char *word, int *nsyms)
{
	unsigned char syms[RVLEX_MAX_WORD];
	size_t		n = rv_syms_from_utf8(word, strlen(word), syms, sizeof(syms));
	rv_charctx	ctx = rv_lex_ctx_start(lex);
	double		bits = 0;

	*nsyms = n > 0 ? (int) n : -1;
	for (size_t i = 0; i < n; i++)
	{
		bits += rv_lex_char_cost(lex, ctx, syms[i]);
		ctx = rv_lex_ctx_push(lex, ctx, syms[i]);
	}
	return n > 0 ? bits + rv_lex_char_cost(lex, ctx, RV_SYM_BOUNDARY) : 0;
}

static int
lexicon_check(const char *path, char **words, int nwords)
{
	char		err[RV_ERRLEN];
	rv_lexicon *lex;
	int			i;

	if (rv_lexicon_open(path, &lex, err) != RV_OK)
	{
		fprintf(stderr, "revrit lexicon: %s\n", err);
		return 1;
	}
	for (i = 0; i < nwords; i++)
	{
		const char *w = words[i];
		int			n;
		double		bits = word_cost(lex, w, &n);
		const char *known = !rv_lex_contains(lex, w, strlen(w)) ? "unknown" :
			rv_lex_is_word(lex, rv_lex_lookup(lex, w, strlen(w))) ? "known" : "known with prefix";

		double		fcost = rv_lex_word_cost(lex, rv_lex_lookup(lex, w, strlen(w)));

		if (n <= 0)
			printf("%s\tnot a Hebrew word\n", w);
		else if (fcost < 0)
			printf("%s\t%s\t%.2f bits/symbol\t%.2f bits (%d letters + word end)\n",
				   w, known, bits / (n + 1), bits, n);
		else
			printf("%s\t%s\t%.2f bits/symbol\t%.2f bits (%d letters + word end)"
				   "\t%.1f per million words\n",
				   w, known, bits / (n + 1), bits, n, pow(10.0, 6.0 - fcost));
	}
	rv_lexicon_close(lex);
	return 0;
}

int
cmd_lexicon(int argc, char **argv)
{
	if (argc >= 4 && argc % 2 == 0 && strcmp(argv[1], "build") == 0)
	{
		const char *common = NULL,
				   *freq = NULL;

		for (int i = 4; i + 1 < argc; i += 2)
		{
			if (strcmp(argv[i], "--common") == 0)
				common = argv[i + 1];
			else if (strcmp(argv[i], "--freq") == 0)
				freq = argv[i + 1];
			else
			{
				fputs(LEXICON_USAGE, stderr);
				return 2;
			}
		}
		return lexicon_build(argv[2], common, freq, argv[3]);
	}
	if (argc >= 4 && strcmp(argv[1], "check") == 0)
		return lexicon_check(argv[2], argv + 3, argc - 3);
	fputs(LEXICON_USAGE, stderr);
	return 2;
}
