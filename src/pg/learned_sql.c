/*
 * learned_sql.c — SQL functions of the learned layer.
 *
 * revrit_align(romanized, hebrew): the word pairs a parallel field teaches
 *   (revrit_learn in src/sql/70_learned.sql stores them in revrit.learned).
 * revrit.evaluate_pairs(...): the k-fold evaluation behind revrit_evaluate:
 *   each record is aligned once; for each fold an in-memory map is learned
 *   from the other folds (revrit.learned is not touched) and the fold's
 *   records are converted with it; both runs are scored with the project's
 *   metrics (score.c).
 */
#include "postgres.h"

#include "catalog/pg_type.h"
#include "fmgr.h"
#include "funcapi.h"
#include "lib/stringinfo.h"
#include "miscadmin.h"
#include "utils/array.h"
#include "utils/builtins.h"
#include "utils/json.h"
#include "utils/jsonb.h"
#include "utils/memutils.h"
#include "utils/tuplestore.h"

#include "learned_pg.h"
#include "../tools/score.h"

/* revrit_evaluate: folds allowed. */
#define REVRIT_MAX_FOLDS 100

PG_FUNCTION_INFO_V1(revrit_align);
PG_FUNCTION_INFO_V1(revrit_evaluate_pairs);

/* ---- revrit_align --------------------------------------------------------- */

static int
put_pair(const char *roman, const char *hebrew, long count, void *arg)
{
	ReturnSetInfo *rsinfo = arg;
	Datum		values[2];
	bool		nulls[2] = {false, false};

	values[0] = CStringGetTextDatum(roman);
	values[1] = CStringGetTextDatum(hebrew);
	tuplestore_putvalues(rsinfo->setResult, rsinfo->setDesc, values, nulls);
	return 0;
}

/* revrit_align(romanized text, hebrew text, standard text DEFAULT '') */
Datum
revrit_align(PG_FUNCTION_ARGS)
{
	text	   *roman = PG_GETARG_TEXT_PP(0);
	text	   *hebrew = PG_GETARG_TEXT_PP(1);
	char	   *standard = text_to_cstring(PG_GETARG_TEXT_PP(2));
	ReturnSetInfo *rsinfo = (ReturnSetInfo *) fcinfo->resultinfo;
	const RevritLoaded *eng;
	rv_options	opt;
	char		err[RV_ERRLEN] = "";
	rv_status	st;

	revrit_check_encoding();
	InitMaterializedSRF(fcinfo, 0);
	eng = revrit_engine();
	revrit_call_options(&opt, eng, standard);
	st = rv_learned_align(eng->engine, VARDATA_ANY(roman),
						  VARSIZE_ANY_EXHDR(roman), VARDATA_ANY(hebrew),
						  VARSIZE_ANY_EXHDR(hebrew), &opt, put_pair, rsinfo,
						  err);
	if (st != RV_OK)
		revrit_report(st, err, NULL);
	return (Datum) 0;
}

/* ---- revrit.evaluate_pairs ------------------------------------------------ */

/* The records under evaluation, and what each teaches. */
typedef struct records
{
	int			n;
	score_pair *pair;
	unsigned   *fold;
	List	  **taught;			/* per record: list of (roman, hebrew) */
} records;

static int
keep_pair(const char *roman, const char *hebrew, long count, void *arg)
{
	List	  **l = arg;

	*l = lappend(*l, pstrdup(roman));
	*l = lappend(*l, pstrdup(hebrew));
	return 0;
}

static score_str
str_of(Datum d)
{
	text	   *t = DatumGetTextPP(d);
	score_str	s;

	s.s = VARDATA_ANY(t);
	s.len = VARSIZE_ANY_EXHDR(t);
	return s;
}

/* Convert one record (with or without a map) and score it. */
static void
score_record(const RevritLoaded *eng, const rv_options *opt,
			 const score_pair *p, score_state *st)
{
	char		err[RV_ERRLEN] = "";
	char		serr[SCORE_ERRLEN];
	char	   *pred = NULL;
	size_t		plen = 0;
	rv_status	s = rv_convert(eng->engine, p->roman.s, p->roman.len, opt,
							   &pred, &plen, err);

	if (s != RV_OK)
		revrit_report(s, err, NULL);
	if (score_add(st, p, pred, plen, serr) < 0)
		ereport(ERROR,
				(errcode(ERRCODE_PROGRAM_LIMIT_EXCEEDED),
				 errmsg("revrit_evaluate: cannot score record %ld: %s",
						p->lineno, serr)));
	rv_free(pred);
}

/* Learn from every record outside fold f (every record when folds = 1). */
static rv_learned *
learn_fold(const records *r, int folds, unsigned f)
{
	rv_learned *m;
	char		err[RV_ERRLEN] = "";
	rv_status	st = rv_learned_new(&m, err);

	for (int i = 0; st == RV_OK && i < r->n; i++)
	{
		ListCell   *lc;

		CHECK_FOR_INTERRUPTS();
		if (folds > 1 && r->fold[i] == f)
			continue;
		for (lc = list_head(r->taught[i]); st == RV_OK && lc; lc = lnext(r->taught[i], lc))
		{
			const char *roman = lfirst(lc);
			const char *heb;

			lc = lnext(r->taught[i], lc);
			heb = lfirst(lc);
			st = rv_learned_add(m, roman, strlen(roman), heb, strlen(heb), 1, err);
		}
	}
	if (st != RV_OK)
		revrit_report(st, err, NULL);
	return m;
}

static void
append_metrics(StringInfo b, const char *label, const score_counts *c)
{
	appendStringInfo(b, "\"%s\": {\"fields\": %ld, \"heb_word_acc\": %.4f, "
					 "\"word_acc\": %.4f, \"exact\": %.4f}",
					 label, c->fields,
					 (double) c->heb_matched / (double) (c->heb_words > 1 ? c->heb_words : 1),
					 (double) c->matched / (double) (c->gold_words > 1 ? c->gold_words : 1),
					 (double) c->exact / (double) (c->fields > 1 ? c->fields : 1));
}

static Datum
report_json(const records *r, int folds, const score_state *without,
			const score_state *with, bool by_kind)
{
	StringInfoData b;

	initStringInfo(&b);
	appendStringInfo(&b, "{\"rows\": %d, \"folds\": %d, ", r->n, folds);
	append_metrics(&b, "without_learning", &without->total);
	appendStringInfoString(&b, ", ");
	append_metrics(&b, "with_learning", &with->total);
	appendStringInfoString(&b, ", \"by_kind\": {");
	for (size_t i = 0; by_kind && i < without->nfields && i < with->nfields; i++)
	{
		char	   *name = pnstrdup(without->fields[i].name, without->fields[i].len);

		if (i > 0)
			appendStringInfoString(&b, ", ");
		escape_json(&b, name);
		appendStringInfoString(&b, ": {");
		append_metrics(&b, "without_learning", &without->fields[i].c);
		appendStringInfoString(&b, ", ");
		append_metrics(&b, "with_learning", &with->fields[i].c);
		appendStringInfoChar(&b, '}');
	}
	appendStringInfoString(&b, "}}");
	return DirectFunctionCall1(jsonb_in, CStringGetDatum(b.data));
}

/* Read the arrays into records, aligning each one. */
static void
load_records(records *r, ArrayType *ra, ArrayType *ha, ArrayType *ka,
			 int folds, const RevritLoaded *eng, const rv_options *opt)
{
	Datum	   *rv,
			   *hv,
			   *kv;
	bool	   *rn,
			   *hn,
			   *kn;
	int			nr,
				nh,
				nk;

	deconstruct_array(ra, TEXTOID, -1, false, TYPALIGN_INT, &rv, &rn, &nr);
	deconstruct_array(ha, TEXTOID, -1, false, TYPALIGN_INT, &hv, &hn, &nh);
	deconstruct_array(ka, TEXTOID, -1, false, TYPALIGN_INT, &kv, &kn, &nk);
	if (nr != nh || nr != nk)
		ereport(ERROR,
				(errcode(ERRCODE_ARRAY_SUBSCRIPT_ERROR),
				 errmsg("revrit_evaluate: the arrays differ in length")));
	r->pair = palloc0(sizeof(score_pair) * (nr + 1));
	r->fold = palloc0(sizeof(unsigned) * (nr + 1));
	r->taught = palloc0(sizeof(List *) * (nr + 1));
	r->n = 0;
	for (int i = 0; i < nr; i++)
	{
		score_pair *p = &r->pair[r->n];
		char		err[RV_ERRLEN] = "";
		rv_status	st;

		CHECK_FOR_INTERRUPTS();
		if (rn[i] || hn[i])
			continue;
		p->roman = str_of(rv[i]);
		p->gold = str_of(hv[i]);
		p->field = kn[i] ? (score_str) {"", 0} : str_of(kv[i]);
		p->lineno = i + 1;
		r->fold[r->n] = rv_learned_fold(p->roman.s, p->roman.len, folds);
		st = rv_learned_align(eng->engine, p->roman.s, p->roman.len,
							  p->gold.s, p->gold.len, opt, keep_pair,
							  &r->taught[r->n], err);
		if (st != RV_OK)
			revrit_report(st, err, NULL);
		r->n++;
	}
}

/* Both runs; the score states are malloc'ed, so freed on any exit. */
static Datum
evaluate(const records *r, int folds, const RevritLoaded *eng,
		 const rv_options *opt, bool by_kind)
{
	score_state without,
				with;
	Datum		result = (Datum) 0;

	score_init(&without, 0);
	score_init(&with, 0);
	PG_TRY();
	{
		for (int i = 0; i < r->n; i++)
			score_record(eng, opt, &r->pair[i], &without);
		for (int f = 0; f < folds; f++)
		{
			rv_options	lopt = *opt;

			lopt.learned = learn_fold(r, folds, (unsigned) f);
			for (int i = 0; i < r->n; i++)
				if (folds == 1 || r->fold[i] == (unsigned) f)
					score_record(eng, &lopt, &r->pair[i], &with);
			rv_learned_free((rv_learned *) lopt.learned);
		}
		result = report_json(r, folds, &without, &with, by_kind);
	}
	PG_FINALLY();
	{
		score_free(&without);
		score_free(&with);
	}
	PG_END_TRY();
	return result;
}

/*
 * revrit.evaluate_pairs(romanized text[], hebrew text[], kinds text[],
 *                       folds int, standard text, by_kind bool)
 */
Datum
revrit_evaluate_pairs(PG_FUNCTION_ARGS)
{
	int			folds = PG_GETARG_INT32(3);
	char	   *standard = text_to_cstring(PG_GETARG_TEXT_PP(4));
	bool		by_kind = PG_GETARG_BOOL(5);
	const RevritLoaded *eng;
	rv_options	opt;
	records		r;

	if (folds < 1 || folds > REVRIT_MAX_FOLDS)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("revrit_evaluate: folds must be between 1 and %d, got %d",
						REVRIT_MAX_FOLDS, folds)));
	revrit_check_encoding();
	eng = revrit_engine();
	revrit_call_options(&opt, eng, standard);
	opt.learned = NULL;			/* the user's revrit.learned plays no part */
	load_records(&r, PG_GETARG_ARRAYTYPE_P(0), PG_GETARG_ARRAYTYPE_P(1),
				 PG_GETARG_ARRAYTYPE_P(2), folds, eng, &opt);
	PG_RETURN_DATUM(evaluate(&r, folds, eng, &opt, by_kind));
}
