/*
 * marc_rec.c — a MARC record held by the command-line tool, and the plan
 * of linked 880s applied to it.
 */
#include <stdlib.h>
#include <string.h>

#include "marc_io.h"

void
marc_rec_clear(marc_rec *rec)
{
	for (int i = 0; i < rec->nblocks; i++)
		free(rec->blocks[i]);
	free(rec->blocks);
	free(rec->fields);
	memset(rec, 0, sizeof(*rec));
}

void *
marc_rec_own(marc_rec *rec, void *block)
{
	if (block == NULL)
		return NULL;
	if (rec->nblocks == rec->capblocks)
	{
		int			cap = rec->capblocks ? rec->capblocks * 2 : 16;
		char	  **b = realloc(rec->blocks, sizeof(char *) * (size_t) cap);

		if (b == NULL)
		{
			free(block);
			return NULL;
		}
		rec->blocks = b;
		rec->capblocks = cap;
	}
	rec->blocks[rec->nblocks++] = block;
	return block;
}

rv_marc_field *
marc_rec_add(marc_rec *rec)
{
	if (rec->nfields == rec->cap)
	{
		int			cap = rec->cap ? rec->cap * 2 : 32;
		rv_marc_field *f = realloc(rec->fields, sizeof(rv_marc_field) * (size_t) cap);

		if (f == NULL)
			return NULL;
		rec->fields = f;
		rec->cap = cap;
	}
	memset(&rec->fields[rec->nfields], 0, sizeof(rv_marc_field));
	return &rec->fields[rec->nfields++];
}

const char *
marc_rec_name(const marc_rec *rec, char *buf, size_t size)
{
	for (int i = 0; i < rec->nfields; i++)
		if (strcmp(rec->fields[i].tag, "001") == 0 && rec->fields[i].value)
		{
			snprintf(buf, size, "record %d (001 %.*s)", rec->number,
					 (int) (rec->fields[i].len < 40 ? rec->fields[i].len : 40),
					 rec->fields[i].value);
			return buf;
		}
	snprintf(buf, size, "record %d", rec->number);
	return buf;
}

/* A copy of field f with "$6 link" put first. */
static int
linked_copy(marc_rec *rec, const rv_marc_field *f, const char *link,
			rv_marc_field *out)
{
	rv_marc_subfield *sfs = marc_rec_own(rec, malloc(sizeof(rv_marc_subfield) *
													 (size_t) (f->nsubfields + 1)));
	char	   *l = marc_rec_own(rec, strdup(link));

	if (sfs == NULL || l == NULL)
		return 0;
	*out = *f;
	sfs[0] = (rv_marc_subfield) {'6', l, strlen(l)};
	memcpy(sfs + 1, f->subfields, sizeof(rv_marc_subfield) * (size_t) f->nsubfields);
	out->subfields = sfs;
	out->nsubfields = f->nsubfields + 1;
	return 1;
}

int
marc_apply_plan(marc_rec *rec, const rv_marc_plan *plan,
				rv_marc_field **out, int *nout)
{
	int			n = rec->nfields + plan->nadded,
				k = 0;
	rv_marc_field *fs = marc_rec_own(rec, calloc((size_t) n + 1, sizeof(rv_marc_field)));

	if (fs == NULL)
		return 0;
	for (int i = 0; i <= rec->nfields; i++)
	{
		if (i == plan->insert_at)
			for (int a = 0; a < plan->nadded; a++)
			{
				const rv_marc_added *ad = &plan->added[a];

				strcpy(fs[k].tag, "880");
				fs[k].ind1 = ad->ind1;
				fs[k].ind2 = ad->ind2;
				fs[k].subfields = ad->subfields;
				fs[k++].nsubfields = ad->nsubfields;
			}
		if (i == rec->nfields)
			break;
		fs[k] = rec->fields[i];
		for (int a = 0; a < plan->nadded; a++)
			if (plan->added[a].field == i &&
				!linked_copy(rec, &rec->fields[i], plan->added[a].link, &fs[k]))
				return 0;
		k++;
	}
	*out = fs;
	*nout = k;
	return 1;
}
