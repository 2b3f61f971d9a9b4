/*
 * report.c — the analysis of a conversion (rv_analyze_events), emitted as
 * structural events while the conversion runs; json_text.c writes them as
 * JSON text, the PostgreSQL glue builds jsonb from them.
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
ev_key(const rv_report *r, const char *key)
{
	r->sink->key(key, strlen(key), r->sink->arg);
}

static void
ev_str(const rv_report *r, const char *key, const char *s)
{
	ev_key(r, key);
	r->sink->string(s, strlen(s), r->sink->arg);
}

static void
ev_bool(const rv_report *r, const char *key, int v)
{
	ev_key(r, key);
	r->sink->boolean(v != 0, r->sink->arg);
}

void
rv_report_init(rv_report *r, int lexicon, const rv_event_sink *sink)
{
	memset(r, 0, sizeof(*r));
	r->sink = sink;
	r->lexicon = lexicon;
	sink->begin_object(sink->arg);
	ev_key(r, "parts");
	sink->begin_array(sink->arg);
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
	r->sink->begin_object(r->sink->arg);
	ev_str(r, "role", rv_role_name(role));
	ev_str(r, "standard", standard);
	ev_str(r, "language", r->language ? r->language : "hebrew");
	ev_bool(r, "transliteration_tokens", translit);
	ev_key(r, "words");
	r->sink->begin_array(r->sink->arg);
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
	const rv_event_sink *k = r->sink;
	char		num[32];

	r->nwords++;
	k->begin_object(k->arg);
	ev_str(r, "romanized", roman);
	ev_str(r, "hebrew", nalt > 0 ? hebrew[0] : roman);
	ev_bool(r, "converted", nalt > 0);
	ev_bool(r, "foreign", foreign);
	ev_bool(r, "in_lexicon", nalt > 0 && in_lexicon);
	ev_key(r, "alternatives");
	k->begin_array(k->arg);
	for (int i = 0; i < nalt; i++)
	{
		k->begin_object(k->arg);
		ev_str(r, "hebrew", hebrew[i]);
		ev_key(r, "score");
		if (isfinite(scores[i]) && fabs(scores[i]) < 1e12)
		{
			int			len = snprintf(num, sizeof(num), "%.3f", scores[i]);

			k->number(num, (size_t) len, k->arg);
		}
		else
			k->null(k->arg);
		k->end_object(k->arg);
	}
	k->end_array(k->arg);
	k->end_object(k->arg);

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
	int			recognized = r->lexicon && r->all_recognized && r->converted_words > 0;
	int			search = r->fully_converted && !r->foreign_tokens &&
		r->converted_words > 0;
	int			display = search && recognized && r->standard_known;

	r->sink->end_array(r->sink->arg);
	ev_str(r, "text", source);
	ev_str(r, "hebrew", hebrew);
	ev_bool(r, "foreign_tokens", r->foreign_tokens);
	ev_bool(r, "fully_converted", r->fully_converted);
	ev_bool(r, "all_recognized", recognized);
	ev_bool(r, "fit_for_display", display);
	ev_bool(r, "fit_for_search", search);
	r->sink->end_object(r->sink->arg);
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
put_roles(const rv_report *r, const char *key, rv_list list)
{
	int			n = r->nparts < RV_REPORT_MAX_PARTS ? r->nparts : RV_REPORT_MAX_PARTS;

	ev_key(r, key);
	r->sink->begin_array(r->sink->arg);
	for (int i = 0; i < n; i++)
	{
		const char *role = rv_role_name(r->parts[i].role);

		if (in_list(&r->parts[i], list))
			r->sink->string(role, strlen(role), r->sink->arg);
	}
	r->sink->end_array(r->sink->arg);
}

void
rv_report_finish(rv_report *r, const char *hebrew)
{
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

	r->sink->end_array(r->sink->arg);
	ev_str(r, "hebrew", hebrew);
	ev_str(r, "kind", r->kind ? r->kind : "title");
	ev_bool(r, "lexicon", r->lexicon);
	ev_key(r, "recommendation");
	r->sink->begin_object(r->sink->arg);
	ev_str(r, "use", use);
	put_roles(r, "display", LIST_DISPLAY);
	put_roles(r, "search_only", LIST_SEARCH_ONLY);
	put_roles(r, "unfit", LIST_UNFIT);
	put_roles(r, "kept", LIST_KEPT);
	r->sink->end_object(r->sink->arg);
	r->sink->end_object(r->sink->arg);
}
