/*
 * lattice_internal.h — private to lattice.c and lattice_edges.c: the
 * search's scratch space (edges of the word's lattice, states with their
 * k-best lists and dedup tables, the closing spellings).
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
	float		weight;
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
} state;

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
	int32_t    *dedup;			/* rv_kbest_table_size(k) slots per state */
	int64_t		cap_dedup;
	struct closing *closing;	/* the hyps that end the word */
	int			cap_closing;
	void		(*interrupt) (void *arg);
	void	   *interrupt_arg;
	uint32_t	ticks;			/* hyps extended since the last check */
	int			head[RV_MAX_WORD + 1];
	int32_t    *table;			/* open addressing: state index + 1 */
	uint32_t	table_size;		/* a power of two */
};

/* Build the weighted edges of a folded word (lattice_edges.c); 0 when out
 * of memory. */
int			rv_lattice_build(rv_search *s, const rv_rules *r, const uint32_t *cps,
							 int n);

#endif							/* REVRIT_LATTICE_INTERNAL_H */
