/*
 * lexicon_build_internal.h — private to lexicon_build*.c: the word set,
 * the DAWG under construction and the steps lexicon_build.c strings
 * together (read, minimize, train, lay out, write).
 */
#ifndef REVRIT_LEXICON_BUILD_INTERNAL_H
#define REVRIT_LEXICON_BUILD_INTERNAL_H

#include <stddef.h>
#include <stdint.h>

#include "lexicon.h"
#include "lexicon_format.h"
#include "revrit.h"

/* Frequency classes are RVLEX_FREQ_STEP centibels wide (10 = a factor of
 * 1.26); a form only the frequency list has becomes a lexicon word when
 * at least 10^(-RVLEX_FREQ_ONLY_MAX_CB/100) frequent: one in ten million
 * words adds 118,000 forms (names, inflections) and raised Yiddish from
 * 0.295 to 0.304 Hebrew words; all 406,000 (900) gave 0.308 for a 50%
 * larger file and a slower search; catalog_dev did not change. */
#ifndef RVLEX_FREQ_STEP
#define RVLEX_FREQ_STEP		10
#endif
#ifndef RVLEX_FREQ_ONLY_MAX_CB
#define RVLEX_FREQ_ONLY_MAX_CB	700
#endif

/*
 * Words are kept as records in one arena: a length byte, then that many
 * symbols.  Offsets, not pointers, while the arena can still move.
 */
typedef struct wordset
{
	unsigned char *arena;
	size_t		used,
				cap;
	size_t	   *offs;
	size_t		n,
				ncap;
	size_t		skipped;		/* lines that were not a Hebrew word */
} wordset;

/* A node on the path of the word being added: still mutable. */
typedef struct pathnode
{
	uint32_t	bits;
	uint8_t		freq;			/* frequency class of the word ending here */
	uint32_t	child[RV_NSYMS];
} pathnode;

/*
 * Registered (frozen) nodes go straight into the output arrays; a hash
 * table over them finds an equal node so that equal suffixes are shared.
 * Node 0 is reserved for the root, which is frozen last.
 */
typedef struct dawg
{
	rvlex_node *nodes;
	size_t		nnodes,
				capnodes;
	uint8_t    *freq;			/* per node, beside nodes */
	size_t		capfreq;
	uint32_t   *edges;
	size_t		nedges,
				capedges;
	uint32_t   *table;			/* node id + 1; 0 = empty slot */
	size_t		tabsize;
	pathnode	path[RVLEX_MAX_WORD + 1];
} dawg;

/* lexicon_build_words.c */
void		lexbuild_wordset_free(wordset *ws);
rv_status	lexbuild_read_wordlist(const char *path, wordset *ws, char *err);
int			lexbuild_cmp_words(const void *a, const void *b);
const unsigned char **lexbuild_sorted_words(const wordset *ws, size_t *n);

/* lexicon_build_dawg.c */
rv_status	lexbuild_dawg_build(dawg *d, const unsigned char **words,
								const uint32_t *tags, const uint8_t *cls,
								size_t n, char *err);
void		lexbuild_dawg_free(dawg *d);

/* lexicon_build_charmodel.c */
rv_status	lexbuild_charmodel_train(const unsigned char **words, size_t n,
									 int order, uint16_t *costs, char *err);

/* lexicon_build_write.c */
unsigned char *lexbuild_assemble(const dawg *d, uint32_t nwords,
								 const uint16_t *costs, int order,
								 size_t *size);
rv_status	lexbuild_write_atomically(const char *path,
									  const unsigned char *buf, size_t size,
									  char *err);

#endif							/* REVRIT_LEXICON_BUILD_INTERNAL_H */
