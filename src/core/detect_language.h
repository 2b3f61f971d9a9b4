/*
 * detect_language.h — private: is a romanized text Hebrew, or in another
 * language the engine has a standard for (Yiddish)?
 */
#ifndef REVRIT_DETECT_LANGUAGE_H
#define REVRIT_DETECT_LANGUAGE_H

#include "engine.h"
#include "lattice.h"

/* What the judgment rests on (revrit_analyze reports it). */
typedef struct rv_language_evidence
{
	double		cues;			/* function words, endings, prefixes */
	double		lexicon;		/* how much better the language's words fit */
	int			words;			/* words weighed */
	double		total;
} rv_language_evidence;

/*
 * The standard of the language cps[from..to) is written in when that is not
 * Hebrew (a standard whose rule file says "language NAME" and lists cues),
 * or NULL for Hebrew.  hebrew is the standard marker detection chose for
 * the text (NULL if none): only a text in the default standard's letters,
 * or in none, is weighed.  s and arena are the caller's scratch.  ev may
 * be NULL.
 */
const rv_rules *rv_detect_language(const rv_engine *e, const rv_rules *hebrew,
								   const uint32_t *cps, size_t from, size_t to,
								   rv_search *s, rv_arena *arena,
								   rv_language_evidence *ev);

/* The same for a whole text whose standard by its letters is hebrew, for
 * the driver (scratch in arena is freed). */
const rv_rules *rv_detect_text_language(const rv_engine *e,
										const rv_rules *hebrew,
										const uint32_t *cps, size_t n,
										rv_search *s, rv_arena *arena);

/*
 * The standard of one part, given the text's language (NULL: Hebrew) and
 * the standard marker detection chose for the part: the language's
 * standard replaces the default one on a Latin part, and label and known
 * (as convert_parts.c reports them) follow.
 */
const rv_rules *rv_language_part_standard(const rv_engine *e,
										  const rv_rules *language,
										  const rv_rules *r,
										  const char **label, int *known);

#endif							/* REVRIT_DETECT_LANGUAGE_H */
