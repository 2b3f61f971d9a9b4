/*
 * fuzz_marc.c — libFuzzer target for the command line's MARC readers and
 * writers (src/cli/marc_iso2709.c, marc_jsonl.c) and the core's 880 plan
 * (src/core/marc_plan.c) on what they read.  Byte 0 chooses the reader
 * (even: ISO 2709, odd: MARC-in-JSON lines); the rest is the input file.
 * Every record read is planned with the ALA-LC rules (no lexicon, for
 * speed), the plan applied and the record written back in both formats.
 *
 *   bench/fuzz_marc.sh [SECONDS]
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../../src/cli/marc_io.h"

static rv_engine *engine;
static rv_rules *rules;
static FILE *devnull;

int			LLVMFuzzerInitialize(int *argc, char ***argv);
int			LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int
LLVMFuzzerInitialize(int *argc, char ***argv)
{
	const char *dir = getenv("REVRIT_RULES_DIR");
	char		path[4096],
				err[RV_ERRLEN];
	const rv_rules *r[1];

	(void) argc;
	(void) argv;
	snprintf(path, sizeof(path), "%s/ala-lc.rules", dir ? dir : "rules");
	if (rv_rules_load(path, &rules, err) != RV_OK ||
		(r[0] = rules, rv_engine_new(r, 1, NULL, &engine, err)) != RV_OK)
	{
		fprintf(stderr, "fuzz_marc: %s: %s\n", path, err);
		exit(2);
	}
	devnull = fopen("/dev/null", "w");
	return 0;
}

static void
plan_and_write(marc_rec *rec)
{
	rv_options	opt;
	rv_marc_params params;
	rv_marc_record view = {rec->fields, rec->nfields};
	rv_marc_plan *plan = NULL;
	rv_marc_field *out;
	int			nout;
	char		err[MARC_ERRLEN];
	char	   *json;
	size_t		len;

	rv_options_init(&opt);
	memset(&params, 0, sizeof(params));
	params.options = &opt;
	params.fitness = 1;
	if (rv_marc_plan_record(engine, &view, &params, &plan, err) != RV_OK)
		return;
	if (rv_marc_report_json(plan, &json, &len, err) == RV_OK)
		rv_free(json);
	if (marc_apply_plan(rec, plan, &out, &nout))
	{
		iso2709_write(devnull, rec, out, nout, err);
		jsonl_write(devnull, rec, out, nout, err);
	}
	rv_marc_plan_free(plan);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	FILE	   *fp;
	marc_rec	rec;
	char		err[MARC_ERRLEN];
	int			json;

	if (size < 1)
		return 0;
	json = data[0] & 1;
	if ((fp = fmemopen((void *) (data + 1), size - 1, "r")) == NULL)
		return 0;
	memset(&rec, 0, sizeof(rec));
	for (int n = 1; n <= 8; n++)
	{
		int			got;

		rec.number = n;
		got = json ? jsonl_read(fp, &rec, err) : iso2709_read(fp, &rec, err);
		if (got <= 0)
			break;
		plan_and_write(&rec);
		marc_rec_clear(&rec);
	}
	marc_rec_clear(&rec);
	fclose(fp);
	return 0;
}
