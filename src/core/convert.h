/*
 * convert.h — private: the state of one conversion call and the steps the
 * convert_*.c files share.  convert.c holds the API entry points; the text
 * goes convert_parts.c (ISBD parts, their standard, foreign parts) →
 * convert_tokens.c (words, numbers, punctuation) → convert_word.c (a word's
 * hyphenated parts) → convert_render.c (Hebrew into the output).
 */
#ifndef REVRIT_CONVERT_H
#define REVRIT_CONVERT_H

#include <stddef.h>
#include <stdint.h>

#include "alloc.h"
#include "buf.h"
#include "context.h"
#include "detect_plain.h"
#include "engine.h"
#include "isbd.h"
#include "lattice.h"
#include "learned.h"
#include "report.h"
#include "rules.h"

#define RV_MAX_PARTS		16	/* hyphenated parts handled in one word */
#define RV_MAX_SPANS		64	/* ISBD parts handled in one text */

/* A word's report held back until its part's words are chosen together
 * (convert_context.c), so that rank 1 is what the output says. */
typedef struct conv_pending
{
	int			word_no;
	size_t		from,
				to;
	int			nfound;
	int			foreign;
	int			ctx_word;		/* its index in the context, or -1 */
	int			npsym;
	uint8_t		psym[RV_MAX_OUT * 8];
	rv_spelling *sp;			/* nfound, in pending_arena */
} conv_pending;

/* State of one rv_convert / rv_candidates / rv_analyze call. */
typedef struct conv
{
	const rv_engine *engine;
	const rv_rules *rules;		/* of the current ISBD part */
	const rv_options *opt;
	rv_kind		kind;			/* of the field: title, name or imprint */
	rv_kind		word_kind;		/* whose word lists apply in this part */
	const uint32_t *cps;		/* the NFC text */
	size_t		n;
	rv_buf		out;
	rv_search  *search;
	rv_arena	arena;
	rv_spelling *spellings;		/* max(k, RV_LEARNED_K, RV_CONTEXT_K) +
								 * RV_WL_MAX_OPTIONS slots */
	int			k;				/* candidates reported per word */
	rv_context	context;		/* the current part's words (context.c) */
	struct conv_ctx_base *ctx_bases;	/* to spell them again */
	int			cap_ctx_bases;
	conv_pending *pending;		/* reports held back in this part */
	int			npending,
				cap_pending;
	long		pending_cands;	/* candidates they hold */
	rv_arena	pending_arena;
	rv_candidate_fn fn;			/* rv_candidates */
	void	   *fn_arg;
	rv_report  *report;			/* rv_analyze */
	int			word_no;
	int			stop;
	int			oom;
	rv_plain_memo *plain;		/* the part's spellings from rv_detect_plain,
								 * allocated when first needed, or NULL */
} conv;

/* One hyphen-separated part of a word, folded for matching. */
typedef struct part
{
	size_t		start,
				end;			/* in conv.cps, as written */
	uint32_t	folded[RV_MAX_WORD];
	int			nfolded;
	int			too_long;
	int			alien;			/* has a character the standard lacks */
	int			foreign;		/* alien, or a known foreign word */
} part;

/* convert_parts.c: the whole text, part by part. */
void		convert_text(conv *c, const rv_rules *forced);

/* convert_tokens.c: the characters of one part. */
void		convert_range(conv *c, size_t from, size_t to);
int			conv_is_word_char(const rv_rules *r, uint32_t cp);

/* convert_word.c: one romanized word. */
size_t		convert_word(conv *c, size_t start, size_t end, size_t limit);
void		conv_fold_part(conv *c, part *p);

/* convert_prefix.c: the article, conjunction and prepositions. */
int			conv_prefix_chain(const rv_rules *r, const uint32_t *f, int n,
							  int later, uint8_t *sym, int *nsym, int max);
size_t		conv_camel_split(conv *c, size_t from, size_t to);

/* convert_number.c: digits. */
size_t		convert_number(conv *c, size_t i, size_t limit);
size_t		convert_prefixed_number(conv *c, size_t at, size_t limit);

/* convert_abbrev.c: abbreviations. */
int			convert_abbreviation(conv *c, const part *p);
size_t		convert_abbreviation_letters(conv *c, size_t i, size_t to);

/* convert_context.c: the joint choice of a part's words (context.c). */
void		conv_context_record(conv *c, size_t out_start, const part *base,
								int mode, const uint8_t *psym, int npsym,
								int found);
void		conv_context_choose(conv *c, size_t out_start);
void		conv_context_describe(conv *c, size_t from, size_t to, int nfound,
								  int foreign, const uint8_t *psym, int npsym);
void		conv_context_free(conv *c);

/* convert_names.c: word lists (given names, places) and the field kind. */
int			conv_spell_base(conv *c, const part *base, int mode,
							int *foreign);
const rv_rules *conv_field_standard(conv *c, const rv_span *sp,
									const rv_rules *r, const char **label,
									int *known);
void		conv_set_kind(conv *c);

/* convert_render.c: output and the per-word reports. */
void		conv_put_sym(conv *c, rv_buf *b, int sym);
void		conv_put_syms(conv *c, rv_buf *b, const uint8_t *sym, int n);
void		conv_put_cps(rv_buf *b, const uint32_t *cps, size_t from,
						 size_t to);
char	   *conv_span_utf8(conv *c, size_t from, size_t to);
void		conv_describe_word(conv *c, size_t from, size_t to, int nfound,
							   int foreign, const uint8_t *psym, int npsym);

/* convert_learned.c: if the learned layer (rv_options.learned) has a
 * spelling of this word that beats the lattice's, write it and return 1. */
int			conv_learned(conv *c, size_t unit_start, const part *base,
						 int initial, int found, const uint8_t *psym,
						 int npsym);

#endif							/* REVRIT_CONVERT_H */
