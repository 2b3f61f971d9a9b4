/*
 * lattice_internal.h — private to lattice.c and lattice_edges.c: the
 * search's scratch space (the word's edges, states with their k-best lists
 * and dedup tables) and the ranking settings of the call.
 */
#ifndef REVRIT_LATTICE_INTERNAL_H
#define REVRIT_LATTICE_INTERNAL_H

#include "kbest.h"
#include "lattice.h"

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

typedef rv_hyp hyp;

typedef struct state
{
	uint64_t	key;
	rv_lexnode	node;
	rv_charctx	ctx;
	int32_t		pos;
	int32_t		next;			/* next state at the same position */
	int32_t		nhyp;
	uint32_t	slot;			/* its entry in the state table */
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
	rv_ranking	w;
	int			traditional;	/* short spelling: matres cost w.mater */
	int			want_path;		/* report the rule options of each spelling */
	int			plain;			/* the text has no romanization marks */
	int			any_vouched;	/* this word has a vouched state */
	int			known_only;		/* every spelling must be a lexicon word */
	int32_t    *dedup;			/* rv_kbest_table_size(k) slots per state */
	int64_t		cap_dedup;
	int64_t		dedup_size;		/* rv_kbest_table_size(k) of this word's k */
	void		(*interrupt) (void *arg);
	void	   *interrupt_arg;
	uint32_t	ticks;			/* hyps extended since the last check */
};

/* Build the weighted edges of a folded word (lattice_edges.c); 0 when out
 * of memory. */
int			rv_lattice_build(rv_search *s, const rv_rules *r, const uint32_t *cps,
							 int n);

#endif							/* REVRIT_LATTICE_INTERNAL_H */
