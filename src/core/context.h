/*
 * context.h — private: choosing the words of an ISBD part jointly.
 *
 * Each word is spelled on its own (lattice.c).  The words of a part are
 * then chosen together: a Viterbi pass over their candidates adds to their
 * own scores what the neighbouring words say, here whether two neighbours
 * form a listed multi-word expression (ראש השנה, בית המדרש: `expression`
 * lines of the rule file).  The driver writes each word's best spelling at
 * once and records where; rv_context_choose() rewrites the few words the
 * joint choice changed.
 *
 * To stay fast, a word is spelled with one candidate, as without context,
 * and spelled again with RV_CONTEXT_K only where its neighbour's best
 * spelling can be one word of a listed expression that the two best
 * spellings do not already form: the joint choice so finds an expression
 * whenever one of its words was already best.
 */
#ifndef REVRIT_CONTEXT_H
#define REVRIT_CONTEXT_H

#include <stddef.h>
#include <stdint.h>

#include "buf.h"
#include "lattice.h"
#include "rules.h"

/*
 * Candidates per word the joint choice weighs, and what two neighbours
 * that form a listed expression take off the score (the units of
 * lattice.h: a step of doubt).  Set by hand, not fitted: the development
 * pairs hold too few expressions to fit it on.
 */
#define RV_CONTEXT_K				3
#define RV_CONTEXT_EXPRESSION_BONUS	3.0

/*
 * A part longer than this many words (or whose held-back reports hold this
 * many candidates) is chosen in windows, so that memory stays bounded on
 * an 8 MB input: only an expression across a window's edge is missed.
 */
#define RV_CONTEXT_MAX_WORDS		4096
#define RV_CONTEXT_MAX_PENDING		65536

/* A growable array of bytes, code points or words, kept across parts. */
typedef struct rv_ctx_pool
{
	void	   *data;
	size_t		len,
				cap;
} rv_ctx_pool;

typedef struct rv_context
{
	rv_ctx_pool words;			/* rv_ctx_word, context.c */
	rv_ctx_pool syms;			/* prefix letters and candidates' letters */
	int			failed;			/* an allocation failed */
} rv_context;

/* Writes symbols in the output's style (marks, final forms). */
typedef void (*rv_ctx_render) (void *arg, rv_buf *out, const uint8_t *sym,
							   int nsym);

/* Spells recorded word wi again into its k best, the same way it was
 * spelled first: their number, -1 if out of memory.  The spellings stay
 * valid until the next call. */
typedef int (*rv_ctx_spell) (void *arg, int wi, int k, rv_spelling **out);

/* What rv_context_choose() needs of the driver. */
typedef struct rv_ctx_driver
{
	rv_ctx_render render;
	rv_ctx_spell spell;
	void	   *arg;
} rv_ctx_driver;

void		rv_context_init(rv_context *cx);
void		rv_context_free(rv_context *cx);

/* Would a joint choice change anything with these rules? */
int			rv_context_wanted(const rv_rules *rules);

/*
 * Record a converted word: where its best spelling was written in the
 * output, its prefix letters, its candidates (best first; at most
 * RV_CONTEXT_K are kept) and whether the driver can spell it again.
 * Returns 0 when out of memory.
 */
int			rv_context_add(rv_context *cx, size_t out_start, size_t out_end,
						   const uint8_t *psym, int npsym,
						   const rv_spelling *sp, int n, int can_respell);

/* How many words are recorded (the index the next one will get). */
int			rv_context_count(const rv_context *cx);

/* Where the first recorded word starts in the output (0 if none). */
size_t		rv_context_start(const rv_context *cx);

/*
 * Choose the recorded words jointly and rewrite in out (from region_start
 * on) those whose choice changed.  Returns 0 when out of memory.
 */
int			rv_context_choose(rv_context *cx, const rv_rules *rules,
							  rv_buf *out, size_t region_start,
							  const rv_ctx_driver *driver);

/* The spelling chosen for recorded word wi, and its rank among the word's
 * own candidates from 0 (symbols valid until rv_context_reset()). */
int			rv_context_chosen(const rv_context *cx, int wi, rv_spelling *out);

/* What the chosen neighbours of word wi add to this spelling of it (0 or
 * -RV_CONTEXT_EXPRESSION_BONUS per listed expression; 0 for a spelling the
 * joint choice did not weigh). */
double		rv_context_component(const rv_context *cx, const rv_rules *rules,
								 int wi, const uint8_t *sym, int nsym);

/* Forget the recorded words (the memory is kept for the next part). */
void		rv_context_reset(rv_context *cx);

#endif							/* REVRIT_CONTEXT_H */
