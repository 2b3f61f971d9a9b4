/*
 * rules_compiler.h — private to rules*.c: the state of compiling one rule
 * file.  rules.c reads and tokenizes lines and hands back the compiled
 * arrays; rules_directives.c parses each directive; rules_trie.c holds the
 * growable arrays and the token trie.
 */
#ifndef REVRIT_RULES_COMPILER_H
#define REVRIT_RULES_COMPILER_H

#include <stddef.h>
#include <stdint.h>

#include "rules.h"

/* Growable array of fixed-size items, used only while compiling. */
typedef struct vec
{
	void	   *data;
	uint32_t	len;
	size_t		cap;
	size_t		item;
} vec;

/* Trie node while compiling: children kept in a linked list. */
typedef struct build_node
{
	uint32_t	cp;
	uint32_t	first_child;	/* 0 = none (node 0 is the root) */
	uint32_t	next_sibling;
	uint32_t	first_variant;
	uint32_t	last_variant;
} build_node;

typedef struct compiler
{
	rv_rules   *rules;
	vec			nodes;			/* build_node */
	vec			variants;		/* rv_variant */
	vec			options;		/* rv_option */
	vec			prefixes;		/* rv_prefix */
	vec			charmap;		/* rv_charmap */
	vec			alphabet;		/* uint32_t */
	vec			consonants;
	vec			vowels;
	vec			foreign;		/* char * */
	vec			markers;		/* rv_marker */
	vec			abbrevs;		/* rv_abbrev */
	vec			expr_keys;		/* uint64_t */
	vec			expr_firsts;	/* uint64_t */
	vec			expr_seconds;	/* uint64_t */
	const char *file;
	int			line;
	int			nomem;			/* an allocation failed while parsing */
	char	   *err;
} compiler;

/* rules_trie.c */

/* A new zeroed item at the end of v; NULL when out of memory. */
void	   *rules_push(vec *v);

/* Append a code point to a set being built; 0 when out of memory. */
int			rules_add_cp(vec *v, uint32_t cp);

/* Put the newest variant under the token cps[0..n) (creating its trie
 * path, adding its letters to the alphabet). */
rv_status	rules_trie_add_variant(compiler *c, const uint32_t *cps, int n);

/* Sort and deduplicate a code point set, moving it into the rules. */
uint32_t   *rules_finish_set(vec *v, uint32_t *n);

/* Flatten the trie into the rules' sorted arrays. */
rv_status	rules_finish_trie(compiler *c);

/* rules_directives.c */

/* "FILE:LINE: what "arg"" into c->err: RV_EFORMAT (RV_ENOMEM if an
 * allocation failed on the way). */
rv_status	rules_error(compiler *c, const char *what, const char *arg);

/* One line's fields f[0..nf) (modified in place). */
rv_status	rules_parse_directive(compiler *c, char **f, int nf);

#endif							/* REVRIT_RULES_COMPILER_H */
