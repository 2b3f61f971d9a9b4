/*
 * engine.c — an engine: the standards and lexicon a conversion ranks with,
 * and the choice of standard for a text.
 */
#include <stdio.h>
#include <string.h>

#include "alloc.h"
#include "detect_standard.h"
#include "engine.h"

void
rv_options_init(rv_options *o)
{
	memset(o, 0, sizeof(*o));
	o->hyphen = RV_HYPHEN_MAQAF;
	o->years = RV_YEARS_HEBREW;
	o->marks = RV_MARKS_HEBREW;
}

rv_status
rv_engine_new(const rv_rules *const *rules, int nrules,
			  const rv_lexicon *lexicon, rv_engine **out, char *err)
{
	rv_engine  *e;

	if (nrules < 1 || nrules > RV_MAX_STANDARDS)
	{
		rv_seterr(err, "an engine needs 1 to %d standards, got %d",
				  RV_MAX_STANDARDS, nrules);
		return RV_EINVAL;
	}
	e = rv_alloc0(sizeof(rv_engine));
	if (e == NULL)
	{
		rv_seterr(err, "out of memory");
		return RV_ENOMEM;
	}
	/* word-list files ride along with the rule files but are no standard */
	for (int i = 0; i < nrules; i++)
		if (rv_rules_is_wordlist(rules[i]))
			e->lists[e->nlists++] = rules[i];
		else
			e->rules[e->nrules++] = rules[i];
	if (e->nrules == 0)
	{
		rv_free(e);
		rv_seterr(err, "an engine needs a standard, got only word lists");
		return RV_EINVAL;
	}
	e->lexicon = lexicon;
	rv_detect_standard_prepare(e);
	*out = e;
	return RV_OK;
}

void
rv_engine_free(rv_engine *e)
{
	rv_free(e);
}

const rv_rules *
rv_engine_find(const rv_engine *e, const char *name, int *bad, char *err)
{
	size_t		used = 0;
	char		list[RV_ERRLEN / 2];

	*bad = 0;
	if (name == NULL || name[0] == '\0' || strcmp(name, "auto") == 0)
		return NULL;
	for (int i = 0; i < e->nrules; i++)
		if (strcmp(e->rules[i]->name, name) == 0)
			return e->rules[i];
	list[0] = '\0';
	for (int i = 0; i < e->nrules && used < sizeof(list); i++)
		used += (size_t) snprintf(list + used, sizeof(list) - used, "%s, ",
								  e->rules[i]->name);
	rv_seterr(err, "unknown standard \"%s\"; valid standards: %sauto", name, list);
	*bad = 1;
	return NULL;
}

const rv_rules *
rv_engine_detect(const rv_engine *e, const uint32_t *cps, size_t from, size_t to)
{
	const rv_rules *best = NULL;
	double		best_score = 0;

	for (int i = 0; i < e->nrules; i++)
	{
		double		s = rv_rules_marker_score(e->rules[i], cps + from, to - from);

		if (s > best_score)
		{
			best = e->rules[i];
			best_score = s;
		}
	}
	/* The default standard needs only to lead; leaving it takes more. */
	if (best != NULL && best != e->rules[0] && best_score < RV_DETECT_MIN_EVIDENCE)
		return NULL;
	return best;
}
