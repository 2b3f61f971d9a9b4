/*
 * rules_directives.c — one line of a rule file: each directive
 * (rules/README.md) parsed, checked and added to the compiler's arrays.
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "alloc.h"
#include "hebrew.h"
#include "rules_compiler.h"
#include "utf8.h"

/* Largest weight a rule file may give: far above any real one. */
#define RULES_MAX_WEIGHT 1e6

/* A weight: a whole decimal number in [0, RULES_MAX_WEIGHT], nothing
 * after it; anything else is an error naming FILE:LINE. */
static rv_status
parse_number(compiler *c, const char *s, float *out)
{
	char	   *end;
	double		w;

	errno = 0;
	w = strtod(s, &end);
	if (end == s || *end != '\0' || errno != 0 || !(w >= 0) ||
		w > RULES_MAX_WEIGHT)
		return rules_error(c, "bad weight (a number from 0 to 1000000)", s);
	*out = (float) w;
	return RV_OK;
}

/* Decode a field into NFC code points; returns the count or -1. */
static int
decode_field(compiler *c, const char *s, uint32_t *out, int max)
{
	uint32_t   *cps;
	size_t		n;
	rv_status	st = rv_decode_nfc(s, strlen(s), &cps, &n, NULL);

	if (st == RV_ENOMEM)
		c->nomem = 1;
	if (st != RV_OK)
		return -1;
	if ((int) n > max)
	{
		rv_free(cps);
		return -1;
	}
	memcpy(out, cps, n * sizeof(uint32_t));
	rv_free(cps);
	return (int) n;
}

/* Parse Hebrew ("-" = nothing) into lexicon symbols. */
static int
parse_hebrew(compiler *c, const char *s, uint8_t *sym, uint8_t *nsym)
{
	uint32_t	cps[RV_MAX_OUT + 1];
	int			n;

	if (strcmp(s, "-") == 0)
	{
		*nsym = 0;
		return 1;
	}
	n = decode_field(c, s, cps, RV_MAX_OUT);
	if (n <= 0)
		return 0;
	for (int i = 0; i < n; i++)
	{
		int			k = rv_sym_from_cp(cps[i]);

		if (k < 0 || k == RV_SYM_BOUNDARY)
			return 0;
		sym[i] = (uint8_t) k;
	}
	*nsym = (uint8_t) n;
	return 1;
}

static int
add_cp(vec *v, uint32_t cp)
{
	uint32_t   *slot = rules_push(v);

	if (slot == NULL)
		return 0;
	*slot = cp;
	return 1;
}

static uint32_t
trie_child(compiler *c, uint32_t node, uint32_t cp, int create)
{
	build_node *nodes = c->nodes.data;
	uint32_t	k;
	build_node *n;

	for (k = nodes[node].first_child; k; k = nodes[k].next_sibling)
		if (nodes[k].cp == cp)
			return k;
	if (!create)
		return 0;
	n = rules_push(&c->nodes);
	if (n == NULL)
		return 0;
	nodes = c->nodes.data;
	n->cp = cp;
	n->next_sibling = nodes[node].first_child;
	nodes[node].first_child = c->nodes.len - 1;
	return c->nodes.len - 1;
}

static int
parse_pos(const char *s)
{
	static const char *const names[RV_NPOS] = {"*", "^", ".", "$", "^$"};

	for (int i = 0; i < RV_NPOS; i++)
		if (strcmp(s, names[i]) == 0)
			return i;
	return -1;
}

/* TOKEN[/LOOKAHEAD] POSITION OPTION... */
static rv_status
parse_token_rule(compiler *c, char **f, int nf)
{
	uint32_t	cps[RV_MAX_TOKEN];
	char	   *slash = strchr(f[0], '/');
	rv_variant *v;
	build_node *nodes;
	uint32_t	node = 0,
				vi;
	int			n,
				pos;

	if (nf < 3)
		return rules_error(c, "a token rule needs a position and options", f[0]);
	if (slash && slash != f[0])
		*slash++ = '\0';
	else
		slash = NULL;
	n = decode_field(c, f[0], cps, RV_MAX_TOKEN);
	if (n <= 0)
		return rules_error(c, "bad token", f[0]);
	pos = parse_pos(f[1]);
	if (pos < 0)
		return rules_error(c, "unknown position (use * ^ . $ ^$)", f[1]);

	v = rules_push(&c->variants);
	if (v == NULL)
		return RV_ENOMEM;
	v->pos = (uint8_t) pos;
	if (slash)
	{
		size_t		nl = strlen(slash);

		if (nl > RV_MAX_LOOKAHEAD)
			return rules_error(c, "look-ahead too long", slash);
		for (size_t i = 0; i < nl; i++)
		{
			if (slash[i] != RV_CLASS_CONSONANT && slash[i] != RV_CLASS_VOWEL &&
				slash[i] != RV_CLASS_END)
				return rules_error(c, "look-ahead classes are C, V and #", slash);
			v->look[i] = (uint8_t) slash[i];
		}
		v->nlook = (uint8_t) nl;
	}
	v->first_option = c->options.len;
	for (int i = 2; i < nf; i++)
	{
		char	   *colon = strrchr(f[i], ':');
		rv_option  *o = rules_push(&c->options);

		if (o == NULL)
			return RV_ENOMEM;
		if (colon && colon != f[i])
		{
			*colon = '\0';
			if (parse_number(c, colon + 1, &o->weight) != RV_OK)
				return RV_EFORMAT;
		}
		if (!parse_hebrew(c, f[i], o->sym, &o->nsym))
			return rules_error(c, "option is not Hebrew letters (or -)", f[i]);
	}
	v = (rv_variant *) c->variants.data + c->variants.len - 1;
	v->noptions = c->options.len - v->first_option;

	for (int i = 0; i < n; i++)
	{
		node = trie_child(c, node, cps[i], 1);
		if (node == 0)
			return RV_ENOMEM;
		if (!add_cp(&c->alphabet, cps[i]))
			return RV_ENOMEM;
	}
	/* append, keeping file order among a token's variants */
	vi = c->variants.len - 1;
	nodes = c->nodes.data;
	if (nodes[node].last_variant)
		((rv_variant *) c->variants.data)[nodes[node].last_variant].next = vi;
	else
		nodes[node].first_variant = vi;
	nodes[node].last_variant = vi;
	return RV_OK;
}

/* A romanized form (prefix, abbreviation) of 1..RV_MAX_TOKEN letters. */
static int
parse_form(compiler *c, const char *s, uint32_t *form, uint8_t *len)
{
	int			n = decode_field(c, s, form, RV_MAX_TOKEN);

	if (n <= 0)
		return 0;
	*len = (uint8_t) n;
	return 1;
}

/* prefix FORM HEBREW [HEBREW-AFTER-ANOTHER-PREFIX] */
static rv_status
parse_prefix(compiler *c, char **f, int nf)
{
	rv_prefix  *p;

	if (nf < 3 || nf > 4)
		return rules_error(c, "prefix FORM HEBREW [HEBREW-LATER]", NULL);
	p = rules_push(&c->prefixes);
	if (p == NULL)
		return RV_ENOMEM;
	if (!parse_form(c, f[1], p->form, &p->len))
		return rules_error(c, "bad prefix form", f[1]);
	if (!parse_hebrew(c, f[2], p->first, &p->nfirst))
		return rules_error(c, "prefix Hebrew is not Hebrew letters", f[2]);
	memcpy(p->later, p->first, sizeof(p->later));
	p->nlater = p->nfirst;
	if (nf == 4 && !parse_hebrew(c, f[3], p->later, &p->nlater))
		return rules_error(c, "prefix Hebrew is not Hebrew letters", f[3]);
	return RV_OK;
}

/* A list of single characters: consonants, vowels, alphabet. */
static rv_status
parse_chars(compiler *c, vec *v, char **f, int nf)
{
	for (int i = 1; i < nf; i++)
	{
		uint32_t	cp[2];

		if (decode_field(c, f[i], cp, 1) != 1)
			return rules_error(c, "expected one character", f[i]);
		if (!add_cp(v, cp[0]) || (v != &c->alphabet && !add_cp(&c->alphabet, cp[0])))
			return RV_ENOMEM;
	}
	return RV_OK;
}

static rv_status
parse_map(compiler *c, char **f, int nf)
{
	uint32_t	from[2],
				to[2] = {0};
	rv_charmap *m;

	if (nf != 3 || decode_field(c, f[1], from, 1) != 1 ||
		(strcmp(f[2], "-") != 0 && decode_field(c, f[2], to, 1) != 1))
		return rules_error(c, "map FROM TO (one character each, - deletes)", NULL);
	m = rules_push(&c->charmap);
	if (m == NULL)
		return RV_ENOMEM;
	m->from = from[0];
	m->to = to[0];
	if (to[0] && !add_cp(&c->alphabet, to[0]))
		return RV_ENOMEM;
	return RV_OK;
}

static rv_status
parse_digraphs(compiler *c, char **f, int nf)
{
	rv_rules   *r = c->rules;

	for (int i = 1; i < nf; i++)
	{
		int			n;

		if (r->ndigraphs == RV_MAX_DIGRAPHS)
			return rules_error(c, "too many digraphs", f[i]);
		n = decode_field(c, f[i], r->digraphs[r->ndigraphs], RV_MAX_TOKEN);
		if (n < 2)
			return rules_error(c, "a digraph has two or more letters", f[i]);
		r->digraph_len[r->ndigraphs++] = (uint8_t) n;
	}
	return RV_OK;
}

/* markers CHAR[:WEIGHT]... */
static rv_status
parse_markers(compiler *c, char **f, int nf)
{
	for (int i = 1; i < nf; i++)
	{
		char	   *colon = strrchr(f[i], ':');
		rv_marker  *m = rules_push(&c->markers);
		uint32_t	cp[2];

		if (m == NULL)
			return RV_ENOMEM;
		m->weight = 1.0f;
		if (colon && colon != f[i])
		{
			*colon = '\0';
			if (parse_number(c, colon + 1, &m->weight) != RV_OK)
				return RV_EFORMAT;
		}
		if (decode_field(c, f[i], cp, 1) != 1)
			return rules_error(c, "a marker is one character", f[i]);
		m->cp = cp[0];
	}
	return RV_OK;
}

/* abbrev FORM. HEBREW */
static rv_status
parse_abbrev(compiler *c, char **f, int nf)
{
	rv_abbrev  *a;
	size_t		len;

	if (nf != 3 || (len = strlen(f[1])) < 2 || f[1][len - 1] != '.')
		return rules_error(c, "abbrev FORM. HEBREW (the form ends with a period)", NULL);
	f[1][len - 1] = '\0';
	a = rules_push(&c->abbrevs);
	if (a == NULL)
		return RV_ENOMEM;
	if (!parse_form(c, f[1], a->form, &a->len))
		return rules_error(c, "bad abbreviation", f[1]);
	if (!parse_hebrew(c, f[2], a->sym, &a->nsym))
		return rules_error(c, "abbreviation Hebrew is not Hebrew letters", f[2]);
	return RV_OK;
}

/* DIRECTIVE WEIGHT */
static rv_status
parse_weight(compiler *c, char **f, int nf, float *out)
{
	if (nf != 2)
		return rules_error(c, "expected one weight after", f[0]);
	return parse_number(c, f[1], out);
}

rv_status
rules_parse_line(compiler *c, char *line)
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

	if (strcmp(f[0], "standard") == 0)
	{
		if (nf != 2 || strlen(f[1]) >= RV_MAX_NAME)
			return rules_error(c, "standard NAME", NULL);
		strcpy(c->rules->name, f[1]);
		return RV_OK;
	}
	if (strcmp(f[0], "description") == 0)
		return RV_OK;			/* for the reader of the file */
	if (strcmp(f[0], "consonants") == 0)
		return parse_chars(c, &c->consonants, f, nf);
	if (strcmp(f[0], "vowels") == 0)
		return parse_chars(c, &c->vowels, f, nf);
	if (strcmp(f[0], "alphabet") == 0)
		return parse_chars(c, &c->alphabet, f, nf);
	if (strcmp(f[0], "map") == 0)
		return parse_map(c, f, nf);
	if (strcmp(f[0], "digraphs") == 0)
		return parse_digraphs(c, f, nf);
	if (strcmp(f[0], "markers") == 0)
		return parse_markers(c, f, nf);
	if (strcmp(f[0], "abbrev") == 0)
		return parse_abbrev(c, f, nf);
	if (strcmp(f[0], "prefix") == 0)
		return parse_prefix(c, f, nf);
	if (strcmp(f[0], "double-consonant-penalty") == 0)
		return parse_weight(c, f, nf, &c->rules->double_penalty);
	if (strcmp(f[0], "digraph-split-penalty") == 0)
		return parse_weight(c, f, nf, &c->rules->split_penalty);
	if (strcmp(f[0], "lexicon-bonus") == 0)
		return parse_weight(c, f, nf, &c->rules->lexicon_bonus);
	if (strcmp(f[0], "camel-prefixes") == 0)
	{
		if (nf != 1)
			return rules_error(c, "camel-prefixes takes no value", NULL);
		c->rules->camel_prefixes = 1;
		return RV_OK;
	}
	if (strcmp(f[0], "foreign") == 0)
	{
		for (int i = 1; i < nf; i++)
		{
			char	  **slot = rules_push(&c->foreign);

			if (slot == NULL || (*slot = rv_strndup(f[i], strlen(f[i]))) == NULL)
				return RV_ENOMEM;
		}
		return RV_OK;
	}
	return parse_token_rule(c, f, nf);
}
