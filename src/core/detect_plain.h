/*
 * detect_plain.h — private: which standard a text without any diacritic is
 * written in, decided by reading it both ways.
 */
#ifndef REVRIT_DETECT_PLAIN_H
#define REVRIT_DETECT_PLAIN_H

#include "engine.h"
#include "lattice.h"

#define RV_PLAIN_MAX_WORDS	32	/* words compared; the rest follow the choice */
#define RV_PLAIN_MEMO_SYMS	1024	/* bytes of Hebrew the memo keeps */

/* One word's best spelling by one standard, as the comparison found it. */
typedef struct rv_plain_word
{
	const rv_rules *rules;
	size_t		start,
				end;			/* the word in the text */
	rv_spelling sp;				/* sym points into rv_plain_memo.syms */
} rv_plain_word;

/*
 * The spellings the comparison made, kept so conversion does not spell the
 * same words again: each word's single best spelling (k = 1) by each
 * standard read, for words whose spelling needs no more than
 * rv_spell_word (no merged component, the engine's lexicon).
 */
typedef struct rv_plain_memo
{
	int			nwords;
	int			nsyms;
	rv_plain_word words[2 * RV_PLAIN_MAX_WORDS];
	uint8_t		syms[RV_PLAIN_MEMO_SYMS];
} rv_plain_memo;

/*
 * cps[from..to) is plain ASCII and betrays no standard by its letters.  A
 * standard whose rule file says "plain-script" (the Israeli place-name
 * romanization: q, w and ' instead of diacritics) is chosen over the
 * default when the lexicon and the standard's own word list know more of
 * its reading of the words, or as many at a cost no more than
 * RV_PLAIN_MARGIN higher.  The comparison is made only when the part shows
 * a cue of that standard (plain_cue in detect_plain.c); otherwise, and
 * when the readings agree, NULL = keep the default.  spellings has room
 * for one candidate; arena is scratch, freed by the caller; memo (may be
 * NULL) is emptied and receives the spellings made.
 */
const rv_rules *rv_detect_plain(const rv_engine *e, const uint32_t *cps,
								size_t from, size_t to, rv_search *search,
								rv_arena *arena, rv_spelling *spellings,
								rv_plain_memo *memo);

/* The best spelling the comparison made of cps[start..end) by r, or NULL. */
const rv_spelling *rv_plain_memo_find(const rv_plain_memo *memo,
									  const rv_rules *r, size_t start,
									  size_t end);

/* Text without a single diacritic is more likely written in a system that
 * has none: ties go to it within this cost. */
#define RV_PLAIN_MARGIN 1.0

#endif							/* REVRIT_DETECT_PLAIN_H */
