/*
 * rules.c — compile a romanization rule file (rules/README.md) into the
 * token trie the lattice builder walks: reading the file, splitting it into
 * lines and fields, and handing the compiled arrays to the rules.
 * Directives are parsed in rules_directives.c, the trie is built in
 * rules_trie.c, and rules_lookup.c answers the conversion's questions.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "alloc.h"
#include "rules_compiler.h"

/* Largest rule file accepted: far above any real standard. */
#define RULES_MAX_BYTES RV_MAX_RULES_BYTES	/* revrit.h */

static int
cmp_u64(const void *a, const void *b)
{
	uint64_t	x = *(const uint64_t *) a,
				y = *(const uint64_t *) b;

	return x < y ? -1 : x > y;
}

static int
cmp_charmap(const void *a, const void *b)
{
	return rv_rules_cmp_u32(&((const rv_charmap *) a)->from, &((const rv_charmap *) b)->from);
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
	rv_free(c->expr_keys.data);
	rv_free(c->expr_firsts.data);
	rv_free(c->expr_seconds.data);
}

/* One line: a comment, blank, or directive fields (split in place). */
static rv_status
parse_line(compiler *c, char *line)
{
	char	   *f[64];
	int			nf = 0;
	char	   *save = NULL;
	char	   *hash = strstr(line, " #");
	char	   *tok;

	if (line[0] == '#')
		return RV_OK;
	if (hash)
		*hash = '\0';
	for (tok = strtok_r(line, " \t\r", &save); tok && nf < 64;
		 tok = strtok_r(NULL, " \t\r", &save))
		f[nf++] = tok;
	if (nf == 0)
		return RV_OK;
	return rules_parse_directive(c, f, nf);
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
	c->expr_keys.item = c->expr_firsts.item = c->expr_seconds.item =
		sizeof(uint64_t);
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
		st = parse_line(c, line);
		rv_free(line);
		start = end + 1;
	}
	if (st != RV_OK)
		return st;
	if (c->rules->name[0] == '\0')
		return rules_error(c, "missing \"standard NAME\" line", NULL);
	if (c->nodes.len <= 1 && !(c->rules->words && c->rules->words->is_list))
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

static uint64_t *
take_sorted_u64(vec *v, uint32_t *n)
{
	if (v->len)
		qsort(v->data, v->len, sizeof(uint64_t), cmp_u64);
	return take(v, n);
}

static rv_status
take_results(compiler *c)
{
	rv_rules   *r = c->rules;
	rv_status	st = rules_finish_trie(c);

	if (st != RV_OK)
		return st;
	if (c->charmap.len)
		qsort(c->charmap.data, c->charmap.len, sizeof(rv_charmap), cmp_charmap);
	if (c->foreign.len)
		qsort(c->foreign.data, c->foreign.len, sizeof(char *), rv_rules_cmp_str);
	r->variants = take(&c->variants, &r->nvariants);
	r->options = take(&c->options, &r->noptions);
	r->prefixes = take(&c->prefixes, &r->nprefixes);
	r->charmap = take(&c->charmap, &r->ncharmap);
	r->markers = take(&c->markers, &r->nmarkers);
	r->abbrevs = take(&c->abbrevs, &r->nabbrevs);
	r->foreign_words = take(&c->foreign, &r->nforeign);
	r->expr_keys = take_sorted_u64(&c->expr_keys, &r->nexpr_keys);
	r->expr_firsts = take_sorted_u64(&c->expr_firsts, &r->nexpr_firsts);
	r->expr_seconds = take_sorted_u64(&c->expr_seconds, &r->nexpr_seconds);
	r->alphabet = rules_finish_set(&c->alphabet, &r->nalphabet);
	r->consonants = rules_finish_set(&c->consonants, &r->nconsonants);
	r->vowels = rules_finish_set(&c->vowels, &r->nvowels);
	rv_wordlist_finish(r->words);
	return rv_rules_index(r);	/* rules_lookup.c */
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
	c.rules->acronym_penalty = -1.0f;
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
	rv_strhash_free(&r->foreign_hash);
	rv_free(r->markers);
	rv_free(r->abbrevs);
	rv_free(r->expr_keys);
	rv_free(r->expr_firsts);
	rv_free(r->expr_seconds);
	rv_free(r->nodes);
	rv_free(r->children);
	rv_free(r->variants);
	rv_free(r->options);
	rv_free(r->prefixes);
	rv_free(r->charmap);
	rv_free(r->alphabet);
	rv_free(r->consonants);
	rv_free(r->vowels);
	rv_wordlist_free(r->words);
	rv_free(r);
}

int
rv_rules_is_wordlist(const rv_rules *r)
{
	return r->words != NULL && r->words->is_list;
}

const char *
rv_rules_name(const rv_rules *r)
{
	return r->name;
}
