/*
 * detect_language.c — Hebrew or Yiddish?  Both are romanized with the same
 * letters, often with the same diacritics (older ALA-LC Yiddish writes ḳ ṭ
 * ṿ), so the letters alone do not tell.  Two kinds of evidence, summed:
 *
 *   cues     function words (fun, un, dos), endings (-ung, -keyt, a
 *            syllabic -n) and, against, hyphenated Hebrew prefixes (ha-,
 *            le-): the rule file's "cue" lines;
 *   letters  a word that starts with two consonants (shrayber, Nyu),
 *            diphthongs (~ey ~oy cues);
 *   lexicon  for each of the first words, how much cheaper the language's
 *            rules and lexicon spell it than the Hebrew ones (a name or an imprint
 *            has no function words, but Vilne and Varshe read as Yiddish).
 *
 * The text is taken as that language when the sum reaches the rule file's
 * cue-threshold.
 */
#include <string.h>

#include "alloc.h"
#include "detect_language.h"
#include "utf8.h"

/* Words a text is judged by: enough for any title, bounded work; the
 * lexicon comparison (two searches a word) looks at the first few. */
#define DETECT_MAX_WORDS	24
#define DETECT_LEXICON_WORDS 4
/* One word's lexicon evidence is capped, so a single odd name cannot
 * outvote the rest (its weight and bias come from the rule file). */
#define LEXICON_CAP			3.0

/* The letter under a romanization diacritic (ḳ → k), 0 for alef/ayin signs. */
static uint32_t
base_letter(uint32_t cp)
{
	switch (cp)
	{
		case 0x1E33:			/* ḳ */
			return 'k';
		case 0x1E6D:			/* ṭ */
			return 't';
		case 0x1E7F:			/* ṿ */
			return 'v';
		case 0x1E25:			/* ḥ */
			return 'h';
		case 0x015B:			/* ś */
		case 0x0161:			/* š */
		case 0x1E63:			/* ṣ */
			return 's';
		case 0x1E93:			/* ẓ */
			return 'z';
		case 0x02BE:			/* ʾ */
		case 0x02BF:			/* ʿ */
		case 0x02BC:			/* ʼ */
		case 0x02BB:			/* ʻ */
		case '\'':
			return 0;
	}
	return rv_cp_is_mark(cp) ? 0 : cp;
}

static int
is_letter_like(uint32_t cp)
{
	return rv_cp_is_letter(cp) || rv_cp_is_mark(cp) || cp == '\'' ||
		cp == 0x2019 || (cp >= 0x02B9 && cp <= 0x02BF);
}

/* Cue evidence of one hyphen-separated piece (UTF-8, folded). */
static double
cue_score(const rv_language *lang, const char *piece, int before_hyphen)
{
	size_t		len = strlen(piece);
	double		sum = 0;
	int			ending_done = 0;

	for (int i = 0; i < lang->ncues; i++)
	{
		const rv_cue *cue = &lang->cues[i];
		size_t		cl = cue->len;

		if (cue->kind == RV_CUE_CONTAINS)
		{
			if (strstr(piece, cue->text))
				sum += cue->weight;
			continue;
		}
		if (cue->kind != RV_CUE_ENDING)
		{
			/* a whole word, or a prefix before a hyphen */
			if (cl == len && (cue->kind == RV_CUE_WORD || before_hyphen) &&
				memcmp(piece, cue->text, cl) == 0)
				return cue->weight;
			continue;
		}
		if (!ending_done && len > cl + 2 &&
			memcmp(piece + len - cl, cue->text, cl) == 0)
		{
			sum += cue->weight; /* the first listed ending that fits */
			ending_done = 1;
		}
	}
	return sum;
}

/* How much better the language spells a folded piece than Hebrew does. */
static double
lexicon_score(const rv_engine *e, const rv_rules *lang, const rv_rules *heb,
			  const uint32_t *cps, size_t from, size_t to, rv_search *s,
			  rv_arena *arena)
{
	uint32_t	fl[RV_MAX_WORD],
				fh[RV_MAX_WORD];
	int			nl = 0,
				nh = 0;
	rv_spelling sl,
				sh;
	double		d;

	if (e->lexicon == NULL || rv_engine_lexicon_for(e, lang) == NULL)
		return 0;
	for (size_t i = from; i < to; i++)
	{
		uint32_t	lc = rv_cp_lower(cps[i]);
		uint32_t	a = rv_rules_fold(lang, lc),
					b = rv_rules_fold(heb, lc);

		if (nl == RV_MAX_WORD || nh == RV_MAX_WORD)
			return 0;
		if (a)
			fl[nl++] = a;
		if (b)
			fh[nh++] = b;
	}
	if (nl < 2 || nh < 2 ||
		rv_spell_word(s, lang, rv_engine_lexicon_for(e, lang), fl, nl, 1,
					  arena, &sl) != 1 ||
		rv_spell_word(s, heb, e->lexicon, fh, nh, 1, arena, &sh) != 1)
		return 0;
	d = sh.score - sl.score;
	return d > LEXICON_CAP ? LEXICON_CAP : d < -LEXICON_CAP ? -LEXICON_CAP : d;
}

/* Does a folded word start with two consonants (a digraph is one)? */
static int
initial_cluster(const rv_rules *r, const uint32_t *f, int n)
{
	int			at = 0;

	for (int k = 0; k < 2; k++)
	{
		int			d = at < n ? rv_rules_digraph_at(r, f + at, n - at) : 0;

		if (d)
			at += d;
		else if (at < n && rv_rules_is_consonant(r, f[at]))
			at++;
		else
			return 0;
	}
	return 1;
}

/* Evidence that cps[from..to) is in the language of r: the cues of every
 * word first; the costlier lexicon comparison only when the cues leave the
 * outcome open, and for at most DETECT_LEXICON_WORDS words. */
static void
weigh(const rv_engine *e, const rv_rules *r, const rv_rules *heb,
	  const uint32_t *cps, size_t from, size_t to, rv_search *s,
	  rv_arena *arena, rv_language_evidence *ev)
{
	size_t		i = from;
	size_t		ws[DETECT_MAX_WORDS],
				we[DETECT_MAX_WORDS];
	double		w = r->lang.lexicon_weight,
				b = r->lang.lexicon_bias,
				th = r->lang.cue_threshold;
	int			nlex;

	memset(ev, 0, sizeof(*ev));
	while (i < to && ev->words < DETECT_MAX_WORDS)
	{
		size_t		start = i;
		char		piece[RV_MAX_WORD * 4 + 1];
		uint32_t	folded[RV_MAX_WORD];
		int			nf = 0;
		size_t		len = 0;
		int			alpha = 0;

		if (!is_letter_like(cps[i]))
		{
			i++;
			continue;
		}
		while (i < to && is_letter_like(cps[i]) && len + 4 < sizeof(piece))
		{
			uint32_t	f = base_letter(rv_rules_fold(r, rv_cp_lower(cps[i])));

			if (f && nf < RV_MAX_WORD)
				folded[nf++] = f;
			if (f)
				len += rv_utf8_encode(f, piece + len);
			alpha |= rv_cp_is_letter(cps[i]);
			i++;
		}
		piece[len] = '\0';
		if (!alpha || len == 0 || rv_rules_is_foreign_word(r, piece) ||
			rv_rules_is_foreign_word(heb, piece))
			continue;
		ws[ev->words] = start;
		we[ev->words++] = i;
		ev->cues += cue_score(&r->lang, piece, i < to && cps[i] == '-');
		if (initial_cluster(r, folded, nf))
			ev->cues += r->lang.initial_cluster;
	}
	nlex = ev->words < DETECT_LEXICON_WORDS ? ev->words : DETECT_LEXICON_WORDS;
	ev->total = ev->cues;
	/* no lexicons, no comparison; and each word's term lies in
	 * w * (b ± LEXICON_CAP) */
	if (w <= 0 || e->lexicon == NULL || rv_engine_lexicon_for(e, r) == NULL ||
		ev->cues + nlex * w * (b + LEXICON_CAP) < th ||
		ev->cues + nlex * w * (b - LEXICON_CAP) >= th)
		return;
	for (int k = 0; k < nlex; k++)
		ev->lexicon += lexicon_score(e, r, heb, cps, ws[k], we[k], s, arena) + b;
	ev->total = ev->cues + w * ev->lexicon;
}

const rv_rules *
rv_detect_language(const rv_engine *e, const rv_rules *hebrew,
				   const uint32_t *cps, size_t from, size_t to,
				   rv_search *s, rv_arena *arena, rv_language_evidence *ev)
{
	const rv_rules *best = NULL;
	rv_language_evidence best_ev,
				one;

	memset(&best_ev, 0, sizeof(best_ev));
	if (ev)
		*ev = best_ev;
	/* a Hebrew standard betrayed by its own letters (din1982's ô) is no
	 * romanized Yiddish */
	if (hebrew != NULL && hebrew != e->rules[0])
		return NULL;
	if (hebrew == NULL)
		hebrew = e->rules[0];
	for (int k = 0; k < e->nrules; k++)
	{
		const rv_rules *r = e->rules[k];

		if (r->lang.name[0] == '\0' || r->lang.is_component || r->lang.ncues == 0)
			continue;
		weigh(e, r, hebrew, cps, from, to, s, arena, &one);
		if (one.total >= r->lang.cue_threshold &&
			(best == NULL || one.total > best_ev.total))
		{
			best = r;
			best_ev = one;
		}
		else if (best == NULL)
			best_ev = one;
	}
	if (ev)
		*ev = best_ev;
	return best;
}

rv_status
rv_detect_language_of(const rv_engine *e, const char *text, size_t len,
					  const char **language, double evidence[4], char *err)
{
	uint32_t   *cps;
	size_t		n;
	rv_search  *s;
	rv_arena	arena;
	rv_language_evidence ev;
	const rv_rules *heb,
			   *r;
	rv_status	st;

	if (len > RV_MAX_INPUT_BYTES)
	{
		rv_seterr(err, "input of %zu bytes exceeds the limit of %u bytes",
				  len, RV_MAX_INPUT_BYTES);
		return RV_ETOOLONG;
	}
	st = rv_decode_nfc(text, len, &cps, &n, err);
	if (st != RV_OK)
		return st;
	s = rv_search_new();
	if (s == NULL)
	{
		rv_free(cps);
		rv_seterr(err, "out of memory");
		return RV_ENOMEM;
	}
	rv_arena_init(&arena);
	heb = rv_engine_detect(e, cps, 0, n);
	r = rv_detect_language(e, heb, cps, 0, n, s, &arena, &ev);
	*language = r ? r->lang.name : "hebrew";
	evidence[0] = ev.total;
	evidence[1] = ev.cues;
	evidence[2] = ev.lexicon;
	evidence[3] = ev.words;
	rv_arena_free(&arena);
	rv_search_free(s);
	rv_free(cps);
	return RV_OK;
}

const rv_rules *
rv_detect_text_language(const rv_engine *e, const uint32_t *cps, size_t n,
						rv_search *s, rv_arena *arena)
{
	const rv_rules *r = rv_detect_language(e, rv_engine_detect(e, cps, 0, n),
										   cps, 0, n, s, arena, NULL);

	rv_arena_free(arena);
	return r;
}

const rv_rules *
rv_language_part_standard(const rv_engine *e, const rv_rules *language,
						  const rv_rules *r, const char **label, int *known)
{
	/* only a Latin part in the default standard's letters, or in none */
	if (language == NULL || r != e->rules[0] || strcmp(*label, "not_latin") == 0)
		return r;
	*label = language->name;
	*known = 1;
	return language;
}
