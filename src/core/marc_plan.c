/*
 * marc_plan.c — decide which linked 880 fields a MARC record gets.
 *
 * A record gets Hebrew script when its language is written in it: Hebrew,
 * Aramaic or Yiddish (008/35-37, or a language code in 041 $a); the
 * conversion tells Yiddish from Hebrew romanization by itself.  Then every field of a tag in
 * marc_tags.c that is not linked to an 880 yet gets one, unless it has no
 * romanized text or the conversion changes nothing (or, with only_fit, the
 * analysis does not find it fit for display).  Linkage follows MARC 21
 * (Appendix A, "$6 Linkage"): the field gets "$6 880-NN" and the 880 gets
 * "$6 TTT-NN/(2/r" (Hebrew script, right to left), NN being the next
 * occurrence number after the largest the record uses.
 */
#include <stdio.h>
#include <string.h>

#include "alloc.h"
#include "marc_int.h"
#include "utf8.h"

typedef struct plan_holder
{
	rv_marc_plan plan;
	rv_arena	arena;
} plan_holder;

typedef struct planner
{
	const rv_engine *engine;
	const rv_marc_record *record;
	const rv_marc_params *params;
	plan_holder *holder;
	int			last_occurrence;
	char	   *err;
} planner;

static int
is_hebrew_code(const char *s)
{
	return memcmp(s, "heb", 3) == 0 || memcmp(s, "arc", 3) == 0 ||
		memcmp(s, "yid", 3) == 0;
}

/* Is the record in Hebrew?  language gets the code that decided. */
static int
record_is_hebrew(const rv_marc_record *r, char *language)
{
	strcpy(language, "");
	for (int i = 0; i < r->nfields; i++)
	{
		const rv_marc_field *f = &r->fields[i];

		if (strcmp(f->tag, "008") == 0 && f->value && f->len >= 38)
		{
			memcpy(language, f->value + 35, 3);
			language[3] = '\0';
			if (is_hebrew_code(language))
				return 1;
		}
	}
	for (int i = 0; i < r->nfields; i++)
	{
		const rv_marc_field *f = &r->fields[i];

		if (strcmp(f->tag, "041") != 0)
			continue;
		/* old records run the codes together: $a hebeng */
		for (int s = 0; s < f->nsubfields; s++)
			for (size_t k = 0; f->subfields[s].code == 'a' &&
				 k + 3 <= f->subfields[s].len; k += 3)
				if (is_hebrew_code(f->subfields[s].value + k))
				{
					memcpy(language, f->subfields[s].value + k, 3);
					language[3] = '\0';
					return 1;
				}
	}
	return 0;
}

/* NN of a "$6 TTT-NN..." linkage, or -1. */
static int
link_occurrence(const rv_marc_subfield *sf)
{
	int			n = 0;
	size_t		k = 4;

	if (sf->code != '6' || sf->len < 6 || sf->value[3] != '-')
		return -1;
	while (k < sf->len && k < 8 && sf->value[k] >= '0' && sf->value[k] <= '9')
		n = n * 10 + (sf->value[k++] - '0');
	return k > 4 ? n : -1;
}

static int
is_linked(const rv_marc_field *f)
{
	for (int s = 0; s < f->nsubfields; s++)
		if (link_occurrence(&f->subfields[s]) >= 0 &&
			memcmp(f->subfields[s].value, "880", 3) == 0)
			return 1;
	return 0;
}

static int
has_subfield_6(const rv_marc_field *f)
{
	for (int s = 0; s < f->nsubfields; s++)
		if (f->subfields[s].code == '6')
			return 1;
	return 0;
}

static int
max_occurrence(const rv_marc_record *r)
{
	int			max = 0;

	for (int i = 0; i < r->nfields; i++)
		for (int s = 0; s < r->fields[i].nsubfields; s++)
		{
			int			n = link_occurrence(&r->fields[i].subfields[s]);

			if (n > max)
				max = n;
		}
	return max;
}

/* The 880s go after the last 880, else before the first 9XX, else last. */
static int
insert_position(const rv_marc_record *r)
{
	int			at = -1;

	for (int i = 0; i < r->nfields; i++)
		if (strcmp(r->fields[i].tag, "880") == 0)
			at = i + 1;
	if (at >= 0)
		return at;
	for (int i = 0; i < r->nfields; i++)
		if (strcmp(r->fields[i].tag, "880") > 0)
			return i;
	return r->nfields;
}

static int
tag_selected(const rv_marc_params *p, const char *tag)
{
	if (p->tags == NULL)
		return 1;
	for (int i = 0; i < p->ntags; i++)
		if (p->tags[i] && strcmp(p->tags[i], tag) == 0)
			return 1;
	return 0;
}

/* Has the text a letter that is not Hebrew? */
static rv_status
has_latin(const char *s, size_t len, int *found, char *err)
{
	uint32_t   *cps = NULL;
	size_t		n = 0;
	rv_status	st = rv_decode_nfc(s, len, &cps, &n, err);

	*found = 0;
	for (size_t i = 0; st == RV_OK && i < n && !*found; i++)
		*found = rv_cp_is_letter(cps[i]) && !rv_cp_is_hebrew(cps[i]);
	rv_free(cps);
	return st;
}

/* Does the text start, after punctuation, with a Hebrew letter? */
static int
starts_hebrew(const char *s)
{
	while (*s && (unsigned char) *s < 0x80 && !((*s | 0x20) >= 'a' && (*s | 0x20) <= 'z') &&
		   !(*s >= '0' && *s <= '9'))
		s++;
	return (unsigned char) s[0] == 0xD7 && (unsigned char) s[1] >= 0x90 &&
		(unsigned char) s[1] <= 0xAA;
}

/* The word-bearing subfields of field f, NSB/NSE marks (U+0098, U+009C,
 * around a non-filing article) removed: Hebrew joins the article to its
 * word.  Returns how many; index[] gives their subfield numbers. */
static int
collect_pieces(planner *p, const rv_marc_field *f, const char **pieces,
			   size_t *lens, int *index)
{
	int			n = 0;

	for (int s = 0; s < f->nsubfields; s++)
	{
		const rv_marc_subfield *sf = &f->subfields[s];
		char	   *copy;
		size_t		k = 0;

		if (!rv_marc_converts_subfield(f->tag, sf->code))
			continue;
		index[n] = s;
		pieces[n] = sf->value;
		lens[n] = sf->len;
		if ((copy = rv_arena_alloc(&p->holder->arena, sf->len + 1)) == NULL)
			return -1;
		for (size_t i = 0; i < sf->len; i++)
		{
			if (i + 1 < sf->len && (unsigned char) sf->value[i] == 0xC2 &&
				((unsigned char) sf->value[i + 1] == 0x98 ||
				 (unsigned char) sf->value[i + 1] == 0x9C))
			{
				i++;
				continue;
			}
			copy[k++] = sf->value[i];
		}
		copy[k] = '\0';
		if (k != sf->len)
		{
			pieces[n] = copy;
			lens[n] = k;
		}
		n++;
	}
	return n;
}

/* "p0 p1 p2" in the arena. */
static char *
join_pieces(rv_arena *arena, const char *const *pieces, const size_t *lens,
			int n, size_t *len)
{
	size_t		total = 0;
	char	   *s;

	for (int i = 0; i < n; i++)
		total += lens[i] + 1;
	if ((s = rv_arena_alloc(arena, total + 1)) == NULL)
		return NULL;
	*len = 0;
	for (int i = 0; i < n; i++)
	{
		if (i > 0)
			s[(*len)++] = ' ';
		memcpy(s + *len, pieces[i], lens[i]);
		*len += lens[i];
	}
	s[*len] = '\0';
	return s;
}

/* The conversion options for a field of this kind. */
static void
options_for_kind(const rv_options *base, const char *kind, rv_options *out)
{
	int			k = kind ? rv_kind_parse(kind) : -1;

	*out = *base;
	if (k >= 0)
		out->kind = (rv_kind) k;
}

/* Fill the 880: "$6 TTT-NN/(2/r", then the subfields with the converted
 * text in place of the word-bearing ones; the old $6 (none linked) goes. */
static int
build_880(planner *p, const rv_marc_field *f, rv_marc_added *a,
		  char **converted, const int *index, int npieces)
{
	rv_arena   *arena = &p->holder->arena;
	char	   *link6 = rv_arena_alloc(arena, 16);
	int			k = 0,
				nonfiling = rv_marc_nonfiling_indicator(f->tag);

	a->subfields = rv_arena_alloc(arena, (size_t) (f->nsubfields + 1) *
								  sizeof(rv_marc_subfield));
	if (link6 == NULL || a->subfields == NULL)
		return 0;
	snprintf(link6, 16, "%s-%02d/(2/r", f->tag, a->occurrence);
	snprintf(a->link, sizeof(a->link), "880-%02d", a->occurrence);
	a->subfields[k++] = (rv_marc_subfield) {'6', link6, strlen(link6)};
	for (int s = 0, piece = 0; s < f->nsubfields; s++)
	{
		rv_marc_subfield sf = f->subfields[s];

		if (sf.code == '6')
			continue;
		if (piece < npieces && index[piece] == s)
		{
			sf.value = converted[piece++];
			sf.len = strlen(sf.value);
		}
		a->subfields[k++] = sf;
	}
	a->nsubfields = k;
	a->ind1 = f->ind1;
	a->ind2 = f->ind2;
	/* Hebrew files from the first letter: the article is part of the word */
	if (nonfiling && npieces > 0 && starts_hebrew(converted[0]))
	{
		char	   *ind = nonfiling == 1 ? &a->ind1 : &a->ind2;

		if (*ind >= '1' && *ind <= '9')
			*ind = '0';
	}
	return 1;
}

/* Prefix a core message with the field it is about. */
static rv_status
field_error(planner *p, int i, rv_status st)
{
	char		msg[RV_ERRLEN];

	snprintf(msg, sizeof(msg), "%s", p->err[0] ? p->err : rv_status_text(st));
	rv_seterr(p->err, "field %d (%s): %s", i + 1, p->record->fields[i].tag, msg);
	return st;
}

static rv_status
out_of_memory(planner *p)
{
	rv_seterr(p->err, "out of memory");
	return RV_ENOMEM;
}

/* Convert field i's text and decide: added, or skipped and why. */
static rv_status
plan_convert(planner *p, int i, rv_marc_note *note)
{
	const rv_marc_field *f = &p->record->fields[i];
	rv_marc_plan *plan = &p->holder->plan;
	rv_arena   *arena = &p->holder->arena;
	size_t		nsf = (size_t) f->nsubfields;
	const char **pieces = rv_arena_alloc(arena, nsf * sizeof(char *) + 1);
	size_t	   *lens = rv_arena_alloc(arena, nsf * sizeof(size_t) + 1);
	int		   *index = rv_arena_alloc(arena, nsf * sizeof(int) + 1);
	char	  **converted = rv_arena_alloc(arena, nsf * sizeof(char *) + 1);
	char	   *hebrew = NULL;
	size_t		textlen = 0;
	int			n,
				latin;
	rv_options	opt;
	rv_status	st;
	rv_marc_added *a;

	if (!pieces || !lens || !index || !converted ||
		(n = collect_pieces(p, f, pieces, lens, index)) < 0 ||
		(note->text = join_pieces(arena, pieces, lens, n, &textlen)) == NULL)
		return out_of_memory(p);
	if ((st = has_latin(note->text, textlen, &latin, p->err)) != RV_OK)
		return field_error(p, i, st);
	if (!latin)
	{
		note->why = RV_MARC_SKIP_NOT_ROMANIZED;
		return RV_OK;
	}
	options_for_kind(p->params->options, note->kind, &opt);
	st = rv_marc_convert_pieces(p->engine, &opt, pieces, lens, n, arena,
								converted, &hebrew, p->err);
	if (st != RV_OK)
		return field_error(p, i, st);
	note->hebrew = hebrew;
	if (strcmp(hebrew, note->text) == 0)
	{
		note->why = RV_MARC_SKIP_UNCHANGED;
		return RV_OK;
	}
	if ((p->params->only_fit || p->params->fitness) &&
		(st = rv_marc_fitness(p->engine, &opt, note->text, textlen,
							  &note->fitness, p->err)) != RV_OK)
		return field_error(p, i, st);
	if (p->params->only_fit && strcmp(note->fitness, "display") != 0)
	{
		note->why = RV_MARC_SKIP_NOT_FIT;
		return RV_OK;
	}
	if (p->last_occurrence >= RV_MARC_MAX_OCCURRENCE)
	{
		rv_seterr(p->err, "field %d (%s): no occurrence number left for a linked 880: a record can link at most %d",
				  i + 1, f->tag, RV_MARC_MAX_OCCURRENCE);
		return RV_ETOOLONG;
	}
	a = &plan->added[plan->nadded++];
	a->field = i;
	a->occurrence = note->occurrence = ++p->last_occurrence;
	if (!build_880(p, f, a, converted, index, n))
		return out_of_memory(p);
	note->why = RV_MARC_ADDED;
	return RV_OK;
}

static rv_status
plan_field(planner *p, int i)
{
	const rv_marc_field *f = &p->record->fields[i];
	rv_marc_plan *plan = &p->holder->plan;
	const char *kind = rv_marc_tag_kind(f->tag);
	rv_marc_note *note;

	if (kind == NULL || f->value != NULL)
		return RV_OK;
	note = &plan->notes[plan->nnotes++];
	memset(note, 0, sizeof(*note));
	note->field = i;
	memcpy(note->tag, f->tag, sizeof(note->tag));
	note->kind = kind;
	if (!tag_selected(p->params, f->tag))
		note->why = RV_MARC_SKIP_NOT_SELECTED;
	else if (is_linked(f))
		note->why = RV_MARC_SKIP_LINKED;
	else if (has_subfield_6(f))
		note->why = RV_MARC_SKIP_OTHER_LINK;
	else
		return plan_convert(p, i, note);
	return RV_OK;
}

rv_status
rv_marc_plan_record(const rv_engine *engine, const rv_marc_record *record,
					const rv_marc_params *params, rv_marc_plan **out,
					char *err)
{
	plan_holder *h = rv_alloc0(sizeof(plan_holder));
	rv_marc_plan *plan;
	planner		p;
	size_t		n = (size_t) record->nfields + 1;

	*out = NULL;
	if (h == NULL)
	{
		rv_seterr(err, "out of memory");
		return RV_ENOMEM;
	}
	rv_arena_init(&h->arena);
	plan = &h->plan;
	plan->memory = h;
	plan->added = rv_arena_alloc(&h->arena, n * sizeof(rv_marc_added));
	plan->notes = rv_arena_alloc(&h->arena, n * sizeof(rv_marc_note));
	if (plan->added == NULL || plan->notes == NULL)
	{
		rv_marc_plan_free(plan);
		rv_seterr(err, "out of memory");
		return RV_ENOMEM;
	}
	plan->hebrew = record_is_hebrew(record, plan->language);
	plan->insert_at = insert_position(record);
	p.engine = engine;
	p.record = record;
	p.params = params;
	p.holder = h;
	p.last_occurrence = max_occurrence(record);
	p.err = err;
	for (int i = 0; plan->hebrew && i < record->nfields; i++)
	{
		rv_status	st;

		if (err)
			err[0] = '\0';
		if ((st = plan_field(&p, i)) != RV_OK)
		{
			rv_marc_plan_free(plan);
			return st;
		}
	}
	*out = plan;
	return RV_OK;
}

void
rv_marc_plan_free(rv_marc_plan *plan)
{
	plan_holder *h;

	if (plan == NULL)
		return;
	h = plan->memory;
	rv_arena_free(&h->arena);
	rv_free(h);
}
