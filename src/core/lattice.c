/*
 * lattice.c — k-best search over the weighted token lattice of a word.
 *
 * Exactness: two partial spellings that reach the same (position, trie
 * node, context) state with the same Hebrew prefix have the same futures,
 * so keeping only the cheaper one loses nothing; keeping the k cheapest
 * distinct prefixes per state therefore yields the k cheapest distinct
 * spellings overall.  Work is O(length x states x edges x k).
 */
#include <string.h>

#include "alloc.h"
#include "lattice.h"
#include "points.h"

typedef struct edge
{
	uint8_t		from;
	uint8_t		to;
	uint8_t		nsym;
	uint8_t		sym[RV_MAX_OUT];
	uint8_t		known_only;		/* only where the lexicon knows the spelling */
	float		weight;			/* channel cost: raw, weighted (ranking.h) */
	float		raw;
	int32_t		opt;			/* index of the rule option; -1: none */
} edge;

typedef struct hyp
{
	double		total;
	float		chan;			/* weighted channel cost */
	float		chr;
	uint64_t	hash;			/* of the Hebrew prefix, for deduplication */
	int32_t		prev;			/* index of the previous hyp, -1 at start */
	int32_t		edge;
} hyp;

typedef struct state
{
	uint64_t	key;
	rv_lexnode	node;
	rv_charctx	ctx;
	int32_t		pos;
	int32_t		next;			/* next state at the same position */
	int32_t		nhyp;
	uint8_t		vouched;		/* took a known-only option: must stay known */
} state;

/* The key of a state: trie node, character context (< 2^31) and whether
 * its spellings took an option only the lexicon may vouch for. */
#define STATE_VOUCHED	(UINT64_C(1) << 31)

struct rv_search
{
	edge	   *edges;
	int			nedges,
				cap_edges;
	int			first_edge[RV_MAX_WORD + 2];
	state	   *states;
	int			nstates,
				cap_states;
	hyp		   *hyps;			/* k slots per state */
	int			cap_hyps;
	int			head[RV_MAX_WORD + 1];
	int32_t    *table;			/* open addressing: state index + 1 */
	uint32_t	table_size;		/* a power of two */
	int			plain;			/* the text has no romanization marks */
	int			any_vouched;	/* this word has a vouched state */
	rv_ranking	w;
	int			traditional;	/* short spelling: matres cost w.mater */
	int			want_path;		/* report the rule options of each spelling */
};

rv_search *
rv_search_new(void)
{
	rv_search  *s = rv_alloc0(sizeof(rv_search));

	if (s)
		rv_ranking_init(&s->w);
	return s;
}

void
rv_search_configure(rv_search *s, const rv_options *o)
{
	if (s == NULL)
		return;
	if (o && o->ranking)
		s->w = *o->ranking;
	else
		rv_ranking_init(&s->w);
	s->traditional = o && o->spelling == RV_SPELLING_TRADITIONAL;
	s->want_path = o && o->trace_rules;
}

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

void
rv_search_set_plain(rv_search *s, int plain)
{
	s->plain = plain;
}

void
rv_search_free(rv_search *s)
{
	if (s == NULL)
		return;
	rv_free(s->edges);
	rv_free(s->states);
	rv_free(s->hyps);
	rv_free(s->table);
	rv_free(s);
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
	int			first = s->nedges;
	float		scale = -1;		/* channel weight of the tokens at i */

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

static int
build_lattice(rv_search *s, const rv_rules *r, const uint32_t *cps, int n)
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

static uint32_t
state_hash(int pos, uint64_t key)
{
	uint64_t	h = (key ^ ((uint64_t) pos << 56)) * UINT64_C(0x9E3779B97F4A7C15);

	return (uint32_t) (h >> 32);
}

/* Grow the state table to keep it at most half full. */
static int
grow_table(rv_search *s)
{
	uint32_t	size = s->table_size ? s->table_size * 2 : 1024;
	int32_t    *t = rv_alloc0(size * sizeof(int32_t));

	if (t == NULL)
		return 0;
	for (int i = 0; i < s->nstates; i++)
	{
		uint32_t	h = state_hash(s->states[i].pos, s->states[i].key) & (size - 1);

		while (t[h])
			h = (h + 1) & (size - 1);
		t[h] = i + 1;
	}
	rv_free(s->table);
	s->table = t;
	s->table_size = size;
	return 1;
}

/* Find or create the state for a key at a position; -1 if out of memory. */
static int
get_state(rv_search *s, int pos, uint64_t key, rv_lexnode node, rv_charctx ctx,
		  int k)
{
	state	   *st;
	uint32_t	h;

	if ((uint32_t) (s->nstates + 1) * 2 > s->table_size && !grow_table(s))
		return -1;
	h = state_hash(pos, key) & (s->table_size - 1);
	while (s->table[h])
	{
		st = &s->states[s->table[h] - 1];
		if (st->key == key && st->pos == pos)
			return s->table[h] - 1;
		h = (h + 1) & (s->table_size - 1);
	}
	if (s->nstates == s->cap_states)
	{
		int			cap = s->cap_states ? s->cap_states * 2 : 64;
		state	   *p = rv_realloc(s->states, (size_t) cap * sizeof(state));

		if (p == NULL)
			return -1;
		s->states = p;
		s->cap_states = cap;
	}
	if ((int64_t) (s->nstates + 1) * k > s->cap_hyps)
	{
		int64_t		cap = s->cap_hyps ? s->cap_hyps * 2 : 256;
		hyp		   *p;

		while (cap < (int64_t) (s->nstates + 1) * k)
			cap *= 2;
		if (cap > INT32_MAX)
			return -1;			/* hyp indexes are 32-bit */
		p = rv_realloc(s->hyps, (size_t) cap * sizeof(hyp));
		if (p == NULL)
			return -1;
		s->hyps = p;
		s->cap_hyps = cap;
	}
	s->table[h] = s->nstates + 1;
	st = &s->states[s->nstates];
	st->key = key;
	st->pos = pos;
	st->node = node;
	st->ctx = ctx;
	st->vouched = (key & STATE_VOUCHED) != 0;
	s->any_vouched |= st->vouched;
	st->nhyp = 0;
	st->next = s->head[pos];
	s->head[pos] = s->nstates;
	return s->nstates++;
}

/* Keep the k cheapest distinct prefixes of a state, sorted by cost. */
static void
offer(hyp *list, int32_t *nhyp, int k, const hyp *h)
{
	int			n = *nhyp;
	int			at;

	for (int i = 0; i < n; i++)
	{
		if (list[i].hash != h->hash)
			continue;
		if (list[i].total <= h->total)
			return;
		/* the same prefix, cheaper: drop the old entry */
		memmove(&list[i], &list[i + 1], (size_t) (n - i - 1) * sizeof(hyp));
		n--;
		break;
	}
	if (n == k && h->total >= list[n - 1].total)
	{
		*nhyp = n;
		return;
	}
	if (n == k)
		n--;
	at = n;
	while (at > 0 && list[at - 1].total > h->total)
	{
		list[at] = list[at - 1];
		at--;
	}
	list[at] = *h;
	*nhyp = n + 1;
}

static uint64_t
hash_syms(uint64_t h, const uint8_t *sym, int n)
{
	for (int i = 0; i < n; i++)
		h = (h ^ (uint64_t) (sym[i] + 1)) * UINT64_C(0x100000001b3);
	return h;
}

/* Extend every hyp of state si along every edge leaving pos. */
static int
expand(rv_search *s, const rv_lexicon *lex, int pos, int si, int k)
{
	/* copies: get_state() may move the states */
	const rv_lexnode node0 = s->states[si].node;
	const rv_charctx ctx0 = s->states[si].ctx;
	const int	vouched0 = s->states[si].vouched;

	for (int ei = s->first_edge[pos]; ei < s->first_edge[pos + 1]; ei++)
	{
		const edge *e = &s->edges[ei];
		rv_lexnode	node = node0;
		rv_charctx	ctx = ctx0;
		double		chr = 0;
		int			ti;
		uint64_t	key;
		int			vouched = vouched0 | e->known_only;

		/* a spelling only the lexicon may vouch for: cut it as soon as the
		 * lexicon has no word that goes on so (without one, never) */
		if (vouched &&
			(node == RV_LEX_NONE ||
			 (e->nsym > 0 && rv_lex_step(lex, node, e->sym[0]) == RV_LEX_NONE)))
			continue;
		if (lex)
		{
			for (int q = 0; q < e->nsym; q++)
			{
				if (rv_sym_is_mark(e->sym[q]))
					continue;	/* Yiddish points: not in the lexicon */
				chr += rv_lex_char_cost(lex, ctx, e->sym[q]);
				ctx = rv_lex_ctx_push(lex, ctx, e->sym[q]);
				if (node != RV_LEX_NONE)
					node = rv_lex_step(lex, node, e->sym[q]);
			}
		}
		if (vouched && node == RV_LEX_NONE)
			continue;
		key = ((uint64_t) node << 32) | ctx | ((uint64_t) vouched << 31);
		ti = get_state(s, e->to, key, node, ctx, k);
		if (ti < 0)
			return 0;
		for (int h = 0; h < s->states[si].nhyp; h++)
		{
			const hyp  *from = &s->hyps[si * k + h];
			hyp			nh;

			nh.chan = from->chan + e->weight;
			nh.chr = from->chr + (float) chr;
			nh.total = from->total + e->weight + s->w.char_unknown * chr;
			nh.hash = hash_syms(from->hash, e->sym, e->nsym);
			nh.prev = si * k + h;
			nh.edge = ei;
			offer(&s->hyps[ti * k], &s->states[ti].nhyp, k, &nh);
		}
	}
	return 1;
}


/* The rule options along the path ending at hyp index hi, in order (for
 * fitting the channel: bench/fit_ranking.py). */
static int
trace_options(rv_search *s, int hi, rv_arena *arena, rv_spelling *sp)
{
	int			n = 0;

	for (int i = hi; i >= 0 && s->hyps[i].edge >= 0; i = s->hyps[i].prev)
		n += s->edges[s->hyps[i].edge].opt >= 0;
	sp->opts = rv_arena_alloc(arena, (size_t) (n + 1) * sizeof(int32_t));
	if (sp->opts == NULL)
		return 0;
	sp->nopts = n;
	for (int i = hi; i >= 0 && s->hyps[i].edge >= 0; i = s->hyps[i].prev)
		if (s->edges[s->hyps[i].edge].opt >= 0)
			sp->opts[--n] = s->edges[s->hyps[i].edge].opt;
	return 1;
}

/* The state at pos with this key, or -1. */
static int
find_state(const rv_search *s, int pos, uint64_t key)
{
	uint32_t	h = state_hash(pos, key) & (s->table_size - 1);

	while (s->table[h])
	{
		const state *st = &s->states[s->table[h] - 1];

		if (st->key == key && st->pos == pos)
			return s->table[h] - 1;
		h = (h + 1) & (s->table_size - 1);
	}
	return -1;
}

/*
 * A spelling may end in two states, with and without a known-only option
 * (שאה from א and from (א)): drop the dearer of the two from out.  Returns
 * 0 if out already has it at most as dear as total.
 */
static int
drop_dearer_twin(const rv_search *s, rv_spelling *out, int *found,
				 uint64_t hash, double total)
{
	for (int i = 0; i < *found; i++)
	{
		if (s->hyps[out[i].nsym].hash != hash)
			continue;
		if (out[i].score <= total)
			return 0;
		memmove(&out[i], &out[i + 1], (size_t) (*found - i - 1) * sizeof(rv_spelling));
		(*found)--;
		return 1;
	}
	return 1;
}

/* Write the symbols of the path ending at hyp index hi. */
static int
trace(rv_search *s, int hi, rv_arena *arena, rv_spelling *sp)
{
	int			len = 0;
	uint8_t    *out;

	for (int i = hi; i >= 0 && s->hyps[i].edge >= 0; i = s->hyps[i].prev)
		len += s->edges[s->hyps[i].edge].nsym;
	out = rv_arena_alloc(arena, (size_t) len + 1);
	if (out == NULL)
		return 0;
	sp->sym = out;
	sp->nsym = len;
	sp->rule_cost = 0;
	for (int i = hi; i >= 0 && s->hyps[i].edge >= 0; i = s->hyps[i].prev)
	{
		const edge *e = &s->edges[s->hyps[i].edge];

		len -= e->nsym;
		memcpy(out + len, e->sym, e->nsym);
		sp->rule_cost += e->raw;	/* unweighted, for revrit_candidates */
	}
	sp->nopts = 0;
	sp->opts = NULL;
	return s->want_path ? trace_options(s, hi, arena, sp) : 1;
}

/* Close every hyp of an end state: word boundary, lexicon membership and
 * frequency (all properties of the state), then keep the k best. */
static void
close_state(rv_search *s, const rv_rules *r, const rv_lexicon *lex, int si,
			int k, rv_spelling *out, int *found)
{
	const state *st = &s->states[si];
	double		chr = lex ? rv_lex_char_cost(lex, st->ctx, RV_SYM_BOUNDARY) : 0;
	int			tags = lex && st->node != RV_LEX_NONE ?
		rv_lex_word_tags(lex, st->node) : 0;
	double		fcost = tags ? rv_lex_word_cost(lex, st->node) : -1;
	/* what depends on the word, not on the path: once per state */
	double		bonus = lex ? rv_rank_bonus(&s->w, tags, r->lexicon_bonus,
											rv_lex_has_common(lex)) : 0;
	double		base = lex ? rv_rank_freq(&s->w, fcost) - bonus : 0;
	double		wchar = lex ? (tags ? s->w.char_known : s->w.char_unknown) : 0;
	int			twin;

	if (!tags && st->vouched)
		return;					/* a spelling the lexicon had to vouch for */
	/* distinct strings end in distinct states, but for these twins */
	twin = s->any_vouched &&
		find_state(s, s->states[si].pos, st->key ^ STATE_VOUCHED) >= 0;
	for (int h = 0; h < st->nhyp; h++)
	{
		const hyp  *from = &s->hyps[si * k + h];
		double		bits = from->chr + chr;
		double		lang = base + wchar * bits;
		double		total = from->chan + lang;
		int			at;

		if (*found == k && total >= out[k - 1].score)
			continue;
		if (twin && !drop_dearer_twin(s, out, found, from->hash, total))
			continue;
		at = *found < k ? (*found)++ : k - 1;
		while (at > 0 && out[at - 1].score > total)
		{
			out[at] = out[at - 1];
			at--;
		}
		out[at].score = total;
		out[at].channel = from->chan;
		out[at].language = lang;
		out[at].freq_cost = fcost;
		out[at].char_cost = bits;
		out[at].lexicon_bonus = bonus;
		out[at].in_lexicon = tags != 0;
		out[at].context = 0;
		out[at].nsym = si * k + h;	/* hyp index until traced */
	}
}

int
rv_spell_word(rv_search *s, const rv_rules *r, const rv_lexicon *lex,
			  const uint32_t *cps, int n, int k, rv_arena *arena,
			  rv_spelling *out)
{
	int			found = 0;
	int			start;
	rv_lexnode	root = lex ? rv_lex_root(lex) : RV_LEX_NONE;
	rv_charctx	ctx0 = lex ? rv_lex_ctx_start(lex) : 0;

	if (n <= 0 || n > RV_MAX_WORD || k <= 0)
		return 0;
	if (!build_lattice(s, r, cps, n))
		return -1;
	s->nstates = 0;
	s->any_vouched = 0;
	for (int i = 0; i <= n; i++)
		s->head[i] = -1;
	if (s->table)
		memset(s->table, 0, s->table_size * sizeof(int32_t));

	start = get_state(s, 0, ((uint64_t) root << 32) | ctx0, root, ctx0, k);
	if (start < 0)
		return -1;
	s->hyps[start * k] = (hyp)
	{
		0, 0, 0, UINT64_C(0xcbf29ce484222325), -1, -1
	};
	s->states[start].nhyp = 1;

	for (int pos = 0; pos < n; pos++)
		for (int si = s->head[pos]; si >= 0; si = s->states[si].next)
			if (!expand(s, lex, pos, si, k))
				return -1;

	for (int si = s->head[n]; si >= 0; si = s->states[si].next)
		close_state(s, r, lex, si, k, out, &found);
	for (int i = 0; i < found; i++)
		if (!trace(s, out[i].nsym, arena, &out[i]))
			return -1;
	return found;
}
