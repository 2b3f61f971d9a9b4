/*
 * lexicon_build.c — compile a word list into a .rvlex lexicon file.
 *
 * Three steps: read the words (a hunspell .dic or a plain list) as symbol
 * strings, sorted and unique; fold them into a minimized DAWG with Daciuk's
 * incremental algorithm for sorted input; train an interpolated
 * Kneser-Ney character model on the same words.  The result is written to
 * a temporary file and renamed into place, so a backend that has the old
 * file mapped keeps a consistent view.  Each step has its file
 * (lexicon_build_words.c, _dawg.c, _charmodel.c, _write.c); this one
 * strings them together and merges in word frequencies.
 */
#include <string.h>

#include "alloc.h"
#include "lexicon_build.h"
#include "lexicon_build_internal.h"
#include "wordfreq.h"

/* Order of the character model: 4 measured better than 3 (see
 * docs/lexicon-format.md); 5 would need a 48 MB dense table. */
#define BUILD_ORDER			4

/* ---- entry point --------------------------------------------------------- */

/* The words to compile, each with its tags and frequency class. */
typedef struct entries
{
	const unsigned char **words;
	uint32_t   *tags;
	uint8_t    *cls;
	size_t		n;
	const unsigned char **listed;	/* the tagged words: the char model's */
	size_t		nlisted;
} entries;

static void
entries_free(entries *e)
{
	rv_free(e->words);
	rv_free(e->tags);
	rv_free(e->cls);
	rv_free(e->listed);
}

static rv_status
build_from_words(const entries *e, const char *out_path, char *err)
{
	dawg		d;
	uint16_t   *costs;
	unsigned char *buf = NULL;
	size_t		ncosts = RV_NSYMS,
				size;
	rv_status	st;
	int			k;

	for (k = 1; k < BUILD_ORDER; k++)
		ncosts *= RV_NSYMS;
	memset(&d, 0, sizeof(d));
	costs = rv_alloc(ncosts * sizeof(uint16_t));
	if (costs == NULL)
	{
		rv_seterr(err, "out of memory training the character model");
		return RV_ENOMEM;
	}
	st = lexbuild_dawg_build(&d, e->words, e->tags, e->cls, e->n, err);
	if (st == RV_OK)
		st = lexbuild_charmodel_train(e->listed, e->nlisted, BUILD_ORDER, costs, err);
	if (st == RV_OK)
	{
		buf = lexbuild_assemble(&d, (uint32_t) e->n, costs, BUILD_ORDER, &size);
		if (buf == NULL)
		{
			rv_seterr(err, "out of memory writing \"%s\"", out_path);
			st = RV_ENOMEM;
		}
	}
	if (st == RV_OK)
		st = lexbuild_write_atomically(out_path, buf, size, err);
	rv_free(buf);
	rv_free(costs);
	lexbuild_dawg_free(&d);
	return st;
}

/* The frequency class of a form at cb centibels. */
static uint8_t
freq_class(int cb)
{
	int			c = 1 + cb / RVLEX_FREQ_STEP;

	return (uint8_t) (c > 255 ? 255 : c);
}

/*
 * Merge the sorted unique dictionary, common-word and frequency lists into
 * one sorted list with each word's tags and frequency class.  A form only
 * the frequency list has is kept when at least as frequent as
 * RVLEX_FREQ_ONLY_MAX_CB.  Returns 0 on ENOMEM.
 */
static int
merge_lists(const unsigned char **dict, size_t nd, const unsigned char **common,
			size_t nc, const rv_freqlist *fl, entries *e)
{
	size_t		i = 0,
				j = 0,
				f = 0,
				max = nd + nc + fl->n + 1;

	e->words = rv_alloc(sizeof(*e->words) * max);
	e->tags = rv_alloc(sizeof(*e->tags) * max);
	e->cls = rv_alloc0(max);
	e->listed = rv_alloc(sizeof(*e->listed) * max);
	if (!e->words || !e->tags || !e->cls || !e->listed)
		return 0;
	while (i < nd || j < nc || f < fl->n)
	{
		const unsigned char *w = i < nd ? dict[i] : j < nc ? common[j] : fl->words[f];
		uint32_t	tags = 0;
		uint8_t		cls = 0;

		if (j < nc && lexbuild_cmp_words(&common[j], &w) < 0)
			w = common[j];
		if (f < fl->n && lexbuild_cmp_words(&fl->words[f], &w) < 0)
			w = fl->words[f];
		if (i < nd && lexbuild_cmp_words(&dict[i], &w) == 0)
			tags |= RVLEX_NODE_DICT, i++;
		if (j < nc && lexbuild_cmp_words(&common[j], &w) == 0)
			tags |= RVLEX_NODE_COMMON, j++;
		if (f < fl->n && lexbuild_cmp_words(&fl->words[f], &w) == 0)
			cls = freq_class(rv_freqlist_cb(fl->words[f++]));
		if (tags == 0 && (cls == 0 || cls > freq_class(RVLEX_FREQ_ONLY_MAX_CB)))
			continue;
		if (tags)
			e->listed[e->nlisted++] = w;
		e->words[e->n] = w;
		e->tags[e->n] = tags;
		e->cls[e->n++] = cls;
	}
	return 1;
}

/* Read and sort one list; an empty list is an error only if required. */
static rv_status
load_list(const char *path, wordset *ws, const unsigned char ***words,
		  size_t *n, char *err)
{
	rv_status	st = lexbuild_read_wordlist(path, ws, err);

	if (st != RV_OK)
		return st;
	*words = lexbuild_sorted_words(ws, n);
	if (*words == NULL)
	{
		rv_seterr(err, "out of memory sorting the word list");
		return RV_ENOMEM;
	}
	if (*n == 0)
	{
		rv_seterr(err, "word list \"%s\" contains no Hebrew words", path);
		return RV_EFORMAT;
	}
	return RV_OK;
}

rv_status
rv_lexicon_build(const char *wordlist_path, const char *common_path,
				 const char *out_path, char *err)
{
	return rv_lexicon_build_freq(wordlist_path, common_path, NULL, out_path,
								 err);
}

rv_status
rv_lexicon_build_freq(const char *wordlist_path, const char *common_path,
					  const char *freq_path, const char *out_path, char *err)
{
	wordset		wd,
				wc;
	rv_freqlist fl;
	const unsigned char **dict = NULL,
			  **common = NULL;
	entries		e;
	size_t		nd = 0,
				nc = 0;
	rv_status	st;

	if (wordlist_path == NULL || out_path == NULL)
	{
		rv_seterr(err, "rv_lexicon_build: no word list or output path");
		return RV_EINVAL;
	}
	memset(&wd, 0, sizeof(wd));
	memset(&wc, 0, sizeof(wc));
	memset(&fl, 0, sizeof(fl));
	memset(&e, 0, sizeof(e));
	st = load_list(wordlist_path, &wd, &dict, &nd, err);
	if (st == RV_OK && common_path)
		st = load_list(common_path, &wc, &common, &nc, err);
	if (st == RV_OK && freq_path)
		st = rv_freqlist_load(freq_path, &fl, err);
	if (st == RV_OK)
	{
		if (!merge_lists(dict, nd, common, nc, &fl, &e))
		{
			rv_seterr(err, "out of memory merging the word lists");
			st = RV_ENOMEM;
		}
		else
			st = build_from_words(&e, out_path, err);
	}
	entries_free(&e);
	rv_free(dict);
	rv_free(common);
	lexbuild_wordset_free(&wd);
	lexbuild_wordset_free(&wc);
	rv_freqlist_free(&fl);
	return st;
}

