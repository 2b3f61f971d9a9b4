/*
 * kbest.c — the k cheapest distinct prefixes of one search state.
 *
 * Large k: a max-heap on cost (the root is the one to evict) and an
 * open-addressing table, prefix hash -> heap slot + 1, so a repeated
 * prefix is found in constant time.  A full list rejects a costlier offer
 * by one comparison with the root, which is what almost every offer is.
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "kbest.h"

size_t
rv_kbest_table_size(int k)
{
	size_t		size = 4;

	if (k <= RV_KBEST_SCAN)
		return 0;
	while (size < (size_t) k * 2)
		size *= 2;
	return size;
}

/* Small k: the sorted array is rv_kbest_offer_sorted (kbest.h). */

/* ---- large k: heap plus hash table -------------------------------------- */

typedef struct heap
{
	rv_hyp	   *list;
	int32_t    *table;
	uint32_t	mask;
} heap;

static uint32_t
home_of(const heap *hp, uint64_t hash)
{
	return (uint32_t) (hash ^ (hash >> 29) ^ (hash >> 47)) & hp->mask;
}

/* The table slot holding hash, or the empty slot where it would go. */
static uint32_t
find_slot(const heap *hp, uint64_t hash)
{
	uint32_t	i = home_of(hp, hash);

	while (hp->table[i] && hp->list[hp->table[i] - 1].hash != hash)
		i = (i + 1) & hp->mask;
	return i;
}

/* Empty slot i, shifting later entries of its probe run back (no tombstones). */
static void
delete_slot(const heap *hp, uint32_t i)
{
	uint32_t	j = i;

	for (;;)
	{
		uint32_t	home;

		hp->table[i] = 0;
		for (;;)
		{
			j = (j + 1) & hp->mask;
			if (hp->table[j] == 0)
				return;
			home = home_of(hp, hp->list[hp->table[j] - 1].hash);
			/* stays if its home lies cyclically in (i, j] */
			if (i <= j ? (i < home && home <= j) : (i < home || home <= j))
				continue;
			break;
		}
		hp->table[i] = hp->table[j];
		i = j;
	}
}

static void
swap(const heap *hp, int a, int b)
{
	uint32_t	sa = find_slot(hp, hp->list[a].hash);
	uint32_t	sb = find_slot(hp, hp->list[b].hash);
	rv_hyp		t = hp->list[a];

	hp->list[a] = hp->list[b];
	hp->list[b] = t;
	hp->table[sa] = b + 1;
	hp->table[sb] = a + 1;
}

static void
sift_up(const heap *hp, int i)
{
	while (i > 0 && hp->list[(i - 1) / 2].total < hp->list[i].total)
	{
		swap(hp, i, (i - 1) / 2);
		i = (i - 1) / 2;
	}
}

static void
sift_down(const heap *hp, int n, int i)
{
	for (;;)
	{
		int			big = i;
		int			l = 2 * i + 1;

		if (l < n && hp->list[l].total > hp->list[big].total)
			big = l;
		if (l + 1 < n && hp->list[l + 1].total > hp->list[big].total)
			big = l + 1;
		if (big == i)
			return;
		swap(hp, i, big);
		i = big;
	}
}

static void
offer_heap(heap *hp, int32_t *nhyp, int k, const rv_hyp *h)
{
	uint32_t	s;
	int			idx;

	if (*nhyp == k && h->total >= hp->list[0].total)
		return;
	s = find_slot(hp, h->hash);
	if (hp->table[s])
	{
		/* the same prefix: keep the cheaper (a cheaper key sinks) */
		idx = hp->table[s] - 1;
		if (hp->list[idx].total <= h->total)
			return;
		hp->list[idx] = *h;
		sift_down(hp, *nhyp, idx);
		return;
	}
	if (*nhyp < k)
	{
		idx = (*nhyp)++;
		hp->list[idx] = *h;
		hp->table[s] = idx + 1;
		sift_up(hp, idx);
		return;
	}
	/* full: the new prefix replaces the costliest */
	delete_slot(hp, find_slot(hp, hp->list[0].hash));
	hp->list[0] = *h;
	hp->table[find_slot(hp, h->hash)] = 1;
	sift_down(hp, k, 0);
}

void
rv_kbest_offer_heap(rv_hyp *list, int32_t *n, int k, int32_t *table,
					const rv_hyp *h)
{
	heap		hp;

	hp.list = list;
	hp.table = table;
	hp.mask = (uint32_t) rv_kbest_table_size(k) - 1;
	offer_heap(&hp, n, k, h);
}

static int
cmp_hyp(const void *a, const void *b)
{
	const rv_hyp *x = a;
	const rv_hyp *y = b;

	if (x->total != y->total)
		return x->total < y->total ? -1 : 1;
	return x->hash < y->hash ? -1 : x->hash > y->hash;
}

void
rv_kbest_seal(rv_hyp *list, int n, int k)
{
	if (k > RV_KBEST_SCAN && n > 1)
		qsort(list, (size_t) n, sizeof(rv_hyp), cmp_hyp);
}
