/*
 * detect_plain.c — telling the Israeli place-name romanization (Qiryat
 * Ono, Ma'ale Adummim, Sede Boqer) from ALA-LC written without its
 * diacritics.  Neither shows a telling letter in most names, so both
 * readings are spelled and the one the lexicon knows better wins.  That
 * costs a search per word and standard, so it is done only for a part
 * with a cue of the standard, and the spellings are kept for conversion.
 */
#include <string.h>

#include "detect_plain.h"
#include "names.h"
#include "utf8.h"

typedef struct reading
{
	int			known;			/* words the lexicon or a word list knows */
	double		cost;			/* summed score of the best spellings */
	uint32_t	hash;			/* of the spellings, to see if both agree */
	int			foreign;		/* words of another language (the, der) */
} reading;

/* What one comparison reads with. */
typedef struct plain_ctx
{
	const rv_engine *e;
	const uint32_t *cps;
	rv_search  *search;
	rv_arena   *arena;
	rv_spelling *sp;
	rv_plain_memo *memo;
} plain_ctx;

/* Word k's spelling into the part's hash: a sum, so the words may be
 * added in any order and two readings that agree word by word agree. */
static void
hash_syms(reading *out, int k, const uint8_t *sym, int n)
{
	uint32_t	h = 2166136261u ^ (uint32_t) k;

	for (int i = 0; i < n; i++)
		h = (h ^ sym[i]) * 16777619u;
	out->hash += (h ^ 0xFF) * 16777619u;
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

/* Conversion spells a word of r as rv_spell_word does here (k = 1) when
 * r has no merged component and reads with the engine's lexicon. */
static int
memo_applies(const rv_engine *e, const rv_rules *r)
{
	return r->lang.component[0] == '\0' && rv_engine_lexicon_for(e, r) == e->lexicon;
}

static void
memo_keep(rv_plain_memo *m, const rv_rules *r, size_t from, size_t to,
		  const rv_spelling *sp)
{
	rv_plain_word *w;

	/* (the rule options of a traced spelling are in the scratch arena) */
	if (m == NULL || m->nwords == 2 * RV_PLAIN_MAX_WORDS ||
		sp->nsym > RV_PLAIN_MEMO_SYMS - m->nsyms || sp->opts != NULL)
		return;
	w = &m->words[m->nwords++];
	w->rules = r;
	w->start = from;
	w->end = to;
	w->sp = *sp;
	w->sp.sym = m->syms + m->nsyms;
	memcpy(w->sp.sym, sp->sym, (size_t) sp->nsym);
	m->nsyms += sp->nsym;
}

const rv_spelling *
rv_plain_memo_find(const rv_plain_memo *m, const rv_rules *r, size_t start,
				   size_t end)
{
	for (int i = 0; i < m->nwords; i++)
		if (m->words[i].rules == r && m->words[i].start == start &&
			m->words[i].end == end)
			return &m->words[i].sp;
	return NULL;
}

/* One word's reading by one standard, to add to the part's. */
typedef struct word_reading
{
	int			known;
	double		cost;
	const uint8_t *sym;			/* NULL: no spelling */
	int			nsym;
	int			foreign;
} word_reading;

static void
add_reading(reading *out, int k, const word_reading *w)
{
	out->known += w->known;
	out->cost += w->cost;
	out->foreign += w->foreign;
	if (w->sym)
		hash_syms(out, k, w->sym, w->nsym);
}

/* One word as standard r reads it: known or not, and its cost. */
static void
read_word(const plain_ctx *x, const rv_rules *r, size_t from, size_t to,
		  word_reading *out)
{
	const uint32_t *cps = x->cps;
	uint32_t	folded[RV_MAX_WORD];
	int			n = 0;

	const rv_word_entry *hit = rv_names_lookup(x->e, r, RV_KIND_TITLE, cps, from, to);
	char		word[RV_MAX_WORD * 4 + 1];
	size_t		len = 0;

	memset(out, 0, sizeof(*out));
	if (hit != NULL)
	{
		out->known = 1;
		out->cost = -RV_BONUS_BOTH;
		out->sym = hit->options[0].sym;
		out->nsym = hit->options[0].nsym;
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
	out->foreign = n > 0 && n < RV_MAX_WORD && rv_rules_is_foreign_word(r, word);
	if (n == 0 || n == RV_MAX_WORD ||
		rv_spell_word(x->search, r, x->e->lexicon, folded, n, 1, x->arena,
					  x->sp) <= 0)
		return;
	if (memo_applies(x->e, r))
		memo_keep(x->memo, r, from, to, &x->sp[0]);
	out->known = x->sp[0].in_lexicon;
	out->cost = x->sp[0].score;
	out->sym = x->sp[0].sym;
	out->nsym = x->sp[0].nsym;
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

/* How standard r takes the word cps[i..j): 0 a word to spell, 1 its own
 * hyphenated prefix or abbreviation (what only its rules read), -1 a short
 * hyphenated prefix it lacks. */
static int
word_shape(const rv_rules *r, const uint32_t *cps, size_t i, size_t j,
		   size_t to)
{
	if ((j < to && cps[j] == '-' && j > i && j - i <= RV_MAX_TOKEN &&
		 is_prefix(r, cps, i, j)) ||
		(j < to && cps[j] == '.' && is_abbreviation(r, cps, i, j)))
		return 1;
	if (j + 1 < to && cps[j] == '-' && j - i <= 3 &&
		rv_cp_is_letter(cps[j + 1]) && !rv_cp_is_upper(cps[i]))
		return -1;
	return 0;
}

static void
add_shape(reading *out, int shape)
{
	if (shape > 0)
		out->known++;
	out->cost += shape > 0 ? -RV_BONUS_BOTH : RV_BONUS_BOTH;
}

static uint32_t
ascii_lower(uint32_t cp)
{
	return cp >= 'A' && cp <= 'Z' ? cp + ('a' - 'A') : cp;
}

/*
 * Does the word cps[i..j) show a sign of plain-script standard r that
 * default standard d written without diacritics does not?  2, a strong
 * one: a marker letter of r's rule file (q w), ' for alef or ayin inside
 * the word, a consonant doubled for a dagesh (Sukkot), a prefix joined to
 * a capital (HaSharon) where r says camel-prefixes, one of r's generic
 * words (Qiryat, Kefar, Giv'at).  1, a weak one: a cue letter of r's
 * plain-script line (h for ח, z for צ) outside d's digraphs, a vowel
 * starting the word (r does not write an initial ayin, d writes ʻ) or
 * ending it (r does not write a silent final he, d writes h).  0: none.
 */
static int
word_cue(const rv_rules *d, const rv_rules *r, const uint32_t *cps,
		 size_t i, size_t j)
{
	char		key[RV_WL_MAX_KEY];
	uint32_t	f[RV_MAX_WORD];
	int			n = 0,
				weak = 0;

	for (size_t k = i; k < j && n < RV_MAX_WORD; k++)
		f[n++] = ascii_lower(cps[k]);
	if (n == 0)
		return 0;
	for (int k = 0; k < n; k++)
	{
		int			dg = rv_rules_digraph_at(d, f + k, n - k);

		for (uint32_t m = 0; m < r->nmarkers; m++)
			if (r->markers[m].cp == f[k])
				return 2;
		if ((f[k] == '\'' && k > 0 && k + 1 < n) ||
			(k + 1 < n && f[k + 1] == f[k] && f[k] != '\'' &&
			 rv_rules_is_consonant(r, f[k])))
			return 2;
		if (r->camel_prefixes && k > 0 && rv_cp_is_upper(cps[i + k]) &&
			!rv_cp_is_upper(cps[i + k - 1]) && is_prefix(r, cps, i, i + k))
			return 2;
		if (dg > 0)
			k += dg - 1;
		else if (strchr(r->words->plain_cues, (int) f[k]) != NULL &&
				 !(k > 0 && k + 1 == n && rv_rules_is_vowel(d, f[k - 1])))
			weak = 1;
	}
	if (rv_wordlist_key(cps, i, j, key) && rv_wordlist_find(r->words, key) != NULL)
		return 2;
	return weak || rv_rules_is_vowel(r, f[0]) ||
		(n > 1 && rv_rules_is_vowel(r, f[n - 1]) && f[n - 1] != 'i' &&
		 f[n - 1] != 'u');
}

/* A word of the part: where it is, and the cue of r it shows. */
typedef struct part_word
{
	size_t		start,
				end;
	int			index;			/* among the part's words */
	int			cue;			/* word_cue */
} part_word;

/*
 * The part's words (letters and ', at most RV_PLAIN_MAX_WORDS: the rest
 * are not compared) with their cues of r into w; returns how many, and
 * the strongest cue in *strongest (0: no comparison is worth its searches).
 */
static int
scan_words(const rv_rules *d, const rv_rules *r, const uint32_t *cps,
		   size_t from, size_t to, part_word *w, int *strongest)
{
	size_t		i = from;
	int			n = 0;

	*strongest = 0;
	while (i < to && n < RV_PLAIN_MAX_WORDS)
	{
		size_t		j;

		if (!rv_cp_is_letter(cps[i]))
		{
			i++;
			continue;
		}
		for (j = i; j < to && (rv_cp_is_letter(cps[j]) || cps[j] == '\''); j++)
			;
		w[n].start = i;
		w[n].end = j;
		w[n].index = n;
		w[n].cue = word_cue(d, r, cps, i, j);
		if (w[n].cue > *strongest)
			*strongest = w[n].cue;
		n++;
		i = j;
	}
	return n;
}

/*
 * The part's n words w read by default standard d: every word (conversion
 * keeps the spellings when d wins), into *dflt; *alt gets what r reads
 * alike (its own prefixes; words without a cue of r unless all, as for a
 * part with a strong cue: Kefar Pines is read all the Israeli way).  The
 * words r must read itself go into own; returns how many.
 */
static int
read_default(const plain_ctx *x, const rv_rules *d, const rv_rules *r,
			 size_t to, int all, const part_word *w, int n, reading *dflt,
			 reading *alt, part_word *own)
{
	int			nown = 0;

	for (int k = 0; k < n; k++)
	{
		size_t		i = w[k].start,
					j = w[k].end;
		int			sd = word_shape(d, x->cps, i, j, to),
					sr = word_shape(r, x->cps, i, j, to);
		word_reading wd;

		if (sd != 0)
			add_shape(dflt, sd);
		else
		{
			read_word(x, d, i, j, &wd);
			add_reading(dflt, k, &wd);
		}
		if (sr != 0)
			add_shape(alt, sr);
		else if (sd == 0 && !all && w[k].cue == 0)
			add_reading(alt, k, &wd);
		else
			own[nown++] = w[k];
	}
	return nown;
}

/*
 * The words r reads itself, in order, into *alt.  Stops, leaving
 * alt->known below dflt_known, once the words left cannot bring r up to
 * the default's count of known words (the default wins then whatever the
 * costs).
 */
static void
read_own(const plain_ctx *x, const rv_rules *r, const part_word *w, int n,
		 int dflt_known, reading *alt)
{
	for (int k = 0; k < n; k++)
	{
		word_reading wr;

		if (alt->known + (n - k) < dflt_known)
			return;
		read_word(x, r, w[k].start, w[k].end, &wr);
		add_reading(alt, w[k].index, &wr);
	}
}

static const rv_rules *
plain_standard(const rv_engine *e)
{
	for (int i = 1; i < e->nrules; i++)
		if (e->rules[i]->words != NULL && e->rules[i]->words->plain_script)
			return e->rules[i];
	return NULL;
}

const rv_rules *
rv_detect_plain(const rv_engine *e, const uint32_t *cps, size_t from,
				size_t to, rv_search *search, rv_arena *arena,
				rv_spelling *spellings, rv_plain_memo *memo)
{
	plain_ctx	x = {e, cps, search, arena, spellings, memo};
	const rv_rules *r = plain_standard(e);
	reading		dflt,
				alt;
	part_word	words[RV_PLAIN_MAX_WORDS],
				own[RV_PLAIN_MAX_WORDS];
	int			nwords,
				nown,
				cue;

	if (memo)
		memo->nwords = memo->nsyms = 0;
	if (r == NULL || e->lexicon == NULL || !is_plain(cps, from, to))
		return NULL;
	nwords = scan_words(e->rules[0], r, cps, from, to, words, &cue);
	if (cue == 0)
		return NULL;
	memset(&dflt, 0, sizeof(dflt));
	memset(&alt, 0, sizeof(alt));
	nown = read_default(&x, e->rules[0], r, to, cue == 2, words, nwords,
						&dflt, &alt, own);
	/* another language (The history of…) */
	if (dflt.foreign > 0)
		return NULL;
	read_own(&x, r, own, nown, dflt.known, &alt);
	/* nothing to tell apart */
	if (alt.hash == dflt.hash)
		return NULL;
	if (alt.known > dflt.known ||
		(alt.known == dflt.known && alt.cost <= dflt.cost + RV_PLAIN_MARGIN))
		return r;
	return NULL;
}
