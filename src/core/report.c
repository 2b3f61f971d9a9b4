/*
 * report.c — the JSON analysis of a conversion (rv_analyze).
 *
 * Recommendation rules (README, "revrit_analyze"): a part is fit for
 * display when its standard was recognized, it has no foreign words, every
 * word was converted and the lexicon knows every converted word; it is fit
 * for search when every romanized word was converted and none is foreign.
 * A part left in its own language (a parallel title, an English or German
 * phrase) reports foreign_tokens and is listed as "kept": it neither
 * blocks nor earns a recommendation.  use = "display" when every converted
 * part is fit for display, "search" when the main part is fit for search,
 * else "none" (also when nothing was converted).
 */
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "report.h"

static void
put_str(rv_buf *b, const char *s)
{
	rv_buf_putc(b, '"');
	for (; *s; s++)
	{
		unsigned char c = (unsigned char) *s;

		if (c == '"' || c == '\\')
		{
			rv_buf_putc(b, '\\');
			rv_buf_putc(b, (char) c);
		}
		else if (c < 0x20)
		{
			char		esc[8];

			snprintf(esc, sizeof(esc), "\\u%04x", c);
			rv_buf_append(b, esc, strlen(esc));
		}
		else
			rv_buf_putc(b, (char) c);
	}
	rv_buf_putc(b, '"');
}

static void
put_raw(rv_buf *b, const char *s)
{
	rv_buf_append(b, s, strlen(s));
}

static void
put_bool(rv_buf *b, const char *key, int v, int comma)
{
	put_str(b, key);
	put_raw(b, v ? ": true" : ": false");
	if (comma)
		put_raw(b, ", ");
}

void
rv_report_init(rv_report *r, int lexicon)
{
	memset(r, 0, sizeof(*r));
	rv_buf_init(&r->json);
	r->lexicon = lexicon;
	put_raw(&r->json, "{\"parts\": [");
}

void
rv_report_set_language(rv_report *r, const char *language)
{
	r->language = language;
}

void
rv_report_part_begin(rv_report *r, rv_role role, const char *standard,
					 int standard_known, int translit)
{
	if (r->nparts > 0)
		put_raw(&r->json, ", ");
	put_raw(&r->json, "{\"role\": ");
	put_str(&r->json, rv_role_name(role));
	put_raw(&r->json, ", \"standard\": ");
	put_str(&r->json, standard);
	put_raw(&r->json, ", \"language\": ");
	put_str(&r->json, r->language ? r->language : "hebrew");
	put_raw(&r->json, ", ");
	put_bool(&r->json, "transliteration_tokens", translit, 1);
	put_raw(&r->json, "\"words\": [");
	if (r->nparts < RV_REPORT_MAX_PARTS)
		r->parts[r->nparts].role = role;
	r->nwords = 0;
	r->standard_known = standard_known;
	r->translit = translit;
	r->fully_converted = 1;
	r->all_recognized = 1;
	r->foreign_tokens = 0;
	r->converted_words = 0;
	r->kept = 0;
}

void
rv_report_word(rv_report *r, const char *roman, const char *const *hebrew,
			   const double *scores, int nalt, int in_lexicon, int foreign)
{
	rv_buf	   *b = &r->json;
	char		num[32];

	if (r->nwords++ > 0)
		put_raw(b, ", ");
	put_raw(b, "{\"romanized\": ");
	put_str(b, roman);
	put_raw(b, ", \"hebrew\": ");
	put_str(b, nalt > 0 ? hebrew[0] : roman);
	put_raw(b, ", ");
	put_bool(b, "converted", nalt > 0, 1);
	put_bool(b, "foreign", foreign, 1);
	put_bool(b, "in_lexicon", nalt > 0 && in_lexicon, 1);
	put_raw(b, "\"alternatives\": [");
	for (int i = 0; i < nalt; i++)
	{
		put_raw(b, i ? ", {\"hebrew\": " : "{\"hebrew\": ");
		put_str(b, hebrew[i]);
		if (isfinite(scores[i]) && fabs(scores[i]) < 1e12)
			snprintf(num, sizeof(num), ", \"score\": %.3f}", scores[i]);
		else
			snprintf(num, sizeof(num), ", \"score\": null}");
		put_raw(b, num);
	}
	put_raw(b, "]}");

	if (foreign)
		r->foreign_tokens = 1;
	if (nalt == 0)
		r->fully_converted = 0;
	else
	{
		r->converted_words++;
		if (!in_lexicon)
			r->all_recognized = 0;
	}
}

void
rv_report_part_kept(rv_report *r)
{
	r->kept = 1;
	r->foreign_tokens = 1;
	r->fully_converted = 0;
}

void
rv_report_part_end(rv_report *r, const char *source, const char *hebrew)
{
	rv_buf	   *b = &r->json;
	int			recognized = r->lexicon && r->all_recognized && r->converted_words > 0;
	int			search = r->fully_converted && !r->foreign_tokens &&
		r->converted_words > 0;
	int			display = search && recognized && r->standard_known;

	put_raw(b, "], \"text\": ");
	put_str(b, source);
	put_raw(b, ", \"hebrew\": ");
	put_str(b, hebrew);
	put_raw(b, ", ");
	put_bool(b, "foreign_tokens", r->foreign_tokens, 1);
	put_bool(b, "fully_converted", r->fully_converted, 1);
	put_bool(b, "all_recognized", recognized, 1);
	put_bool(b, "fit_for_display", display, 1);
	put_bool(b, "fit_for_search", search, 0);
	put_raw(b, "}");
	if (r->nparts < RV_REPORT_MAX_PARTS)
	{
		r->parts[r->nparts].kept = r->kept;
		r->parts[r->nparts].display = display;
		r->parts[r->nparts].search = search;
	}
	r->nparts++;
}

/* The roles of the parts in one recommendation list. */
typedef enum rv_list
{
	LIST_DISPLAY,
	LIST_SEARCH_ONLY,
	LIST_UNFIT,
	LIST_KEPT
} rv_list;

static int
in_list(const rv_report_part *p, rv_list list)
{
	if (p->kept)
		return list == LIST_KEPT;
	switch (list)
	{
		case LIST_DISPLAY:
			return p->display;
		case LIST_SEARCH_ONLY:
			return p->search && !p->display;
		case LIST_UNFIT:
			return !p->search;
		case LIST_KEPT:
			break;
	}
	return 0;
}

static void
put_roles(rv_buf *b, const rv_report *r, rv_list list)
{
	int			first = 1;
	int			n = r->nparts < RV_REPORT_MAX_PARTS ? r->nparts : RV_REPORT_MAX_PARTS;

	put_raw(b, "[");
	for (int i = 0; i < n; i++)
	{
		if (!in_list(&r->parts[i], list))
			continue;
		if (!first)
			put_raw(b, ", ");
		put_str(b, rv_role_name(r->parts[i].role));
		first = 0;
	}
	put_raw(b, "]");
}

char *
rv_report_finish(rv_report *r, const char *hebrew, size_t *len)
{
	rv_buf	   *b = &r->json;
	int			converted = 0,
				all_display = 1,
				main_search = 0;
	const char *use;
	int			n = r->nparts < RV_REPORT_MAX_PARTS ? r->nparts : RV_REPORT_MAX_PARTS;

	for (int i = 0; i < n; i++)
	{
		const rv_report_part *p = &r->parts[i];

		if (p->kept)
			continue;
		converted++;
		if (!p->display)
			all_display = 0;
		if (p->role == RV_ROLE_MAIN && p->search)
			main_search = 1;
	}
	use = converted && all_display ? "display" : main_search ? "search" : "none";

	put_raw(b, "], \"hebrew\": ");
	put_str(b, hebrew);
	put_raw(b, ", \"kind\": ");
	put_str(b, r->kind ? r->kind : "title");
	put_raw(b, ", ");
	put_bool(b, "lexicon", r->lexicon, 1);
	put_raw(b, "\"recommendation\": {\"use\": ");
	put_str(b, use);
	put_raw(b, ", \"display\": ");
	put_roles(b, r, LIST_DISPLAY);
	put_raw(b, ", \"search_only\": ");
	put_roles(b, r, LIST_SEARCH_ONLY);
	put_raw(b, ", \"unfit\": ");
	put_roles(b, r, LIST_UNFIT);
	put_raw(b, ", \"kept\": ");
	put_roles(b, r, LIST_KEPT);
	put_raw(b, "}}");
	return rv_buf_take(b, len);
}

void
rv_report_free(rv_report *r)
{
	rv_buf_free(&r->json);
}
