/*
 * revrit_pg.c — SQL-callable functions of the revrit extension.
 *
 * Each wrapper only unpacks its arguments, calls the core and packs the
 * result; loading lives in engine_cache.c, settings in guc.c, error
 * mapping in errors.c.
 */
#include "postgres.h"

#include <math.h>


#include "fmgr.h"
#include "funcapi.h"
#include "lib/stringinfo.h"
#include "miscadmin.h"
#include "utils/builtins.h"
#include "utils/json.h"
#include "utils/jsonb.h"
#include "utils/memutils.h"
#include "utils/tuplestore.h"

#include "revrit_pg.h"
#include "learned_pg.h"

PG_MODULE_MAGIC;

void		_PG_init(void);

PG_FUNCTION_INFO_V1(revrit_convert_text);
PG_FUNCTION_INFO_V1(revrit_candidates);
PG_FUNCTION_INFO_V1(revrit_info);
PG_FUNCTION_INFO_V1(revrit_analyze);

void
_PG_init(void)
{
	revrit_install_allocator();
	revrit_define_gucs();
}

/* The core calls this once per word, so cancel and statement_timeout work. */
static void
interrupt_cb(void *arg)
{
	CHECK_FOR_INTERRUPTS();
}

/* "auto, a, b" of the valid standard names, for hints. */
char *
revrit_standard_list(const RevritLoaded *eng)
{
	StringInfoData buf;
	int			i;

	initStringInfo(&buf);
	appendStringInfoString(&buf, REVRIT_AUTO_STANDARD);
	for (i = 0; i < eng->nrules; i++)
		if (!rv_rules_is_wordlist(eng->rules[i]))	/* a word list is no standard */
			appendStringInfo(&buf, ", %s", rv_rules_name(eng->rules[i]));
	return buf.data;
}

/*
 * The standard to convert with: the argument, or revrit.standard when the
 * argument is ''.  Names compare case-insensitively; the loaded rule set's
 * own spelling is passed on.  NULL = "auto": the core detects the standard
 * of each part of the text.
 */
static const char *
resolve_standard(const RevritLoaded *eng, const char *arg)
{
	const char *name = arg[0] ? arg : revrit_standard_guc;
	int			i;

	if (name == NULL || name[0] == '\0' ||
		pg_strcasecmp(name, REVRIT_AUTO_STANDARD) == 0)
		return NULL;
	for (i = 0; i < eng->nrules; i++)
	{
		const char *have = rv_rules_name(eng->rules[i]);

		if (pg_strcasecmp(have, name) == 0 && !rv_rules_is_wordlist(eng->rules[i]))
			return have;
	}
	ereport(ERROR,
			(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
			 errmsg("unknown revrit standard \"%s\"", name),
			 errhint("Valid standards are: %s.", revrit_standard_list(eng))));
	return NULL;				/* keep compiler quiet */
}

/*
 * One of a setting's named values: the argument, or the setting (guc) when it
 * is ''.  names[] ends with NULL; values[] gives each its enum value.  what
 * names the setting in the error, valid its plural in the hint.
 */
static int
resolve_named(const char *arg, int guc, const char *const *names,
			  const int *values, const char *what, const char *valid)
{
	StringInfoData list;

	if (arg[0] == '\0')
		return guc;
	for (int i = 0; names[i] != NULL; i++)
		if (pg_strcasecmp(arg, names[i]) == 0)
			return values[i];
	initStringInfo(&list);
	for (int i = 0; names[i] != NULL; i++)
		appendStringInfo(&list, "%s%s", i ? ", " : "", names[i]);
	ereport(ERROR,
			(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
			 errmsg("unknown revrit %s \"%s\"", what, arg),
			 errhint("Valid %s are: %s.", valid, list.data)));
	return values[0];			/* keep compiler quiet */
}

/* The hyphen style: the argument, or revrit.hyphen when it is ''. */
static rv_hyphen
resolve_hyphen(const char *arg)
{
	static const char *const names[] = {"maqaf", "ascii", NULL};
	static const int values[] = {RV_HYPHEN_MAQAF, RV_HYPHEN_ASCII};

	return (rv_hyphen) resolve_named(arg, revrit_hyphen_guc, names, values,
									 "hyphen style", "hyphen styles");
}

/* The spelling era: the argument, or revrit.spelling when it is ''. */
static rv_spelling_era
resolve_spelling(const char *arg)
{
	static const char *const names[] = {"auto", "modern", "traditional", NULL};
	static const int values[] = {RV_SPELLING_AUTO, RV_SPELLING_MODERN,
	RV_SPELLING_TRADITIONAL};

	return (rv_spelling_era) resolve_named(arg, revrit_spelling_guc, names,
										   values, "spelling", "spellings");
}

/* The field kind: the argument, or revrit.kind when it is ''. */
static rv_kind
resolve_kind(const char *arg)
{
	int			k;

	if (arg[0] == '\0')
		return (rv_kind) revrit_kind_guc;
	k = rv_kind_parse(arg);
	if (k < 0)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("unknown revrit field kind \"%s\"", arg),
				 errhint("Valid kinds are: auto, title, name, imprint.")));
	return (rv_kind) k;
}

/* Options for one call; standard, hyphen and kind are '' for "the setting". */
static void
make_options(rv_options *opt, const RevritLoaded *eng,
			 const char *standard, const char *hyphen, const char *kind)
{
	rv_options_init(opt);
	opt->standard = resolve_standard(eng, standard);
	opt->hyphen = resolve_hyphen(hyphen);
	opt->kind = resolve_kind(kind);
	opt->years = (rv_years) revrit_years_guc;
	opt->marks = (rv_marks) revrit_marks_guc;
	opt->spelling = (rv_spelling_era) revrit_spelling_guc;
	/* Yiddish output (guc.c) */
	opt->yiddish_points = (rv_points) revrit_yiddish_points_guc;
	opt->yiddish_ligatures = revrit_yiddish_ligatures_guc;
	opt->interrupt = interrupt_cb;
	opt->interrupt_arg = NULL;
	opt->learned = revrit_learned_map();
}

/* For learned_sql.c: the options revrit() would use, hyphen from the setting. */
void
revrit_call_options(rv_options *opt, const RevritLoaded *eng,
					const char *standard)
{
	make_options(opt, eng, standard, "", "");	/* kind: revrit.kind */
}

/* revrit(text text, standard text DEFAULT '', hyphen text DEFAULT '',
 *		  kind text DEFAULT '', spelling text DEFAULT '') */
Datum
revrit_convert_text(PG_FUNCTION_ARGS)
{
	text	   *input = PG_GETARG_TEXT_PP(0);
	char	   *standard = text_to_cstring(PG_GETARG_TEXT_PP(1));
	char	   *hyphen = text_to_cstring(PG_GETARG_TEXT_PP(2));
	char	   *kind = text_to_cstring(PG_GETARG_TEXT_PP(3));
	const RevritLoaded *eng;
	rv_options	opt;
	char	   *out = NULL;
	size_t		outlen = 0;
	char		err[RV_ERRLEN] = "";
	rv_status	status;
	text	   *result;
	MemoryContext call;

	revrit_check_encoding();
	eng = revrit_engine();
	make_options(&opt, eng, standard, hyphen, kind);
	if (PG_NARGS() > 4)
		opt.spelling = resolve_spelling(text_to_cstring(PG_GETARG_TEXT_PP(4)));

	/* The core takes pointer and length: no copy of a detoasted text. */
	call = revrit_core_call_begin();
	status = rv_convert(eng->engine, VARDATA_ANY(input),
						VARSIZE_ANY_EXHDR(input), &opt, &out, &outlen, err);
	if (status != RV_OK)
		revrit_report(status, err, NULL);

	result = cstring_to_text_with_len(out, outlen);
	revrit_core_call_end(call);	/* frees out too */
	PG_FREE_IF_COPY(input, 0);
	PG_RETURN_TEXT_P(result);
}

/* ---- revrit_candidates ---------------------------------------------------- */

#define CANDIDATE_COLS 13

typedef struct CandidateSink
{
	Tuplestorestate *store;
	TupleDesc	desc;
	MemoryContext rowcxt;		/* reset after every row */
} CandidateSink;

/* rv_candidates callback: one row per candidate. */
static int
candidate_cb(const rv_candidate *c, void *arg)
{
	CandidateSink *sink = (CandidateSink *) arg;
	Datum		values[CANDIDATE_COLS];
	bool		nulls[CANDIDATE_COLS] = {0};
	MemoryContext oldcxt = MemoryContextSwitchTo(sink->rowcxt);

	/* producing rows is work too: n = 1000 rows per word */
	CHECK_FOR_INTERRUPTS();

	values[0] = Int32GetDatum(c->word);
	values[1] = Int32GetDatum(c->rank);
	values[2] = PointerGetDatum(cstring_to_text(c->roman));
	values[3] = PointerGetDatum(cstring_to_text(c->hebrew));
	values[4] = Float8GetDatum(c->score);
	values[5] = Float8GetDatum(c->rule_cost);
	values[6] = Float8GetDatum(c->char_cost);
	values[7] = Float8GetDatum(c->lexicon_bonus);
	values[8] = BoolGetDatum(c->in_lexicon != 0);
	/* the noisy-channel components: score = channel + language */
	values[9] = Float8GetDatum(c->channel);
	values[10] = Float8GetDatum(c->language);
	/* occurrences per million words; NULL when the lexicon has none */
	values[11] = Float8GetDatum(pow(10.0, 6.0 - c->freq_cost));
	nulls[11] = c->freq_cost < 0;
	values[12] = Float8GetDatum(c->context);
	/* (tuplestore_putvalues copies the row into the store's context) */
	tuplestore_putvalues(sink->store, sink->desc, values, nulls);
	MemoryContextSwitchTo(oldcxt);
	MemoryContextReset(sink->rowcxt);
	return 0;
}

/* Checks n: a positive count no larger than RV_MAX_CANDIDATES. */
static void
check_candidate_count(int n)
{
	if (n <= 0)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("n must be positive")));

	/*
	 * The k-best search does work proportional to n for every word, and
	 * every candidate becomes a row; the cap keeps one call's time and
	 * memory bounded.  Nobody reads past the first few hundred.
	 */
	if (n > RV_MAX_CANDIDATES)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("n must be at most %d", RV_MAX_CANDIDATES)));
}

/*
 * The arguments revrit_candidates and revrit_analyze share (n, standard,
 * kind at 1..3), checked, as options; returns the engine.
 */
static const RevritLoaded *
candidate_call_options(FunctionCallInfo fcinfo, int32 *n, rv_options *opt)
{
	char	   *standard = text_to_cstring(PG_GETARG_TEXT_PP(2));
	char	   *kind = text_to_cstring(PG_GETARG_TEXT_PP(3));
	const RevritLoaded *eng;

	*n = PG_GETARG_INT32(1);
	check_candidate_count(*n);
	revrit_check_encoding();
	eng = revrit_engine();
	make_options(opt, eng, standard, "", kind);
	return eng;
}

/* revrit_candidates(text text, n int DEFAULT 5, standard text DEFAULT '',
 *					 kind text DEFAULT '') */
Datum
revrit_candidates(PG_FUNCTION_ARGS)
{
	ReturnSetInfo *rsinfo = (ReturnSetInfo *) fcinfo->resultinfo;
	text	   *input = PG_GETARG_TEXT_PP(0);
	int32		n;
	const RevritLoaded *eng;
	rv_options	opt;
	CandidateSink sink;
	char		err[RV_ERRLEN] = "";
	rv_status	status;
	MemoryContext call;

	eng = candidate_call_options(fcinfo, &n, &opt);

	InitMaterializedSRF(fcinfo, 0);
	sink.store = rsinfo->setResult;
	sink.desc = rsinfo->setDesc;
	sink.rowcxt = AllocSetContextCreate(CurrentMemoryContext,
										"revrit_candidates row",
										ALLOCSET_SMALL_SIZES);

	/* The core's scratch memory lives in the per-call context. */
	call = revrit_core_call_begin();
	status = rv_candidates(eng->engine, VARDATA_ANY(input),
						   VARSIZE_ANY_EXHDR(input), n, &opt,
						   candidate_cb, &sink, err);
	if (status != RV_OK)
		revrit_report(status, err, NULL);
	MemoryContextDelete(sink.rowcxt);
	revrit_core_call_end(call);
	PG_FREE_IF_COPY(input, 0);

	return (Datum) 0;
}

/* ---- revrit_info ---------------------------------------------------------- */

/* revrit_info() → {"version", "standards", "lexicon", "rules_dir"} */
Datum
revrit_info(PG_FUNCTION_ARGS)
{
	const RevritLoaded *eng = revrit_engine();
	StringInfoData buf;
	int			i;

	initStringInfo(&buf);
	appendStringInfoString(&buf, "{\"version\": ");
	escape_json(&buf, RV_VERSION);
	appendStringInfoString(&buf, ", \"standards\": [");
	for (i = 0; i < eng->nrules; i++)
	{
		if (rv_rules_is_wordlist(eng->rules[i]))
			continue;			/* word lists are listed apart */
		if (buf.data[buf.len - 1] != '[')
			appendStringInfoString(&buf, ", ");
		escape_json(&buf, rv_rules_name(eng->rules[i]));
	}
	appendStringInfoString(&buf, "], \"lexicon\": ");
	if (eng->lexicon_path)
		escape_json(&buf, eng->lexicon_path);
	else
		appendStringInfoString(&buf, "null");
	appendStringInfoString(&buf, ", \"rules_dir\": ");
	escape_json(&buf, eng->rules_dir);
	appendStringInfoChar(&buf, '}');

	PG_RETURN_DATUM(DirectFunctionCall1(jsonb_in, CStringGetDatum(buf.data)));
}

/* ---- revrit_analyze ------------------------------------------------------- */

/* revrit_analyze(text text, n int DEFAULT 3, standard text DEFAULT '',
 *				  kind text DEFAULT '') */
Datum
revrit_analyze(PG_FUNCTION_ARGS)
{
	text	   *input = PG_GETARG_TEXT_PP(0);
	int32		n;
	const RevritLoaded *eng;
	rv_options	opt;
	Jsonb	   *result;
	MemoryContext call;

	eng = candidate_call_options(fcinfo, &n, &opt);

	/* jsonb built from the core's events as it goes (jsonb_sink.c) */
	call = revrit_core_call_begin();
	result = revrit_analyze_jsonb(eng->engine, VARDATA_ANY(input),
								  VARSIZE_ANY_EXHDR(input), n, &opt);
	revrit_core_call_end(call);
	PG_FREE_IF_COPY(input, 0);
	PG_RETURN_JSONB_P(result);
}

/* ---- shared with marc_*.c ------------------------------------------------- */

/* Options from the revrit.* settings alone (the MARC functions take none). */
void
revrit_settings_options(rv_options *opt, const RevritLoaded *eng)
{
	make_options(opt, eng, "", "", "");
}
