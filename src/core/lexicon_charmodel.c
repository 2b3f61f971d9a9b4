/*
 * lexicon_charmodel.c — the character n-gram cost table of an open
 * lexicon: contexts and the cost of a symbol after one.
 */
#include "lexicon_internal.h"

/* ---- the character model --------------------------------------------------- */

rv_charctx
rv_lex_ctx_start(const rv_lexicon *lex)
{
	return lex->ctx_start;
}

/* Drop the oldest symbol, append sym (anything out of range counts as a
 * boundary). */
rv_charctx
rv_lex_ctx_push(const rv_lexicon *lex, rv_charctx ctx, int sym)
{
	if ((unsigned) sym >= RV_NSYMS)
		sym = RV_SYM_BOUNDARY;
	if (lex->ctx_keep == 0)
		return 0;				/* a unigram model has no context */
	return (ctx % lex->ctx_keep) * RV_NSYMS + (rv_charctx) sym;
}

double
rv_lex_char_cost(const rv_lexicon *lex, rv_charctx ctx, int sym)
{
	if (ctx >= lex->ncontexts || (unsigned) sym >= RV_NSYMS)
		return 65535 * lex->cost_unit;	/* the largest storable cost */
	return lex->costs[(size_t) ctx * RV_NSYMS + sym] * lex->cost_unit;
}
