/*
 * revrit_pg.h — the PostgreSQL glue around the revrit core: settings,
 * the per-backend engine cache and error reporting.
 */
#ifndef REVRIT_PG_H
#define REVRIT_PG_H

#include "postgres.h"

#include "utils/jsonb.h"

#include "../core/revrit.h"

/* Limits (n, standards, input, rule and lexicon sizes): revrit.h, RV_MAX_*. */

/* Subdirectory of the share directory holding *.rules and *.rvlex. */
#define REVRIT_SHARE_SUBDIR		"revrit"
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
	const rv_rules *rules[RV_MAX_STANDARDS];
	const char *rules_dir;		/* where the rule files were found */
	const char *lexicon_path;	/* NULL = rules only */
	/* lexicons rule files name (yiddish.rvlex) */
	rv_lexicon *named[REVRIT_MAX_NAMED_LEXICONS];
	int			nnamed;
} RevritLoaded;

extern void revrit_install_allocator(void);

/*
 * Around every core call: the core allocates in a fresh "revrit core call"
 * context under the current one, deleted by _end (or with its parent on an
 * error).  Results the caller keeps must be copied out before _end.
 */
extern MemoryContext revrit_core_call_begin(void);
extern void revrit_core_call_end(MemoryContext call);

/* The engine for the current settings, loaded or reloaded on demand. */
extern const RevritLoaded *revrit_engine(void);

/* ---- jsonb_sink.c --------------------------------------------------------- */

/* rv_analyze_events of a text, as jsonb; errors are raised. */
extern Jsonb *revrit_analyze_jsonb(const rv_engine *engine,
								   const char *text, size_t len, int n,
								   const rv_options *opt);

/* ---- rules_load.c --------------------------------------------------------- */

/*
 * Compile the standards of dir, read with PostgreSQL's file API, in the
 * core's order (rv_rules_order_files) into rules[0..RV_MAX_STANDARDS);
 * returns how many.  Errors are raised; rules[] holds those compiled so far
 * (NULL-terminated), for the caller to free.
 */
extern int	revrit_rules_load_dir(const char *dir, rv_rules **rules);

/* ---- lexicon_load.c ------------------------------------------------------- */

/* A mapping the glue made and must release after rv_lexicon_close(). */
typedef struct RevritMapping
{
	void	   *data;
	size_t		size;
} RevritMapping;

/* Check, copy privately and map the lexicon at path; errors are raised. */
extern rv_lexicon *revrit_lexicon_load(const char *path, RevritMapping *mapping);
extern void revrit_lexicon_unmap(RevritMapping *mapping);

/* ---- revrit_pg.c ---------------------------------------------------------- */

/* "auto, ala-lc, ..." of the valid standard names (word lists are none). */
extern char *revrit_standard_list(const RevritLoaded *eng);

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
