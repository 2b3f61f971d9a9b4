/*
 * wordlist.h — private: whole-word readings kept as data (given names,
 * gazetteers, the word conventions of a standard).
 *
 * A rule file may hold "word" lines that apply whenever its standard is
 * used; a word-list file ("wordlist NAME" instead of "standard NAME") holds
 * them for the field kinds and standards it names (rules/README.md, "Word
 * lists").  Words are matched by their plain key: lower case, diacritics,
 * alef/ayin signs and apostrophes dropped, so Yoʼav, Yo'av and Yoav meet.
 */
#ifndef REVRIT_WORDLIST_H
#define REVRIT_WORDLIST_H

#include <stddef.h>
#include <stdint.h>

#include "revrit.h"
#include "strhash.h"

#define RV_WL_MAX_KEY		48	/* bytes of a plain key */
#define RV_WL_MAX_SYM		24	/* Hebrew symbols in one reading */
#define RV_WL_MAX_OPTIONS	4	/* readings of one word */
#define RV_WL_MAX_STANDARDS	8
/* Appended to a construct form before spelling; never a word character. */
#define RV_CONSTRUCT_MARK	'>'

typedef struct rv_word_option
{
	float		weight;
	uint8_t		nsym;
	uint8_t		sym[RV_WL_MAX_SYM];
} rv_word_option;

typedef struct rv_word_entry
{
	char		key[RV_WL_MAX_KEY];
	uint32_t	seq;			/* line order, for repeated keys */
	uint8_t		noptions;
	rv_word_option options[RV_WL_MAX_OPTIONS];	/* best first */
} rv_word_entry;

typedef struct rv_wordlist
{
	int			is_list;		/* a word-list file, not a standard */
	int			plain_script;	/* a standard written without diacritics */
	char		plain_cues[16]; /* its letters that hint at it (detect_plain.c) */
	/* "construct-mark ENDING": a word ending in ENDING that another word
	 * follows (a construct form: Avne Etan) is spelled with the mark
	 * RV_CONSTRUCT_MARK after it, which the standard's tokens read */
	char		construct_form[8];
	unsigned	kinds;			/* bit (1 << rv_kind) per field kind */
	char		standards[RV_WL_MAX_STANDARDS][64];
	int			nstandards;
	rv_word_entry *entries;		/* sorted by key once finished */
	uint32_t	nentries;
	uint32_t	cap;
	char	  **foreign;		/* sorted plain keys of foreign words */
	uint32_t	nforeign;
	uint32_t	foreign_cap;
	/* hashes of the keys, built by rv_wordlist_finish (binary search
	 * stays the fallback if they could not be allocated) */
	rv_strhash	entry_hash;
	rv_strhash	foreign_hash;
} rv_wordlist;

/* Is this rule-file directive one of the word-list directives? */
int			rv_wordlist_is_directive(const char *word);

/*
 * Parse one directive line (fields f[0..nf)) into *wl, allocating it on
 * first use.  name receives the list's name for "wordlist NAME".  On a
 * syntax error fills err with what, returns RV_EFORMAT; the caller adds
 * file and line.
 */
rv_status	rv_wordlist_parse(rv_wordlist **wl, char **f, int nf, char *name,
							  size_t namelen, char *what, size_t whatlen);

/* Sort the entries for look-up; merges readings of repeated keys. */
void		rv_wordlist_finish(rv_wordlist *wl);
void		rv_wordlist_free(rv_wordlist *wl);

/* The plain key of cps[from..to); 0 if it does not fit or has no letter. */
int			rv_wordlist_key(const uint32_t *cps, size_t from, size_t to,
							char *key);

/* The exact key (lower case only) foreign words are matched by. */
int			rv_wordlist_exact_key(const uint32_t *cps, size_t from, size_t to,
								  char *key);

const rv_word_entry *rv_wordlist_find(const rv_wordlist *wl, const char *key);
int			rv_wordlist_is_foreign(const rv_wordlist *wl, const char *key);

#endif							/* REVRIT_WORDLIST_H */
