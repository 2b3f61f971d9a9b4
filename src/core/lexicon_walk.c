/*
 * lexicon_walk.c — questions to the word DAWG of an open lexicon: the
 * candidate search's step-by-step trie walk, word tags and costs, and
 * rv_lex_contains() with Hspell's prefix letters.
 */
#include <string.h>

#include "lexicon_internal.h"

/* ---- the trie walk --------------------------------------------------------- */

rv_lexnode
rv_lex_root(const rv_lexicon *lex)
{
	return lex ? lex->root : RV_LEX_NONE;
}

/* The hot path: one bit test and one popcount, no search. */
rv_lexnode
rv_lex_step(const rv_lexicon *lex, rv_lexnode node, int sym)
{
	uint32_t	bits,
				bit;

	if (node >= lex->nnodes || (unsigned) sym >= RV_SYM_BOUNDARY)
		return RV_LEX_NONE;
	bits = lex->nodes[node].bits;
	bit = 1u << sym;
	if (!(bits & bit))
		return RV_LEX_NONE;
	return lex->edges[lex->nodes[node].first + popcount32(bits & (bit - 1))];
}

int
rv_lex_is_word(const rv_lexicon *lex, rv_lexnode node)
{
	return node < lex->nnodes && (lex->nodes[node].bits & RVLEX_NODE_FINAL) != 0;
}

int
rv_lex_has_common(const rv_lexicon *lex)
{
	return lex->has_common;
}

int
rv_lex_word_tags(const rv_lexicon *lex, rv_lexnode node)
{
	uint32_t	bits;
	int			tags = 0;

	if (!rv_lex_is_word(lex, node))
		return 0;
	bits = lex->nodes[node].bits;
	if (bits & RVLEX_NODE_DICT)
		tags |= RV_LEX_DICT;
	if (bits & RVLEX_NODE_COMMON)
		tags |= RV_LEX_COMMON;
	if (tags == 0)				/* untagged: frequency list only (v3) */
		return lex->version >= 3 ? RV_LEX_FREQ : RV_LEX_DICT;
	return tags;
}

double
rv_lex_word_cost(const rv_lexicon *lex, rv_lexnode node)
{
	int			c;

	if (lex->freq == NULL || node >= lex->nnodes ||
		!(lex->nodes[node].bits & RVLEX_NODE_FINAL) || (c = lex->freq[node]) == 0)
		return -1;
	/* the middle of the class's interval of -log10 f */
	return (c - 0.5) * lex->freq_step;
}

int
rv_lex_has_freq(const rv_lexicon *lex)
{
	return lex->freq != NULL;
}

/* Is the symbol string a stored word? */
static int
lookup(const rv_lexicon *lex, const unsigned char *syms, size_t n)
{
	rv_lexnode	node = lex->root;
	size_t		i;

	for (i = 0; i < n && node != RV_LEX_NONE; i++)
		node = rv_lex_step(lex, node, syms[i]);
	return rv_lex_is_word(lex, node);
}

/* ---- prefix letters -------------------------------------------------------- */

/*
 * Hspell stores words without their prefix letters and lets its affix
 * rules add them.  We accept, ignoring which word takes which prefixes:
 *
 *     prefix = [ו] [S] [F], not empty
 *     S = ש | כש | לכש | מש | שכש | שלכש | שמש        ("that", "when", ...)
 *     F = ב | ה | כ | ל | מ | בכ | כב | ככ | כל | כמ | לכ | מב | מה | מכ
 *         | מל | כמה
 *
 * which is the union of what Hspell's PFX rules allow (a slight superset).
 * As in Hspell, a word that starts with a single ו doubles it behind any
 * prefix but a lone ו: ו + ורד = וורד, but ב + ורד = בוורד.
 */
#define HEB(cp)		((cp) - 0x05D0)	/* symbol of a Hebrew letter */
#define S_BET		HEB(0x05D1)
#define S_HE		HEB(0x05D4)
#define S_VAV		HEB(0x05D5)
#define S_KAF		HEB(0x05DB)
#define S_LAMED		HEB(0x05DC)
#define S_MEM		HEB(0x05DE)
#define S_SHIN		HEB(0x05E9)

static const unsigned char prefix_s[][5] = {
	/* length, then symbols */
	{0},
	{1, S_SHIN},
	{2, S_KAF, S_SHIN},
	{3, S_LAMED, S_KAF, S_SHIN},
	{2, S_MEM, S_SHIN},
	{3, S_SHIN, S_KAF, S_SHIN},
	{4, S_SHIN, S_LAMED, S_KAF, S_SHIN},
	{3, S_SHIN, S_MEM, S_SHIN},
};

static const unsigned char prefix_f[][4] = {
	{0},
	{1, S_BET}, {1, S_HE}, {1, S_KAF}, {1, S_LAMED}, {1, S_MEM},
	{2, S_BET, S_KAF}, {2, S_KAF, S_BET}, {2, S_KAF, S_KAF},
	{2, S_KAF, S_LAMED}, {2, S_KAF, S_MEM}, {2, S_LAMED, S_KAF},
	{2, S_MEM, S_BET}, {2, S_MEM, S_HE}, {2, S_MEM, S_KAF},
	{2, S_MEM, S_LAMED},
	{3, S_KAF, S_MEM, S_HE},
};

#define NELEM(a) (sizeof(a) / sizeof((a)[0]))

/* Does the pattern (length byte + symbols) occur at syms[pos]? */
static int
matches(const unsigned char *pat, const unsigned char *syms, size_t n,
		size_t pos)
{
	return pos + pat[0] <= n && memcmp(syms + pos, pat + 1, pat[0]) == 0;
}

/* Bit p set: syms[0..p) is a legal prefix. */
static uint32_t
prefix_splits(const unsigned char *syms, size_t n)
{
	uint32_t	splits = 0;
	size_t		v,
				s,
				f;

	for (v = 0; v <= (size_t) (n > 0 && syms[0] == S_VAV); v++)
		for (s = 0; s < NELEM(prefix_s); s++)
		{
			if (!matches(prefix_s[s], syms, n, v))
				continue;
			for (f = 0; f < NELEM(prefix_f); f++)
				if (matches(prefix_f[f], syms, n, v + prefix_s[s][0]))
					splits |= 1u << (v + prefix_s[s][0] + prefix_f[f][0]);
		}
	return splits & ~1u;		/* an empty prefix is no prefix */
}

/* Is syms[p..n) a stored word behind the prefix syms[0..p)? */
static int
stem_known(const rv_lexicon *lex, const unsigned char *syms, size_t n,
		   size_t p)
{
	const unsigned char *r = syms + p;
	size_t		rn = n - p;

	if (rn == 0)
		return 0;
	if (r[0] != S_VAV || (p == 1 && syms[0] == S_VAV))	/* no doubling */
		return lookup(lex, r, rn);
	if (rn < 2 || r[1] != S_VAV)	/* a single ו behind a prefix */
		return 0;
	return lookup(lex, r, rn) ||	/* the word starts with וו */
		(rn > 2 && r[2] != S_VAV && lookup(lex, r + 1, rn - 1));
}

#define MAX_PREFIX 6			/* ו + שלכש + ב */

int
rv_lex_contains(const rv_lexicon *lex, const char *utf8, size_t len)
{
	unsigned char syms[RVLEX_MAX_WORD + MAX_PREFIX];
	size_t		n,
				p;
	uint32_t	splits;

	if (lex == NULL || utf8 == NULL)
		return 0;
	n = rv_syms_from_utf8(utf8, len, syms, sizeof(syms));
	if (n == 0)
		return 0;
	if (lookup(lex, syms, n))
		return 1;
	splits = prefix_splits(syms, n);
	for (p = 1; splits >> p; p++)
		if ((splits >> p & 1) && stem_known(lex, syms, n, p))
			return 1;
	return 0;
}

rv_lexnode
rv_lex_lookup(const rv_lexicon *lex, const char *utf8, size_t len)
{
	unsigned char syms[RVLEX_MAX_WORD];
	rv_lexnode	node = lex->root;
	size_t		n = rv_syms_from_utf8(utf8, len, syms, sizeof(syms));

	if (n == 0)
		return RV_LEX_NONE;
	for (size_t i = 0; i < n && node != RV_LEX_NONE; i++)
		node = rv_lex_step(lex, node, syms[i]);
	return node;
}
