/*
 * rules_lookup.c — the questions the conversion asks of a compiled
 * standard: trie steps, letter classes, folding, markers, abbreviations,
 * expressions.
 */
#include <stdlib.h>
#include <string.h>

#include "interrupt.h"
#include "rules.h"
#include "utf8.h"

/* rv_rules.ascii_class bits */
#define CLASS_CONSONANT	1
#define CLASS_VOWEL		2
#define CLASS_ALPHABET	4
#define CLASS_DIGRAPH	8		/* the first letter of a digraph */

int
rv_rules_cmp_u32(const void *a, const void *b)
{
	uint32_t	x = *(const uint32_t *) a,
				y = *(const uint32_t *) b;

	return x < y ? -1 : x > y;
}

int
rv_rules_cmp_str(const void *a, const void *b)
{
	return strcmp(*(char *const *) a, *(char *const *) b);
}

static int
set_has(const uint32_t *set, uint32_t n, uint32_t cp)
{
	return n && bsearch(&cp, set, n, sizeof(uint32_t), rv_rules_cmp_u32) != NULL;
}

/*
 * The item of a sorted array whose leading uint32_t key is key, or NULL:
 * the trie's children and the character map are both searched this way,
 * inline because the lattice asks for every character of every word.
 */
static inline const void *
find_key(const void *base, uint32_t n, size_t size, uint32_t key)
{
	const char *items = base;
	uint32_t	lo = 0,
				hi = n;

	while (lo < hi)
	{
		uint32_t	mid = lo + (hi - lo) / 2;
		uint32_t	k;

		memcpy(&k, items + (size_t) mid * size, sizeof(k));
		if (k < key)
			lo = mid + 1;
		else
			hi = mid;
	}
	if (lo < n)
	{
		uint32_t	k;

		memcpy(&k, items + (size_t) lo * size, sizeof(k));
		if (k == key)
			return items + (size_t) lo * size;
	}
	return NULL;
}

uint32_t
rv_rules_child(const rv_rules *r, uint32_t node, uint32_t cp)
{
	const rv_trie_node *nd = &r->nodes[node];
	const rv_trie_child *ch = find_key(r->children + nd->first_child,
									   nd->nchildren, sizeof(rv_trie_child),
									   cp);

	return ch ? ch->node : 0;
}

static const char *
foreign_key(const void *items, uint32_t i)
{
	return ((char *const *) items)[i];
}

static void
mark_ascii(rv_rules *r, const uint32_t *set, uint32_t n, uint8_t bit)
{
	for (uint32_t i = 0; i < n; i++)
		if (set[i] < 128)
			r->ascii_class[set[i]] |= bit;
}

static uint32_t fold_by_search(const rv_rules *r, uint32_t cp);

rv_status
rv_rules_index(rv_rules *r)
{
	for (uint32_t cp = 0; cp < 128; cp++)
		r->ascii_fold[cp] = fold_by_search(r, cp);
	memset(r->ascii_class, 0, sizeof(r->ascii_class));
	mark_ascii(r, r->consonants, r->nconsonants, CLASS_CONSONANT);
	mark_ascii(r, r->vowels, r->nvowels, CLASS_VOWEL);
	mark_ascii(r, r->alphabet, r->nalphabet, CLASS_ALPHABET);
	for (uint32_t d = 0; d < r->ndigraphs; d++)
		mark_ascii(r, r->digraphs[d], 1, CLASS_DIGRAPH);
	return rv_strhash_build(&r->foreign_hash, r->foreign_words, r->nforeign,
							foreign_key);
}

int
rv_rules_is_consonant(const rv_rules *r, uint32_t cp)
{
	if (cp < 128)
		return (r->ascii_class[cp] & CLASS_CONSONANT) != 0;
	return set_has(r->consonants, r->nconsonants, cp);
}

int
rv_rules_digraph_at(const rv_rules *r, const uint32_t *cps, int n)
{
	if (n <= 0 || (cps[0] < 128 && !(r->ascii_class[cps[0]] & CLASS_DIGRAPH)))
		return 0;
	for (uint32_t d = 0; d < r->ndigraphs; d++)
	{
		int			len = r->digraph_len[d];

		/* first letters first: most places start no digraph */
		if (len <= n && r->digraphs[d][0] == cps[0] &&
			memcmp(r->digraphs[d], cps, (size_t) len * sizeof(uint32_t)) == 0)
			return len;
	}
	return 0;
}

int
rv_rules_is_vowel(const rv_rules *r, uint32_t cp)
{
	if (cp < 128)
		return (r->ascii_class[cp] & CLASS_VOWEL) != 0;
	return set_has(r->vowels, r->nvowels, cp);
}

int
rv_rules_in_alphabet(const rv_rules *r, uint32_t cp)
{
	if (cp < 128)
		return (r->ascii_class[cp] & CLASS_ALPHABET) != 0;
	return set_has(r->alphabet, r->nalphabet, cp);
}

int
rv_rules_is_foreign_word(const rv_rules *r, const char *utf8)
{
	return r->nforeign &&
		rv_strhash_find(&r->foreign_hash, r->foreign_words, foreign_key, utf8) >= 0;
}

static uint32_t
fold_by_search(const rv_rules *r, uint32_t cp)
{
	const rv_charmap *m = find_key(r->charmap, r->ncharmap,
								   sizeof(rv_charmap), cp);

	return m ? m->to : cp;
}

uint32_t
rv_rules_fold(const rv_rules *r, uint32_t cp)
{
	return cp < 128 ? r->ascii_fold[cp] : fold_by_search(r, cp);
}

double
rv_rules_marker_score(const rv_rules *r, const uint32_t *cps, size_t n)
{
	double		score = 0;

	for (size_t i = 0; i < n; i++)
	{
		uint32_t	f = rv_rules_fold(r, rv_cp_lower(cps[i]));

		rv_interrupt_tick();	/* a whole text: cancel (interrupt.h) */
		for (uint32_t m = 0; m < r->nmarkers; m++)
			if (r->markers[m].cp == f || r->markers[m].cp == cps[i])
			{
				score += r->markers[m].weight;
				break;
			}
	}
	return score;
}

const rv_abbrev *
rv_rules_abbrev(const rv_rules *r, const uint32_t *f, int n)
{
	for (uint32_t i = 0; i < r->nabbrevs; i++)
		if (r->abbrevs[i].len == n &&
			memcmp(r->abbrevs[i].form, f, (size_t) n * sizeof(uint32_t)) == 0)
			return &r->abbrevs[i];
	return NULL;
}

static int
sorted_has(const uint64_t *set, uint32_t n, uint64_t key)
{
	uint32_t	lo = 0,
				hi = n;

	while (lo < hi)
	{
		uint32_t	mid = lo + (hi - lo) / 2;

		if (set[mid] == key)
			return 1;
		if (set[mid] < key)
			lo = mid + 1;
		else
			hi = mid;
	}
	return 0;
}

int
rv_rules_expression_pair(const rv_rules *r, uint64_t first, uint64_t second)
{
	return sorted_has(r->expr_keys, r->nexpr_keys, rv_expr_key(first, second));
}

int
rv_rules_expression_word(const rv_rules *r, uint64_t hash, int second)
{
	return second ? sorted_has(r->expr_seconds, r->nexpr_seconds, hash) :
		sorted_has(r->expr_firsts, r->nexpr_firsts, hash);
}
