/*
 * detect_plain.c — telling the Israeli place-name romanization (Qiryat
 * Ono, Ma'ale Adummim, Sede Boqer) from ALA-LC written without its
 * diacritics.  Neither shows a telling letter in most names, so both
 * readings are spelled and the one the lexicon knows better wins.
 */
#include <string.h>

#include "detect_plain.h"
#include "names.h"
#include "utf8.h"

#define MAX_WORDS 32			/* words compared; the rest follow the choice */

typedef struct reading
{
	int			known;			/* words the lexicon or a word list knows */
	double		cost;			/* summed score of the best spellings */
	uint32_t	hash;			/* of the spellings, to see if both agree */
	int			foreign;		/* words of another language (the, der) */
} reading;

static void
hash_syms(reading *out, const uint8_t *sym, int n)
{
	for (int i = 0; i < n; i++)
		out->hash = (out->hash ^ sym[i]) * 16777619u;
	out->hash = (out->hash ^ 0xFF) * 16777619u;
}

static int
is_plain(const uint32_t *cps, size_t from, size_t to)
{
	int			letters = 0;

	for (size_t i = from; i < to; i++)
	{
		if (cps[i] >= 0x80)
			return 0;
		letters += rv_cp_is_letter(cps[i]);
	}
	return letters > 0;
}

/* One word as standard r reads it: known or not, and its cost. */
static void
read_word(const rv_engine *e, const rv_rules *r, const uint32_t *cps,
		  size_t from, size_t to, rv_search *search, rv_arena *arena,
		  rv_spelling *sp, reading *out)
{
	uint32_t	folded[RV_MAX_WORD];
	int			n = 0;

	const rv_word_entry *hit = rv_names_lookup(e, r, RV_KIND_TITLE, cps, from, to);
	char		word[RV_MAX_WORD * 4 + 1];
	size_t		len = 0;

	if (hit != NULL)
	{
		out->known++;
		out->cost -= RV_BONUS_BOTH;
		hash_syms(out, hit->options[0].sym, hit->options[0].nsym);
		return;
	}
	for (size_t i = from; i < to && n < RV_MAX_WORD; i++)
	{
		uint32_t	f = rv_rules_fold(r, rv_cp_lower(cps[i]));

		if (f == 0)
			continue;
		folded[n++] = f;
		len += rv_utf8_encode(f, word + len);
	}
	word[len] = '\0';
	if (n > 0 && n < RV_MAX_WORD && rv_rules_is_foreign_word(r, word))
		out->foreign++;
	if (n == 0 || n == RV_MAX_WORD ||
		rv_spell_word(search, r, e->lexicon, folded, n, 1, arena, sp) <= 0)
		return;
	out->known += sp[0].in_lexicon;
	out->cost += sp[0].score;
	hash_syms(out, sp[0].sym, sp[0].nsym);
}

/* A chain of hyphenated prefixes (me-, uve-) of r: ALA-LC has them,
 * place names not. */
static int
is_prefix(const rv_rules *r, const uint32_t *cps, size_t from, size_t to)
{
	if (from == to)
		return 1;
	for (uint32_t p = 0; p < r->nprefixes; p++)
	{
		const rv_prefix *pre = &r->prefixes[p];
		size_t		k;

		if (pre->len > to - from)
			continue;
		for (k = 0; k < pre->len; k++)
			if (rv_rules_fold(r, rv_cp_lower(cps[from + k])) != pre->form[k])
				break;
		if (k == pre->len && is_prefix(r, cps, from + k, to))
			return 1;
	}
	return 0;
}

/* mahad. and the like: the standard's abbreviation, period included. */
static int
is_abbreviation(const rv_rules *r, const uint32_t *cps, size_t from, size_t to)
{
	uint32_t	f[RV_MAX_TOKEN];

	if (to - from > RV_MAX_TOKEN)
		return 0;
	for (size_t k = from; k < to; k++)
		f[k - from] = rv_rules_fold(r, rv_cp_lower(cps[k]));
	return rv_rules_abbrev(r, f, (int) (to - from)) != NULL;
}

static void
read_text(const rv_engine *e, const rv_rules *r, const uint32_t *cps,
		  size_t from, size_t to, rv_search *search, rv_arena *arena,
		  rv_spelling *sp, reading *out)
{
	size_t		i = from;
	int			words = 0;

	memset(out, 0, sizeof(*out));
	while (i < to && words < MAX_WORDS)
	{
		size_t		j;

		if (!rv_cp_is_letter(cps[i]))
		{
			i++;
			continue;
		}
		for (j = i; j < to && (rv_cp_is_letter(cps[j]) || cps[j] == '\''); j++)
			;
		if ((j < to && cps[j] == '-' && j > i && j - i <= RV_MAX_TOKEN &&
			 is_prefix(r, cps, i, j)) ||
			(j < to && cps[j] == '.' && is_abbreviation(r, cps, i, j)))
		{
			out->known++;		/* what only this standard's rules read */
			out->cost -= RV_BONUS_BOTH;
		}
		else if (j + 1 < to && cps[j] == '-' && j - i <= 3 &&
				 rv_cp_is_letter(cps[j + 1]) && !rv_cp_is_upper(cps[i]))
			out->cost += RV_BONUS_BOTH;	/* a prefix these rules lack */
		else
			read_word(e, r, cps, i, j, search, arena, sp, out);
		words++;
		i = j;
	}
}

const rv_rules *
rv_detect_plain(const rv_engine *e, const uint32_t *cps, size_t from,
				size_t to, rv_search *search, rv_arena *arena,
				rv_spelling *spellings)
{
	reading		dflt,
				alt;

	if (e->lexicon == NULL || !is_plain(cps, from, to))
		return NULL;
	for (int i = 1; i < e->nrules; i++)
	{
		const rv_rules *r = e->rules[i];

		if (r->words == NULL || !r->words->plain_script)
			continue;
		read_text(e, e->rules[0], cps, from, to, search, arena, spellings, &dflt);
		/* another language (The history of…), or nothing to tell apart */
		if (dflt.foreign > 0)
			return NULL;
		read_text(e, r, cps, from, to, search, arena, spellings, &alt);
		if (alt.hash == dflt.hash)
			return NULL;
		if (alt.known > dflt.known ||
			(alt.known == dflt.known && alt.cost <= dflt.cost + RV_PLAIN_MARGIN))
			return r;
		return NULL;
	}
	return NULL;
}
