/*
 * rules_directives.c — one line of a rule file: each directive
 * (rules/README.md) parsed, checked and added to the compiler's arrays.
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "alloc.h"
#include "hebrew.h"
#include "points.h"
#include "rules_compiler.h"
#include "utf8.h"

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

/* The look-ahead classes after a token's "/" into v. */
static rv_status
parse_lookahead(compiler *c, const char *slash, rv_variant *v)
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
	return RV_OK;
}

/* One option of a token rule, HEBREW[:WEIGHT[/PLAIN-WEIGHT]], appended. */
static rv_status
parse_token_option(compiler *c, char *field)
{
	char	   *colon = strrchr(field, ':');
	rv_option  *o = rules_push(&c->options);

	if (o == NULL)
		return RV_ENOMEM;
	if (colon && colon != field)
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
			return rules_error(c, "bad weight (\"-\" for both kinds of text)", colon + 1);
	}
	if (field[0] == '(' && strlen(field) > 2 && field[strlen(field) - 1] == ')')
	{
		/* (א): a spelling the lexicon must vouch for */
		field[strlen(field) - 1] = '\0';
		field++;
		o->known_only = 1;
	}
	if (!parse_hebrew(c, field, o->sym, &o->nsym))
		return rules_error(c, "option is not Hebrew letters (or -)", field);
	return RV_OK;
}

/* TOKEN[/LOOKAHEAD] POSITION OPTION... */
static rv_status
parse_token_rule(compiler *c, char **f, int nf)
{
	uint32_t	cps[RV_MAX_TOKEN];
	char	   *slash = strchr(f[0], '/');
	rv_variant *v;
	rv_status	st;
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
	if (slash && (st = parse_lookahead(c, slash, v)) != RV_OK)
		return st;
	v->first_option = c->options.len;
	for (int i = 2; i < nf; i++)
		if ((st = parse_token_option(c, f[i])) != RV_OK)
			return st;
	v = (rv_variant *) c->variants.data + c->variants.len - 1;
	v->noptions = c->options.len - v->first_option;
	return rules_trie_add_variant(c, cps, n);
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
		if (!rules_add_cp(v, cp[0]) || (v != &c->alphabet && !rules_add_cp(&c->alphabet, cp[0])))
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
	if (to[0] && !rules_add_cp(&c->alphabet, to[0]))
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

/* expression WORD WORD...: a multi-word expression in Hebrew letters; each
 * pair of neighbouring words becomes one key. */
static rv_status
parse_expression(compiler *c, char **f, int nf)
{
	uint64_t	prev = 0;

	if (nf < 3)
		return rules_error(c, "an expression needs two or more Hebrew words", NULL);
	for (int i = 1; i < nf; i++)
	{
		uint32_t	cps[RV_MAX_EXPR_WORD];
		uint8_t		sym[RV_MAX_EXPR_WORD];
		int			n = decode_field(c, f[i], cps, RV_MAX_EXPR_WORD);
		uint64_t	h;

		if (n <= 0)
			return rules_error(c, "expression word too long", f[i]);
		for (int k = 0; k < n; k++)
		{
			int			sy = rv_sym_from_cp(cps[k]);

			if (sy < 0 || sy == RV_SYM_BOUNDARY)
				return rules_error(c, "expression word is not Hebrew letters", f[i]);
			sym[k] = (uint8_t) sy;
		}
		h = rv_syms_hash(RV_SYMS_HASH_SEED, sym, n);
		if (i > 1)
		{
			uint64_t   *key = rules_push(&c->expr_keys);
			uint64_t   *first = rules_push(&c->expr_firsts);
			uint64_t   *second = rules_push(&c->expr_seconds);

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
		return rules_error(c, "expected one weight after", f[0]);
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
	return st == RV_OK ? RV_OK : rules_error(c, what, NULL);
}

rv_status
rules_parse_directive(compiler *c, char **f, int nf)
{
	const char *why;

	if (rv_wordlist_is_directive(f[0]))
		return parse_wordlist_line(c, f, nf);
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
	if (strcmp(f[0], "expression") == 0)
		return parse_expression(c, f, nf);
	if (strcmp(f[0], "acronym-penalty") == 0)
		return parse_weight(c, f, nf, &c->rules->acronym_penalty);
	if (strcmp(f[0], "camel-prefixes") == 0)
	{
		if (nf != 1)
			return rules_error(c, "camel-prefixes takes no value", NULL);
		c->rules->camel_prefixes = 1;
		return RV_OK;
	}
	switch (rv_language_directive(&c->rules->lang, f, nf, &why))
	{
		case 1:
			return RV_OK;
		case -1:
			return rules_error(c, why, f[0]);
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
