/*
 * rules.c — compile a romanization rule file (rules/README.md) into the
 * token trie the lattice builder walks: read the file, feed its lines to
 * rules_directives.c, then sort and hand over the compiled arrays.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "alloc.h"
#include "buf.h"
#include "hebrew.h"
#include "rules.h"
#include "rules_compiler.h"
#include "utf8.h"

/* Largest rule file accepted: far above any real standard. */
#define RULES_MAX_BYTES (4u * 1024u * 1024u)

void *
rules_push(vec *v)
{
	if (v->len == UINT32_MAX ||
		!rv_grow(&v->data, &v->cap, (size_t) v->len + 1, v->item, 16))
		return NULL;
	return memset((char *) v->data + (size_t) v->len++ * v->item, 0, v->item);
}

rv_status
rules_error(compiler *c, const char *what, const char *arg)
{
	if (c->nomem)
	{
		rv_seterr(c->err, "out of memory compiling %s", c->file);
		return RV_ENOMEM;
	}
	rv_seterr(c->err, "%s:%d: %s%s%s%s", c->file, c->line, what,
			  arg ? " \"" : "", arg ? arg : "", arg ? "\"" : "");
	return RV_EFORMAT;
}

static int
cmp_charmap(const void *a, const void *b)
{
	return rv_rules_cmp_u32(&((const rv_charmap *) a)->from,
							&((const rv_charmap *) b)->from);
}

/* Sort and deduplicate a code point set, moving it into the rules. */
static uint32_t *
finish_set(vec *v, uint32_t *n)
{
	uint32_t   *a = v->data;
	uint32_t	k = 0;

	if (v->len)
		qsort(a, v->len, sizeof(uint32_t), rv_rules_cmp_u32);
	for (uint32_t i = 0; i < v->len; i++)
		if (k == 0 || a[k - 1] != a[i])
			a[k++] = a[i];
	*n = k;
	v->data = NULL;
	return a;
}

/* Flatten the linked trie into arrays with children sorted by code point,
 * so a lookup is a binary search. */
static rv_status
finish_trie(compiler *c)
{
	rv_rules   *r = c->rules;
	build_node *bn = c->nodes.data;
	uint32_t	nn = c->nodes.len;
	uint32_t	pos = 0;

	r->nodes = rv_alloc0(nn * sizeof(rv_trie_node));
	r->children = rv_alloc0((nn ? nn : 1) * sizeof(rv_trie_child));
	if (r->nodes == NULL || r->children == NULL)
		return RV_ENOMEM;
	for (uint32_t i = 0; i < nn; i++)
	{
		uint32_t	start = pos;

		for (uint32_t k = bn[i].first_child; k; k = bn[k].next_sibling)
		{
			r->children[pos].cp = bn[k].cp;
			r->children[pos].node = k;
			pos++;
		}
		qsort(r->children + start, pos - start, sizeof(rv_trie_child),
			  rv_rules_cmp_u32);
		r->nodes[i].first_child = start;
		r->nodes[i].nchildren = pos - start;
		r->nodes[i].first_variant = bn[i].first_variant;
	}
	r->nnodes = nn;
	r->nchildren = pos;
	return RV_OK;
}

static void
compiler_free(compiler *c)
{
	char	  **fw = c->foreign.data;

	for (uint32_t i = 0; fw && i < c->foreign.len; i++)
		rv_free(fw[i]);
	rv_free(c->nodes.data);
	rv_free(c->variants.data);
	rv_free(c->options.data);
	rv_free(c->prefixes.data);
	rv_free(c->charmap.data);
	rv_free(c->alphabet.data);
	rv_free(c->consonants.data);
	rv_free(c->vowels.data);
	rv_free(c->foreign.data);
	rv_free(c->markers.data);
	rv_free(c->abbrevs.data);
}

static rv_status
compile(compiler *c, const char *text, size_t len)
{
	size_t		start = 0;
	rv_status	st = RV_OK;

	c->nodes.item = sizeof(build_node);
	c->variants.item = sizeof(rv_variant);
	c->options.item = sizeof(rv_option);
	c->prefixes.item = sizeof(rv_prefix);
	c->charmap.item = sizeof(rv_charmap);
	c->alphabet.item = c->consonants.item = c->vowels.item = sizeof(uint32_t);
	c->foreign.item = sizeof(char *);
	c->markers.item = sizeof(rv_marker);
	c->abbrevs.item = sizeof(rv_abbrev);
	/* node 0 = root; variant 0 = "none" */
	if (rules_push(&c->nodes) == NULL || rules_push(&c->variants) == NULL)
		return RV_ENOMEM;

	while (start < len && st == RV_OK)
	{
		size_t		end = start;
		char	   *line;

		while (end < len && text[end] != '\n')
			end++;
		c->line++;
		line = rv_strndup(text + start, end - start);
		if (line == NULL)
			return RV_ENOMEM;
		st = rules_parse_line(c, line);
		rv_free(line);
		start = end + 1;
	}
	if (st != RV_OK)
		return st;
	if (c->rules->name[0] == '\0')
		return rules_error(c, "missing \"standard NAME\" line", NULL);
	if (c->nodes.len <= 1)
		return rules_error(c, "no token rules", NULL);
	return RV_OK;
}

/* Hand a compiled array over to the rules: its data, its length in *n. */
static void *
take(vec *v, uint32_t *n)
{
	void	   *data = v->data;

	*n = v->len;
	v->data = NULL;
	return data;
}

static rv_status
take_results(compiler *c)
{
	rv_rules   *r = c->rules;
	rv_status	st = finish_trie(c);

	if (st != RV_OK)
		return st;
	if (c->charmap.len)
		qsort(c->charmap.data, c->charmap.len, sizeof(rv_charmap), cmp_charmap);
	if (c->foreign.len)
		qsort(c->foreign.data, c->foreign.len, sizeof(char *),
			  rv_rules_cmp_str);
	r->variants = take(&c->variants, &r->nvariants);
	r->options = take(&c->options, &r->noptions);
	r->prefixes = take(&c->prefixes, &r->nprefixes);
	r->charmap = take(&c->charmap, &r->ncharmap);
	r->markers = take(&c->markers, &r->nmarkers);
	r->abbrevs = take(&c->abbrevs, &r->nabbrevs);
	r->foreign_words = take(&c->foreign, &r->nforeign);
	r->alphabet = finish_set(&c->alphabet, &r->nalphabet);
	r->consonants = finish_set(&c->consonants, &r->nconsonants);
	r->vowels = finish_set(&c->vowels, &r->nvowels);
	return RV_OK;
}

rv_status
rv_rules_parse(const char *text, size_t len, const char *name,
			   rv_rules **out, char *err)
{
	compiler	c;
	rv_status	st;

	memset(&c, 0, sizeof(c));
	c.file = name ? name : "<rules>";
	c.err = err;
	c.rules = rv_alloc0(sizeof(rv_rules));
	if (c.rules == NULL)
	{
		rv_seterr(err, "out of memory compiling %s", c.file);
		return RV_ENOMEM;
	}
	c.rules->double_penalty = 1.0f;
	c.rules->split_penalty = 2.0f;
	c.rules->lexicon_bonus = -1.0f;
	st = compile(&c, text, len);
	if (st == RV_OK)
		st = take_results(&c);
	compiler_free(&c);
	if (st != RV_OK)
	{
		if (st == RV_ENOMEM)
			rv_seterr(err, "out of memory compiling %s", c.file);
		rv_rules_free(c.rules);
		return st;
	}
	*out = c.rules;
	return RV_OK;
}

rv_status
rv_rules_load(const char *path, rv_rules **out, char *err)
{
	FILE	   *fp = fopen(path, "rb");
	char	   *text;
	size_t		len;
	rv_status	st;

	if (fp == NULL)
	{
		rv_seterr(err, "could not open rule file \"%s\": %s", path, strerror(errno));
		return RV_EIO;
	}
	text = rv_alloc(RULES_MAX_BYTES + 1);
	if (text == NULL)
	{
		fclose(fp);
		rv_seterr(err, "out of memory reading rule file \"%s\"", path);
		return RV_ENOMEM;
	}
	len = fread(text, 1, RULES_MAX_BYTES + 1, fp);
	if (ferror(fp) || len > RULES_MAX_BYTES)
	{
		rv_seterr(err, "could not read rule file \"%s\"%s", path,
				  len > RULES_MAX_BYTES ? ": larger than 4 MB" : "");
		fclose(fp);
		rv_free(text);
		return RV_EIO;
	}
	fclose(fp);
	st = rv_rules_parse(text, len, path, out, err);
	rv_free(text);
	return st;
}

void
rv_rules_free(rv_rules *r)
{
	if (r == NULL)
		return;
	for (uint32_t i = 0; i < r->nforeign; i++)
		rv_free(r->foreign_words[i]);
	rv_free(r->foreign_words);
	rv_free(r->markers);
	rv_free(r->abbrevs);
	rv_free(r->nodes);
	rv_free(r->children);
	rv_free(r->variants);
	rv_free(r->options);
	rv_free(r->prefixes);
	rv_free(r->charmap);
	rv_free(r->alphabet);
	rv_free(r->consonants);
	rv_free(r->vowels);
	rv_free(r);
}

const char *
rv_rules_name(const rv_rules *r)
{
	return r->name;
}
