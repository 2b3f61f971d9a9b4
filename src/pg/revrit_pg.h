/*
 * revrit_pg.h — the PostgreSQL glue around the revrit core: settings,
 * the per-backend engine cache and error reporting.
 */
#ifndef REVRIT_PG_H
#define REVRIT_PG_H

#include "postgres.h"

#include "../core/revrit.h"

/* revrit_candidates: n must lie in 1..REVRIT_MAX_CANDIDATES. */
#define REVRIT_MAX_CANDIDATES	1000

/* Subdirectory of the share directory holding *.rules and *.rvlex. */
#define REVRIT_SHARE_SUBDIR		"revrit"
#define REVRIT_RULES_SUFFIX		".rules"
#define REVRIT_LEXICON_SUFFIX	".rvlex"

/* revrit.lexicon: the default, and the value meaning "rules only". */
#define REVRIT_DEFAULT_LEXICON	"hebrew"
#define REVRIT_NO_LEXICON		"none"
/* revrit.standard: "auto" detects the standard of each part of a title. */
#define REVRIT_AUTO_STANDARD	"auto"
#define REVRIT_DEFAULT_STANDARD	REVRIT_AUTO_STANDARD

/* revrit_analyze: alternatives per word, default and cap as for n above. */
#define REVRIT_DEFAULT_ALTERNATIVES	3

/* At most this many lexicons named by rule files are loaded. */
#define REVRIT_MAX_NAMED_LEXICONS	4

/* At most this many rule files (standards) are loaded. */
#define REVRIT_MAX_STANDARDS	32

/* ---- guc.c ---------------------------------------------------------------- */

extern char *revrit_standard_guc;
extern int	revrit_hyphen_guc;
extern int	revrit_years_guc;
extern int	revrit_marks_guc;
extern char *revrit_lexicon_guc;
extern int	revrit_spelling_guc;
extern int	revrit_kind_guc;
extern int	revrit_yiddish_points_guc;
extern bool revrit_yiddish_ligatures_guc;

extern void revrit_define_gucs(void);

/* ---- engine_cache.c ------------------------------------------------------- */

/* What is loaded in this backend; valid until the next revrit_engine(). */
typedef struct RevritLoaded
{
	rv_engine  *engine;
	int			nrules;
	const rv_rules *rules[REVRIT_MAX_STANDARDS];
	const char *rules_dir;		/* where the rule files were found */
	const char *lexicon_path;	/* NULL = rules only */
	/* lexicons rule files name (yiddish.rvlex) */
	rv_lexicon *named[REVRIT_MAX_NAMED_LEXICONS];
	int			nnamed;
} RevritLoaded;

extern void revrit_install_allocator(void);

/* The engine for the current settings, loaded or reloaded on demand. */
extern const RevritLoaded *revrit_engine(void);

/* ---- errors.c ------------------------------------------------------------- */

/* ereport(ERROR) for a failed core call; file names the file involved
 * (NULL when none).  Does not return. */
extern void revrit_report(rv_status status, const char *err,
						  const char *file) pg_attribute_noreturn();

/* ERROR unless the database encoding is UTF8. */
extern void revrit_check_encoding(void);

/* ---- revrit_pg.c: for marc_*.c -------------------------------------------- */

extern void revrit_settings_options(rv_options *opt, const RevritLoaded *eng);

#endif							/* REVRIT_PG_H */
