/*
 * kbest.h — private: the k cheapest distinct Hebrew prefixes that reach
 * one search state (lattice.c).
 *
 * A hypothesis is one partial spelling; two with the same prefix hash are
 * the same prefix, and only the cheaper is kept.  Small k keep a sorted
 * array and scan it (fastest for the k = 1 of revrit()); larger k keep a
 * max-heap on cost plus a hash table from prefix hash to heap slot, so
 * an offer costs O(log k) instead of O(k) and n = 1000 stays linear in
 * the lattice's size.
 */
#ifndef REVRIT_KBEST_H
#define REVRIT_KBEST_H

#include <stddef.h>
#include <stdint.h>

typedef struct rv_hyp
{
	double		total;
	float		chan;			/* weighted channel cost */
	float		chr;
	uint64_t	hash;			/* of the Hebrew prefix, for deduplication */
	int32_t		prev;			/* index of the previous hyp, -1 at start */
	int32_t		edge;
} rv_hyp;

/* Up to this k a state's list is a sorted array scanned on every offer. */
#define RV_KBEST_SCAN		16

/* Slots of the per-state hash table for k (0: k needs none). */
size_t		rv_kbest_table_size(int k);

/*
 * Offer h to one state's list (k slots, *n used).  table has
 * rv_kbest_table_size(k) slots, zeroed when the state was made (NULL when
 * that size is 0).
 */
void		rv_kbest_offer(rv_hyp *list, int32_t *n, int k, int32_t *table,
						   const rv_hyp *h);

/* An offer costing this much or more is refused (HUGE_VAL: not full). */
double		rv_kbest_bound(const rv_hyp *list, int n, int k);

/*
 * Order a complete list cheapest first (ties by prefix hash), so that the
 * search expands it, and reports it, in a deterministic order.  A no-op for
 * the sorted arrays of small k.
 */
void		rv_kbest_seal(rv_hyp *list, int n, int k);

#endif							/* REVRIT_KBEST_H */
