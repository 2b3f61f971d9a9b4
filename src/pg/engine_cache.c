/*
 * engine_cache.c — load the rule files and the lexicon once per backend.
 *
 * Everything the core allocates goes through palloc (rv_set_allocator), so
 * it lives in PostgreSQL memory contexts: per-call work in the caller's
 * context, which PostgreSQL resets for us, and the engine in
 * RevritCacheContext under TopMemoryContext, which lives as long as the
 * backend.  An error can therefore longjmp out of the core (cancel in the
 * interrupt callback) without leaking.
 *
 * The engine is built lazily on first use and rebuilt when revrit.lexicon
 * changes.  Every rule file (.rules) in $sharedir/revrit is compiled; the
 * lexicon is memory-mapped read-only, so parallel workers share its pages.
 */
#include "postgres.h"

#include <sys/stat.h>

#include "miscadmin.h"
#include "storage/fd.h"
#include "utils/memutils.h"

#include "revrit_pg.h"

static MemoryContext RevritCacheContext = NULL;

/* What is loaded, and for which value of revrit.lexicon. */
static RevritLoaded loaded;
static rv_lexicon *loaded_lexicon = NULL;
static RevritMapping loaded_mapping;
static RevritMapping named_mappings[REVRIT_MAX_NAMED_LEXICONS];
static char *loaded_setting = NULL;
static bool loaded_valid = false;

/* The missing default lexicon is mentioned once per backend, not per row. */
static bool missing_lexicon_logged = false;

/* ---- allocator ------------------------------------------------------------ */

/*
 * The core allocates in an explicit, named context: "revrit engine"
 * (RevritCacheContext) while loading, a "revrit core call" context around
 * each SQL call (revrit_core_call_begin), so whatever a call leaves behind,
 * an error included, goes with its context and shows by name in
 * MemoryContextStats.  The allocator's ctx points at core_context.
 *
 * NO_OOM lets the core see NULL and report RV_ENOMEM itself (so it can
 * release what it holds); HUGE because a 1 MB title may need a lattice
 * beyond palloc's 1 GB limit only in pathological cases, and the core
 * bounds its input anyway.
 */
static MemoryContext core_context = NULL;

static void *
pg_rv_alloc(size_t size, void *ctx)
{
	MemoryContext cxt = *(MemoryContext *) ctx;

	return MemoryContextAllocExtended(cxt ? cxt : CurrentMemoryContext, size,
									  MCXT_ALLOC_HUGE | MCXT_ALLOC_NO_OOM);
}

static void *
pg_rv_realloc(void *ptr, size_t size, void *ctx)
{
	return repalloc_extended(ptr, size, MCXT_ALLOC_HUGE | MCXT_ALLOC_NO_OOM);
}

static void
pg_rv_free(void *ptr, void *ctx)
{
	pfree(ptr);
}

void
revrit_install_allocator(void)
{
	static const rv_allocator allocator = {
		pg_rv_alloc, pg_rv_realloc, pg_rv_free, &core_context
	};

	rv_set_allocator(&allocator);
}

MemoryContext
revrit_core_call_begin(void)
{
	core_context = AllocSetContextCreate(CurrentMemoryContext,
										 "revrit core call",
										 ALLOCSET_DEFAULT_SIZES);
	return core_context;
}

void
revrit_core_call_end(MemoryContext call)
{
	core_context = NULL;
	MemoryContextDelete(call);
}

/* ---- loading -------------------------------------------------------------- */

/* Release whatever a previous (possibly failed) load left behind. */
static void
unload(void)
{
	int			i;

	loaded_valid = false;
	if (loaded.engine)
		rv_engine_free(loaded.engine);
	for (i = 0; i < loaded.nrules; i++)
		rv_rules_free((rv_rules *) loaded.rules[i]);
	if (loaded_lexicon)
		rv_lexicon_close(loaded_lexicon);
	for (i = 0; i < loaded.nnamed; i++)
		rv_lexicon_close(loaded.named[i]);
	for (i = 0; i < REVRIT_MAX_NAMED_LEXICONS; i++)
		revrit_lexicon_unmap(&named_mappings[i]);
	loaded_lexicon = NULL;
	revrit_lexicon_unmap(&loaded_mapping);
	loaded_setting = NULL;
	memset(&loaded, 0, sizeof(loaded));
	if (RevritCacheContext)
		MemoryContextReset(RevritCacheContext);
}

/* Leave the cache context before raising an error. */
static void pg_attribute_noreturn()
load_failed(MemoryContext oldcxt, rv_status status, const char *err,
			const char *file)
{
	MemoryContextSwitchTo(oldcxt);
	revrit_report(status, err, file);
}

/* Load the standards of dir (rules_load.c), recorded one by one so that
 * unload() frees them if a later file fails. */
static void
load_rules(const char *dir, MemoryContext oldcxt)
{
	(void) oldcxt;
	loaded.nrules = revrit_rules_load_dir(dir, (rv_rules **) loaded.rules);
}

/* The file revrit.lexicon names, or NULL for "none". */
static char *
lexicon_path(const char *setting, const char *dir)
{
	if (strcmp(setting, REVRIT_NO_LEXICON) == 0)
		return NULL;
	if (is_absolute_path(setting))
		return pstrdup(setting);
	return psprintf("%s/%s%s", dir, setting, REVRIT_LEXICON_SUFFIX);
}

/*
 * Map the lexicon.  A missing default lexicon (hunspell-he was not
 * installed when revrit was built) only degrades ranking, so revrit goes
 * on with rules only and logs that once; a lexicon the administrator named
 * explicitly must exist, and a corrupt one is always an error.
 */
static void
load_lexicon(const char *setting, const char *dir, MemoryContext oldcxt)
{
	char	   *path = lexicon_path(setting, dir);
	struct stat st;

	if (path == NULL)
		return;

	if (stat(path, &st) != 0 && errno == ENOENT)
	{
		MemoryContextSwitchTo(oldcxt);
		if (strcmp(setting, REVRIT_DEFAULT_LEXICON) != 0)
			ereport(ERROR,
					(errcode(ERRCODE_UNDEFINED_FILE),
					 errmsg("revrit: lexicon file \"%s\" does not exist", path),
					 errhint("Check revrit.lexicon, or set it to \"%s\" for rules only.",
							 REVRIT_NO_LEXICON)));
		if (!missing_lexicon_logged)
			ereport(LOG,
					(errmsg("revrit: lexicon file \"%s\" not found, converting with rules only",
							path),
					 errhint("Install hunspell-he and rebuild and reinstall revrit, or set revrit.lexicon to \"%s\".",
							 REVRIT_NO_LEXICON)));
		missing_lexicon_logged = true;
		MemoryContextSwitchTo(RevritCacheContext);
		return;
	}

	/* (in RevritCacheContext: the lexicon lives as long as the engine) */
	loaded_lexicon = revrit_lexicon_load(path, &loaded_mapping);
	loaded.lexicon_path = path;
}

/*
 * The lexicons rule files name ("lexicon yiddish": yiddish.rvlex beside the
 * default one).  A missing one leaves its standard with rules only, as a
 * missing default lexicon does; a corrupt one is an error.
 */
static void
load_named_lexicons(const char *dir, MemoryContext oldcxt)
{
	const char *name;

	for (int i = 0; (name = rv_engine_lexicon_name(loaded.engine, i)) != NULL; i++)
	{
		char	   *path = psprintf("%s/%s%s", dir, name, REVRIT_LEXICON_SUFFIX);
		char		err[RV_ERRLEN] = "";
		struct stat st;
		rv_lexicon *lex = NULL;
		rv_status	status;

		if (loaded.nnamed == REVRIT_MAX_NAMED_LEXICONS ||
			(stat(path, &st) != 0 && errno == ENOENT))
			continue;
		/* through a private copy, as the default lexicon (lexicon_load.c) */
		lex = revrit_lexicon_load(path, &named_mappings[loaded.nnamed]);
		status = rv_engine_attach_lexicon(loaded.engine, name, lex, err);
		if (status != RV_OK)
		{
			rv_lexicon_close(lex);
			load_failed(oldcxt, status, err, path);
		}
		loaded.named[loaded.nnamed++] = lex;
	}
}

static void
load(void)
{
	char		sharepath[MAXPGPATH];
	char	   *dir;
	char		err[RV_ERRLEN] = "";
	rv_status	status;
	MemoryContext oldcxt;

	if (RevritCacheContext == NULL)
		RevritCacheContext = AllocSetContextCreate(TopMemoryContext,
												   "revrit engine",
												   ALLOCSET_DEFAULT_SIZES);
	oldcxt = MemoryContextSwitchTo(RevritCacheContext);
	core_context = RevritCacheContext;

	get_share_path(my_exec_path, sharepath);
	dir = psprintf("%s/%s", sharepath, REVRIT_SHARE_SUBDIR);
	loaded.rules_dir = dir;

	load_rules(dir, oldcxt);
	load_lexicon(revrit_lexicon_guc, dir, oldcxt);

	status = rv_engine_new(loaded.rules, loaded.nrules, loaded_lexicon,
						   &loaded.engine, err);
	if (status != RV_OK)
	{
		loaded.engine = NULL;
		load_failed(oldcxt, status, err, NULL);
	}
	if (loaded_lexicon)
		load_named_lexicons(dir, oldcxt);

	loaded_setting = pstrdup(revrit_lexicon_guc);
	loaded_valid = true;
	MemoryContextSwitchTo(oldcxt);
	core_context = NULL;
}

const RevritLoaded *
revrit_engine(void)
{
	/* a call that failed may have left its deleted context here */
	core_context = NULL;
	if (loaded_valid && strcmp(loaded_setting, revrit_lexicon_guc) == 0)
		return &loaded;
	unload();
	load();
	return &loaded;
}
