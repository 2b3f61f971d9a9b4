/*
 * convert.c — the API entry points rv_convert, rv_candidates and rv_analyze:
 * check the arguments, decode the text, set up one call's state and run the
 * conversion (convert_parts.c onwards).
 */
#include <string.h>

#include "convert.h"
#include "isbd.h"
#include "interrupt.h"
#include "utf8.h"

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
	rv_interrupt_begin(options->interrupt, options->interrupt_arg);
	c.engine = engine;
	c.opt = options;
	c.k = k;
	rv_context_init(&c.context);
	rv_arena_init(&c.pending_arena);
	c.fn = fn;
	c.fn_arg = arg;
	c.report = report;
	st = rv_decode_nfc(text, len, &cps, &c.n, err);
	if (st != RV_OK)
		return st;
	c.cps = cps;
	conv_set_kind(&c);
	rv_buf_init(&c.out);
	rv_arena_init(&c.arena);
	c.search = rv_search_new();
	rv_search_configure(c.search, options);
	/* the learned layer compares RV_LEARNED_K spellings (convert_word.c),
	 * the context RV_CONTEXT_K; room for a word list's readings before the
	 * rules' */
	c.spellings = rv_alloc((size_t) ((k > RV_LEARNED_K ? k : RV_LEARNED_K) +
									 RV_WL_MAX_OPTIONS) * sizeof(rv_spelling));
	if (c.search == NULL || c.spellings == NULL)
		c.oom = 1;
	else
	{
		/* no mark anywhere in the field: a plain h may have lost its dot */
		rv_search_set_plain(c.search, !rv_has_transliteration_marks(cps, 0, c.n));
		convert_text(&c, forced);
	}

	rv_interrupt_end();
	rv_arena_free(&c.arena);
	conv_context_free(&c);
	rv_search_free(c.search);
	rv_free(c.spellings);
	rv_free(c.plain);			/* convert_names.c */
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
rv_analyze_events(const rv_engine *engine, const char *text, size_t len,
				  int n, const rv_options *options, const rv_event_sink *sink,
				  char *err)
{
	rv_report	report;
	rv_buf		result;
	rv_status	st;

	if (!count_ok(n, "alternatives", err))
		return RV_EINVAL;
	rv_report_init(&report, engine->lexicon != NULL, sink);
	st = run(engine, text, len, options, n, NULL, NULL, &report, &result, err);
	if (st != RV_OK)
		return st;
	rv_report_finish(&report, result.data ? result.data : "");
	rv_buf_free(&result);
	return RV_OK;
}
