/*
 * lattice.c — k-best search over the weighted token lattice of a word.
 *
 * Exactness: two partial spellings that reach the same (position, trie
 * node, context) state with the same Hebrew prefix have the same futures,
 * so keeping only the cheaper one loses nothing; keeping the k cheapest
 * distinct prefixes per state therefore yields the k cheapest distinct
 * spellings overall.  Work is O(length x states x edges x k), each offer
 * to a state's list O(log k) (kbest.c).  The lattice's edges are built by
 * lattice_edges.c.
 */
#include <stdlib.h>
#include <string.h>

#include "alloc.h"
#include "lattice_internal.h"
#include "points.h"

rv_search *
rv_search_new(void)
{
	return rv_alloc0(sizeof(rv_search));
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
	rv_free(s->dedup);
	rv_free(s->closing);
	rv_free(s);
}

void
rv_search_set_interrupt(rv_search *s, void (*fn) (void *arg), void *arg)
{
	s->interrupt = fn;
	s->interrupt_arg = arg;
}

/*
 * Let the host act on a cancel every RV_INTERRUPT_TICKS hyps: often enough
 * to answer within milliseconds, rarely enough to cost nothing.  The host
 * may longjmp out; everything here is on its allocator.
 */
static void
tick(rv_search *s, int n)
{
	s->ticks += (uint32_t) n;
	if (s->ticks >= RV_INTERRUPT_TICKS && s->interrupt)
	{
		s->ticks = 0;
		s->interrupt(s->interrupt_arg);
	}
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

/* Room for the dedup tables of nstates states, the last one zeroed. */
static int
reserve_dedup(rv_search *s, int nstates, int k)
{
	int64_t		size = (int64_t) rv_kbest_table_size(k);
	int64_t		need = size * nstates;

	if (size == 0)
		return 1;
	if (need > s->cap_dedup)
	{
		int64_t		cap = s->cap_dedup ? s->cap_dedup * 2 : size * 64;
		int32_t    *p;

		while (cap < need)
			cap *= 2;
		p = rv_realloc(s->dedup, (size_t) cap * sizeof(int32_t));
		if (p == NULL)
			return 0;
		s->dedup = p;
		s->cap_dedup = cap;
	}
	memset(s->dedup + need - size, 0, (size_t) size * sizeof(int32_t));
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
	if (!reserve_dedup(s, s->nstates + 1, k))
		return -1;
	s->table[h] = s->nstates + 1;
	st = &s->states[s->nstates];
	st->key = key;
	st->pos = pos;
	st->node = node;
	st->ctx = ctx;
	st->nhyp = 0;
	st->next = s->head[pos];
	s->head[pos] = s->nstates;
	return s->nstates++;
}

/* The dedup table of state si, NULL when k is small enough to scan. */
static int32_t *
dedup_table(rv_search *s, int si, int k)
{
	int64_t		size = (int64_t) rv_kbest_table_size(k);

	return size ? s->dedup + size * si : NULL;
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
	for (int ei = s->first_edge[pos]; ei < s->first_edge[pos + 1]; ei++)
	{
		const edge *e = &s->edges[ei];
		rv_lexnode	node = s->states[si].node;
		rv_charctx	ctx = s->states[si].ctx;
		double		chr = 0;
		int			ti;
		uint64_t	key;
		hyp		   *list;

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
		key = ((uint64_t) node << 32) | ctx;
		ti = get_state(s, e->to, key, node, ctx, k);
		if (ti < 0)
			return 0;
		tick(s, s->states[si].nhyp);
		list = &s->hyps[(int64_t) ti * k];
		for (int h = 0; h < s->states[si].nhyp; h++)
		{
			const hyp  *from = &s->hyps[si * k + h];
			hyp			nh;

			nh.total = from->total + e->weight + RV_CHAR_WEIGHT * chr;
			/* the list is cheapest first: once one is refused, all are */
			if (nh.total >= rv_kbest_bound(list, s->states[ti].nhyp, k))
				break;
			nh.rule = from->rule + e->weight;
			nh.chr = from->chr + (float) chr;
			nh.hash = hash_syms(from->hash, e->sym, e->nsym);
			nh.prev = si * k + h;
			nh.edge = ei;
			rv_kbest_offer(list, &s->states[ti].nhyp, k, dedup_table(s, ti, k),
						   &nh);
		}
	}
	return 1;
}

/* What the lexicon's word lists say of a spelling (tags: lexicon.h). */
static double
lexicon_bonus(const rv_rules *r, const rv_lexicon *lex, int tags)
{
	double		dict_only;

	if (tags == 0)
		return 0;
	dict_only = r->lexicon_bonus >= 0 ? r->lexicon_bonus :
		rv_lex_has_common(lex) ? RV_BONUS_DICT_ONLY : RV_BONUS_DICT_ALONE;
	switch (tags)
	{
		case RV_LEX_DICT:
			return dict_only;
		case RV_LEX_COMMON:
			return RV_BONUS_COMMON_ONLY;
		default:
			return RV_BONUS_BOTH;
	}
}

/* A complete spelling: a hyp of a state at the word's end, closed. */
struct closing
{
	double		score;
	double		chr;
	double		bonus;
	float		rule;
	int32_t		hyp;			/* index in s->hyps */
	int32_t		seq;			/* order of discovery, to break ties */
	int			in_lex;
};

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
	for (int i = hi; i >= 0 && s->hyps[i].edge >= 0; i = s->hyps[i].prev)
	{
		const edge *e = &s->edges[s->hyps[i].edge];

		len -= e->nsym;
		memcpy(out + len, e->sym, e->nsym);
	}
	return 1;
}

static int
cmp_closing(const void *a, const void *b)
{
	const struct closing *x = a;
	const struct closing *y = b;

	if (x->score != y->score)
		return x->score < y->score ? -1 : 1;
	return x->seq - y->seq;
}

/*
 * Close every state at the word's end (word boundary, lexicon membership)
 * and put the k cheapest spellings in out, cheapest first, the earlier
 * found first among equals.  Distinct strings end in distinct states, so
 * no deduplication is needed here.  Returns the count, -1 out of memory.
 */
static int
close_word(rv_search *s, const rv_rules *r, const rv_lexicon *lex, int n,
		   int k, rv_spelling *out)
{
	int			nc = 0;

	for (int si = s->head[n]; si >= 0; si = s->states[si].next)
	{
		const state *st = &s->states[si];
		double		chr = lex ? rv_lex_char_cost(lex, st->ctx, RV_SYM_BOUNDARY) : 0;
		int			tags = lex && st->node != RV_LEX_NONE ?
			rv_lex_word_tags(lex, st->node) : 0;
		double		bonus = lexicon_bonus(r, lex, tags);
		/* a known word's letters are vouched for by the lexicon, so its
		 * character cost may count differently (one hyp per trie state) */
		double		wchar = tags ? RV_CHAR_WEIGHT_KNOWN : RV_CHAR_WEIGHT;

		if (nc + st->nhyp > s->cap_closing)
		{
			int			cap = s->cap_closing ? s->cap_closing : 64;
			struct closing *p;

			while (cap < nc + st->nhyp)
				cap *= 2;
			p = rv_realloc(s->closing, (size_t) cap * sizeof(*p));
			if (p == NULL)
				return -1;
			s->closing = p;
			s->cap_closing = cap;
		}
		rv_kbest_seal(&s->hyps[(int64_t) si * k], st->nhyp, k);
		tick(s, st->nhyp);
		for (int h = 0; h < st->nhyp; h++)
		{
			const hyp  *from = &s->hyps[(int64_t) si * k + h];
			struct closing *c = &s->closing[nc];

			c->score = from->total - RV_CHAR_WEIGHT * from->chr +
				wchar * (from->chr + chr) - bonus;
			c->chr = from->chr + chr;
			c->bonus = bonus;
			c->rule = from->rule;
			c->hyp = (int32_t) (si * k + h);
			c->seq = nc++;
			c->in_lex = tags != 0;
		}
	}
	if (nc > 1)
		qsort(s->closing, (size_t) nc, sizeof(struct closing), cmp_closing);
	if (nc > k)
		nc = k;
	for (int i = 0; i < nc; i++)
	{
		out[i].score = s->closing[i].score;
		out[i].rule_cost = s->closing[i].rule;
		out[i].char_cost = s->closing[i].chr;
		out[i].lexicon_bonus = s->closing[i].bonus;
		out[i].in_lexicon = s->closing[i].in_lex;
		out[i].nsym = s->closing[i].hyp;	/* hyp index until traced */
	}
	return nc;
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
	if (!rv_lattice_build(s, r, cps, n))
		return -1;
	s->nstates = 0;
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
		{
			/* complete now: every edge into pos starts before it */
			rv_kbest_seal(&s->hyps[(int64_t) si * k], s->states[si].nhyp, k);
			if (!expand(s, lex, pos, si, k))
				return -1;
		}

	found = close_word(s, r, lex, n, k, out);
	if (found < 0)
		return -1;
	for (int i = 0; i < found; i++)
		if (!trace(s, out[i].nsym, arena, &out[i]))
			return -1;
	return found;
}
