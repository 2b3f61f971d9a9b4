/*
 * learned_verify.c — the C half of revrit_verify (src/sql/72_verify.sql):
 * whole-title spellings to look up with a trigram index, and the score of
 * each reference title found against the romanized one.
 */
#include "postgres.h"

#include "catalog/pg_type.h"
#include "executor/spi.h"
#include "fmgr.h"
#include "funcapi.h"
#include "miscadmin.h"
#include "utils/array.h"
#include "utils/builtins.h"
#include "utils/memutils.h"
#include "utils/tuplestore.h"

#include "learned_pg.h"

/* Most whole-title spellings one call may ask for. */
#define REVRIT_MAX_TITLES 16

PG_FUNCTION_INFO_V1(revrit_title_candidates);
PG_FUNCTION_INFO_V1(revrit_match_scores);
PG_FUNCTION_INFO_V1(revrit_lookup_titles);

/* Lookup plans kept per backend: planning a trigram query costs more than
 * running it.  The plan cache revalidates them after DDL. */
#define REVRIT_LOOKUP_PLANS 16

typedef struct lookup_plan
{
	char	   *query;
	SPIPlanPtr	plan;
} lookup_plan;

static lookup_plan lookup_plans[REVRIT_LOOKUP_PLANS];
static int	next_victim = 0;

typedef struct titles
{
	Datum		d[REVRIT_MAX_TITLES];
	int			n;
} titles;

static int
keep_title(const char *title, const char *unused, long count, void *arg)
{
	titles	   *t = arg;

	t->d[t->n++] = CStringGetTextDatum(title);
	return t->n == REVRIT_MAX_TITLES;
}

/* revrit.title_candidates(romanized text, n int, standard text) → text[] */
Datum
revrit_title_candidates(PG_FUNCTION_ARGS)
{
	text	   *roman = PG_GETARG_TEXT_PP(0);
	int			n = PG_GETARG_INT32(1);
	char	   *standard = text_to_cstring(PG_GETARG_TEXT_PP(2));
	const RevritLoaded *eng;
	rv_options	opt;
	titles		t;
	char		err[RV_ERRLEN] = "";
	rv_status	st;

	if (n < 1 || n > REVRIT_MAX_TITLES)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("revrit: the number of title spellings must be between 1 and %d, got %d",
						REVRIT_MAX_TITLES, n)));
	revrit_check_encoding();
	eng = revrit_engine();
	revrit_call_options(&opt, eng, standard);
	t.n = 0;
	st = rv_learned_titles(eng->engine, VARDATA_ANY(roman),
						   VARSIZE_ANY_EXHDR(roman), &opt, n, keep_title, &t,
						   err);
	if (st != RV_OK)
		revrit_report(st, err, NULL);
	PG_RETURN_ARRAYTYPE_P(construct_array(t.d, t.n, TEXTOID, -1, false,
										  TYPALIGN_INT));
}

/* revrit.match_scores(romanized text, titles text[], standard text) → float8[] */
Datum
revrit_match_scores(PG_FUNCTION_ARGS)
{
	text	   *roman = PG_GETARG_TEXT_PP(0);
	ArrayType  *arr = PG_GETARG_ARRAYTYPE_P(1);
	char	   *standard = text_to_cstring(PG_GETARG_TEXT_PP(2));
	const RevritLoaded *eng;
	rv_options	opt;
	Datum	   *elems;
	bool	   *nulls;
	int			n;
	const char **heb;
	size_t	   *hlen;
	double	   *scores;
	Datum	   *out;
	char		err[RV_ERRLEN] = "";
	rv_status	st;

	deconstruct_array(arr, TEXTOID, -1, false, TYPALIGN_INT, &elems, &nulls, &n);
	revrit_check_encoding();
	eng = revrit_engine();
	revrit_call_options(&opt, eng, standard);
	heb = palloc0(sizeof(char *) * (n + 1));
	hlen = palloc0(sizeof(size_t) * (n + 1));
	scores = palloc0(sizeof(double) * (n + 1));
	out = palloc0(sizeof(Datum) * (n + 1));
	for (int i = 0; i < n; i++)
	{
		text	   *t = nulls[i] ? NULL : DatumGetTextPP(elems[i]);

		heb[i] = t ? VARDATA_ANY(t) : "";
		hlen[i] = t ? VARSIZE_ANY_EXHDR(t) : 0;
	}
	st = rv_learned_match(eng->engine, VARDATA_ANY(roman),
						  VARSIZE_ANY_EXHDR(roman), heb, hlen, n, &opt,
						  scores, err);
	if (st != RV_OK)
		revrit_report(st, err, NULL);
	for (int i = 0; i < n; i++)
		out[i] = Float8GetDatum(scores[i]);
	PG_RETURN_ARRAYTYPE_P(construct_array(out, n, FLOAT8OID, sizeof(float8),
										  FLOAT8PASSBYVAL, TYPALIGN_DOUBLE));
}

/* The kept plan for query, prepared now if there is none. */
static SPIPlanPtr
lookup_plan_for(const char *query)
{
	Oid			types[3] = {TEXTOID, TEXTOID, TEXTOID};
	lookup_plan *slot = NULL;
	SPIPlanPtr	plan;

	for (int i = 0; i < REVRIT_LOOKUP_PLANS; i++)
		if (lookup_plans[i].query && strcmp(lookup_plans[i].query, query) == 0)
			return lookup_plans[i].plan;
	plan = SPI_prepare(query, 3, types);
	if (plan == NULL)
		elog(ERROR, "revrit: could not prepare the lookup: %s",
			 SPI_result_code_string(SPI_result));
	slot = &lookup_plans[next_victim];
	next_victim = (next_victim + 1) % REVRIT_LOOKUP_PLANS;
	if (slot->query)
	{
		SPI_freeplan(slot->plan);
		pfree(slot->query);
		slot->query = NULL;
	}
	if (SPI_keepplan(plan) != 0)
		elog(ERROR, "revrit: could not keep the lookup plan");
	slot->plan = plan;
	slot->query = MemoryContextStrdup(TopMemoryContext, query);
	return plan;
}

/*
 * revrit.lookup_titles(query text, probe text, year text, creator text)
 *   → TABLE(k text, h text)
 * Runs revrit_verify's lookup (a read-only SELECT of two text columns, its
 * parameters $1..$3 the three texts) with a kept plan.  It runs as the
 * caller, read-only, so it can do nothing a caller's own query could not.
 */
Datum
revrit_lookup_titles(PG_FUNCTION_ARGS)
{
	char	   *query = text_to_cstring(PG_GETARG_TEXT_PP(0));
	Datum		args[3] = {PG_GETARG_DATUM(1), PG_GETARG_DATUM(2), PG_GETARG_DATUM(3)};
	ReturnSetInfo *rsinfo = (ReturnSetInfo *) fcinfo->resultinfo;
	MemoryContext callcxt = CurrentMemoryContext;

	InitMaterializedSRF(fcinfo, 0);
	SPI_connect();
	if (SPI_execute_plan(lookup_plan_for(query), args, NULL, true, 0) != SPI_OK_SELECT ||
		SPI_tuptable->tupdesc->natts != 2)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("revrit: the lookup must be a SELECT of two columns")));
	for (uint64 i = 0; i < SPI_processed; i++)
	{
		Datum		values[2];
		bool		nulls[2];
		MemoryContext old;

		CHECK_FOR_INTERRUPTS();
		values[0] = SPI_getbinval(SPI_tuptable->vals[i], SPI_tuptable->tupdesc, 1, &nulls[0]);
		values[1] = SPI_getbinval(SPI_tuptable->vals[i], SPI_tuptable->tupdesc, 2, &nulls[1]);
		old = MemoryContextSwitchTo(callcxt);
		tuplestore_putvalues(rsinfo->setResult, rsinfo->setDesc, values, nulls);
		MemoryContextSwitchTo(old);
	}
	SPI_finish();
	return (Datum) 0;
}
