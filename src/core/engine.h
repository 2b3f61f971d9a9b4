/*
 * engine.h — private: what an engine holds.
 */
#ifndef REVRIT_ENGINE_H
#define REVRIT_ENGINE_H

#include "revrit.h"
#include "rules.h"


/* Summed marker weight a part needs before a standard other than the
 * default (the engine's first) is taken as detected: a plain-ASCII q or w
 * (Weber) is no evidence of anything, one circumflex is. */
#define RV_DETECT_MIN_EVIDENCE 1.5

struct rv_engine
{
	const rv_rules *rules[RV_MAX_STANDARDS];	/* standards, default first */
	int			nrules;
	const rv_rules *lists[RV_MAX_STANDARDS];	/* word lists (wordlist.h) */
	int			nlists;
	const rv_lexicon *lexicon;
	/* by standard: the lexicon its rule file names ("lexicon NAME"), once
	 * the host attached it (engine_lexicons.c) */
	const rv_lexicon *own_lexicon[RV_MAX_STANDARDS];
	/* 1 for an ASCII character that is a marker of one of the standards
	 * (detect_standard.c) */
	uint8_t		ascii_marker[128];
};

/* The lexicon a standard ranks with: the one its rule file names if it
 * names one (NULL if the host attached none), else the engine's. */
const rv_lexicon *rv_engine_lexicon_for(const rv_engine *e, const rv_rules *r);

/* A standard by name, components included; NULL if there is none. */
const rv_rules *rv_engine_rules_named(const rv_engine *e, const char *name);

/* The standard an option names; NULL for automatic detection ("", "auto"
 * or NULL).  An unknown name fills err (listing the valid ones) and sets
 * *bad. */
const rv_rules *rv_engine_find(const rv_engine *e, const char *name, int *bad,
							   char *err);

/* The standard a text part is written in, by its marker letters; NULL if
 * nothing betrays one. */
const rv_rules *rv_engine_detect(const rv_engine *e, const uint32_t *cps,
								 size_t from, size_t to);

#endif							/* REVRIT_ENGINE_H */
