/*
 * cmd_marc.c — "revrit marc": add linked 880 Hebrew-script fields to the
 * MARC records of a file, as revrit_marc() does in PostgreSQL (the same
 * core plan, src/core/marc.h).
 *
 *   revrit marc [--to json|iso2709|xml] [--fields 245,264] [--only-fit]
 *               [--report] [FLAGS] < records > records
 *
 * The input is MARC-in-JSON, one record per line, ISO 2709 in UTF-8
 * (leader/09 = 'a'), or a MARCXML record or collection, told apart by its
 * first byte; the output is in the input's format unless --to says
 * otherwise (JSON and ISO 2709 convert into each other).  --report prints, per record,
 * the JSON report of revrit_marc_report() instead of the records.  The
 * first record that cannot be read or converted stops the run with an
 * error naming it (exit status 1); the records before it are written.
 */
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "marc_io.h"

typedef int (*read_fn) (FILE *fp, marc_rec *rec, char *err);
typedef int (*write_fn) (FILE *fp, const marc_rec *rec,
						 const rv_marc_field *fields, int nfields, char *err);

typedef struct marc_job
{
	cli_engine	ce;
	rv_marc_params params;
	char	   *tags[64];
	int			report;
	int			xml;			/* MARCXML: a whole document */
	read_fn		read;
	write_fn	write;
} marc_job;

/* --fields 245,264 → params.tags */
static int
parse_tags(marc_job *job, char *list)
{
	int			n = 0;

	for (char *t = strtok(list, ", "); t; t = strtok(NULL, ", "))
	{
		if (n == 64 || rv_marc_tag_kind(t) == NULL)
		{
			fprintf(stderr, "revrit marc: field \"%s\" never gets a linked Hebrew 880\n", t);
			return 0;
		}
		job->tags[n++] = t;
	}
	job->params.tags = (const char *const *) job->tags;
	job->params.ntags = n;
	return 1;
}

/* Take the marc flags out of argv; 0 on a bad one. */
static int
parse_flags(marc_job *job, int argc, char **argv, const char **to)
{
	for (int i = 1; i < argc; i++)
	{
		if (strcmp(argv[i], "--only-fit") == 0)
			job->params.only_fit = 1;
		else if (strcmp(argv[i], "--report") == 0)
			job->report = job->params.fitness = 1;
		else if (strcmp(argv[i], "--to") == 0 && i + 1 < argc)
			*to = argv[++i];
		else if (strcmp(argv[i], "--fields") == 0 && i + 1 < argc)
		{
			if (!parse_tags(job, argv[++i]))
				return 0;
		}
		else
		{
			fprintf(stderr, "revrit marc: unknown argument \"%s\"\n", argv[i]);
			return 0;
		}
	}
	return 1;
}

/* Choose the reader from the first byte of stdin, the writer from --to. */
static int
choose_formats(marc_job *job, const char *to)
{
	int			c;

	while ((c = getchar()) == ' ' || c == '\n' || c == '\r' || c == '\t')
		;
	if (c != EOF)
		ungetc(c, stdin);
	if (c == '{')
		job->read = jsonl_read;
	else if (c >= '0' && c <= '9')
		job->read = iso2709_read;
	else if (c == '<')
	{
		job->xml = 1;
		if (to == NULL || strcmp(to, "xml") == 0)
			return 1;
		fprintf(stderr, "revrit marc: MARCXML is written as MARCXML (--to xml)\n");
		return 0;
	}
	else if (c == EOF)
		return 1;
	else
	{
		fprintf(stderr, "revrit marc: input is neither MARC-in-JSON lines, ISO 2709 nor MARCXML\n");
		return 0;
	}
	job->write = job->read == jsonl_read ? jsonl_write : iso2709_write;
	if (to && strcmp(to, "json") == 0)
		job->write = jsonl_write;
	else if (to && strcmp(to, "iso2709") == 0)
		job->write = iso2709_write;
	else if (to)
	{
		fprintf(stderr, "revrit marc: --to takes json or iso2709\n");
		return 0;
	}
	return 1;
}

/* The plan for one record; with --report, the report is printed.  NULL
 * (err set) on error.  Also the callback of marcxml_run. */
static rv_marc_plan *
plan_record(void *arg, marc_rec *rec, char *err)
{
	marc_job   *job = arg;
	rv_marc_record view = {rec->fields, rec->nfields};
	rv_marc_plan *plan = NULL;
	char		cerr[RV_ERRLEN] = "",
				name[96];
	rv_status	st = rv_marc_plan_record(job->ce.engine, &view, &job->params,
										 &plan, cerr);

	if (st == RV_OK && job->report)
	{
		char	   *json;
		size_t		len;

		if ((st = rv_marc_report_json(plan, &json, &len, cerr)) == RV_OK)
		{
			printf("%s\n", json);
			rv_free(json);
		}
	}
	if (st != RV_OK)
	{
		snprintf(err, MARC_ERRLEN, "%s: %s", marc_rec_name(rec, name, sizeof(name)), cerr);
		rv_marc_plan_free(plan);
		return NULL;
	}
	return plan;
}

/* One record: plan, then write it (unless --report).  0 on error. */
static int
convert_one(marc_job *job, marc_rec *rec, char *err)
{
	rv_marc_plan *plan = plan_record(job, rec, err);
	rv_marc_field *out;
	int			nout,
				ok = plan != NULL;

	if (ok && !job->report && !marc_apply_plan(rec, plan, &out, &nout))
	{
		snprintf(err, MARC_ERRLEN, "out of memory");
		ok = 0;
	}
	else if (ok && !job->report)
		ok = job->write(stdout, rec, out, nout, err) > 0;
	rv_marc_plan_free(plan);
	return ok;
}

int
cmd_marc(int argc, char **argv)
{
	marc_job	job;
	const char *to = NULL;
	int			rc;
	marc_rec	rec;
	char		err[MARC_ERRLEN] = "";

	memset(&job, 0, sizeof(job));
	if ((rc = cli_engine_open(&job.ce, &argc, argv)) != 0)
		return rc;
	job.params.options = &job.ce.options;
	if (!parse_flags(&job, argc, argv, &to) || !choose_formats(&job, to))
	{
		cli_engine_close(&job.ce);
		return 2;
	}
	memset(&rec, 0, sizeof(rec));
	if (job.xml)
		marcxml_run(stdin, stdout, plan_record, &job, !job.report, err);
	for (int number = 1; job.read; number++)
	{
		rec.number = number;
		if (job.read(stdin, &rec, err) <= 0 ||
			!convert_one(&job, &rec, err))
			break;
		marc_rec_clear(&rec);
	}
	marc_rec_clear(&rec);
	cli_engine_close(&job.ce);
	if (err[0])
	{
		fprintf(stderr, "revrit marc: %s\n", err);
		return 1;
	}
	return 0;
}
