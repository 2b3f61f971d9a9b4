/*
 * marc_common.c — what MARC-in-JSON and MARCXML share: the fields argument,
 * planning the 880s with the loaded engine, the report, and errors.
 */
#include "postgres.h"

#include "catalog/pg_type.h"
#include "utils/builtins.h"

#include "marc_pg.h"
#include "revrit_pg.h"

void
marc_not_marc(const char *fn, const char *what, const char *detail)
{
	ereport(ERROR,
			(errcode(ERRCODE_INVALID_TEXT_REPRESENTATION),
			 errmsg("%s: %s", fn, what),
			 detail ? errdetail_internal("%s", detail) : 0));
	pg_unreachable();
}

void
marc_request_tags(MarcRequest *req, ArrayType *tags)
{
	Datum	   *elems;
	bool	   *nulls;
	int			n;

	deconstruct_array(tags, TEXTOID, -1, false, TYPALIGN_INT,
					  &elems, &nulls, &n);
	req->tags = palloc(sizeof(char *) * (n + 1));
	req->ntags = n;
	for (int i = 0; i < n; i++)
	{
		if (nulls[i])
			ereport(ERROR,
					(errcode(ERRCODE_NULL_VALUE_NOT_ALLOWED),
					 errmsg("%s: fields must not contain NULL", req->fn)));
		req->tags[i] = TextDatumGetCString(elems[i]);
		if (rv_marc_tag_kind(req->tags[i]) == NULL)
			ereport(ERROR,
					(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
					 errmsg("%s: field \"%s\" never gets a linked Hebrew 880",
							req->fn, req->tags[i]),
					 errhint("Tags that do: 100 110 111 130 240 245 246 250 260 264 440 490 600 610 700 710 711 730 740 800 830.")));
	}
}

rv_marc_plan *
marc_plan(const MarcRequest *req, const rv_marc_record *record)
{
	const RevritLoaded *eng;
	rv_options	opt;
	rv_marc_params params;
	rv_marc_plan *plan = NULL;
	char		err[RV_ERRLEN] = "";
	rv_status	st;

	revrit_check_encoding();
	eng = revrit_engine();
	revrit_settings_options(&opt, eng);
	memset(&params, 0, sizeof(params));
	params.options = &opt;
	params.tags = (const char *const *) req->tags;
	params.ntags = req->ntags;
	params.only_fit = req->only_fit;
	params.fitness = req->fitness;

	st = rv_marc_plan_record(eng->engine, record, &params, &plan, err);
	if (st == RV_ETOOLONG)
		ereport(ERROR,
				(errcode(ERRCODE_PROGRAM_LIMIT_EXCEEDED),
				 errmsg("%s: %s", req->fn, err)));
	if (st != RV_OK)
		revrit_report(st, err, NULL);
	return plan;
}

char *
marc_report_json(const rv_marc_plan *plan)
{
	char	   *json = NULL,
			   *copy;
	size_t		len = 0;
	char		err[RV_ERRLEN] = "";
	rv_status	st = rv_marc_report_json(plan, &json, &len, err);

	if (st != RV_OK)
		revrit_report(st, err, NULL);
	copy = pnstrdup(json, len);
	rv_free(json);
	return copy;
}
