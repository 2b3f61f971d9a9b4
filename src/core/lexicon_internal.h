/*
 * lexicon_internal.h — private to lexicon*.c: an open lexicon, as
 * lexicon.c maps and checks it and lexicon_walk.c and lexicon_charmodel.c
 * read it.
 */
#ifndef REVRIT_LEXICON_INTERNAL_H
#define REVRIT_LEXICON_INTERNAL_H

#include <stddef.h>
#include <stdint.h>

#include "lexicon.h"
#include "lexicon_format.h"

struct rv_lexicon
{
	const unsigned char *map;
	size_t		size;
	int			borrowed;		/* the host maps and unmaps (attach) */
	/* DAWG */
	const rvlex_node *nodes;
	const uint32_t *edges;
	uint32_t	nnodes;
	uint32_t	nedges;
	uint32_t	nwords;
	uint32_t	root;
	int			has_common;		/* some word carries RVLEX_NODE_COMMON */
	uint32_t	version;
	/* word frequencies (version 3; NULL before) */
	const uint8_t *freq;		/* [nnodes] classes, lexicon_format.h */
	double		freq_step;		/* log10 units per class */
	/* character model */
	const uint16_t *costs;		/* [ncontexts][RV_NSYMS] */
	uint32_t	order;
	uint32_t	ncontexts;
	uint32_t	ctx_keep;		/* contexts of order - 2 symbols */
	rv_charctx	ctx_start;
	double		cost_unit;		/* bits per stored unit */
};

/*
 * Portable popcount: without -mpopcnt gcc turns __builtin_popcount into a
 * libgcc call, which costs more than these few ALU operations.
 */
static inline uint32_t
popcount32(uint32_t x)
{
	x = x - ((x >> 1) & 0x55555555u);
	x = (x & 0x33333333u) + ((x >> 2) & 0x33333333u);
	x = (x + (x >> 4)) & 0x0F0F0F0Fu;
	return (x * 0x01010101u) >> 24;
}

#endif							/* REVRIT_LEXICON_INTERNAL_H */
