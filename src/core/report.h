/*
 * report.h — private: the analysis that rv_analyze_events() streams, built
 * while the conversion runs (convert.c calls these as it goes).
 */
#ifndef REVRIT_REPORT_H
#define REVRIT_REPORT_H

#include "buf.h"
#include "isbd.h"
#include "revrit.h"

#define RV_REPORT_MAX_PARTS 64

typedef struct rv_report_part
{
	rv_role		role;
	int			display;		/* fit for display */
	int			search;			/* fit for search */
	int			kept;			/* left as written: another language */
} rv_report_part;

typedef struct rv_report
{
	const rv_event_sink *sink;
	int			lexicon;		/* a lexicon was loaded */
	const char *kind;			/* the field kind converted with (kind.c) */
	int			nparts;
	rv_report_part parts[RV_REPORT_MAX_PARTS];
	/* the part being built */
	int			nwords;
	int			standard_known;
	const char *language;		/* of the next part; NULL = Hebrew */
	int			translit;
	int			fully_converted;
	int			all_recognized;
	int			foreign_tokens;
	int			converted_words;
	int			kept;			/* left as written: another language */
} rv_report;

void		rv_report_init(rv_report *r, int lexicon, const rv_event_sink *sink);
/* The language the next part is read as ("yiddish"; NULL: Hebrew). */
void		rv_report_set_language(rv_report *r, const char *language);
void		rv_report_part_begin(rv_report *r, rv_role role, const char *standard,
								 int standard_known, int translit);
/* One word: its alternatives best first (nalt may be 0 when it stayed
 * Latin), in_lexicon of the chosen one. */
void		rv_report_word(rv_report *r, const char *roman, const char *const *hebrew,
						   const double *scores, int nalt, int in_lexicon,
						   int foreign);
/* The part is in another language and was left as written. */
void		rv_report_part_kept(rv_report *r);
void		rv_report_part_end(rv_report *r, const char *source, const char *hebrew);
/* Close the document with the whole conversion and the recommendation. */
void		rv_report_finish(rv_report *r, const char *hebrew);

#endif							/* REVRIT_REPORT_H */
