/*
 * engine_lexicons.c — the lexicons standards name in their rule files (a
 * Yiddish standard ranks with a Yiddish lexicon, not the Hebrew one).
 */
#include <string.h>

#include "alloc.h"
#include "engine.h"

const char *
rv_engine_lexicon_name(const rv_engine *e, int i)
{
	for (int r = 0; r < e->nrules; r++)
	{
		const char *name = e->rules[r]->lang.lexicon;
		int			seen = 0;

		if (name[0] == '\0')
			continue;
		for (int q = 0; q < r && !seen; q++)
			seen = strcmp(e->rules[q]->lang.lexicon, name) == 0;
		if (!seen && i-- == 0)
			return name;
	}
	return NULL;
}

rv_status
rv_engine_attach_lexicon(rv_engine *e, const char *name,
						 const rv_lexicon *lexicon, char *err)
{
	int			found = 0;

	for (int r = 0; r < e->nrules; r++)
		if (strcmp(e->rules[r]->lang.lexicon, name) == 0)
		{
			e->own_lexicon[r] = lexicon;
			found = 1;
		}
	if (!found)
	{
		rv_seterr(err, "no standard ranks with a lexicon named \"%s\"", name);
		return RV_EINVAL;
	}
	return RV_OK;
}

const rv_lexicon *
rv_engine_lexicon_for(const rv_engine *e, const rv_rules *r)
{
	if (r->lang.lexicon[0] == '\0')
		return e->lexicon;
	for (int i = 0; i < e->nrules; i++)
		if (e->rules[i] == r)
			return e->own_lexicon[i];
	return NULL;
}

const rv_rules *
rv_engine_rules_named(const rv_engine *e, const char *name)
{
	for (int i = 0; i < e->nrules; i++)
		if (strcmp(e->rules[i]->name, name) == 0)
			return e->rules[i];
	return NULL;
}
