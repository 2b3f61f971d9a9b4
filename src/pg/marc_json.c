/*
 * marc_json.c — revrit_marc() and revrit_marc_report() on MARC-in-JSON,
 * the form FOLIO, pymarc, ruby-marc and marc4j read and write:
 *
 *   {"leader": "...", "fields": [{"001": "..."},
 *     {"245": {"ind1": "1", "ind2": "0", "subfields": [{"a": "..."}]}}]}
 *
 * The record is read with a JsonbIterator into the core's view (strings
 * point into the jsonb, nothing is copied), the core plans the 880s, and
 * the result is built with pushJsonbValue: fields the plan leaves alone
 * are pushed back as they were, keys other than "fields" too, so nothing
 * of the record is lost.  A record that gets nothing is returned as is.
 */
#include "postgres.h"

#include "fmgr.h"
#include "miscadmin.h"
#include "utils/builtins.h"
#include "utils/jsonb.h"

#include "marc_pg.h"

PG_FUNCTION_INFO_V1(revrit_marc_json);
PG_FUNCTION_INFO_V1(revrit_marc_report_json);

/* A record read from jsonb: the core's view and each field's element. */
typedef struct JsonMarc
{
	rv_marc_record record;
	JsonbValue *elems;			/* {"TAG": ...} of each field, jbvBinary */
	const char *fn;
} JsonMarc;

/* The only key and its value of a one-key object, or false. */
static bool
single_pair(JsonbValue *obj, JsonbValue *key, JsonbValue *value)
{
	JsonbIterator *it;

	if (obj->type != jbvBinary || !JsonContainerIsObject(obj->val.binary.data) ||
		JsonContainerSize(obj->val.binary.data) != 1)
		return false;
	it = JsonbIteratorInit(obj->val.binary.data);
	return JsonbIteratorNext(&it, key, true) == WJB_BEGIN_OBJECT &&
		JsonbIteratorNext(&it, key, true) == WJB_KEY &&
		JsonbIteratorNext(&it, value, true) == WJB_VALUE;
}

static void
bad_field(JsonMarc *m, int i, const char *tag, const char *what)
{
	marc_not_marc(m->fn, "not a MARC-in-JSON record",
				  psprintf("field %d%s%s%s: %s", i + 1, tag ? " (" : "",
						   tag ? tag : "", tag ? ")" : "", what));
}

/* ind1 or ind2: a one-character string; missing or "" is blank. */
static char
read_indicator(JsonMarc *m, int i, rv_marc_field *f, JsonbValue *obj,
			   const char *key)
{
	JsonbValue	v;

	if (!getKeyJsonValueFromContainer(obj->val.binary.data, key, 4, &v) ||
		(v.type == jbvString && v.val.string.len == 0))
		return ' ';
	if (v.type != jbvString || v.val.string.len != 1)
		bad_field(m, i, f->tag, psprintf("%s must be a one-character string", key));
	return v.val.string.val[0];
}

static void
read_subfields(JsonMarc *m, int i, rv_marc_field *f, JsonbValue *obj)
{
	JsonbValue	arr,
				elem,
				code,
				value;
	JsonbIterator *it;
	JsonbIteratorToken tok;
	rv_marc_subfield *sfs;
	int			n = 0;

	if (!getKeyJsonValueFromContainer(obj->val.binary.data, "subfields", 9, &arr) ||
		arr.type != jbvBinary || !JsonContainerIsArray(arr.val.binary.data))
		bad_field(m, i, f->tag, "a data field needs a \"subfields\" array");
	sfs = palloc0(sizeof(rv_marc_subfield) * (JsonContainerSize(arr.val.binary.data) + 1));
	it = JsonbIteratorInit(arr.val.binary.data);
	while ((tok = JsonbIteratorNext(&it, &elem, true)) != WJB_DONE)
	{
		if (tok != WJB_ELEM)
			continue;			/* the array's begin and end */
		if (!single_pair(&elem, &code, &value))
			bad_field(m, i, f->tag, "each subfield must be an object with one key, its code");
		if (code.val.string.len != 1)
			bad_field(m, i, f->tag, "a subfield code must be one character");
		if (value.type != jbvString)
			bad_field(m, i, f->tag, "a subfield value must be a string");
		sfs[n].code = code.val.string.val[0];
		sfs[n].value = value.val.string.val;
		sfs[n].len = value.val.string.len;
		n++;
	}
	f->subfields = sfs;
	f->nsubfields = n;
	f->ind1 = read_indicator(m, i, f, obj, "ind1");
	f->ind2 = read_indicator(m, i, f, obj, "ind2");
}

static void
read_field(JsonMarc *m, int i, JsonbValue *elem, rv_marc_field *f)
{
	JsonbValue	tag,
				value;

	if (!single_pair(elem, &tag, &value))
		bad_field(m, i, NULL, "a field must be an object with one key, its tag");
	if (tag.val.string.len != 3)
		bad_field(m, i, NULL, "a tag must have three characters");
	memcpy(f->tag, tag.val.string.val, 3);
	f->tag[3] = '\0';
	if (value.type == jbvString)
	{
		f->value = value.val.string.val;
		f->len = value.val.string.len;
	}
	else if (value.type == jbvBinary && JsonContainerIsObject(value.val.binary.data))
		read_subfields(m, i, f, &value);
	else
		bad_field(m, i, f->tag, "a field is a string (control field) or an object (data field)");
}

static void
read_record(JsonMarc *m, Jsonb *jb)
{
	JsonbValue	fields,
				elem;
	JsonbIterator *it;
	JsonbIteratorToken tok;
	rv_marc_field *fs;
	int			n = 0,
				cap;

	if (!JB_ROOT_IS_OBJECT(jb) ||
		!getKeyJsonValueFromContainer(&jb->root, "fields", 6, &fields) ||
		fields.type != jbvBinary || !JsonContainerIsArray(fields.val.binary.data))
		marc_not_marc(m->fn, "not a MARC-in-JSON record",
					  "A record is an object with a \"fields\" array.");
	cap = JsonContainerSize(fields.val.binary.data);
	fs = palloc0(sizeof(rv_marc_field) * (cap + 1));
	m->elems = palloc0(sizeof(JsonbValue) * (cap + 1));
	it = JsonbIteratorInit(fields.val.binary.data);
	while ((tok = JsonbIteratorNext(&it, &elem, true)) != WJB_DONE)
	{
		if (tok != WJB_ELEM)
			continue;			/* the array's begin and end */
		CHECK_FOR_INTERRUPTS();
		m->elems[n] = elem;
		read_field(m, n, &elem, &fs[n]);
		n++;
	}
	m->record.fields = fs;
	m->record.nfields = n;
}

/* ---- writing -------------------------------------------------------------- */

static void
push_string(JsonbParseState **st, JsonbIteratorToken tok, const char *s, size_t len)
{
	JsonbValue	v;

	v.type = jbvString;
	v.val.string.val = (char *) s;
	v.val.string.len = (int) len;
	pushJsonbValue(st, tok, &v);
}

static void
push_subfield(JsonbParseState **st, char code, const char *value, size_t len)
{
	/* (the parse state keeps pointers to the strings, not copies) */
	char	   *key = pnstrdup(&code, 1);

	pushJsonbValue(st, WJB_BEGIN_OBJECT, NULL);
	push_string(st, WJB_KEY, key, 1);
	push_string(st, WJB_VALUE, value, len);
	pushJsonbValue(st, WJB_END_OBJECT, NULL);
}

static void
push_880(JsonbParseState **st, const rv_marc_added *a)
{
	pushJsonbValue(st, WJB_BEGIN_OBJECT, NULL);
	push_string(st, WJB_KEY, "880", 3);
	pushJsonbValue(st, WJB_BEGIN_OBJECT, NULL);
	push_string(st, WJB_KEY, "ind1", 4);
	push_string(st, WJB_VALUE, &a->ind1, 1);
	push_string(st, WJB_KEY, "ind2", 4);
	push_string(st, WJB_VALUE, &a->ind2, 1);
	push_string(st, WJB_KEY, "subfields", 9);
	pushJsonbValue(st, WJB_BEGIN_ARRAY, NULL);
	for (int s = 0; s < a->nsubfields; s++)
		push_subfield(st, a->subfields[s].code, a->subfields[s].value,
					  a->subfields[s].len);
	pushJsonbValue(st, WJB_END_ARRAY, NULL);
	pushJsonbValue(st, WJB_END_OBJECT, NULL);
	pushJsonbValue(st, WJB_END_OBJECT, NULL);
}

/* The field as it was, with "$6 880-NN" put first in its subfields. */
static void
push_linked(JsonbParseState **st, JsonbValue *elem, const char *link)
{
	JsonbValue	tag,
				value,
				v;
	JsonbIterator *it;
	JsonbIteratorToken tok;

	single_pair(elem, &tag, &value);
	pushJsonbValue(st, WJB_BEGIN_OBJECT, NULL);
	pushJsonbValue(st, WJB_KEY, &tag);
	pushJsonbValue(st, WJB_BEGIN_OBJECT, NULL);
	it = JsonbIteratorInit(value.val.binary.data);
	while ((tok = JsonbIteratorNext(&it, &v, true)) != WJB_DONE)
	{
		JsonbValue	sub;
		JsonbIterator *sit;

		if (tok != WJB_KEY)
			continue;
		pushJsonbValue(st, WJB_KEY, &v);
		if (!(v.val.string.len == 9 && memcmp(v.val.string.val, "subfields", 9) == 0))
		{
			JsonbIteratorNext(&it, &v, true);
			pushJsonbValue(st, WJB_VALUE, &v);
			continue;
		}
		JsonbIteratorNext(&it, &v, true);
		pushJsonbValue(st, WJB_BEGIN_ARRAY, NULL);
		push_subfield(st, '6', link, strlen(link));
		sit = JsonbIteratorInit(v.val.binary.data);
		while ((tok = JsonbIteratorNext(&sit, &sub, true)) != WJB_DONE)
			if (tok == WJB_ELEM)
				pushJsonbValue(st, WJB_ELEM, &sub);
		pushJsonbValue(st, WJB_END_ARRAY, NULL);
	}
	pushJsonbValue(st, WJB_END_OBJECT, NULL);
	pushJsonbValue(st, WJB_END_OBJECT, NULL);
}

static void
push_fields(JsonbParseState **st, JsonMarc *m, const rv_marc_plan *plan)
{
	const char **links = palloc0(sizeof(char *) * (m->record.nfields + 1));

	for (int a = 0; a < plan->nadded; a++)
		links[plan->added[a].field] = plan->added[a].link;
	pushJsonbValue(st, WJB_BEGIN_ARRAY, NULL);
	for (int i = 0; i <= m->record.nfields; i++)
	{
		CHECK_FOR_INTERRUPTS();
		if (i == plan->insert_at)
			for (int a = 0; a < plan->nadded; a++)
				push_880(st, &plan->added[a]);
		if (i == m->record.nfields)
			break;
		if (links[i])
			push_linked(st, &m->elems[i], links[i]);
		else
			pushJsonbValue(st, WJB_ELEM, &m->elems[i]);
	}
	pushJsonbValue(st, WJB_END_ARRAY, NULL);
}

/* The record with the plan applied; every other key kept. */
static Jsonb *
write_record(Jsonb *jb, JsonMarc *m, const rv_marc_plan *plan)
{
	JsonbParseState *st = NULL;
	JsonbIterator *it = JsonbIteratorInit(&jb->root);
	JsonbIteratorToken tok;
	JsonbValue	v,
			   *res = NULL;
	bool		is_fields = false;

	while ((tok = JsonbIteratorNext(&it, &v, true)) != WJB_DONE)
	{
		if (tok == WJB_KEY)
			is_fields = v.val.string.len == 6 &&
				memcmp(v.val.string.val, "fields", 6) == 0;
		if (tok == WJB_VALUE && is_fields)
			push_fields(&st, m, plan);
		else
			res = pushJsonbValue(&st, tok, tok < WJB_BEGIN_ARRAY ? &v : NULL);
	}
	return JsonbValueToJsonb(res);
}

/* revrit_marc(record jsonb, fields text[] DEFAULT NULL, only_fit boolean DEFAULT false) */
Datum
revrit_marc_json(PG_FUNCTION_ARGS)
{
	Jsonb	   *jb;
	JsonMarc	m = {0};
	MarcRequest req = {0};
	rv_marc_plan *plan;
	Jsonb	   *result;

	/* not STRICT: fields => NULL means every tag */
	if (PG_ARGISNULL(0))
		PG_RETURN_NULL();
	jb = PG_GETARG_JSONB_P(0);
	req.fn = m.fn = "revrit_marc";
	if (!PG_ARGISNULL(1))
		marc_request_tags(&req, PG_GETARG_ARRAYTYPE_P(1));
	req.only_fit = !PG_ARGISNULL(2) && PG_GETARG_BOOL(2);

	read_record(&m, jb);
	plan = marc_plan(&req, &m.record);
	if (plan->nadded == 0)
	{
		rv_marc_plan_free(plan);
		PG_RETURN_JSONB_P(jb);
	}
	result = write_record(jb, &m, plan);
	rv_marc_plan_free(plan);
	PG_RETURN_JSONB_P(result);
}

/* revrit_marc_report(record jsonb) */
Datum
revrit_marc_report_json(PG_FUNCTION_ARGS)
{
	Jsonb	   *jb = PG_GETARG_JSONB_P(0);
	JsonMarc	m = {0};
	MarcRequest req = {0};
	rv_marc_plan *plan;
	char	   *json;

	req.fn = m.fn = "revrit_marc_report";
	req.fitness = true;
	read_record(&m, jb);
	plan = marc_plan(&req, &m.record);
	json = marc_report_json(plan);
	rv_marc_plan_free(plan);
	PG_RETURN_DATUM(DirectFunctionCall1(jsonb_in, CStringGetDatum(json)));
}
