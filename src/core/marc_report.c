/*
 * marc_report.c — a plan as the JSON report revrit_marc_report() returns
 * and "revrit marc --report" prints: the fields added with their link,
 * those skipped with why, and the fitness of each conversion.
 */
#include <stdio.h>
#include <string.h>

#include "alloc.h"
#include "buf.h"
#include "marc.h"

/* Why a field got no 880, as the report and the CLI say it. */
const char *
rv_marc_skip_text(rv_marc_skip why)
{
	switch (why)
	{
		case RV_MARC_ADDED:
			return "added";
		case RV_MARC_SKIP_LINKED:
			return "already linked to an 880";
		case RV_MARC_SKIP_NOT_ROMANIZED:
			return "no romanized text";
		case RV_MARC_SKIP_UNCHANGED:
			return "conversion changes nothing";
		case RV_MARC_SKIP_NOT_FIT:
			return "not fit for display";
		case RV_MARC_SKIP_NOT_SELECTED:
			return "tag not selected";
		case RV_MARC_SKIP_OTHER_LINK:
			return "has a $6 that is not a link to an 880";
	}
	return "unknown";
}

static void
put(rv_buf *b, const char *s)
{
	rv_buf_append(b, s, strlen(s));
}

static void
put_json_string(rv_buf *b, const char *s)
{
	if (s == NULL)
	{
		put(b, "null");
		return;
	}
	rv_buf_putc(b, '"');
	for (; *s; s++)
	{
		unsigned char c = (unsigned char) *s;
		char		esc[8];

		if (c == '"' || c == '\\')
		{
			rv_buf_putc(b, '\\');
			rv_buf_putc(b, (char) c);
		}
		else if (c < 0x20)
		{
			snprintf(esc, sizeof(esc), "\\u%04x", c);
			put(b, esc);
		}
		else
			rv_buf_putc(b, (char) c);
	}
	rv_buf_putc(b, '"');
}

static void
put_note(rv_buf *b, const rv_marc_note *note)
{
	char		num[32];

	snprintf(num, sizeof(num), "{\"field\": %d, \"tag\": ", note->field + 1);
	put(b, num);
	put_json_string(b, note->tag);
	put(b, ", \"kind\": ");
	put_json_string(b, note->kind);
	if (note->why == RV_MARC_ADDED)
	{
		snprintf(num, sizeof(num), ", \"occurrence\": \"%02d\"", note->occurrence);
		put(b, num);
	}
	else
	{
		put(b, ", \"reason\": ");
		put_json_string(b, rv_marc_skip_text(note->why));
	}
	put(b, ", \"text\": ");
	put_json_string(b, note->text);
	put(b, ", \"hebrew\": ");
	put_json_string(b, note->hebrew);
	put(b, ", \"fitness\": ");
	put_json_string(b, note->fitness);
	rv_buf_putc(b, '}');
}

rv_status
rv_marc_report_json(const rv_marc_plan *plan, char **json, size_t *len,
					char *err)
{
	rv_buf		b;

	rv_buf_init(&b);
	put(&b, plan->hebrew ? "{\"hebrew\": true, \"language\": " :
		"{\"hebrew\": false, \"language\": ");
	put_json_string(&b, plan->language[0] ? plan->language : NULL);
	for (int pass = 0; pass < 2; pass++)
	{
		int			first = 1;

		put(&b, pass == 0 ? ", \"added\": [" : ", \"skipped\": [");
		for (int i = 0; i < plan->nnotes; i++)
		{
			const rv_marc_note *note = &plan->notes[i];

			if ((note->why == RV_MARC_ADDED) != (pass == 0))
				continue;
			if (!first)
				put(&b, ", ");
			put_note(&b, note);
			first = 0;
		}
		rv_buf_putc(&b, ']');
	}
	rv_buf_putc(&b, '}');
	if ((*json = rv_buf_take(&b, len)) == NULL)
	{
		rv_seterr(err, "out of memory");
		return RV_ENOMEM;
	}
	return RV_OK;
}
