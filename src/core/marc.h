/*
 * marc.h — linked 880 Hebrew-script fields for a MARC record.
 *
 * The host (the PostgreSQL glue for MARC-in-JSON and MARCXML, the CLI for
 * ISO 2709) reads a record into the borrowed view below, asks for a plan,
 * and applies the plan to its own representation: prepend "$6 880-NN" to
 * some fields and insert new 880 fields.  The core never sees JSON or XML,
 * so every format shares one decision procedure.  Like the rest of the
 * core: no PostgreSQL, errors as rv_status + message, memory through the
 * library allocator.
 */
#ifndef REVRIT_MARC_H
#define REVRIT_MARC_H

#include "revrit.h"

/* One subfield; value is UTF-8, not NUL-terminated, borrowed. */
typedef struct rv_marc_subfield
{
	char		code;
	const char *value;
	size_t		len;
} rv_marc_subfield;

/* One field; control fields (00X) have value, data fields subfields. */
typedef struct rv_marc_field
{
	char		tag[4];			/* NUL-terminated, three characters */
	char		ind1,
				ind2;			/* ' ' for blank */
	const char *value;			/* control field, else NULL */
	size_t		len;
	const rv_marc_subfield *subfields;
	int			nsubfields;
} rv_marc_field;

typedef struct rv_marc_record
{
	const rv_marc_field *fields;
	int			nfields;
} rv_marc_record;

/* What the caller wants. */
typedef struct rv_marc_params
{
	const rv_options *options;	/* conversion options (settings) */
	const char *const *tags;	/* restrict to these tags; NULL = all */
	int			ntags;
	int			only_fit;		/* add only fields fit for display */
	int			fitness;		/* compute fitness even if !only_fit */
} rv_marc_params;

/* Why a field that could carry an 880 got none. */
typedef enum rv_marc_skip
{
	RV_MARC_ADDED = 0,
	RV_MARC_SKIP_LINKED,		/* has "$6 880-NN" already */
	RV_MARC_SKIP_NOT_ROMANIZED, /* no Latin letters to convert */
	RV_MARC_SKIP_UNCHANGED,		/* conversion changed nothing */
	RV_MARC_SKIP_NOT_FIT,		/* only_fit, and not fit for display */
	RV_MARC_SKIP_NOT_SELECTED,	/* tag not in params->tags */
	RV_MARC_SKIP_OTHER_LINK		/* has a $6 that is no 880 link ($6 is
								 * not repeatable: a second would break it) */
} rv_marc_skip;

const char *rv_marc_skip_text(rv_marc_skip why);

/* One field the plan looked at: added or skipped. */
typedef struct rv_marc_note
{
	int			field;			/* index in the record */
	char		tag[4];
	rv_marc_skip why;
	int			occurrence;		/* of the new link, when added */
	const char *kind;			/* "name", "title", "imprint", "series" */
	const char *text;			/* the romanized text converted (or NULL) */
	const char *hebrew;			/* its conversion (or NULL) */
	const char *fitness;		/* "display", "search", "none" or NULL */
} rv_marc_note;

/* One 880 to add, linked to record field `field`. */
typedef struct rv_marc_added
{
	int			field;
	int			occurrence;		/* 1..99 */
	char		link[8];		/* "880-NN": prepend as $6 to the field */
	char		ind1,
				ind2;
	rv_marc_subfield *subfields;	/* of the 880, "$6 TTT-NN/(2/r" first */
	int			nsubfields;
} rv_marc_added;

typedef struct rv_marc_plan
{
	int			hebrew;			/* the record's language is Hebrew */
	char		language[4];	/* what decided it: 008/35-37 or 041 $a */
	rv_marc_added *added;		/* in occurrence order */
	int			nadded;
	int			insert_at;		/* insert the 880s before this field index */
	rv_marc_note *notes;
	int			nnotes;
	void	   *memory;			/* private */
} rv_marc_plan;

/* Plan the 880s for a record.  *out is freed with rv_marc_plan_free. */
rv_status	rv_marc_plan_record(const rv_engine *engine,
								const rv_marc_record *record,
								const rv_marc_params *params,
								rv_marc_plan **out, char *err);
void		rv_marc_plan_free(rv_marc_plan *plan);

/* The plan as the JSON report of revrit_marc_report (docs/marc.md); *json
 * is freed with rv_free. */
rv_status	rv_marc_report_json(const rv_marc_plan *plan, char **json,
								size_t *len, char *err);

/* ---- the MARC 21 knowledge the plan uses (marc_tags.c) ------------------ */

/* The field kind for a tag that gets Hebrew script, or NULL if none. */
const char *rv_marc_tag_kind(const char *tag);

/* Does this subfield of this tag carry words to convert? */
int			rv_marc_converts_subfield(const char *tag, char code);

/* 1 or 2: the indicator giving non-filing characters for tag, else 0. */
int			rv_marc_nonfiling_indicator(const char *tag);

/* The most linked 880 fields a record can have (two-digit occurrence). */
#define RV_MARC_MAX_OCCURRENCE 99

#endif							/* REVRIT_MARC_H */
