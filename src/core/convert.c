/*
 * convert.c — text-level conversion: find the romanized words of a text,
 * split off hyphenated prefixes, spell each word through the lattice and
 * put the Hebrew back in place of the Latin, keeping everything else
 * (spaces, punctuation, digits, brackets, Hebrew, foreign words) as it is.
 */
#include <stdio.h>
#include <string.h>

#include "alloc.h"
#include "buf.h"
#include "lattice.h"
#include "lexicon.h"
#include "rules.h"
#include "utf8.h"

#define RV_MAX_STANDARDS	16
#define RV_MAX_PARTS		16	/* hyphenated parts handled in one word */

#define CP_MAQAF			0x05BE
#define CP_GERESH			0x05F3
#define CP_GERSHAYIM		0x05F4

struct rv_engine
{
	const rv_rules *rules[RV_MAX_STANDARDS];
	int			nrules;
	const rv_lexicon *lexicon;
};

/* State of one rv_convert / rv_candidates call. */
typedef struct conv
{
	const rv_engine *engine;
	const rv_rules *rules;
	const rv_options *opt;
	const uint32_t *cps;		/* the NFC text */
	size_t		n;
	rv_buf		out;
	rv_search  *search;
	rv_arena	arena;
	rv_spelling *spellings;		/* k slots */
	int			k;
	rv_candidate_fn fn;			/* NULL when converting */
	void	   *fn_arg;
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
	int			is_prefix;
	uint8_t		prefix_sym[RV_MAX_OUT * 4];
	int			nprefix_sym;
} part;

void
rv_options_init(rv_options *o)
{
	memset(o, 0, sizeof(*o));
	o->hyphen = RV_HYPHEN_MAQAF;
}

rv_status
rv_engine_new(const rv_rules *const *rules, int nrules,
			  const rv_lexicon *lexicon, rv_engine **out, char *err)
{
	rv_engine  *e;

	if (nrules < 1 || nrules > RV_MAX_STANDARDS)
	{
		rv_seterr(err, "an engine needs 1 to %d standards, got %d",
				  RV_MAX_STANDARDS, nrules);
		return RV_EINVAL;
	}
	e = rv_alloc0(sizeof(rv_engine));
	if (e == NULL)
		return RV_ENOMEM;
	for (int i = 0; i < nrules; i++)
		e->rules[i] = rules[i];
	e->nrules = nrules;
	e->lexicon = lexicon;
	*out = e;
	return RV_OK;
}

void
rv_engine_free(rv_engine *e)
{
	rv_free(e);
}

static const rv_rules *
find_standard(const rv_engine *e, const char *name, char *err)
{
	size_t		used = 0;
	char		list[RV_ERRLEN / 2];

	if (name == NULL || name[0] == '\0')
		return e->rules[0];
	for (int i = 0; i < e->nrules; i++)
		if (strcmp(e->rules[i]->name, name) == 0)
			return e->rules[i];
	list[0] = '\0';
	for (int i = 0; i < e->nrules && used < sizeof(list); i++)
		used += (size_t) snprintf(list + used, sizeof(list) - used, "%s%s",
								  i ? ", " : "", e->rules[i]->name);
	rv_seterr(err, "unknown standard \"%s\"; valid standards: %s", name, list);
	return NULL;
}

static void
put_sym(rv_buf *b, int sym)
{
	if (sym < 27)
		rv_buf_put_cp(b, 0x05D0 + (uint32_t) sym);
	else if (sym == RV_SYM_GERESH)
		rv_buf_put_cp(b, CP_GERESH);
	else if (sym == RV_SYM_GERSHAYIM)
		rv_buf_put_cp(b, CP_GERSHAYIM);
}

static void
put_cps(rv_buf *b, const uint32_t *cps, size_t from, size_t to)
{
	for (size_t i = from; i < to; i++)
		rv_buf_put_cp(b, cps[i]);
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
	rv_buf		tmp;

	p->nfolded = 0;
	p->too_long = 0;
	p->alien = 0;
	p->foreign = 0;
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
	}
	if (p->foreign || p->nfolded == 0)
		return;
	/* function words of other languages, by their folded spelling */
	rv_buf_init(&tmp);
	for (int i = 0; i < p->nfolded; i++)
		rv_buf_put_cp(&tmp, p->folded[i]);
	if (!tmp.failed && tmp.len < sizeof(word))
	{
		memcpy(word, tmp.data, tmp.len + 1);
		p->foreign = rv_rules_is_foreign_word(r, word);
	}
	rv_buf_free(&tmp);
}

/*
 * Is the folded part a chain of prefixes (ha, u, ṿe, uve, she-be...)?
 * Fills its Hebrew; the first prefix of a chain may differ from a later one.
 */
static int
parse_prefix_chain(const rv_rules *r, const uint32_t *f, int n, int later,
				   uint8_t *sym, int *nsym)
{
	if (n == 0)
		return later;			/* at least one prefix */
	for (uint32_t i = 0; i < r->nprefixes; i++)
	{
		const rv_prefix *p = &r->prefixes[i];
		const uint8_t *h = later ? p->later : p->first;
		int			nh = later ? p->nlater : p->nfirst;

		if (p->len > n || memcmp(p->form, f, p->len * sizeof(uint32_t)) != 0)
			continue;
		if (*nsym + nh > RV_MAX_OUT * 4)
			continue;
		memcpy(sym + *nsym, h, (size_t) nh);
		*nsym += nh;
		if (parse_prefix_chain(r, f + p->len, n - p->len, 1, sym, nsym))
			return 1;
		*nsym -= nh;
	}
	return 0;
}

static void
emit_candidates(conv *c, const part *prefixes_from, const part *base,
				int nfound, const uint8_t *psym, int npsym)
{
	char	   *roman;
	rv_buf		heb;

	rv_buf_init(&heb);
	put_cps(&heb, c->cps, prefixes_from->start, base->end);
	roman = rv_buf_take(&heb, NULL);
	if (roman == NULL)
	{
		c->oom = 1;
		return;
	}
	for (int i = 0; i < nfound && !c->stop; i++)
	{
		const rv_spelling *sp = &c->spellings[i];
		rv_candidate cand;
		char	   *h;

		rv_buf_init(&heb);
		for (int q = 0; q < npsym; q++)
			put_sym(&heb, psym[q]);
		for (int q = 0; q < sp->nsym; q++)
			put_sym(&heb, sp->sym[q]);
		h = rv_buf_take(&heb, NULL);
		if (h == NULL)
		{
			c->oom = 1;
			break;
		}
		cand.word = c->word_no;
		cand.rank = i + 1;
		cand.roman = roman;
		cand.hebrew = h;
		cand.score = sp->score;
		cand.rule_cost = sp->rule_cost;
		cand.char_cost = sp->char_cost;
		cand.lexicon_bonus = sp->lexicon_bonus;
		cand.in_lexicon = sp->in_lexicon;
		if (c->fn(&cand, c->fn_arg))
			c->stop = 1;
		rv_free(h);
	}
	rv_free(roman);
}

/* Spell a base part (after its prefixes); returns 0 if it stays Latin. */
static int
convert_base(conv *c, const part *prefixes_from, const part *base,
			 const uint8_t *psym, int npsym)
{
	int			found;

	c->word_no++;
	if (base->foreign || base->too_long || base->nfolded == 0)
		return 0;
	found = rv_spell_word(c->search, c->rules, c->engine->lexicon,
						  base->folded, base->nfolded, c->k, &c->arena,
						  c->spellings);
	if (found < 0)
	{
		c->oom = 1;
		return 0;
	}
	if (found == 0)
		return 0;
	if (c->fn)
		emit_candidates(c, prefixes_from, base, found, psym, npsym);
	for (int q = 0; q < npsym; q++)
		put_sym(&c->out, psym[q]);
	for (int q = 0; q < c->spellings[0].nsym; q++)
		put_sym(&c->out, c->spellings[0].sym[q]);
	return 1;
}

/* A word: hyphen-separated parts, each a prefix chain or a base. */
static void
convert_word(conv *c, size_t start, size_t end)
{
	part		parts[RV_MAX_PARTS];
	int			np = 0;
	size_t		i = start;
	int			first_of_unit = 0;
	uint8_t		psym[RV_MAX_OUT * 8];
	int			npsym = 0;

	if (c->opt->interrupt)
		c->opt->interrupt(c->opt->interrupt_arg);

	while (i <= end && np < RV_MAX_PARTS)
	{
		size_t		j = i;

		while (j < end && !is_hyphen(c->cps[j]))
			j++;
		if (np == RV_MAX_PARTS - 1)
			j = end;
		parts[np].start = i;
		parts[np].end = j;
		fold_part(c, &parts[np]);
		np++;
		i = j + 1;
	}

	for (int p = 0; p < np; p++)
	{
		part	   *pt = &parts[p];
		int			last = (p == np - 1);

		pt->nprefix_sym = 0;
		pt->is_prefix = !last && !pt->alien && !pt->too_long &&
			parse_prefix_chain(c->rules, pt->folded, pt->nfolded, 0,
							   pt->prefix_sym, &pt->nprefix_sym);
		if (pt->is_prefix)
		{
			if (npsym + pt->nprefix_sym <= (int) sizeof(psym))
			{
				memcpy(psym + npsym, pt->prefix_sym, (size_t) pt->nprefix_sym);
				npsym += pt->nprefix_sym;
			}
			continue;
		}
		if (last && pt->nfolded == 0 && npsym > 0)
		{
			/* "be-" before a quotation mark: the prefix joins what follows */
			for (int q = 0; q < npsym; q++)
				put_sym(&c->out, psym[q]);
			return;
		}
		if (!convert_base(c, &parts[first_of_unit], pt, psym, npsym))
		{
			/* leave the whole unit, prefixes included, as written */
			put_cps(&c->out, c->cps, parts[first_of_unit].start, pt->end);
		}
		if (!last)
		{
			if (c->opt->hyphen == RV_HYPHEN_MAQAF)
				rv_buf_put_cp(&c->out, CP_MAQAF);
			else
				rv_buf_putc(&c->out, '-');
		}
		npsym = 0;
		first_of_unit = p + 1;
	}
}

/* Where does the word starting at i end?  Hyphens inside count; a trailing
 * hyphen counts when something other than a space follows (be-"Tsiyon"). */
static size_t
word_end(conv *c, size_t i)
{
	const rv_rules *r = c->rules;
	size_t		j = i;

	while (j < c->n)
	{
		if (is_word_char(r, c->cps[j]))
			j++;
		else if (is_hyphen(c->cps[j]) && j > i && j + 1 < c->n &&
				 is_word_char(r, c->cps[j + 1]))
			j++;
		else if (is_hyphen(c->cps[j]) && j > i && j + 1 < c->n &&
				 !rv_cp_is_space(c->cps[j + 1]) && !is_hyphen(c->cps[j + 1]) &&
				 !rv_cp_is_digit(c->cps[j + 1]))
			return j + 1;
		else
			break;
	}
	return j;
}

static void
convert_text(conv *c)
{
	size_t		i = 0;

	while (i < c->n && !c->stop && !c->oom)
	{
		size_t		end;
		size_t		ws,
					we;

		if (!is_word_char(c->rules, c->cps[i]))
		{
			rv_buf_put_cp(&c->out, c->cps[i]);
			i++;
			continue;
		}
		end = word_end(c, i);
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
		if (we > ws)
			convert_word(c, ws, we);
		put_cps(&c->out, c->cps, we, end);
		i = end;
		rv_arena_free(&c->arena);
	}
}

static rv_status
run(const rv_engine *engine, const char *text, size_t len,
	const rv_options *options, int k, rv_candidate_fn fn, void *arg,
	rv_buf *result, char *err)
{
	conv		c;
	rv_options	defaults;
	uint32_t   *cps = NULL;
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
	memset(&c, 0, sizeof(c));
	c.engine = engine;
	c.opt = options;
	c.k = k;
	c.fn = fn;
	c.fn_arg = arg;
	c.rules = find_standard(engine, options->standard, err);
	if (c.rules == NULL)
		return RV_EINVAL;

	st = rv_decode_nfc(text, len, &cps, &c.n, err);
	if (st != RV_OK)
		return st;
	c.cps = cps;
	rv_buf_init(&c.out);
	rv_arena_init(&c.arena);
	c.search = rv_search_new();
	c.spellings = rv_alloc((size_t) k * sizeof(rv_spelling));
	if (c.search == NULL || c.spellings == NULL)
		c.oom = 1;
	else
		convert_text(&c);

	rv_arena_free(&c.arena);
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
	rv_status	st = run(engine, text, len, options, 1, NULL, NULL, &result, err);

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

rv_status
rv_candidates(const rv_engine *engine, const char *text, size_t len, int n,
			  const rv_options *options, rv_candidate_fn fn, void *arg,
			  char *err)
{
	rv_buf		result;
	rv_status	st;

	if (n <= 0)
	{
		rv_seterr(err, "the number of candidates must be positive, got %d", n);
		return RV_EINVAL;
	}
	st = run(engine, text, len, options, n, fn, arg, &result, err);
	if (st == RV_OK)
		rv_buf_free(&result);
	return st;
}
