/*
 * json_text.c — rv_analyze(): the analysis event stream written as JSON
 * text, for the command-line tool and the unit tests.  (PostgreSQL builds
 * jsonb from the same events, src/pg/jsonb_sink.c.)
 */
#include <string.h>

#include "alloc.h"
#include "buf.h"
#include "revrit.h"

/* Containers nest this deep at most in the analysis. */
#define JSON_MAX_DEPTH 16

typedef struct json_writer
{
	rv_buf		buf;
	int			depth;
	int			after_key;		/* the next value follows "key": */
	unsigned char first[JSON_MAX_DEPTH];	/* nothing written yet at depth */
} json_writer;

/* The ", " between two members or elements. */
static void
separate(json_writer *w)
{
	if (w->after_key)
		w->after_key = 0;
	else if (w->depth > 0 && !w->first[w->depth])
		rv_buf_append(&w->buf, ", ", 2);
	w->first[w->depth] = 0;
}

static void
put_string(json_writer *w, const char *s, size_t len)
{
	static const char hex[] = "0123456789abcdef";

	rv_buf_putc(&w->buf, '"');
	for (size_t i = 0; i < len; i++)
	{
		unsigned char c = (unsigned char) s[i];

		if (c == '"' || c == '\\')
		{
			rv_buf_putc(&w->buf, '\\');
			rv_buf_putc(&w->buf, (char) c);
		}
		else if (c < 0x20)
		{
			char		esc[6] = {'\\', 'u', '0', '0', hex[c >> 4], hex[c & 15]};

			rv_buf_append(&w->buf, esc, sizeof(esc));
		}
		else
			rv_buf_putc(&w->buf, (char) c);
	}
	rv_buf_putc(&w->buf, '"');
}

static void
open_container(json_writer *w, char c)
{
	separate(w);
	rv_buf_putc(&w->buf, c);
	if (w->depth + 1 < JSON_MAX_DEPTH)
		w->depth++;
	else
		w->buf.failed = 1;
	w->first[w->depth] = 1;
}

static void
close_container(json_writer *w, char c)
{
	rv_buf_putc(&w->buf, c);
	if (w->depth > 0)
		w->depth--;
}

static void
begin_object(void *arg)
{
	open_container(arg, '{');
}

static void
end_object(void *arg)
{
	close_container(arg, '}');
}

static void
begin_array(void *arg)
{
	open_container(arg, '[');
}

static void
end_array(void *arg)
{
	close_container(arg, ']');
}

static void
key(const char *s, size_t len, void *arg)
{
	json_writer *w = arg;

	separate(w);
	put_string(w, s, len);
	rv_buf_append(&w->buf, ": ", 2);
	w->after_key = 1;
}

static void
string(const char *s, size_t len, void *arg)
{
	separate(arg);
	put_string(arg, s, len);
}

static void
number(const char *s, size_t len, void *arg)
{
	json_writer *w = arg;

	separate(w);
	rv_buf_append(&w->buf, s, len);
}

static void
boolean(int v, void *arg)
{
	json_writer *w = arg;

	separate(w);
	rv_buf_append(&w->buf, v ? "true" : "false", v ? 4 : 5);
}

static void
null(void *arg)
{
	json_writer *w = arg;

	separate(w);
	rv_buf_append(&w->buf, "null", 4);
}

rv_status
rv_analyze(const rv_engine *engine, const char *text, size_t len, int n,
		   const rv_options *options, char **json, size_t *jsonlen, char *err)
{
	json_writer w;
	rv_event_sink sink = {begin_object, end_object, begin_array, end_array,
	key, string, number, boolean, null, &w};
	rv_status	st;

	memset(&w, 0, sizeof(w));
	rv_buf_init(&w.buf);
	st = rv_analyze_events(engine, text, len, n, options, &sink, err);
	if (st != RV_OK)
	{
		rv_buf_free(&w.buf);
		return st;
	}
	*json = rv_buf_take(&w.buf, jsonlen);
	if (*json == NULL)
	{
		rv_seterr(err, "out of memory");
		return RV_ENOMEM;
	}
	return RV_OK;
}
