/*
 * lattice_edges.c — the weighted token lattice of one romanized word: node
 * i is the gap before code point i, and every rule token matching at i
 * adds edges carrying Hebrew symbols, with the variant (position class,
 * look-ahead) that applies where the token stands and the channel weight
 * of the call's ranking.
 */
#include <string.h>

#include "alloc.h"
#include "lattice_internal.h"

/*
 * Does an option write ו or י for a vowel of the stem (a mater lectionis)?
 * A vowel with fewer than three letters after its token is in the last
 * syllable, where the endings (ים, ות, ון) keep their letter in the
 * traditional spelling too.
 */
static int
writes_mater(const rv_rules *r, const uint32_t *cps, int n, int i, int end,
			 const rv_option *opt)
{
	if (!rv_rules_is_vowel(r, cps[i]) || n - end < 3)
		return 0;
	for (int q = 0; q < opt->nsym; q++)
		if (opt->sym[q] == 0x05D5 - 0x05D0 || opt->sym[q] == 0x05D9 - 0x05D0)
			return 1;
	return 0;
}

static edge *
new_edge(rv_search *s)
{
	if (s->nedges == s->cap_edges)
	{
		int			cap = s->cap_edges ? s->cap_edges * 2 : 256;
		edge	   *p = rv_realloc(s->edges, (size_t) cap * sizeof(edge));

		if (p == NULL)
			return NULL;
		s->edges = p;
		s->cap_edges = cap;
	}
	return &s->edges[s->nedges++];
}

static int
lookahead_matches(const rv_rules *r, const rv_variant *v, const uint32_t *cps,
				  int n, int j)
{
	int			at = j;

	for (int k = 0; k < v->nlook; k++)
	{
		switch (v->look[k])
		{
			case RV_CLASS_END:
				if (at != n)
					return 0;
				break;
			case RV_CLASS_CONSONANT:
				{
					int			d = at < n ? rv_rules_digraph_at(r, cps + at, n - at) : 0;

					if (d)
						at += d;
					else if (at < n && rv_rules_is_consonant(r, cps[at]))
						at++;
					else
						return 0;
				}
				break;
			case RV_CLASS_VOWEL:
				if (at >= n || !rv_rules_is_vowel(r, cps[at]))
					return 0;
				at++;
				break;
		}
	}
	return 1;
}

/*
 * The variant of a token that applies where it stands: the most specific
 * position class that has a variant whose look-ahead matches, and within
 * it the longest look-ahead.
 */
static const rv_variant *
pick_variant(const rv_rules *r, uint32_t first, const uint32_t *cps, int n,
			 int i, int j)
{
	static const uint8_t chain[RV_NPOS][4] = {
		[RV_POS_ANY] = {RV_POS_ANY, RV_NPOS},
		[RV_POS_INITIAL] = {RV_POS_INITIAL, RV_POS_ANY, RV_NPOS},
		[RV_POS_MEDIAL] = {RV_POS_MEDIAL, RV_POS_ANY, RV_NPOS},
		[RV_POS_FINAL] = {RV_POS_FINAL, RV_POS_ANY, RV_NPOS},
		[RV_POS_WHOLE] = {RV_POS_WHOLE, RV_POS_INITIAL, RV_POS_ANY, RV_NPOS},
	};
	int			where = (i == 0 && j == n) ? RV_POS_WHOLE :
		i == 0 ? RV_POS_INITIAL : j == n ? RV_POS_FINAL : RV_POS_MEDIAL;

	for (int c = 0; chain[where][c] != RV_NPOS; c++)
	{
		const rv_variant *best = NULL;

		for (uint32_t vi = first; vi; vi = r->variants[vi].next)
		{
			const rv_variant *v = &r->variants[vi];

			if (v->pos == chain[where][c] &&
				(best == NULL || v->nlook > best->nlook) &&
				lookahead_matches(r, v, cps, n, j))
				best = v;
		}
		if (best)
			return best;
	}
	return NULL;
}

/*
 * An acronym is written with gershayim before its last letter (Tanakh →
 * תנ״ך): every one-letter edge that ends the word gets a twin with ״ in
 * front, which the search keeps only while the lexicon knows the spelling.
 * One more edge per word end, so the lattice stays linear.
 */
static int
add_acronym_edges(rv_search *s, const rv_rules *r, int first, int i, int n)
{
	int			last = s->nedges;

	if (r->acronym_penalty < 0 || i == 0)
		return 1;
	for (int ei = first; ei < last; ei++)
	{
		edge	   *e;

		if (s->edges[ei].to != n || s->edges[ei].nsym != 1)
			continue;
		if ((e = new_edge(s)) == NULL)
			return 0;
		*e = s->edges[ei];
		e->sym[1] = e->sym[0];
		e->sym[0] = RV_SYM_GERSHAYIM;
		e->nsym = 2;
		e->known_only = 1;
		e->raw += r->acronym_penalty;
		e->weight += s->w.rule * r->acronym_penalty;
	}
	return 1;
}

/* All edges leaving position i; returns 0 on allocation failure. */
static int
add_edges_from(rv_search *s, const rv_rules *r, const uint32_t *cps, int n, int i)
{
	uint32_t	node = 0;
	float		extra = 0;
	float		scale = -1;		/* channel weight of the tokens at i */
	int			first = s->nedges;

	/* A doubled consonant (old DIN gemination, Hillel) is written once. */
	if (i > 0 && cps[i] == cps[i - 1] && rv_rules_is_consonant(r, cps[i]) &&
		!(i >= 2 && rv_rules_digraph_at(r, cps + i - 2, n - i + 2) == 2))
	{
		edge	   *e = new_edge(s);

		if (e == NULL)
			return 0;
		e->from = (uint8_t) i;
		e->to = (uint8_t) (i + 1);
		e->nsym = 0;
		e->known_only = 0;
		e->weight = 0;
		e->raw = 0;
		e->opt = -1;
		extra = r->double_penalty;
	}
	/* Starting inside a digraph (the h of sh) reads it as two letters,
	 * which the standard would have marked with a prime. */
	if (i > 0 && rv_rules_digraph_at(r, cps + i - 1, n - i + 1) == 2)
		extra += r->split_penalty;

	for (int j = i; j < n; j++)
	{
		const rv_variant *v;

		node = rv_rules_child(r, node, cps[j]);
		if (node == 0)
			break;
		if (r->nodes[node].first_variant == 0)
			continue;
		v = pick_variant(r, r->nodes[node].first_variant, cps, n, i, j + 1);
		if (v == NULL)
			continue;
		if (scale < 0)
			scale = rv_rules_is_vowel(r, cps[i]) ? s->w.vowel : s->w.rule;
		for (uint32_t o = 0; o < v->noptions; o++)
		{
			const rv_option *opt = &r->options[v->first_option + o];
			float		w = s->plain ? opt->weight_plain : opt->weight;
			edge	   *e;

			if (w < 0)
				continue;		/* not an option in this kind of text */
			if ((e = new_edge(s)) == NULL)
				return 0;
			e->from = (uint8_t) i;
			e->to = (uint8_t) (j + 1);
			e->nsym = opt->nsym;
			memcpy(e->sym, opt->sym, opt->nsym);
			e->known_only = opt->known_only;
			e->raw = w + extra;
			e->opt = (int32_t) (v->first_option + o);
			e->weight = scale * e->raw;
			if (s->traditional && writes_mater(r, cps, n, i, j + 1, opt))
				e->weight += s->w.mater;
		}
	}
	return add_acronym_edges(s, r, first, i, n);
}

int
rv_lattice_build(rv_search *s, const rv_rules *r, const uint32_t *cps, int n)
{
	s->nedges = 0;
	for (int i = 0; i < n; i++)
	{
		s->first_edge[i] = s->nedges;
		if (!add_edges_from(s, r, cps, n, i))
			return 0;
	}
	s->first_edge[n] = s->nedges;
	return 1;
}
