/*
 * lexicon.h — private: walking the compiled lexicon during candidate search.
 *
 * The search asks two things of a lexicon, one Hebrew symbol at a time:
 * does some known word start with the letters emitted so far (a trie walk),
 * and how plausible is the next letter after the last few (a character
 * n-gram model).  Both are answered from the read-only memory map.
 */
#ifndef REVRIT_LEXICON_H
#define REVRIT_LEXICON_H

#include <stdint.h>

#include "hebrew.h"
#include "revrit.h"

/* A trie node; RV_LEX_NONE once the prefix left the lexicon. */
typedef uint32_t rv_lexnode;
#define RV_LEX_NONE UINT32_MAX

rv_lexnode	rv_lex_root(const rv_lexicon *lex);
rv_lexnode	rv_lex_step(const rv_lexicon *lex, rv_lexnode node, int sym);
int			rv_lex_is_word(const rv_lexicon *lex, rv_lexnode node);

/* Where a word ending at node is listed: RV_LEX_DICT (the spelling
 * dictionary), RV_LEX_COMMON (the list of common words), both,
 * RV_LEX_FREQ (neither, only the frequency list), or 0 (not a word). */
#define RV_LEX_DICT		1
#define RV_LEX_COMMON	2
#define RV_LEX_FREQ		4		/* only in the frequency list (alone) */
int			rv_lex_word_tags(const rv_lexicon *lex, rv_lexnode node);

/* -log10 of the frequency per running word of the word ending at node, or
 * -1 if the lexicon has no frequency for it (or none at all). */
double		rv_lex_word_cost(const rv_lexicon *lex, rv_lexnode node);
int			rv_lex_has_freq(const rv_lexicon *lex);
/* Was the lexicon built with a list of common words? */
int			rv_lex_has_common(const rv_lexicon *lex);

/* The node a UTF-8 string leads to from the root, as stored (no prefix
 * letters taken off); RV_LEX_NONE if none. */
rv_lexnode	rv_lex_lookup(const rv_lexicon *lex, const char *utf8, size_t len);

/* Whole-word lookup of a UTF-8 string; 1 if known.  Also accepts the word
 * behind one or more of the prefix letters ו ה ב כ ל מ ש. */
int			rv_lex_contains(const rv_lexicon *lex, const char *utf8, size_t len);

/* Character model.  A context packs the last (order - 1) symbols; a word
 * starts from rv_lex_ctx_start() and is closed by scoring
 * RV_SYM_BOUNDARY.  Costs are in bits (-log2 p), always finite. */
typedef uint32_t rv_charctx;

rv_charctx	rv_lex_ctx_start(const rv_lexicon *lex);
rv_charctx	rv_lex_ctx_push(const rv_lexicon *lex, rv_charctx ctx, int sym);
double		rv_lex_char_cost(const rv_lexicon *lex, rv_charctx ctx, int sym);

#endif							/* REVRIT_LEXICON_H */
