/*
 * rules_compiler.h — private to rules*.c: the state of compiling one rule
 * file.  rules.c drives it (lines in, compiled arrays out);
 * rules_directives.c parses each directive into it.
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
	const char *file;
	int			line;
	int			nomem;			/* an allocation failed while parsing */
	char	   *err;
} compiler;

/* A new zeroed item at the end of v; NULL when out of memory. */
void	   *rules_push(vec *v);

/* "FILE:LINE: what "arg"" into c->err: RV_EFORMAT (RV_ENOMEM if an
 * allocation failed on the way). */
rv_status	rules_error(compiler *c, const char *what, const char *arg);

/* One line of the file (modified in place). */
rv_status	rules_parse_line(compiler *c, char *line);

#endif							/* REVRIT_RULES_COMPILER_H */
