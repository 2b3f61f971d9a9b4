/*
 * convert_parts.c — the text as ISBD parts: each part's standard (asked for
 * or detected), parts written in another language kept as they are, and
 * the per-part entries of rv_analyze's report.
 */
#include "convert.h"
#include "interrupt.h"
#include "detect_language.h"
#include "detect_standard.h"
#include "isbd.h"
#include "utf8.h"

/* Every letter Latin, or a modifier letter (ʻ ʾ): words of another script
 * are no cue to the language of a part. */
static int
is_latin_word(const uint32_t *cps, size_t from, size_t to)
{
	for (size_t i = from; i < to; i++)
		if (rv_cp_is_letter(cps[i]) && !rv_cp_is_latin(cps[i]) &&
			!rv_cp_is_modifier_letter(cps[i]))
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

		rv_interrupt_tick();	/* a whole part: cancel (interrupt.h) */
		if (!conv_is_word_char(c->rules, c->cps[i]))
		{
			i++;
			continue;
		}
		p.start = i;
		while (i < sp->end && conv_is_word_char(c->rules, c->cps[i]))
			i++;
		p.end = i;
		conv_fold_part(c, &p);
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
part_standard(conv *c, const rv_rules *forced, const rv_rules *detected,
			  const rv_span *sp, const char **label, int *known)
{
	const rv_rules *r = forced ? forced : detected;

	*known = r != NULL;
	if (r)
		*label = r->name;
	else
		*label = rv_has_latin_letter(c->cps, sp->start, sp->end) ?
			"unknown" : "not_latin";
	return r ? r : c->engine->rules[0];
}

void
convert_text(conv *c, const rv_rules *forced)
{
	rv_span		spans[RV_MAX_SPANS];
	int			nspans = rv_split_parts(c->cps, c->n, spans, RV_MAX_SPANS);
	size_t		done = 0;
	const rv_rules *detected[RV_MAX_SPANS] = {NULL};
	const rv_rules *language = NULL;

	/* the standard of each part and of the text by their letters; Yiddish
	 * or Hebrew judged once for the whole text (detect_language.c) */
	if (forced == NULL)
		language = rv_detect_text_language(c->engine,
										   rv_detect_standards(c->engine, c->cps, c->n,
															   spans, nspans, detected),
										   c->cps, c->n, c->search, &c->arena);

	for (int s = 0; s < nspans && !c->stop && !c->oom; s++)
	{
		const rv_span *sp = &spans[s];
		const char *label;
		int			known;
		int			translit = rv_has_transliteration_marks(c->cps, sp->start, sp->end);
		size_t		out_start;

		conv_put_cps(&c->out, c->cps, done, sp->start);	/* the separator */
		c->rules = part_standard(c, forced, detected[s], sp, &label, &known);
		c->rules = rv_language_part_standard(c->engine, language, c->rules,
											 &label, &known);
		/* none betrayed: the field's kind decides (convert_names.c) */
		c->rules = conv_field_standard(c, sp, c->rules, &label, &known);
		if (c->report)
			rv_report_set_language(c->report, c->rules->lang.name[0] ?
								   c->rules->lang.name : NULL);
		if (c->report)
			rv_report_part_begin(c->report, sp->role, label, known, translit);
		out_start = c->out.len;
		/* A parallel title without romanization marks is a title in its own
		 * language (= Chorostkow book), not romanized Hebrew; so is a part
		 * full of another language's function words. */
		if ((sp->role == RV_ROLE_PARALLEL && !translit && forced == NULL) ||
			part_is_foreign(c, sp))
		{
			conv_put_cps(&c->out, c->cps, sp->start, sp->end);
			if (c->report)
				rv_report_part_kept(c->report);
		}
		else
			convert_range(c, sp->start, sp->end);
		conv_context_choose(c, out_start);
		if (c->report)
		{
			char	   *source = conv_span_utf8(c, sp->start, sp->end);
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
