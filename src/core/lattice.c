/*
 * lattice.c — k-best search over the weighted token lattice of a word.
 *
 * Exactness: two partial spellings that reach the same (position, trie
 * node, context) state with the same Hebrew prefix have the same futures,
 * so keeping only the cheaper one loses nothing; keeping the k cheapest
 * distinct prefixes per state therefore yields the k cheapest distinct
 * spellings overall.  Work is O(length x states x edges x k), an offer
 * to a state's list O(log k) (kbest.c).  The lattice's edges are built by
 * lattice_edges.c.
 */
#include <string.h>

#include "alloc.h"
#include "lattice_internal.h"
#include "points.h"

rv_search *
rv_search_new(void)
{
	rv_search  *s = rv_alloc0(sizeof(rv_search));

	if (s)
		rv_ranking_init(&s->w);
	return s;
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

void
rv_search_configure(rv_search *s, const rv_options *o)
{
	if (s == NULL)
		return;
	s->interrupt = o ? o->interrupt : NULL;
	s->interrupt_arg = o ? o->interrupt_arg : NULL;
	if (o && o->ranking)
		s->w = *o->ranking;
	else
		rv_ranking_init(&s->w);
	s->traditional = o && o->spelling == RV_SPELLING_TRADITIONAL;
	s->want_path = o && o->trace_rules;
}

void
rv_search_set_plain(rv_search *s, int plain)
{
	s->plain = plain;
}

void
rv_search_set_known_only(rv_search *s, int known_only)
{
	s->known_only = known_only;
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
	rv_free(s);
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
	uint32_t	size = s->table_size ? s->table_size * 2 : 256;
	int32_t    *t = rv_alloc0(size * sizeof(int32_t));

	if (t == NULL)
		return 0;
	for (int i = 0; i < s->nstates; i++)
	{
		uint32_t	h = state_hash(s->states[i].pos, s->states[i].key) & (size - 1);

		while (t[h])
			h = (h + 1) & (size - 1);
		t[h] = i + 1;
		s->states[i].slot = h;
	}
	rv_free(s->table);
	s->table = t;
	s->table_size = size;
	return 1;
}

/* Room for the dedup tables of nstates states, the last one zeroed. */
static int
reserve_dedup(rv_search *s, int nstates)
{
	int64_t		size = s->dedup_size;
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

/* The dedup table of state si, NULL when k is small enough to scan. */
static int32_t *
dedup_table(rv_search *s, int si)
{
	int64_t		size = s->dedup_size;

	return size ? s->dedup + size * si : NULL;
}

/* Append a state for a key at a position, its table entry in slot h; -1
 * if out of memory.  Out of line: the lookup below is the hot path. */
static int __attribute__((noinline))
new_state(rv_search *s, uint32_t h, int pos, uint64_t key, rv_lexnode node,
		  rv_charctx ctx, int k)
{
	state	   *st;

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
	if (!reserve_dedup(s, s->nstates + 1))
		return -1;
	s->table[h] = s->nstates + 1;
	st = &s->states[s->nstates];
	st->key = key;
	st->pos = pos;
	st->node = node;
	st->ctx = ctx;
	st->nhyp = 0;
	st->slot = h;
	st->vouched = (key & STATE_VOUCHED) != 0;
	s->any_vouched |= st->vouched;
	st->next = s->head[pos];
	s->head[pos] = s->nstates;
	return s->nstates++;
}

/* Find or create the state for a key at a position; -1 if out of memory. */
static inline int
get_state(rv_search *s, int pos, uint64_t key, rv_lexnode node, rv_charctx ctx,
		  int k)
{
	uint32_t	mask,
				h;
	int32_t		at;

	if ((uint32_t) (s->nstates + 1) * 2 > s->table_size && !grow_table(s))
		return -1;
	mask = s->table_size - 1;
	h = state_hash(pos, key) & mask;
	while ((at = s->table[h]) != 0)
	{
		const state *st = &s->states[at - 1];

		if (st->key == key && st->pos == pos)
			return at - 1;
		h = (h + 1) & mask;
	}
	return new_state(s, h, pos, key, node, ctx, k);
}

/*
 * Forget the previous word's states.  Only their own table entries are
 * cleared: the table keeps the size of the longest word seen, and wiping
 * all of it for every word cost more than the search of a short one.
 */
static void
clear_states(rv_search *s)
{
	for (int i = 0; i < s->nstates; i++)
		s->table[s->states[i].slot] = 0;
	s->nstates = 0;
}

/*
 * The prefix hash the k-best lists de-duplicate by: letters only.  Spellings
 * that differ only in Yiddish points are one candidate (the driver keeps the
 * cheapest, spell_language.c), and points change neither state nor future
 * cost, so the cheaper twin wins here; hashing the marks would let point
 * variants take k slots and make the k best depend on k.
 */
static uint64_t
hash_syms(uint64_t h, const uint8_t *sym, int n)
{
	for (int i = 0; i < n; i++)
		if (!rv_sym_is_mark(sym[i]))
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
		hyp		   *list;
		int			vouched = vouched0 | e->known_only | s->known_only;

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
		tick(s, s->states[si].nhyp);
		list = &s->hyps[(int64_t) ti * k];
		for (int h = 0; h < s->states[si].nhyp; h++)
		{
			const hyp  *from = &s->hyps[si * k + h];
			hyp			nh;

			nh.total = from->total + e->weight + s->w.char_unknown * chr;
			/* the list is cheapest first: once one is refused, all are */
			if (nh.total >= rv_kbest_bound(list, s->states[ti].nhyp, k))
				break;
			nh.chan = from->chan + e->weight;
			nh.chr = from->chr + (float) chr;
			nh.hash = hash_syms(from->hash, e->sym, e->nsym);
			nh.prev = si * k + h;
			nh.edge = ei;
			rv_kbest_offer(list, &s->states[ti].nhyp, k, dedup_table(s, ti),
						   &nh);
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
		find_state(s, st->pos, st->key ^ STATE_VOUCHED) >= 0;
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
	if (!rv_lattice_build(s, r, cps, n))
		return -1;
	clear_states(s);
	s->dedup_size = (int64_t) rv_kbest_table_size(k);
	s->any_vouched = 0;
	for (int i = 0; i <= n; i++)
		s->head[i] = -1;

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

	for (int si = s->head[n]; si >= 0; si = s->states[si].next)
	{
		rv_kbest_seal(&s->hyps[(int64_t) si * k], s->states[si].nhyp, k);
		tick(s, s->states[si].nhyp);
		close_state(s, r, lex, si, k, out, &found);
	}
	for (int i = 0; i < found; i++)
		if (!trace(s, out[i].nsym, arena, &out[i]))
			return -1;
	return found;
}
