/*
 * lexicon_build_dawg.c — fold sorted words into a minimized DAWG with
 * Daciuk's incremental algorithm: equal suffixes are found through a hash
 * table over the frozen nodes and shared.
 */
#include <string.h>

#include "alloc.h"
#include "buf.h"
#include "lexicon_build_internal.h"

static uint64_t
pathnode_hash(const pathnode *p)
{
	uint64_t	h = (p->bits ^ ((uint64_t) p->freq << 32)) * RVLEX_P1;
	uint32_t	syms = p->bits & RVLEX_NODE_SYMS;

	while (syms)
	{
		int			s = __builtin_ctz(syms);

		h = (h ^ p->child[s]) * RVLEX_P2;
		syms &= syms - 1;
	}
	return h ^ (h >> 29);
}

static int
pathnode_equals(const dawg *d, const pathnode *p, uint32_t id)
{
	const rvlex_node *n = &d->nodes[id];
	const uint32_t *e = d->edges + n->first;
	uint32_t	syms = p->bits & RVLEX_NODE_SYMS;

	if (n->bits != p->bits || d->freq[id] != p->freq)
		return 0;
	for (; syms; syms &= syms - 1)
		if (*e++ != p->child[__builtin_ctz(syms)])
			return 0;
	return 1;
}

/* Double the hash table and reinsert every registered node. */
static int
dawg_rehash(dawg *d)
{
	size_t		nsize = d->tabsize ? d->tabsize * 2 : 1 << 16;
	uint32_t   *t = rv_alloc0(nsize * sizeof(uint32_t));
	size_t		i;

	if (t == NULL)
		return 0;
	for (i = 0; i < d->tabsize; i++)
	{
		pathnode	p;
		const rvlex_node *n;
		uint32_t	syms;
		size_t		k = 0,
					slot;

		if (d->table[i] == 0)
			continue;
		n = &d->nodes[d->table[i] - 1];
		p.bits = n->bits;
		p.freq = d->freq[d->table[i] - 1];
		for (syms = n->bits & RVLEX_NODE_SYMS; syms; syms &= syms - 1)
			p.child[__builtin_ctz(syms)] = d->edges[n->first + k++];
		slot = pathnode_hash(&p) & (nsize - 1);
		while (t[slot])
			slot = (slot + 1) & (nsize - 1);
		t[slot] = d->table[i];
	}
	rv_free(d->table);
	d->table = t;
	d->tabsize = nsize;
	return 1;
}

/* Append a frozen copy of p; its id, or RV_LEX_NONE on ENOMEM. */
static uint32_t
dawg_append(dawg *d, const pathnode *p)
{
	uint32_t	syms = p->bits & RVLEX_NODE_SYMS;

	if (d->nnodes >= RV_LEX_NONE - 1 ||
		!rv_grow((void **) &d->nodes, &d->capnodes, d->nnodes + 1,
				 sizeof(rvlex_node), 1024) ||
		!rv_grow((void **) &d->freq, &d->capfreq, d->nnodes + 1,
				 sizeof(uint8_t), 1024))
		return RV_LEX_NONE;
	d->freq[d->nnodes] = p->freq;
	d->nodes[d->nnodes].bits = p->bits;
	d->nodes[d->nnodes].first = (uint32_t) d->nedges;
	for (; syms; syms &= syms - 1)
	{
		if (!rv_grow((void **) &d->edges, &d->capedges, d->nedges + 1,
					 sizeof(uint32_t), 1024))
			return RV_LEX_NONE;
		d->edges[d->nedges++] = p->child[__builtin_ctz(syms)];
	}
	return (uint32_t) d->nnodes++;
}

/* The id of a node equal to p, registering p if there is none yet. */
static uint32_t
dawg_register(dawg *d, const pathnode *p)
{
	size_t		slot;
	uint32_t	id;

	if (d->nnodes * 2 >= d->tabsize && !dawg_rehash(d))
		return RV_LEX_NONE;
	slot = pathnode_hash(p) & (d->tabsize - 1);
	for (; d->table[slot]; slot = (slot + 1) & (d->tabsize - 1))
		if (pathnode_equals(d, p, d->table[slot] - 1))
			return d->table[slot] - 1;
	id = dawg_append(d, p);
	if (id != RV_LEX_NONE)
		d->table[slot] = id + 1;
	return id;
}

/* Freeze the path below depth keep; word is the word that made it. */
static int
dawg_freeze(dawg *d, const unsigned char *word, size_t depth, size_t keep)
{
	for (; depth > keep; depth--)
	{
		uint32_t	id = dawg_register(d, &d->path[depth]);

		if (id == RV_LEX_NONE)
			return 0;
		d->path[depth - 1].child[word[depth]] = id;
	}
	return 1;
}

/* Build the DAWG of sorted unique word records; tags[i] (RVLEX_NODE_DICT,
 * RVLEX_NODE_COMMON) and the frequency class cls[i] (cls may be NULL) go
 * on the final node of word i. */
rv_status
lexbuild_dawg_build(dawg *d, const unsigned char **words, const uint32_t *tags,
		   const uint8_t *cls, size_t n, char *err)
{
	const unsigned char *prev = (const unsigned char *) "";
	pathnode	root_copy;
	size_t		i;

	memset(&d->path[0], 0, sizeof(pathnode));
	d->nnodes = 1;				/* slot 0: the root, written at the end */
	if (!rv_grow((void **) &d->nodes, &d->capnodes, 1, sizeof(rvlex_node), 1024))
		goto nomem;
	for (i = 0; i < n; i++)
	{
		const unsigned char *w = words[i];
		size_t		lcp = 0,
					k;

		while (lcp < w[0] && lcp < prev[0] && w[1 + lcp] == prev[1 + lcp])
			lcp++;
		/* record offsets are +1: word[depth] is the symbol into depth */
		if (!dawg_freeze(d, prev, prev[0], lcp))
			goto nomem;
		for (k = lcp; k < w[0]; k++)
		{
			d->path[k].bits |= 1u << w[1 + k];
			memset(&d->path[k + 1], 0, sizeof(pathnode));
		}
		d->path[w[0]].bits |= RVLEX_NODE_FINAL | tags[i];
		d->path[w[0]].freq = cls ? cls[i] : 0;
		prev = w;
	}
	if (!dawg_freeze(d, prev, prev[0], 0))
		goto nomem;
	/* the root is unique (nothing else has its language), so not hashed */
	root_copy = d->path[0];
	if (dawg_append(d, &root_copy) == RV_LEX_NONE)
		goto nomem;
	d->nodes[0] = d->nodes[--d->nnodes];
	d->freq[0] = d->freq[d->nnodes];
	return RV_OK;
nomem:
	rv_seterr(err, "out of memory building the lexicon trie");
	return RV_ENOMEM;
}

void
lexbuild_dawg_free(dawg *d)
{
	rv_free(d->nodes);
	rv_free(d->freq);
	rv_free(d->edges);
	rv_free(d->table);
}

