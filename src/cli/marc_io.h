/*
 * marc_io.h — MARC records for the command-line tool: one record held in
 * memory as the core's view (src/core/marc.h), read from and written to
 * ISO 2709 (marc_iso2709.c) and MARC-in-JSON lines (marc_jsonl.c).
 */
#ifndef REVRIT_MARC_IO_H
#define REVRIT_MARC_IO_H

#include <stdio.h>

#include "../core/marc.h"

#define MARC_ERRLEN 512

/* A record and the memory behind it (freed by marc_rec_clear). */
typedef struct marc_rec
{
	int			number;			/* 1-based position in the input */
	char		leader[25];		/* "" when the input has none */
	rv_marc_field *fields;
	int			nfields;
	int			cap;
	/* the raw text of keys besides "fields" (JSON), kept as written */
	char	   *json_rest;
	/* every string the record points to */
	char	  **blocks;
	int			nblocks,
				capblocks;
} marc_rec;

void		marc_rec_clear(marc_rec *rec);
/* Append a field (its strings must be owned by rec); NULL: no memory. */
rv_marc_field *marc_rec_add(marc_rec *rec);
/* Give rec a malloc'd block to free with it; returns it (NULL stays NULL). */
void	   *marc_rec_own(marc_rec *rec, void *block);
/* "record 3 (001 abc)" for messages. */
const char *marc_rec_name(const marc_rec *rec, char *buf, size_t size);

/* The fields of rec with the plan applied: links put first, 880s inserted.
 * The array and the link subfields are owned by rec. */
int			marc_apply_plan(marc_rec *rec, const rv_marc_plan *plan,
							rv_marc_field **out, int *nout);

/* Readers return 1 for a record, 0 at the end, -1 on error (err set). */
int			iso2709_read(FILE *fp, marc_rec *rec, char *err);
int			iso2709_write(FILE *fp, const marc_rec *rec,
						  const rv_marc_field *fields, int nfields, char *err);
int			jsonl_read(FILE *fp, marc_rec *rec, char *err);
int			jsonl_write(FILE *fp, const marc_rec *rec,
						const rv_marc_field *fields, int nfields, char *err);

/* MARCXML (marc_xml_io.c): the whole document of in, each record planned
 * by fn (which sets err and returns NULL on failure), written to out
 * unless !write.  Returns 0 on error (err set). */
typedef rv_marc_plan *(*marc_plan_fn) (void *arg, marc_rec *rec, char *err);
int			marcxml_run(FILE *in, FILE *out, marc_plan_fn fn, void *arg,
						int write, char *err);

#endif							/* REVRIT_MARC_IO_H */
