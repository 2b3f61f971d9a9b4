/*
 * rules_trie.c — the compiler's growable arrays and its token trie: built
 * as linked nodes while the rule file is read, then flattened into sorted
 * arrays a lookup can binary-search.
 */
#include <stdlib.h>
#include <string.h>

#include "alloc.h"
#include "buf.h"
#include "rules_compiler.h"

void *
rules_push(vec *v)
{
	if (v->len == UINT32_MAX ||
		!rv_grow(&v->data, &v->cap, (size_t) v->len + 1, v->item, 16))
		return NULL;
	return memset((char *) v->data + (size_t) v->len++ * v->item, 0, v->item);
}

int
rules_add_cp(vec *v, uint32_t cp)
{
	uint32_t   *slot = rules_push(v);

	if (slot == NULL)
		return 0;
	*slot = cp;
	return 1;
}

static uint32_t
trie_child(compiler *c, uint32_t node, uint32_t cp, int create)
{
	build_node *nodes = c->nodes.data;
	uint32_t	k;
	build_node *n;

	for (k = nodes[node].first_child; k; k = nodes[k].next_sibling)
		if (nodes[k].cp == cp)
			return k;
	if (!create)
		return 0;
	n = rules_push(&c->nodes);
	if (n == NULL)
		return 0;
	nodes = c->nodes.data;
	n->cp = cp;
	n->next_sibling = nodes[node].first_child;
	nodes[node].first_child = c->nodes.len - 1;
	return c->nodes.len - 1;
}

/* The newest variant goes under the token's trie node, after the token's
 * earlier variants (file order is kept among them). */
rv_status
rules_trie_add_variant(compiler *c, const uint32_t *cps, int n)
{
	build_node *nodes;
	uint32_t	node = 0,
				vi;

	for (int i = 0; i < n; i++)
	{
		node = trie_child(c, node, cps[i], 1);
		if (node == 0)
			return RV_ENOMEM;
		if (!rules_add_cp(&c->alphabet, cps[i]))
			return RV_ENOMEM;
	}
	/* append, keeping file order among a token's variants */
	vi = c->variants.len - 1;
	nodes = c->nodes.data;
	if (nodes[node].last_variant)
		((rv_variant *) c->variants.data)[nodes[node].last_variant].next = vi;
	else
		nodes[node].first_variant = vi;
	nodes[node].last_variant = vi;
	return RV_OK;
}

/* Sort and deduplicate a code point set, moving it into the rules. */
uint32_t *
rules_finish_set(vec *v, uint32_t *n)
{
	uint32_t   *a = v->data;
	uint32_t	k = 0;

	if (v->len)
		qsort(a, v->len, sizeof(uint32_t), rv_rules_cmp_u32);
	for (uint32_t i = 0; i < v->len; i++)
		if (k == 0 || a[k - 1] != a[i])
			a[k++] = a[i];
	*n = k;
	v->data = NULL;
	return a;
}

/* Flatten the linked trie into arrays with children sorted by code point,
 * so a lookup is a binary search. */
rv_status
rules_finish_trie(compiler *c)
{
	rv_rules   *r = c->rules;
	build_node *bn = c->nodes.data;
	uint32_t	nn = c->nodes.len;
	uint32_t	pos = 0;

	r->nodes = rv_alloc0(nn * sizeof(rv_trie_node));
	r->children = rv_alloc0((nn ? nn : 1) * sizeof(rv_trie_child));
	if (r->nodes == NULL || r->children == NULL)
		return RV_ENOMEM;
	for (uint32_t i = 0; i < nn; i++)
	{
		uint32_t	start = pos;

		for (uint32_t k = bn[i].first_child; k; k = bn[k].next_sibling)
		{
			r->children[pos].cp = bn[k].cp;
			r->children[pos].node = k;
			pos++;
		}
		qsort(r->children + start, pos - start, sizeof(rv_trie_child), rv_rules_cmp_u32);
		r->nodes[i].first_child = start;
		r->nodes[i].nchildren = pos - start;
		r->nodes[i].first_variant = bn[i].first_variant;
	}
	r->nnodes = nn;
	r->nchildren = pos;
	return RV_OK;
}
