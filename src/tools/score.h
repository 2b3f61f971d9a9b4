/*
 * score.h — the accuracy metrics of ../shared/eval/score.py, in C.
 *
 * score.py is the reference definition of the project's accuracy; this
 * scorer reproduces it number for number and line for line, so that
 * "revrit score" and "revrit eval" can stand in for it.  Every quirk of
 * the reference is kept on purpose (universal newlines, Python's white
 * space set, str.strip semantics, the LCS tie-breaking), because each one
 * can change which gold words count as matched.
 *
 * Strings are (pointer, length) pairs of UTF-8 and may hold NUL bytes, as
 * Python strings may.  Fallible calls return 0, or -1 with a message in
 * err (SCORE_ERRLEN bytes).
 */
#ifndef REVRIT_SCORE_H
#define REVRIT_SCORE_H

#include <stddef.h>
#include <stdio.h>

#define SCORE_ERRLEN 256

/* Widest LCS table (cells) one field may need; 50M cells = 200 MB.  The
 * reference has no limit, but a field that large is a broken input, and
 * a clear error beats an out-of-memory crash. */
#define SCORE_MAX_LCS_CELLS 50000000UL

/* Field names are left-aligned to this many characters in report lines. */
#define SCORE_NAME_WIDTH 10

/* One normalised word, pointing into a score_words' buffer. */
typedef struct score_word
{
	const char *s;
	size_t		len;
	int			heb;			/* contains a letter U+05D0..U+05EA */
} score_word;

/* The words of one text, as words() of score.py returns them. */
typedef struct score_words
{
	score_word *w;
	size_t		n;
	char	   *buf;			/* UTF-8 of every word, owned */
} score_words;

/* The counters of score.py, for one field name or for all. */
typedef struct score_counts
{
	long		fields;
	long		gold_words;
	long		matched;
	long		heb_words;
	long		heb_matched;
	long		exact;
} score_counts;

typedef struct score_field
{
	char	   *name;
	size_t		len;
	score_counts c;
} score_field;

/* A mismatching field kept for the --errors listing. */
typedef struct score_error
{
	char	   *roman;
	size_t		roman_len;
	char	   *gold;
	size_t		gold_len;
	char	   *pred;
	size_t		pred_len;
} score_error;

/* Accumulates the counters over a whole file. */
typedef struct score_state
{
	score_counts total;
	score_field *fields;		/* sorted by name (code point order) */
	size_t		nfields;
	size_t		cap_fields;
	score_error *errors;		/* the first max_errors mismatches */
	size_t		nerrors;
	size_t		cap_errors;
	size_t		max_errors;
} score_state;

/* A string within a loaded file. */
typedef struct score_str
{
	const char *s;
	size_t		len;
} score_str;

/* One pair: its tab-separated columns (at least 4) and its line number. */
typedef struct score_pair
{
	score_str	field;			/* column 2 */
	score_str	roman;			/* column 3 */
	score_str	gold;			/* column 4 */
	long		lineno;
} score_pair;

/* The pairs of a PAIRS.tsv file, read as score.py reads it. */
typedef struct score_pairs
{
	score_pair *p;
	size_t		n;
	char	   *buf;			/* the file's bytes, owned */
} score_pairs;

/* The lines of a PRED.txt file, read as score.py reads it. */
typedef struct score_lines
{
	score_str  *l;
	size_t		n;
	char	   *buf;			/* the file's bytes, owned */
} score_lines;

/* ---- the pieces (exposed for the unit tests) ----------------------------- */

/* score.py's str.isspace(): Unicode White_Space plus U+001C..U+001F. */
int			score_is_space(unsigned int cp);

/* norm(): NFC, points and direction marks removed, look-alikes mapped,
 * white space folded to single spaces.  *out is malloc'ed, NUL ended. */
int			score_norm(const char *s, size_t len, char **out, size_t *outlen,
					   char *err);

/* words(): the words of norm(s) with edge punctuation stripped. */
int			score_words_get(const char *s, size_t len, score_words *out,
							char *err);
void		score_words_free(score_words *words);

/* lcs_pairs(a, b): sets matched[j] = 1 for every word of b the LCS
 * alignment matches, with the reference's tie-breaking; matched must have
 * b->n entries.  Fails only on size or memory. */
int			score_lcs(const score_words *a, const score_words *b,
					  unsigned char *matched, char *err);

/* ---- accumulating and reporting ------------------------------------------ */

void		score_init(score_state *st, size_t max_errors);
void		score_free(score_state *st);

/* Count one pair's prediction, as the body of score.py's main loop. */
int			score_add(score_state *st, const score_pair *pair,
					  const char *pred, size_t pred_len, char *err);

/* line(): "%-10s fields=%4d heb_word_acc=%.3f word_acc=%.3f exact=%.3f". */
void		score_print_line(FILE *out, const char *name, size_t len,
							 const score_counts *c);

/* The whole report: per-field lines (if by_field), errors, "all". */
void		score_report(FILE *out, const score_state *st, int by_field);

/* ---- files --------------------------------------------------------------- */

/* The _parse forms read a copy of text, for callers without a file.  Both
 * forms refuse text that is not strict UTF-8, as Python's decoder does. */

/* Read PAIRS.tsv: universal newlines, blank lines skipped, a first row
 * beginning "source\tfield" dropped, every row needs 4 columns. */
int			score_pairs_load(const char *path, score_pairs *out, char *err);
int			score_pairs_parse(const char *text, size_t len, score_pairs *out,
							  char *err);
void		score_pairs_free(score_pairs *pairs);

/* Read PRED.txt: universal newlines, every line kept (blank ones too). */
int			score_lines_load(const char *path, score_lines *out, char *err);
int			score_lines_parse(const char *text, size_t len, score_lines *out,
							  char *err);
void		score_lines_free(score_lines *lines);

#endif							/* REVRIT_SCORE_H */
