/*
 * marc_pg.h — the PostgreSQL glue for MARC records: MARC-in-JSON
 * (marc_json.c) and MARCXML (marc_xml.c) read a record into the core's
 * view (src/core/marc.h), marc_common.c plans the 880s, and each format
 * applies the plan to its own representation.
 */
#ifndef MARC_PG_H
#define MARC_PG_H

#include "postgres.h"

#include "utils/array.h"

#include "../core/marc.h"

/* What a SQL call asked for. */
typedef struct MarcRequest
{
	const char *fn;				/* SQL function name, for messages */
	char	  **tags;			/* fields => ...; NULL = every tag */
	int			ntags;
	bool		only_fit;
	bool		fitness;		/* the report wants fitness of every field */
} MarcRequest;

/* fields => text[]: three-character tags that can get an 880. */
extern void marc_request_tags(MarcRequest *req, ArrayType *tags);

/* The plan for one record; ERROR on failure.  Free with rv_marc_plan_free. */
extern rv_marc_plan *marc_plan(const MarcRequest *req,
							   const rv_marc_record *record);

/* The report (revrit_marc_report) of a plan, as JSON text. */
extern char *marc_report_json(const rv_marc_plan *plan);

/* ERROR 22P02: the input is not a MARC record of the expected form. */
extern void marc_not_marc(const char *fn, const char *what,
						  const char *detail) pg_attribute_noreturn();

#endif							/* MARC_PG_H */
