/*
 * rules.c — compile a romanization rule file (rules/README.md) into the
 * token trie the lattice builder walks.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "alloc.h"
#include "buf.h"
#include "hebrew.h"
#include "interrupt.h"
#include "points.h"
#include "rules.h"
#include "utf8.h"

/* Largest rule file accepted: far above any real standard. */
#define RULES_MAX_BYTES RV_MAX_RULES_BYTES	/* revrit.h */

/* Growable array of fixed-size items, used only while compiling. */
typedef struct vec
{
	void	   *data;
	uint32_t	len;
	size_t		cap;
	size_t		item;
} vec;

static void *
vec_push(vec *v)
{
	if (v->len == UINT32_MAX ||
		!rv_grow(&v->data, &v->cap, (size_t) v->len + 1, v->item, 16))
		return NULL;
	return memset((char *) v->data + (size_t) v->len++ * v->item, 0, v->item);
}

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

static rv_status
syntax(compiler *c, const char *what, const char *arg)
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
		return syntax(c, "bad weight (a number from 0 to 1000000)", s);
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
	*nsym = 0;
	for (int i = 0; i < n; i++)
	{
		/* letters, and Yiddish points and ligatures (points.h) */
		int			k = rv_points_syms(cps[i], sym + *nsym, RV_MAX_OUT - *nsym);

		if (k == 0)
			return 0;
		*nsym += (uint8_t) k;
	}
	return 1;
}

static int
add_cp(vec *v, uint32_t cp)
{
	uint32_t   *slot = vec_push(v);

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
	n = vec_push(&c->nodes);
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

/* An option's cost, or "-" for "not an option here" (-1). */
static rv_status
parse_option_weight(compiler *c, const char *s, float *out)
{
	if (strcmp(s, "-") == 0)
	{
		*out = -1;
		return RV_OK;
	}
	return parse_number(c, s, out);
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
		return syntax(c, "a token rule needs a position and options", f[0]);
	if (slash && slash != f[0])
		*slash++ = '\0';
	else
		slash = NULL;
	n = decode_field(c, f[0], cps, RV_MAX_TOKEN);
	if (n <= 0)
		return syntax(c, "bad token", f[0]);
	pos = parse_pos(f[1]);
	if (pos < 0)
		return syntax(c, "unknown position (use * ^ . $ ^$)", f[1]);

	v = vec_push(&c->variants);
	if (v == NULL)
		return RV_ENOMEM;
	v->pos = (uint8_t) pos;
	if (slash)
	{
		size_t		nl = strlen(slash);

		if (nl > RV_MAX_LOOKAHEAD)
			return syntax(c, "look-ahead too long", slash);
		for (size_t i = 0; i < nl; i++)
		{
			if (slash[i] != RV_CLASS_CONSONANT && slash[i] != RV_CLASS_VOWEL &&
				slash[i] != RV_CLASS_END)
				return syntax(c, "look-ahead classes are C, V and #", slash);
			v->look[i] = (uint8_t) slash[i];
		}
		v->nlook = (uint8_t) nl;
	}
	v->first_option = c->options.len;
	for (int i = 2; i < nf; i++)
	{
		char	   *colon = strrchr(f[i], ':');
		rv_option  *o = vec_push(&c->options);

		if (o == NULL)
			return RV_ENOMEM;
		if (colon && colon != f[i])
		{
			/* ח:4/1.5: the cost where the text has no romanization marks
			 * at all, so that a plain h may stand for ḥ; צ:-/2.5 is an
			 * option of plain text only */
			char	   *slash = strchr(colon + 1, '/');

			*colon = '\0';
			if (slash)
				*slash = '\0';
			if (parse_option_weight(c, colon + 1, &o->weight) != RV_OK)
				return RV_EFORMAT;
			o->weight_plain = o->weight;
			if (slash && parse_option_weight(c, slash + 1, &o->weight_plain) != RV_OK)
				return RV_EFORMAT;
			if (o->weight < 0 && o->weight_plain < 0)
				return syntax(c, "bad weight (\"-\" for both kinds of text)", colon + 1);
		}
		if (f[i][0] == '(' && strlen(f[i]) > 2 && f[i][strlen(f[i]) - 1] == ')')
		{
			/* (א): a spelling the lexicon must vouch for */
			f[i][strlen(f[i]) - 1] = '\0';
			f[i]++;
			o->known_only = 1;
		}
		if (!parse_hebrew(c, f[i], o->sym, &o->nsym))
			return syntax(c, "option is not Hebrew letters (or -)", f[i]);
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
		return syntax(c, "prefix FORM HEBREW [HEBREW-LATER]", NULL);
	p = vec_push(&c->prefixes);
	if (p == NULL)
		return RV_ENOMEM;
	if (!parse_form(c, f[1], p->form, &p->len))
		return syntax(c, "bad prefix form", f[1]);
	if (!parse_hebrew(c, f[2], p->first, &p->nfirst))
		return syntax(c, "prefix Hebrew is not Hebrew letters", f[2]);
	memcpy(p->later, p->first, sizeof(p->later));
	p->nlater = p->nfirst;
	if (nf == 4 && !parse_hebrew(c, f[3], p->later, &p->nlater))
		return syntax(c, "prefix Hebrew is not Hebrew letters", f[3]);
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
			return syntax(c, "expected one character", f[i]);
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
		return syntax(c, "map FROM TO (one character each, - deletes)", NULL);
	m = vec_push(&c->charmap);
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
			return syntax(c, "too many digraphs", f[i]);
		n = decode_field(c, f[i], r->digraphs[r->ndigraphs], RV_MAX_TOKEN);
		if (n < 2)
			return syntax(c, "a digraph has two or more letters", f[i]);
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
		rv_marker  *m = vec_push(&c->markers);
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
			return syntax(c, "a marker is one character", f[i]);
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
		return syntax(c, "abbrev FORM. HEBREW (the form ends with a period)", NULL);
	f[1][len - 1] = '\0';
	a = vec_push(&c->abbrevs);
	if (a == NULL)
		return RV_ENOMEM;
	if (!parse_form(c, f[1], a->form, &a->len))
		return syntax(c, "bad abbreviation", f[1]);
	if (!parse_hebrew(c, f[2], a->sym, &a->nsym))
		return syntax(c, "abbreviation Hebrew is not Hebrew letters", f[2]);
	return RV_OK;
}

/* expression WORD WORD...: a multi-word expression in Hebrew letters; each
 * pair of neighbouring words becomes one key. */
static rv_status
parse_expression(compiler *c, char **f, int nf)
{
	uint64_t	prev = 0;

	if (nf < 3)
		return syntax(c, "an expression needs two or more Hebrew words", NULL);
	for (int i = 1; i < nf; i++)
	{
		uint32_t	cps[RV_MAX_EXPR_WORD];
		uint8_t		sym[RV_MAX_EXPR_WORD];
		int			n = decode_field(c, f[i], cps, RV_MAX_EXPR_WORD);
		uint64_t	h;

		if (n <= 0)
			return syntax(c, "expression word too long", f[i]);
		for (int k = 0; k < n; k++)
		{
			int			sy = rv_sym_from_cp(cps[k]);

			if (sy < 0 || sy == RV_SYM_BOUNDARY)
				return syntax(c, "expression word is not Hebrew letters", f[i]);
			sym[k] = (uint8_t) sy;
		}
		h = rv_syms_hash(RV_SYMS_HASH_SEED, sym, n);
		if (i > 1)
		{
			uint64_t   *key = vec_push(&c->expr_keys);
			uint64_t   *first = vec_push(&c->expr_firsts);
			uint64_t   *second = vec_push(&c->expr_seconds);

			if (key == NULL || first == NULL || second == NULL)
				return RV_ENOMEM;
			*key = rv_expr_key(prev, h);
			*first = prev;
			*second = h;
		}
		prev = h;
	}
	return RV_OK;
}

/* DIRECTIVE WEIGHT */
static rv_status
parse_weight(compiler *c, char **f, int nf, float *out)
{
	if (nf != 2)
		return syntax(c, "expected one weight after", f[0]);
	return parse_number(c, f[1], out);
}

/* A word-list directive (wordlist.c): whole-word readings as data. */
static rv_status
parse_wordlist_line(compiler *c, char **f, int nf)
{
	char		what[160];
	rv_status	st = rv_wordlist_parse(&c->rules->words, f, nf, c->rules->name,
									   sizeof(c->rules->name), what, sizeof(what));

	if (st == RV_ENOMEM)
		c->nomem = 1;
	return st == RV_OK ? RV_OK : syntax(c, what, NULL);
}

static rv_status
parse_line(compiler *c, char *line)
{
	char	   *f[64];
	int			nf = 0;
	char	   *save = NULL;
	char	   *hash = strstr(line, " #");
	char	   *tok;
	const char *why;

	if (line[0] == '#')
		return RV_OK;
	if (hash)
		*hash = '\0';
	for (tok = strtok_r(line, " \t\r", &save); tok && nf < 64;
		 tok = strtok_r(NULL, " \t\r", &save))
		f[nf++] = tok;
	if (nf == 0)
		return RV_OK;

	if (rv_wordlist_is_directive(f[0]))
		return parse_wordlist_line(c, f, nf);
	if (strcmp(f[0], "standard") == 0)
	{
		if (nf != 2 || strlen(f[1]) >= RV_MAX_NAME)
			return syntax(c, "standard NAME", NULL);
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
	if (strcmp(f[0], "expression") == 0)
		return parse_expression(c, f, nf);
	if (strcmp(f[0], "acronym-penalty") == 0)
		return parse_weight(c, f, nf, &c->rules->acronym_penalty);
	if (strcmp(f[0], "camel-prefixes") == 0)
	{
		if (nf != 1)
			return syntax(c, "camel-prefixes takes no value", NULL);
		c->rules->camel_prefixes = 1;
		return RV_OK;
	}
	switch (rv_language_directive(&c->rules->lang, f, nf, &why))
	{
		case 1:
			return RV_OK;
		case -1:
			return syntax(c, why, f[0]);
	}
	if (strcmp(f[0], "foreign") == 0)
	{
		for (int i = 1; i < nf; i++)
		{
			char	  **slot = vec_push(&c->foreign);

			if (slot == NULL || (*slot = rv_strndup(f[i], strlen(f[i]))) == NULL)
				return RV_ENOMEM;
		}
		return RV_OK;
	}
	return parse_token_rule(c, f, nf);
}

static int
cmp_u32(const void *a, const void *b)
{
	uint32_t	x = *(const uint32_t *) a,
				y = *(const uint32_t *) b;

	return x < y ? -1 : x > y;
}

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
	return cmp_u32(&((const rv_charmap *) a)->from, &((const rv_charmap *) b)->from);
}

static int
cmp_str(const void *a, const void *b)
{
	return strcmp(*(char *const *) a, *(char *const *) b);
}

/* Sort and deduplicate a code point set, moving it into the rules. */
static uint32_t *
finish_set(vec *v, uint32_t *n)
{
	uint32_t   *a = v->data;
	uint32_t	k = 0;

	if (v->len)
		qsort(a, v->len, sizeof(uint32_t), cmp_u32);
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
		qsort(r->children + start, pos - start, sizeof(rv_trie_child), cmp_u32);
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
	rv_free(c->expr_keys.data);
	rv_free(c->expr_firsts.data);
	rv_free(c->expr_seconds.data);
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
	if (vec_push(&c->nodes) == NULL || vec_push(&c->variants) == NULL)
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
		return syntax(c, "missing \"standard NAME\" line", NULL);
	if (c->nodes.len <= 1 && !(c->rules->words && c->rules->words->is_list))
		return syntax(c, "no token rules", NULL);
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
	rv_status	st = finish_trie(c);

	if (st != RV_OK)
		return st;
	if (c->charmap.len)
		qsort(c->charmap.data, c->charmap.len, sizeof(rv_charmap), cmp_charmap);
	if (c->foreign.len)
		qsort(c->foreign.data, c->foreign.len, sizeof(char *), cmp_str);
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
	r->alphabet = finish_set(&c->alphabet, &r->nalphabet);
	r->consonants = finish_set(&c->consonants, &r->nconsonants);
	r->vowels = finish_set(&c->vowels, &r->nvowels);
	rv_wordlist_finish(r->words);
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

static int
set_has(const uint32_t *set, uint32_t n, uint32_t cp)
{
	return n && bsearch(&cp, set, n, sizeof(uint32_t), cmp_u32) != NULL;
}

/*
 * The item of a sorted array whose leading uint32_t key is key, or NULL:
 * the trie's children and the character map are both searched this way,
 * inline because the lattice asks for every character of every word.
 */
static inline const void *
find_key(const void *base, uint32_t n, size_t size, uint32_t key)
{
	const char *items = base;
	uint32_t	lo = 0,
				hi = n;

	while (lo < hi)
	{
		uint32_t	mid = lo + (hi - lo) / 2;
		uint32_t	k;

		memcpy(&k, items + (size_t) mid * size, sizeof(k));
		if (k < key)
			lo = mid + 1;
		else
			hi = mid;
	}
	if (lo < n)
	{
		uint32_t	k;

		memcpy(&k, items + (size_t) lo * size, sizeof(k));
		if (k == key)
			return items + (size_t) lo * size;
	}
	return NULL;
}

uint32_t
rv_rules_child(const rv_rules *r, uint32_t node, uint32_t cp)
{
	const rv_trie_node *nd = &r->nodes[node];
	const rv_trie_child *ch = find_key(r->children + nd->first_child,
									   nd->nchildren, sizeof(rv_trie_child),
									   cp);

	return ch ? ch->node : 0;
}

int
rv_rules_is_consonant(const rv_rules *r, uint32_t cp)
{
	return set_has(r->consonants, r->nconsonants, cp);
}

int
rv_rules_digraph_at(const rv_rules *r, const uint32_t *cps, int n)
{
	for (uint32_t d = 0; d < r->ndigraphs; d++)
	{
		int			len = r->digraph_len[d];

		/* first letters first: most places start no digraph */
		if (len <= n && r->digraphs[d][0] == cps[0] &&
			memcmp(r->digraphs[d], cps, (size_t) len * sizeof(uint32_t)) == 0)
			return len;
	}
	return 0;
}

int
rv_rules_is_vowel(const rv_rules *r, uint32_t cp)
{
	return set_has(r->vowels, r->nvowels, cp);
}

int
rv_rules_in_alphabet(const rv_rules *r, uint32_t cp)
{
	return set_has(r->alphabet, r->nalphabet, cp);
}

int
rv_rules_is_foreign_word(const rv_rules *r, const char *utf8)
{
	return r->nforeign &&
		bsearch(&utf8, r->foreign_words, r->nforeign, sizeof(char *), cmp_str) != NULL;
}

uint32_t
rv_rules_fold(const rv_rules *r, uint32_t cp)
{
	const rv_charmap *m = find_key(r->charmap, r->ncharmap,
								   sizeof(rv_charmap), cp);

	return m ? m->to : cp;
}

double
rv_rules_marker_score(const rv_rules *r, const uint32_t *cps, size_t n)
{
	double		score = 0;

	for (size_t i = 0; i < n; i++)
	{
		uint32_t	f = rv_rules_fold(r, rv_cp_lower(cps[i]));

		rv_interrupt_tick();	/* a whole text: cancel (interrupt.h) */
		for (uint32_t m = 0; m < r->nmarkers; m++)
			if (r->markers[m].cp == f || r->markers[m].cp == cps[i])
			{
				score += r->markers[m].weight;
				break;
			}
	}
	return score;
}

const rv_abbrev *
rv_rules_abbrev(const rv_rules *r, const uint32_t *f, int n)
{
	for (uint32_t i = 0; i < r->nabbrevs; i++)
		if (r->abbrevs[i].len == n &&
			memcmp(r->abbrevs[i].form, f, (size_t) n * sizeof(uint32_t)) == 0)
			return &r->abbrevs[i];
	return NULL;
}

static int
sorted_has(const uint64_t *set, uint32_t n, uint64_t key)
{
	uint32_t	lo = 0,
				hi = n;

	while (lo < hi)
	{
		uint32_t	mid = lo + (hi - lo) / 2;

		if (set[mid] == key)
			return 1;
		if (set[mid] < key)
			lo = mid + 1;
		else
			hi = mid;
	}
	return 0;
}

int
rv_rules_expression_pair(const rv_rules *r, uint64_t first, uint64_t second)
{
	return sorted_has(r->expr_keys, r->nexpr_keys, rv_expr_key(first, second));
}

int
rv_rules_expression_word(const rv_rules *r, uint64_t hash, int second)
{
	return second ? sorted_has(r->expr_seconds, r->nexpr_seconds, hash) :
		sorted_has(r->expr_firsts, r->nexpr_firsts, hash);
}
