/*
 * errors.c — turn the core's rv_status into ereport with an SQLSTATE.
 */
#include "postgres.h"

#include "mb/pg_wchar.h"

#include "revrit_pg.h"
#include "../core/learned.h"

/* The SQLSTATE for a core status. */
static int
status_errcode(rv_status status)
{
	switch (status)
	{
		case RV_ENOMEM:
			return ERRCODE_OUT_OF_MEMORY;
		case RV_EIO:
			return ERRCODE_IO_ERROR;
		case RV_EFORMAT:
			return ERRCODE_CONFIG_FILE_ERROR;
		case RV_EINVAL:
			return ERRCODE_INVALID_PARAMETER_VALUE;
		case RV_EUNICODE:
			return ERRCODE_CHARACTER_NOT_IN_REPERTOIRE;
		case RV_ETOOLONG:
			return ERRCODE_PROGRAM_LIMIT_EXCEEDED;
		case RV_OK:
			break;
	}
	return ERRCODE_INTERNAL_ERROR;
}

/*
 * The detail of a "too long" error: the limit that was hit (the input size
 * of a call, or the alignment table of revrit_align/revrit_learn).
 */
static int
too_long_detail(const char *msg)
{
	if (strncmp(msg, "field too long to align", 23) == 0)
		return errdetail("revrit_align and revrit_learn align a field of at most %u word pairs (romanized words times Hebrew words).",
						 RV_MAX_ALIGN_CELLS);
	if (strncmp(msg, "input of ", 9) == 0)
		return errdetail("revrit converts at most %u bytes per call.",
						 RV_MAX_INPUT_BYTES);
	return 0;					/* the message names its limit */
}

void
revrit_report(rv_status status, const char *err, const char *file)
{
	const char *msg = (err && err[0]) ? err : rv_status_text(status);

	/* The core's messages about files usually name the file already. */
	if (file && strstr(msg, file) == NULL)
		ereport(ERROR,
				(errcode(status_errcode(status)),
				 errmsg("revrit: could not load \"%s\": %s", file, msg)));
	if (file)
		ereport(ERROR,
				(errcode(status_errcode(status)),
				 errmsg("revrit: %s", msg)));
	if (status == RV_ETOOLONG)
		ereport(ERROR,
				(errcode(status_errcode(status)),
				 errmsg("revrit: %s", msg),
				 too_long_detail(msg)));
	ereport(ERROR,
			(errcode(status_errcode(status)),
			 errmsg("revrit: %s", msg)));
	pg_unreachable();
}

/* The core works on UTF-8; PostgreSQL hands us the database encoding. */
void
revrit_check_encoding(void)
{
	if (GetDatabaseEncoding() != PG_UTF8)
		ereport(ERROR,
				(errcode(ERRCODE_FEATURE_NOT_SUPPORTED),
				 errmsg("revrit requires a database with encoding UTF8"),
				 errdetail("The current database encoding is %s.",
						   GetDatabaseEncodingName())));
}
