/*
 * marc_field.c — convert the word-bearing subfields of one MARC field, and
 * ask the analysis whether the result is fit for display.
 *
 * The subfields are converted as one text, "p0 p1 p2", so that the
 * conversion has the context revrit() has for the whole field: the ISBD
 * parts (" : " subtitle, " / " responsibility) that span $a $b $c, and a
 * Hebrew year in $c that needs the Gregorian year beside it.  A MARC
 * subfield delimiter (U+001F) after each joining space marks where a
 * subfield starts; the conversion copies it like any other punctuation and
 * it cannot occur in a subfield's value, so the result is cut there again.
 * Should a value contain one anyway, or the cut not give one piece per
 * subfield, each subfield is converted on its own instead.
 */
#include <string.h>

#include "alloc.h"
#include "marc_int.h"

#define MARC_MARK '\x1f'

/* Cut s at the marks into exactly n pieces, dropping each joining space;
 * 0 when the count differs or memory ran out. */
static int
cut_at_marks(const char *s, size_t len, int n, rv_arena *arena, char **out)
{
	size_t		start = 0;
	int			k = 0;

	for (size_t i = 0; i <= len; i++)
	{
		size_t		end = i;

		if (i < len && s[i] != MARC_MARK)
			continue;
		if (k == n)
			return 0;
		if (i < len && end > start && s[end - 1] == ' ')
			end--;
		if ((out[k++] = rv_arena_strndup(arena, s + start, end - start)) == NULL)
			return 0;
		start = i + 1;
	}
	return k == n;
}

static int
has_mark(const char *const *pieces, const size_t *lens, int n)
{
	for (int i = 0; i < n; i++)
		if (memchr(pieces[i], MARC_MARK, lens[i]) != NULL)
			return 1;
	return 0;
}

/* One text, converted; 1 when it cut into n pieces, 0 when not, -1 on error. */
static int
convert_joined(const rv_engine *engine, const rv_options *options,
			   const char *const *pieces, const size_t *lens, int n,
			   rv_arena *arena, char **out, rv_status *st, char *err)
{
	rv_buf		joined;
	char	   *text,
			   *conv = NULL;
	size_t		len,
				convlen = 0;
	int			ok;

	rv_buf_init(&joined);
	for (int i = 0; i < n; i++)
	{
		if (i > 0)
		{
			rv_buf_putc(&joined, ' ');
			rv_buf_putc(&joined, MARC_MARK);
		}
		rv_buf_append(&joined, pieces[i], lens[i]);
	}
	if ((text = rv_buf_take(&joined, &len)) == NULL)
	{
		*st = RV_ENOMEM;
		rv_seterr(err, "out of memory");
		return -1;
	}
	*st = rv_convert(engine, text, len, options, &conv, &convlen, err);
	rv_free(text);
	if (*st != RV_OK)
		return -1;
	ok = cut_at_marks(conv, convlen, n, arena, out);
	rv_free(conv);
	if (arena->failed)
	{
		*st = RV_ENOMEM;
		rv_seterr(err, "out of memory");
		return -1;
	}
	return ok;
}

/* The fallback: every subfield on its own. */
static rv_status
convert_each(const rv_engine *engine, const rv_options *options,
			 const char *const *pieces, const size_t *lens, int n,
			 rv_arena *arena, char **out, char *err)
{
	for (int i = 0; i < n; i++)
	{
		char	   *conv = NULL;
		size_t		convlen = 0;
		rv_status	st = rv_convert(engine, pieces[i], lens[i], options,
									&conv, &convlen, err);

		if (st != RV_OK)
			return st;
		out[i] = rv_arena_strndup(arena, conv, convlen);
		rv_free(conv);
		if (out[i] == NULL)
		{
			rv_seterr(err, "out of memory");
			return RV_ENOMEM;
		}
	}
	return RV_OK;
}

rv_status
rv_marc_convert_pieces(const rv_engine *engine, const rv_options *options,
					   const char *const *pieces, const size_t *lens, int n,
					   rv_arena *arena, char **out, char **hebrew, char *err)
{
	rv_status	st = RV_OK;
	int			done = 0;
	rv_buf		all;
	size_t		len;
	char	   *joined;

	if (!has_mark(pieces, lens, n))
		done = convert_joined(engine, options, pieces, lens, n, arena, out,
							  &st, err);
	if (done < 0)
		return st;
	if (!done && (st = convert_each(engine, options, pieces, lens, n, arena,
									out, err)) != RV_OK)
		return st;

	rv_buf_init(&all);
	for (int i = 0; i < n; i++)
	{
		if (i > 0)
			rv_buf_putc(&all, ' ');
		rv_buf_append(&all, out[i], strlen(out[i]));
	}
	joined = rv_buf_take(&all, &len);
	*hebrew = joined ? rv_arena_strndup(arena, joined, len) : NULL;
	rv_free(joined);
	if (*hebrew == NULL)
	{
		rv_seterr(err, "out of memory");
		return RV_ENOMEM;
	}
	return RV_OK;
}

/* After a key at p: skip white space and the colon; where the value starts. */
static const char *
value_after(const char *p)
{
	while (*p == ' ' || *p == ':' || *p == '\n' || *p == '\t')
		p++;
	return p;
}

/*
 * The adapter over the analysis: the one place that reads its output.  It
 * takes recommendation.use: the "use" key after the last "recommendation"
 * key of the document, spacing aside (a word's text cannot fake either:
 * quotes inside strings are escaped).
 */
rv_status
rv_marc_fitness(const rv_engine *engine, const rv_options *options,
				const char *text, size_t len, const char **fitness,
				char *err)
{
	char	   *json = NULL;
	const char *rec = NULL,
			   *use;
	size_t		jsonlen = 0;
	rv_status	st;

	st = rv_analyze(engine, text, len, 1, options, &json, &jsonlen, err);
	if (st != RV_OK)
		return st;
	for (const char *p = json; (p = strstr(p, "\"recommendation\"")) != NULL; p++)
		rec = p;
	use = rec ? strstr(rec, "\"use\"") : NULL;
	use = use ? value_after(use + 5) : NULL;
	*fitness = "none";
	if (use && strncmp(use, "\"display\"", 9) == 0)
		*fitness = "display";
	else if (use && strncmp(use, "\"search\"", 8) == 0)
		*fitness = "search";
	rv_free(json);
	return RV_OK;
}
