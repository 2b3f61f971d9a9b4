/*
 * learned_verify.c — the C half of revrit_verify (src/sql/72_verify.sql):
 * whole-title spellings to look up with a trigram index, and the score of
 * each reference title found against the romanized one.
 */
#include "postgres.h"

#include "catalog/pg_type.h"
#include "fmgr.h"
#include "utils/array.h"
#include "utils/builtins.h"

#include "learned_pg.h"

/* Most whole-title spellings one call may ask for. */
#define REVRIT_MAX_TITLES 16

PG_FUNCTION_INFO_V1(revrit_title_candidates);
PG_FUNCTION_INFO_V1(revrit_match_scores);

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
