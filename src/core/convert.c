/*
 * convert.c — text-level conversion: split a field into its ISBD parts,
 * choose each part's standard, find the romanized words, split off their
 * hyphenated prefixes, spell each word through the lattice and put the
 * Hebrew in place of the Latin, keeping everything else (spaces,
 * punctuation, digits, brackets, Hebrew, foreign words) where it was.
 */
#include <stdio.h>
#include <string.h>

#include "alloc.h"
#include "buf.h"
#include "context.h"
#include "engine.h"
#include "isbd.h"
#include "lattice.h"
#include "lexicon.h"
#include "numerals.h"
#include "report.h"
#include "rules.h"
#include "utf8.h"

#define RV_MAX_PARTS		16	/* hyphenated parts handled in one word */
#define RV_MAX_SPANS		64	/* ISBD parts handled in one text */

#define CP_MAQAF			0x05BE
#define CP_GERESH			0x05F3
#define CP_GERSHAYIM		0x05F4

/* State of one rv_convert / rv_candidates / rv_analyze call. */
typedef struct conv
{
	const rv_engine *engine;
	const rv_rules *rules;		/* of the current ISBD part */
	const rv_options *opt;
	const uint32_t *cps;		/* the NFC text */
	size_t		n;
	rv_buf		out;
	rv_search  *search;
	rv_arena	arena;
	rv_spelling *spellings;		/* search_k slots */
	int			k;				/* candidates reported per word */
	int			search_k;		/* candidates searched: k, or more for context */
	rv_context	context;		/* the current part's words (context.c) */
	rv_candidate_fn fn;			/* rv_candidates */
	void	   *fn_arg;
	rv_report  *report;			/* rv_analyze */
	int			word_no;
	int			stop;
	int			oom;
} conv;

/* One hyphen-separated part of a word, folded for matching. */
typedef struct part
{
	size_t		start,
				end;			/* in conv.cps, as written */
	uint32_t	folded[RV_MAX_WORD];
	int			nfolded;
	int			too_long;
	int			alien;			/* has a character the standard lacks */
	int			foreign;		/* alien, or a known foreign word */
} part;

static void
put_sym(conv *c, rv_buf *b, int sym)
{
	int			ascii = c->opt->marks == RV_MARKS_ASCII;

	if (sym < 27)
		rv_buf_put_cp(b, 0x05D0 + (uint32_t) sym);
	else if (sym == RV_SYM_GERESH)
		rv_buf_put_cp(b, ascii ? '\'' : CP_GERESH);
	else if (sym == RV_SYM_GERSHAYIM)
		rv_buf_put_cp(b, ascii ? '"' : CP_GERSHAYIM);
}

static void
put_syms(conv *c, rv_buf *b, const uint8_t *sym, int n)
{
	for (int i = 0; i < n; i++)
		put_sym(c, b, sym[i]);
}

/* rv_ctx_render and rv_ctx_spell for the joint choice of a part's words */
static void
render_syms(void *arg, rv_buf *b, const uint8_t *sym, int n)
{
	put_syms((conv *) arg, b, sym, n);
}

static int
respell(void *arg, const uint32_t *folded, int n, int k, rv_spelling **out)
{
	conv	   *c = arg;

	rv_arena_free(&c->arena);
	*out = c->spellings;
	return rv_spell_word(c->search, c->rules, c->engine->lexicon, folded, n,
						 k < c->search_k ? k : c->search_k, &c->arena,
						 c->spellings);
}

static void
put_cps(rv_buf *b, const uint32_t *cps, size_t from, size_t to)
{
	for (size_t i = from; i < to; i++)
		rv_buf_put_cp(b, cps[i]);
}

/* A span of the input as a fresh UTF-8 string (NULL: out of memory). */
static char *
span_utf8(conv *c, size_t from, size_t to)
{
	rv_buf		b;
	char	   *s;

	rv_buf_init(&b);
	put_cps(&b, c->cps, from, to);
	s = rv_buf_take(&b, NULL);
	if (s == NULL)
		c->oom = 1;
	return s;
}

static int
is_hyphen(uint32_t cp)
{
	return cp == '-' || cp == 0x2010 || cp == 0x2011;
}

/* Can this character belong to a romanized word? */
static int
is_word_char(const rv_rules *r, uint32_t cp)
{
	uint32_t	f;

	if (rv_cp_is_hebrew(cp) || rv_cp_is_digit(cp))
		return 0;
	if (rv_cp_is_letter(cp) || rv_cp_is_mark(cp))
		return 1;
	f = rv_rules_fold(r, rv_cp_lower(cp));
	return f != 0 && rv_rules_in_alphabet(r, f) && !rv_cp_is_space(cp);
}

/* Quote marks that are also alef/ayin signs: a word wrapped in them is
 * quoted, and one trailing is closing punctuation. */
static int
is_quote_like(const rv_rules *r, uint32_t cp)
{
	return !rv_cp_is_letter(cp) && is_word_char(r, cp);
}

/* Fold a part for matching: lower case, then the standard's char map. */
static void
fold_part(conv *c, part *p)
{
	const rv_rules *r = c->rules;
	char		word[RV_MAX_WORD * 4 + 1];
	size_t		len = 0;

	p->nfolded = 0;
	p->too_long = p->alien = p->foreign = 0;
	for (size_t i = p->start; i < p->end; i++)
	{
		uint32_t	f = rv_rules_fold(r, rv_cp_lower(c->cps[i]));

		if (f == 0)
			continue;
		if (p->nfolded == RV_MAX_WORD)
		{
			p->too_long = 1;
			return;
		}
		if (!rv_rules_in_alphabet(r, f))
			p->alien = p->foreign = 1;
		p->folded[p->nfolded++] = f;
		len += rv_utf8_encode(f, word + len);
	}
	word[len] = '\0';
	if (!p->foreign && p->nfolded > 0)
		p->foreign = rv_rules_is_foreign_word(r, word);
}

/*
 * Is the folded part a chain of prefixes (ha, u, ṿe, uve, she-be...)?
 * Appends its Hebrew; the first prefix of a chain may differ from a later.
 */
static int
parse_prefix_chain(const rv_rules *r, const uint32_t *f, int n, int later,
				   uint8_t *sym, int *nsym, int max)
{
	if (n == 0)
		return later;			/* at least one prefix */
	for (uint32_t i = 0; i < r->nprefixes; i++)
	{
		const rv_prefix *p = &r->prefixes[i];
		const uint8_t *h = later ? p->later : p->first;
		int			nh = later ? p->nlater : p->nfirst;

		if (p->len > n || *nsym + nh > max ||
			memcmp(p->form, f, p->len * sizeof(uint32_t)) != 0)
			continue;
		memcpy(sym + *nsym, h, (size_t) nh);
		*nsym += nh;
		if (parse_prefix_chain(r, f + p->len, n - p->len, 1, sym, nsym, max))
			return 1;
		*nsym -= nh;
	}
	return 0;
}

/* The found spellings as strings, prefix letters included. */
static char **
spelled_strings(conv *c, int nfound, const uint8_t *psym, int npsym)
{
	char	  **s = rv_arena_alloc(&c->arena, (size_t) nfound * sizeof(char *));

	if (s == NULL)
	{
		c->oom = 1;
		return NULL;
	}
	for (int i = 0; i < nfound; i++)
	{
		rv_buf		b;

		rv_buf_init(&b);
		put_syms(c, &b, psym, npsym);
		put_syms(c, &b, c->spellings[i].sym, c->spellings[i].nsym);
		if (b.failed || (s[i] = rv_arena_alloc(&c->arena, b.len + 1)) == NULL)
		{
			rv_buf_free(&b);
			c->oom = 1;
			return NULL;
		}
		memcpy(s[i], b.data ? b.data : "", b.len + 1);
		rv_buf_free(&b);
	}
	return s;
}

/* Tell rv_candidates' callback and rv_analyze's report about a word. */
static void
describe_word(conv *c, size_t from, size_t to, int nfound, int foreign,
			  const uint8_t *psym, int npsym)
{
	char	   *roman;
	char	  **heb = NULL;
	double		scores[64];

	if (c->fn == NULL && c->report == NULL)
		return;
	roman = span_utf8(c, from, to);
	if (roman == NULL)
		return;
	if (nfound > 0)
		heb = spelled_strings(c, nfound, psym, npsym);
	if (nfound > 0 && heb == NULL)
	{
		rv_free(roman);
		return;
	}
	for (int i = 0; c->fn && i < nfound && !c->stop; i++)
	{
		const rv_spelling *sp = &c->spellings[i];
		rv_candidate cand;

		cand.word = c->word_no;
		cand.rank = i + 1;
		cand.roman = roman;
		cand.hebrew = heb[i];
		cand.score = sp->score;
		cand.rule_cost = sp->rule_cost;
		cand.char_cost = sp->char_cost;
		cand.lexicon_bonus = sp->lexicon_bonus;
		cand.in_lexicon = sp->in_lexicon;
		if (c->fn(&cand, c->fn_arg))
			c->stop = 1;
	}
	if (c->report)
	{
		int			nalt = nfound < 64 ? nfound : 64;

		for (int i = 0; i < nalt; i++)
			scores[i] = c->spellings[i].score;
		rv_report_word(c->report, roman, (const char *const *) heb, scores,
					   nalt, nalt > 0 && c->spellings[0].in_lexicon, foreign);
	}
	rv_free(roman);
}

/* Spell a base part (after its prefixes); returns 0 if it stays Latin.  An
 * initial (Sh., Ts.) spells letters, not a word: no lexicon for it. */
static int
convert_base(conv *c, size_t unit_start, const part *base,
			 const uint8_t *psym, int npsym, int initial)
{
	int			found = 0;
	size_t		at = c->out.len;

	c->word_no++;
	if (!base->foreign && !base->too_long && base->nfolded > 0)
		found = rv_spell_word(c->search, c->rules,
							  initial ? NULL : c->engine->lexicon,
							  base->folded, base->nfolded, c->k, &c->arena,
							  c->spellings);
	if (found < 0)
	{
		c->oom = 1;
		return 0;
	}
	describe_word(c, unit_start, base->end, found, base->foreign, psym, npsym);
	if (found == 0)
		return 0;
	put_syms(c, &c->out, psym, npsym);
	put_syms(c, &c->out, c->spellings[0].sym, c->spellings[0].nsym);
	if (!initial && rv_context_wanted(c->rules) &&
		!rv_context_add(&c->context, at, c->out.len, psym, npsym,
						c->spellings, found, base->folded, base->nfolded))
		c->oom = 1;
	return 1;
}

/* "mahad." and the like: the standard's abbreviation, period included. */
static int
convert_abbreviation(conv *c, const part *p)
{
	const rv_abbrev *a;

	if (p->foreign || p->too_long)
		return 0;
	a = rv_rules_abbrev(c->rules, p->folded, p->nfolded);
	if (a == NULL)
		return 0;
	c->word_no++;
	put_syms(c, &c->out, a->sym, a->nsym);
	return 1;
}

/*
 * Standards that write the article and prepositions joined to a capital
 * (HaNer, LeZiyyon): where does such a prefix end in cps[from..to)?  0 if
 * the word does not start with one.
 */
static size_t
camel_split(conv *c, size_t from, size_t to)
{
	uint32_t	f[RV_MAX_TOKEN];
	uint8_t		sym[RV_MAX_OUT * 4];
	int			nsym = 0;

	for (size_t k = from + 1; k < to && k - from < RV_MAX_TOKEN; k++)
	{
		if (!rv_cp_is_upper(c->cps[k]))
			continue;
		for (size_t q = from; q < k; q++)
			f[q - from] = rv_rules_fold(c->rules, rv_cp_lower(c->cps[q]));
		if (parse_prefix_chain(c->rules, f, (int) (k - from), 0, sym, &nsym,
							   (int) sizeof(sym)))
			return k;
		return 0;
	}
	return 0;
}

/* A number after a prefix (ha-16, "the 16th") is an ordinal, written in
 * Hebrew letters; returns the digits consumed. */
static size_t
convert_prefixed_number(conv *c, size_t at, size_t limit)
{
	size_t		j = at;
	int			v = 0;
	uint8_t		sym[RV_NUMERAL_MAX];

	while (j < limit && c->cps[j] >= '0' && c->cps[j] <= '9' && j - at < 4)
		v = v * 10 + (int) (c->cps[j++] - '0');
	if (j == at || (j < limit && rv_cp_is_digit(c->cps[j])) || v < 1 || v > 999)
		return 0;
	put_syms(c, &c->out, sym, rv_hebrew_numeral(v, sym));
	return j - at;
}

/*
 * A word: hyphen-separated parts, each a prefix chain or a base.  Returns
 * how many characters after the word it consumed: the period of an
 * abbreviation, the digits of a prefixed ordinal.
 */
static size_t
convert_word(conv *c, size_t start, size_t end, size_t limit)
{
	part		parts[RV_MAX_PARTS];
	int			np = 0;
	size_t		i = start;
	size_t		unit_start = start;
	uint8_t		psym[RV_MAX_OUT * 8];
	int			npsym = 0;
	int			need_separator = 0;

	if (c->opt->interrupt)
		c->opt->interrupt(c->opt->interrupt_arg);

	while (i <= end && np < RV_MAX_PARTS)
	{
		size_t		j = i;
		size_t		next;

		while (j < end && !is_hyphen(c->cps[j]))
			j++;
		if (np == RV_MAX_PARTS - 1)
			j = end;
		next = j + 1;
		if (c->rules->camel_prefixes && np < RV_MAX_PARTS - 2)
		{
			size_t		k = camel_split(c, i, j);

			if (k)
				j = next = k;
		}
		parts[np].start = i;
		parts[np].end = j;
		fold_part(c, &parts[np]);
		np++;
		i = next;
	}
	if (np == 1 && end < limit && c->cps[end] == '.' &&
		convert_abbreviation(c, &parts[0]))
		return 1;

	for (int p = 0; p < np; p++)
	{
		part	   *pt = &parts[p];
		int			last = (p == np - 1);

		if (last && pt->nfolded == 0)
		{
			/* a trailing hyphen: "be-" before a quotation mark joins what
			 * follows; "ha-" before a number makes it an ordinal */
			if (npsym == 0)
			{
				put_cps(&c->out, c->cps, p > 0 ? pt->start - 1 : unit_start, end);
				return 0;
			}
			put_syms(c, &c->out, psym, npsym);
			return convert_prefixed_number(c, end, limit);
		}
		if (need_separator)
		{
			/* a compound's hyphen: Bar-Ilan, melekh-ha-melekh */
			if (c->opt->hyphen == RV_HYPHEN_MAQAF)
				rv_buf_put_cp(&c->out, CP_MAQAF);
			else
				rv_buf_putc(&c->out, '-');
			need_separator = 0;
		}
		/* u-ve-: a prefix after another reads as a later one */
		if (!last && !pt->alien && !pt->too_long && pt->nfolded > 0 &&
			parse_prefix_chain(c->rules, pt->folded, pt->nfolded, npsym > 0,
							   psym, &npsym, (int) sizeof(psym)))
			continue;
		if (!convert_base(c, unit_start, pt, psym, npsym,
						  last && npsym == 0 && pt->nfolded <= 2 &&
						  end < limit && c->cps[end] == '.'))
			put_cps(&c->out, c->cps, unit_start, pt->end);	/* as written */
		npsym = 0;
		unit_start = pt->end + 1;
		need_separator = 1;
	}
	return 0;
}

/* A word standing between two numbers (1958 or 1959, 3 and 4) belongs to
 * the cataloguer's language, not to the romanized title. */
static int
between_numbers(const conv *c, size_t ws, size_t we, size_t from, size_t to)
{
	size_t		a = ws,
				b = we;

	while (a > from && rv_cp_is_space(c->cps[a - 1]))
		a--;
	while (b < to && rv_cp_is_space(c->cps[b]))
		b++;
	return a > from && a < ws && b < to && b > we &&
		rv_cp_is_digit(c->cps[a - 1]) && rv_cp_is_digit(c->cps[b]);
}

/* Alef and ayin signs, primes and quotes alone are punctuation: a word
 * needs a letter that is not a modifier letter. */
static int
has_real_letter(const uint32_t *cps, size_t from, size_t to)
{
	for (size_t i = from; i < to; i++)
		if (rv_cp_is_letter(cps[i]) && !(cps[i] >= 0x02B0 && cps[i] <= 0x02FF))
			return 1;
	return 0;
}

/* Where does the word starting at i end (before limit)?  Hyphens inside
 * count; a trailing hyphen counts when something other than a space
 * follows (be-"Tsiyon"). */
static size_t
word_end(conv *c, size_t i, size_t limit)
{
	const rv_rules *r = c->rules;
	size_t		j = i;

	while (j < limit)
	{
		if (is_word_char(r, c->cps[j]))
			j++;
		else if (is_hyphen(c->cps[j]) && j > i && j + 1 < limit &&
				 is_word_char(r, c->cps[j + 1]))
			j++;
		else if (is_hyphen(c->cps[j]) && j > i && j + 1 < limit &&
				 !rv_cp_is_space(c->cps[j + 1]) && !is_hyphen(c->cps[j + 1]))
			return j + 1;
		else
			break;
	}
	return j;
}

/* A run of digits: a Hebrew-calendar year becomes Hebrew letters when the
 * text also gives the Gregorian year (708 [1948]); other numbers stay. */
static size_t
convert_number(conv *c, size_t i, size_t limit)
{
	size_t		j = i;
	int			year;

	while (j < limit && rv_cp_is_digit(c->cps[j]))
		j++;
	year = rv_hebrew_year(c->cps, i, j);
	if (c->opt->years == RV_YEARS_HEBREW && year &&
		(i == 0 || !rv_cp_is_letter(c->cps[i - 1])) &&
		(j == c->n || !rv_cp_is_letter(c->cps[j])) &&
		rv_has_gregorian_year(c->cps, j, c->n))
	{
		uint8_t		sym[RV_NUMERAL_MAX];
		int			ns = rv_hebrew_numeral(year, sym);

		put_syms(c, &c->out, sym, ns);
	}
	else
		put_cps(&c->out, c->cps, i, j);
	return j;
}

/*
 * One letter of a lower-case abbreviation ("sh" of ʻa. sh.): the item
 * cps[from..to) folded, its trailing vowels dropped, spelled without the
 * lexicon; returns the symbol or -1 if it is not a single letter.
 */
static int
abbreviation_letter(conv *c, size_t from, size_t to)
{
	part		p;
	int			n;

	if (to - from > 3 || rv_cp_is_upper(c->cps[from]))
		return -1;
	p.start = from;
	p.end = to;
	fold_part(c, &p);
	if (p.foreign || p.nfolded == 0)
		return -1;
	while (p.nfolded > 1 && rv_rules_is_vowel(c->rules, p.folded[p.nfolded - 1]))
		p.nfolded--;
	n = rv_spell_word(c->search, c->rules, NULL, p.folded, p.nfolded, 1,
					  &c->arena, c->spellings);
	if (n <= 0 || c->spellings[0].nsym != 1)
		return -1;
	return c->spellings[0].sym[0];
}

/* s.l., s.n., i.e.: the cataloguer's Latin, listed among the foreign words
 * of the standard without spaces. */
static int
is_foreign_abbreviation(conv *c, size_t from, size_t to)
{
	char		buf[64];
	size_t		len = 0;

	for (size_t k = from; k < to; k++)
	{
		uint32_t	f = rv_rules_fold(c->rules, rv_cp_lower(c->cps[k]));

		if (f == ' ' || f == 0)
			continue;
		if (len + 4 >= sizeof(buf))
			return 0;
		len += rv_utf8_encode(f, buf + len);
	}
	buf[len] = '\0';
	return rv_rules_is_foreign_word(c->rules, buf);
}

/*
 * ALA-LC writes a Hebrew abbreviation as its letters in lower case, each
 * with a period: ʻa. sh. is ע״ש.  Two or more such letters in a row
 * become one abbreviation with gershayim; returns the end of what was
 * taken, or 0 if cps[i..] is not one.
 */
static size_t
convert_abbreviation_letters(conv *c, size_t i, size_t to)
{
	uint8_t		sym[16];
	int			n = 0;
	size_t		at = i,
				end = 0;

	while (at < to && n < (int) sizeof(sym) - 1)
	{
		size_t		we = at;
		int			s;

		while (we < to && is_word_char(c->rules, c->cps[we]))
			we++;
		if (we == at || we >= to || c->cps[we] != '.' ||
			(s = abbreviation_letter(c, at, we)) < 0)
			break;
		sym[n++] = (uint8_t) s;
		end = we + 1;
		at = end < to && c->cps[end] == ' ' ? end + 1 : end;
	}
	if (n < 2)
		return 0;
	if (is_foreign_abbreviation(c, i, end))
	{
		put_cps(&c->out, c->cps, i, end);	/* s.l.: stays as written */
		return end;
	}
	for (int k = 0; k < n; k++)
	{
		if (k == n - 1)
			put_sym(c, &c->out, RV_SYM_GERSHAYIM);
		put_sym(c, &c->out, sym[k]);
	}
	c->word_no += n;
	return end;
}

static void
convert_range(conv *c, size_t from, size_t to)
{
	size_t		i = from;

	while (i < to && !c->stop && !c->oom)
	{
		size_t		end,
					ws,
					we;

		if (rv_cp_is_digit(c->cps[i]) && c->cps[i] < 0x80)
		{
			i = convert_number(c, i, to);
			continue;
		}
		if (!is_word_char(c->rules, c->cps[i]))
		{
			rv_buf_put_cp(&c->out, c->cps[i]);
			i++;
			continue;
		}
		if ((end = convert_abbreviation_letters(c, i, to)) != 0)
		{
			i = end;
			rv_arena_free(&c->arena);
			continue;
		}
		end = word_end(c, i, to);
		ws = i;
		we = end;
		/* quotation marks around a word, or one closing it, are punctuation */
		if (we > ws + 1 && is_quote_like(c->rules, c->cps[we - 1]))
		{
			we--;
			if (is_quote_like(c->rules, c->cps[ws]))
				ws++;
		}
		put_cps(&c->out, c->cps, i, ws);
		if (we > ws && has_real_letter(c->cps, ws, we) &&
			!between_numbers(c, ws, we, from, to))
		{
			size_t		taken = convert_word(c, ws, we, we == end ? to : we);

			put_cps(&c->out, c->cps, we, end);
			end += taken;
		}
		else
			put_cps(&c->out, c->cps, ws, end);
		i = end;
		rv_arena_free(&c->arena);
	}
}

static int
is_latin_word(const uint32_t *cps, size_t from, size_t to)
{
	for (size_t i = from; i < to; i++)
		if (rv_cp_is_letter(cps[i]) &&
			!(cps[i] < 0x0250 || (cps[i] >= 0x1E00 && cps[i] <= 0x1EFF) ||
			  (cps[i] >= 0x02B0 && cps[i] <= 0x02FF)))
			return 0;
	return 1;
}

static int
is_ascii_word(const uint32_t *cps, size_t from, size_t to)
{
	for (size_t i = from; i < to; i++)
		if (cps[i] >= 0x80)
			return 0;
	return 1;
}

/*
 * A part without romanization marks in which function words of another
 * language stand (The Jewish book, hrsg. von …) is written in that
 * language: at least one in five of its words is foreign.
 */
static int
part_is_foreign(conv *c, const rv_span *sp)
{
	int			words = 0,
				foreign = 0;
	size_t		i = sp->start;

	if (rv_has_transliteration_marks(c->cps, sp->start, sp->end))
		return 0;
	while (i < sp->end)
	{
		part		p;

		if (!is_word_char(c->rules, c->cps[i]))
		{
			i++;
			continue;
		}
		p.start = i;
		while (i < sp->end && is_word_char(c->rules, c->cps[i]))
			i++;
		p.end = i;
		fold_part(c, &p);
		if (!is_latin_word(c->cps, p.start, p.end))
			continue;			/* Книга, 書: another script, not a language cue */
		words++;
		/* a function word, or letters of a European language (für) */
		foreign += p.foreign && (!p.alien || !is_ascii_word(c->cps, p.start, p.end));
	}
	return foreign > 0 && foreign * 5 >= words;
}

/* The standard for a part: the one asked for, or the detected one. */
static const rv_rules *
part_standard(conv *c, const rv_rules *forced, const rv_span *sp,
			  const char **label, int *known)
{
	const rv_rules *r = forced;

	if (r == NULL)
		r = rv_engine_detect(c->engine, c->cps, sp->start, sp->end);
	*known = r != NULL;
	if (r)
		*label = r->name;
	else
		*label = rv_has_latin_letter(c->cps, sp->start, sp->end) ?
			"unknown" : "not_latin";
	return r ? r : c->engine->rules[0];
}

static void
convert_text(conv *c, const rv_rules *forced)
{
	rv_span		spans[RV_MAX_SPANS];
	int			nspans = rv_split_parts(c->cps, c->n, spans, RV_MAX_SPANS);
	size_t		done = 0;

	for (int s = 0; s < nspans && !c->stop && !c->oom; s++)
	{
		const rv_span *sp = &spans[s];
		const char *label;
		int			known;
		int			translit = rv_has_transliteration_marks(c->cps, sp->start, sp->end);
		size_t		out_start;

		put_cps(&c->out, c->cps, done, sp->start);	/* the separator */
		c->rules = part_standard(c, forced, sp, &label, &known);
		if (c->report)
			rv_report_part_begin(c->report, sp->role, label, known, translit);
		out_start = c->out.len;
		/* A parallel title without romanization marks is a title in its own
		 * language (= Chorostkow book), not romanized Hebrew; so is a part
		 * full of another language's function words. */
		if ((sp->role == RV_ROLE_PARALLEL && !translit && forced == NULL) ||
			part_is_foreign(c, sp))
		{
			put_cps(&c->out, c->cps, sp->start, sp->end);
			if (c->report)
				rv_report_part_kept(c->report);
		}
		else
			convert_range(c, sp->start, sp->end);
		if (!rv_context_apply(&c->context, c->rules, &c->out, out_start,
							  &(rv_ctx_driver) {render_syms, respell, c}))
			c->oom = 1;
		if (c->report)
		{
			char	   *source = span_utf8(c, sp->start, sp->end);
			char	   *heb = rv_strndup(c->out.data ? c->out.data + out_start : "",
										 c->out.len - out_start);

			if (source && heb)
				rv_report_part_end(c->report, source, heb);
			else
				c->oom = 1;
			rv_free(source);
			rv_free(heb);
		}
		done = sp->end;
	}
}

static rv_status
run(const rv_engine *engine, const char *text, size_t len,
	const rv_options *options, int k, rv_candidate_fn fn, void *arg,
	rv_report *report, rv_buf *result, char *err)
{
	conv		c;
	rv_options	defaults;
	uint32_t   *cps = NULL;
	const rv_rules *forced;
	int			bad;
	rv_status	st;

	if (len > RV_MAX_INPUT_BYTES)
	{
		rv_seterr(err, "input of %zu bytes exceeds the limit of %u bytes",
				  len, RV_MAX_INPUT_BYTES);
		return RV_ETOOLONG;
	}
	if (options == NULL)
	{
		rv_options_init(&defaults);
		options = &defaults;
	}
	forced = rv_engine_find(engine, options->standard, &bad, err);
	if (bad)
		return RV_EINVAL;

	memset(&c, 0, sizeof(c));
	c.engine = engine;
	c.opt = options;
	c.k = k;
	c.search_k = k > RV_CONTEXT_K ? k : RV_CONTEXT_K;
	rv_context_init(&c.context);
	c.fn = fn;
	c.fn_arg = arg;
	c.report = report;
	st = rv_decode_nfc(text, len, &cps, &c.n, err);
	if (st != RV_OK)
		return st;
	c.cps = cps;
	rv_buf_init(&c.out);
	rv_arena_init(&c.arena);
	c.search = rv_search_new();
	c.spellings = rv_alloc((size_t) c.search_k * sizeof(rv_spelling));
	if (c.search == NULL || c.spellings == NULL)
		c.oom = 1;
	else
	{
		/* no mark anywhere in the field: a plain h may have lost its dot */
		rv_search_set_plain(c.search, !rv_has_transliteration_marks(cps, 0, c.n));
		convert_text(&c, forced);
	}

	rv_arena_free(&c.arena);
	rv_context_free(&c.context);
	rv_search_free(c.search);
	rv_free(c.spellings);
	rv_free(cps);
	if (c.oom || c.out.failed)
	{
		rv_buf_free(&c.out);
		rv_seterr(err, "out of memory");
		return RV_ENOMEM;
	}
	*result = c.out;
	return RV_OK;
}

rv_status
rv_convert(const rv_engine *engine, const char *text, size_t len,
		   const rv_options *options, char **out, size_t *outlen, char *err)
{
	rv_buf		result;
	rv_status	st = run(engine, text, len, options, 1, NULL, NULL, NULL,
						 &result, err);

	if (st != RV_OK)
		return st;
	*out = rv_buf_take(&result, outlen);
	if (*out == NULL)
	{
		rv_seterr(err, "out of memory");
		return RV_ENOMEM;
	}
	return RV_OK;
}

/* n bounds the work per word: 1..RV_MAX_CANDIDATES. */
static int
count_ok(int n, const char *what, char *err)
{
	if (n >= 1 && n <= RV_MAX_CANDIDATES)
		return 1;
	rv_seterr(err, "the number of %s must be between 1 and %d, got %d",
			  what, RV_MAX_CANDIDATES, n);
	return 0;
}

rv_status
rv_candidates(const rv_engine *engine, const char *text, size_t len, int n,
			  const rv_options *options, rv_candidate_fn fn, void *arg,
			  char *err)
{
	rv_buf		result;
	rv_status	st;

	if (!count_ok(n, "candidates", err))
		return RV_EINVAL;
	st = run(engine, text, len, options, n, fn, arg, NULL, &result, err);
	if (st == RV_OK)
		rv_buf_free(&result);
	return st;
}

rv_status
rv_analyze(const rv_engine *engine, const char *text, size_t len, int n,
		   const rv_options *options, char **json, size_t *jsonlen, char *err)
{
	rv_report	report;
	rv_buf		result;
	rv_status	st;

	if (!count_ok(n, "alternatives", err))
		return RV_EINVAL;
	rv_report_init(&report, engine->lexicon != NULL);
	st = run(engine, text, len, options, n, NULL, NULL, &report, &result, err);
	if (st != RV_OK)
	{
		rv_report_free(&report);
		return st;
	}
	*json = rv_report_finish(&report, result.data ? result.data : "", jsonlen);
	rv_buf_free(&result);
	if (*json == NULL)
	{
		rv_seterr(err, "out of memory");
		return RV_ENOMEM;
	}
	return RV_OK;
}
