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
#include "interrupt.h"
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

/* ʹ ʻ ʼ ʾ ʿ are modifier letters, which ICU counts as letters already. */
static int
is_letter_like(uint32_t cp)
{
	if (cp < 0x80)				/* most of a romanized text */
		return ((cp | 0x20) >= 'a' && (cp | 0x20) <= 'z') || cp == '\'';
	return rv_cp_is_letter(cp) || rv_cp_is_mark(cp) || cp == '\'' ||
		cp == 0x2019;
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

/* Can lexicon terms of the remaining words, each within w * (b ± CAP),
 * still carry total across the threshold? */
static int
lexicon_open(double total, int remaining, double w, double b, double th)
{
	return total + remaining * w * (b + LEXICON_CAP) >= th &&
		total + remaining * w * (b - LEXICON_CAP) < th;
}

/*
 * The lexicon comparison of the first words (ws/we), which only confirms or
 * overturns the cues: it is run when they reach the rule file's FROM (a
 * name or a title with no cue stays Hebrew without a search), and stopped
 * as soon as the remaining words cannot change the outcome; full weighs
 * every word (the evidence "revrit detect --verbose" reports).
 */
static void
weigh_lexicon(const rv_engine *e, const rv_rules *r, const rv_rules *heb,
			  const uint32_t *cps, const size_t *ws, const size_t *we,
			  const uint8_t *hebrew_word, int full, rv_search *s,
			  rv_arena *arena, rv_language_evidence *ev)
{
	double		w = r->lang.lexicon_weight,
				b = r->lang.lexicon_bias,
				th = r->lang.cue_threshold;
	int			nlex = ev->words < DETECT_LEXICON_WORDS ? ev->words :
		DETECT_LEXICON_WORDS;
	/* a word ALA-LC marks as Hebrew (ḥ ś ʼ ʻ) is spelled the Hebrew way
	 * in either language, this one reaching it through its merged
	 * component at that component's extra cost: that cost, within the
	 * cap, is all a comparison would show, so it is taken without one */
	double		marked_cost = r->lang.component_other < LEXICON_CAP ?
		r->lang.component_other : LEXICON_CAP;

	ev->total = ev->cues;
	if (w <= 0 || e->lexicon == NULL || rv_engine_lexicon_for(e, r) == NULL ||
		(!full && ev->cues < r->lang.lexicon_from))
		return;
	for (int k = 0; k < nlex; k++)
	{
		if (!full && !lexicon_open(ev->cues + w * ev->lexicon, nlex - k, w, b, th))
			break;				/* decided: the total is partial */
		ev->lexicon += b + (hebrew_word[k] ? -marked_cost :
							lexicon_score(e, r, heb, cps, ws[k], we[k], s, arena));
	}
	if (ev->cues >= r->lang.lexicon_from)
		ev->total = ev->cues + w * ev->lexicon;
}

/* Evidence that cps[from..to) is in the language of r: the cues of every
 * word, then the lexicon comparison of the first few. */
static void
weigh(const rv_engine *e, const rv_rules *r, const rv_rules *heb,
	  const uint32_t *cps, size_t from, size_t to, int full, rv_search *s,
	  rv_arena *arena, rv_language_evidence *ev)
{
	size_t		i = from;
	size_t		ws[DETECT_MAX_WORDS],
				we[DETECT_MAX_WORDS];
	uint8_t		hebrew_word[DETECT_MAX_WORDS];

	memset(ev, 0, sizeof(*ev));
	while (i < to && ev->words < DETECT_MAX_WORDS)
	{
		size_t		start = i;
		char		piece[RV_MAX_WORD * 4 + 1];
		uint32_t	folded[RV_MAX_WORD];
		int			nf = 0;
		size_t		len = 0;
		int			alpha = 0;
		int			marked = 0;

		rv_interrupt_tick();	/* a whole text: cancel (interrupt.h) */
		if (!is_letter_like(cps[i]))
		{
			i++;
			continue;
		}
		while (i < to && is_letter_like(cps[i]) && len + 4 < sizeof(piece))
		{
			uint32_t	g = rv_rules_fold(r, rv_cp_lower(cps[i]));
			uint32_t	f = base_letter(g);

			for (int m = 0; m < r->lang.ncomponent_marks; m++)
				marked |= g == r->lang.component_marks[m];

			if (f && nf < RV_MAX_WORD)
				folded[nf++] = f;
			if (f)
				len += rv_utf8_encode(f, piece + len);
			alpha |= rv_cp_is_letter(cps[i]);
			i++;
		}
		piece[len] = '\0';
		/* a word of another language to both, not counted; Hebrew's
		 * foreign words (in, der, mit) may be this language's cues */
		if (!alpha || len == 0 || rv_rules_is_foreign_word(r, piece) ||
			(rv_rules_is_foreign_word(heb, piece) &&
			 !rv_language_is_cue_word(&r->lang, piece, len)))
			continue;
		ws[ev->words] = start;
		hebrew_word[ev->words] = marked;
		we[ev->words++] = i;
		ev->cues += rv_language_cue_score(&r->lang, piece, len,
										  i < to && cps[i] == '-');
		/* a word marked as Hebrew (Ḥayim) is no Yiddish phonetics */
		if (!marked && initial_cluster(r, folded, nf))
			ev->cues += r->lang.initial_cluster;
	}
	weigh_lexicon(e, r, heb, cps, ws, we, hebrew_word, full, s, arena, ev);
}

static const rv_rules *
detect(const rv_engine *e, const rv_rules *hebrew, const uint32_t *cps,
	   size_t from, size_t to, int full, rv_search *s, rv_arena *arena,
	   rv_language_evidence *ev)
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
		weigh(e, r, hebrew, cps, from, to, full, s, arena, &one);
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

const rv_rules *
rv_detect_language(const rv_engine *e, const rv_rules *hebrew,
				   const uint32_t *cps, size_t from, size_t to,
				   rv_search *s, rv_arena *arena, rv_language_evidence *ev)
{
	return detect(e, hebrew, cps, from, to, 0, s, arena, ev);
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
	r = detect(e, heb, cps, 0, n, 1, s, &arena, &ev);
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
rv_detect_text_language(const rv_engine *e, const rv_rules *hebrew,
						const uint32_t *cps, size_t n, rv_search *s,
						rv_arena *arena)
{
	const rv_rules *r = rv_detect_language(e, hebrew, cps, 0, n, s, arena, NULL);

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
