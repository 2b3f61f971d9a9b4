/*
 * rules.h — private: a compiled romanization standard.
 *
 * A rule file (rules/README.md) is compiled into a trie over romanized code
 * points.  Every trie node that ends a token holds, for each position in the
 * word (start, inside, end, whole word, anywhere), variants that may also
 * demand a look-ahead context; each variant lists weighted Hebrew options.
 */
#ifndef REVRIT_RULES_H
#define REVRIT_RULES_H

#include <stdint.h>

#include "language.h"
#include "revrit.h"
#include "wordlist.h"

#define RV_MAX_TOKEN		8	/* code points in one romanized token */
#define RV_MAX_OUT			6	/* Hebrew symbols in one option */
#define RV_MAX_LOOKAHEAD	4	/* classes in one look-ahead context */
#define RV_MAX_NAME			64
#define RV_MAX_DIGRAPHS		32
#define RV_MAX_EXPR_WORD	32	/* letters in one word of an expression */

/* Where a token stands in its word; the most specific class that has a
 * matching variant wins, falling back as rv_pos_fallback() says. */
typedef enum rv_pos
{
	RV_POS_ANY = 0,				/* "*" */
	RV_POS_INITIAL,				/* "^" */
	RV_POS_MEDIAL,				/* "." */
	RV_POS_FINAL,				/* "$" */
	RV_POS_WHOLE,				/* "^$" */
	RV_NPOS
} rv_pos;

/* Look-ahead classes: what must follow the token (not consumed). */
typedef enum rv_class
{
	RV_CLASS_CONSONANT = 'C',
	RV_CLASS_VOWEL = 'V',
	RV_CLASS_END = '#'
} rv_class;

typedef struct rv_option
{
	float		weight;
	float		weight_plain;	/* in a text without romanization marks */
	uint8_t		nsym;
	uint8_t		sym[RV_MAX_OUT];	/* lexicon.h symbols */
	uint8_t		known_only;		/* "(א)": only inside words the lexicon has */
} rv_option;

typedef struct rv_variant
{
	uint8_t		pos;			/* rv_pos */
	uint8_t		nlook;
	uint8_t		look[RV_MAX_LOOKAHEAD]; /* rv_class values */
	uint32_t	first_option;
	uint32_t	noptions;
	uint32_t	next;			/* next variant of the same token, or 0 */
} rv_variant;

typedef struct rv_trie_node
{
	uint32_t	first_child;	/* index into rv_rules.children */
	uint32_t	nchildren;
	uint32_t	first_variant;	/* 0 = the token has no rules */
} rv_trie_node;

typedef struct rv_trie_child
{
	uint32_t	cp;
	uint32_t	node;
} rv_trie_child;

/* A hyphenated prefix such as ha- or uve-: its Hebrew when it starts the
 * prefix chain and when it follows another prefix (ve- is ו first, ב after). */
typedef struct rv_prefix
{
	uint32_t	form[RV_MAX_TOKEN];
	uint8_t		len;
	uint8_t		nfirst;
	uint8_t		nlater;
	uint8_t		first[RV_MAX_OUT];
	uint8_t		later[RV_MAX_OUT];
} rv_prefix;

/* A character that betrays the standard (ḳ for ALA-LC, š for old DIN). */
typedef struct rv_marker
{
	uint32_t	cp;
	float		weight;
} rv_marker;

/* A cataloguer's abbreviation: FORM followed by a period (mahad.). */
typedef struct rv_abbrev
{
	uint32_t	form[RV_MAX_TOKEN];
	uint8_t		len;
	uint8_t		nsym;
	uint8_t		sym[RV_MAX_OUT];
} rv_abbrev;

/* An input character folded before matching (look-alike apostrophes). */
typedef struct rv_charmap
{
	uint32_t	from;
	uint32_t	to;				/* 0 = delete */
} rv_charmap;

struct rv_rules
{
	char		name[RV_MAX_NAME];

	rv_trie_node *nodes;
	uint32_t	nnodes;
	rv_trie_child *children;
	uint32_t	nchildren;
	rv_variant *variants;		/* [0] is unused so 0 can mean "none" */
	uint32_t	nvariants;
	rv_option  *options;
	uint32_t	noptions;

	rv_prefix  *prefixes;
	uint32_t	nprefixes;

	rv_charmap *charmap;		/* sorted by from */
	uint32_t	ncharmap;

	uint32_t   *alphabet;		/* sorted code points a word may contain */
	uint32_t	nalphabet;
	uint32_t   *consonants;		/* sorted */
	uint32_t	nconsonants;
	uint32_t   *vowels;			/* sorted */
	uint32_t	nvowels;
	/* consonants spelled with several letters (sh, kh, ts): one consonant
	 * to a look-ahead, e.g. i/CC does not see two in "ikha" */
	uint32_t	digraphs[RV_MAX_DIGRAPHS][RV_MAX_TOKEN];
	uint8_t		digraph_len[RV_MAX_DIGRAPHS];
	uint32_t	ndigraphs;

	rv_marker  *markers;
	uint32_t	nmarkers;
	rv_abbrev  *abbrevs;
	uint32_t	nabbrevs;

	char	  **foreign_words;	/* sorted UTF-8, lower case */
	uint32_t	nforeign;
	/* built once by rv_rules_index: the per-word look-ups' fast paths */
	rv_strhash	foreign_hash;	/* of foreign_words */
	uint8_t		ascii_class[128];	/* class bits of an ASCII code point */
	uint32_t	ascii_fold[128];	/* rv_rules_fold of an ASCII code point */

	float		double_penalty; /* writing a doubled consonant twice */
	float		split_penalty;	/* reading a digraph as two letters */
	float		lexicon_bonus;	/* dictionary-only words; < 0: the engine default */
	/* listed multi-word expressions (ארץ ישראל): a sorted key per pair of
	 * neighbouring words, rv_expr_key() of their spellings */
	uint64_t   *expr_keys;
	uint32_t	nexpr_keys;
	uint64_t   *expr_firsts;	/* sorted hashes of the first of such pairs */
	uint32_t	nexpr_firsts;
	uint64_t   *expr_seconds;	/* ... and of the second */
	uint32_t	nexpr_seconds;
	float		acronym_penalty;	/* gershayim before the last letter of a
									 * word the lexicon knows so; < 0: never */
	int			camel_prefixes; /* HaNer: a prefix joined before a capital */
	rv_wordlist *words;			/* whole-word readings (wordlist.h), or NULL */
	rv_language lang;			/* language directives (language.h) */
};

/* FNV-1a over lexicon.h symbols: hashing a word's prefix letters and then
 * its base gives the hash of the whole spelling. */
#define RV_SYMS_HASH_SEED	UINT64_C(0xcbf29ce484222325)
static inline uint64_t
rv_syms_hash(uint64_t h, const uint8_t *sym, int n)
{
	for (int i = 0; i < n; i++)
		h = (h ^ (uint64_t) (sym[i] + 1)) * UINT64_C(0x100000001b3);
	return h;
}

/* The key of two neighbouring words of an expression, from their hashes. */
static inline uint64_t
rv_expr_key(uint64_t first, uint64_t second)
{
	return (first * UINT64_C(0x9E3779B97F4A7C15)) ^ second;
}

/* Do two neighbouring spellings (hashes as above) form part of a listed
 * expression? */
int			rv_rules_expression_pair(const rv_rules *rules, uint64_t first,
									 uint64_t second);
/* Can a word so spelled open (second = 0) or close (1) such a pair? */
int			rv_rules_expression_word(const rv_rules *rules, uint64_t hash,
									 int second);

/* Child of a trie node for a code point, or 0 (the root is node 0 and is
 * never anybody's child). */
uint32_t	rv_rules_child(const rv_rules *rules, uint32_t node, uint32_t cp);

int			rv_rules_is_consonant(const rv_rules *rules, uint32_t cp);
/* Length of the digraph starting at cps[0] (at most n long), or 0. */
int			rv_rules_digraph_at(const rv_rules *rules, const uint32_t *cps, int n);
int			rv_rules_is_vowel(const rv_rules *rules, uint32_t cp);
int			rv_rules_in_alphabet(const rv_rules *rules, uint32_t cp);
int			rv_rules_is_foreign_word(const rv_rules *rules, const char *utf8);

/* Build the look-up structures of the sorted sets and foreign words. */
rv_status	rv_rules_index(rv_rules *rules);

/* Evidence that a text is in this standard: the summed marker weights. */
double		rv_rules_marker_score(const rv_rules *rules, const uint32_t *cps,
								  size_t n);

/* The abbreviation spelled by a folded word, or NULL. */
const rv_abbrev *rv_rules_abbrev(const rv_rules *rules, const uint32_t *f, int n);

/* The folded form of an input character: itself, another, or 0 (drop). */
uint32_t	rv_rules_fold(const rv_rules *rules, uint32_t cp);

/* The orders the compiled sets and the foreign words are sorted in
 * (qsort/bsearch comparators over uint32_t and char *). */
int			rv_rules_cmp_u32(const void *a, const void *b);
int			rv_rules_cmp_str(const void *a, const void *b);

#endif							/* REVRIT_RULES_H */
