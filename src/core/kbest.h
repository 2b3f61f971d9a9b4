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

#include <math.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

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
void		rv_kbest_offer_heap(rv_hyp *list, int32_t *n, int k, int32_t *table,
								const rv_hyp *h);

/* Small k: the sorted array, inline since the search offers once per
 * surviving hyp and edge. */
static inline void
rv_kbest_offer_sorted(rv_hyp *list, int32_t *nhyp, int k, const rv_hyp *h)
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
		memmove(&list[i], &list[i + 1], (size_t) (n - i - 1) * sizeof(rv_hyp));
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

static inline void
rv_kbest_offer(rv_hyp *list, int32_t *n, int k, int32_t *table,
			   const rv_hyp *h)
{
	if (table == NULL)
		rv_kbest_offer_sorted(list, n, k, h);
	else
		rv_kbest_offer_heap(list, n, k, table, h);
}

/* An offer costing this much or more is refused (HUGE_VAL: not full). */
static inline double
rv_kbest_bound(const rv_hyp *list, int n, int k)
{
	if (n < k)
		return HUGE_VAL;
	/* the root of the heap, or the end of the sorted array */
	return k > RV_KBEST_SCAN ? list[0].total : list[k - 1].total;
}

/*
 * Order a complete list cheapest first (ties by prefix hash), so that the
 * search expands it, and reports it, in a deterministic order.  A no-op for
 * the sorted arrays of small k.
 */
void		rv_kbest_seal(rv_hyp *list, int n, int k);

#endif							/* REVRIT_KBEST_H */
