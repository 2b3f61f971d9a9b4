/*
 * learned_cache.c — each backend's copy of revrit.learned, kept current.
 *
 * The table is read (SPI, read-only) into a core map on the first call
 * that needs it and kept in a memory context under TopMemoryContext.  A
 * statement-level trigger on the table (revrit.learned_changed) sends a
 * relcache invalidation for it; every backend's relcache callback then
 * marks its copy stale, and the next call reloads.  So a cataloguer's edit
 * is seen by every session on its next statement, and a call that finds
 * nothing changed pays one flag test.  Parallel workers load the table
 * themselves under the leader's snapshot, so they see what the leader sees.
 */
#include "postgres.h"

#include "catalog/namespace.h"
#include "commands/trigger.h"
#include "executor/spi.h"
#include "fmgr.h"
#include "miscadmin.h"
#include "utils/acl.h"
#include "utils/builtins.h"
#include "utils/inval.h"
#include "utils/lsyscache.h"
#include "utils/memutils.h"
#include "utils/rel.h"

#include "learned_pg.h"

/* Rows of revrit.learned read at a time. */
#define LEARNED_BATCH 10000

static MemoryContext LearnedContext = NULL;
static rv_learned *learned_map = NULL;
static bool learned_stale = true;
static bool callback_registered = false;
static Oid	learned_relid = InvalidOid;

PG_FUNCTION_INFO_V1(revrit_learned_changed);

/* Relcache callback: revrit.learned (or everything) was invalidated. */
static void
learned_invalidated(Datum arg, Oid relid)
{
	if (relid == InvalidOid || relid == learned_relid)
		learned_stale = true;
}

/* Trigger: tell every backend that revrit.learned changed. */
Datum
revrit_learned_changed(PG_FUNCTION_ARGS)
{
	TriggerData *trigdata = (TriggerData *) fcinfo->context;

	if (!CALLED_AS_TRIGGER(fcinfo))
		ereport(ERROR,
				(errcode(ERRCODE_E_R_I_E_TRIGGER_PROTOCOL_VIOLATED),
				 errmsg("revrit_learned_changed: not called as a trigger")));
	CacheInvalidateRelcacheByRelid(RelationGetRelid(trigdata->tg_relation));
	PG_RETURN_POINTER(NULL);
}

/* Add one row of the SPI result to the map. */
static void
add_row(HeapTuple tup, TupleDesc desc)
{
	bool		isnull[3];
	Datum		roman = SPI_getbinval(tup, desc, 1, &isnull[0]);
	Datum		heb = SPI_getbinval(tup, desc, 2, &isnull[1]);
	Datum		count = SPI_getbinval(tup, desc, 3, &isnull[2]);
	text	   *r,
			   *h;
	char		err[RV_ERRLEN] = "";
	rv_status	st;
	MemoryContext old;

	if (isnull[0] || isnull[1] || isnull[2])
		return;
	r = DatumGetTextPP(roman);
	h = DatumGetTextPP(heb);
	old = MemoryContextSwitchTo(LearnedContext);
	st = rv_learned_add(learned_map, VARDATA_ANY(r), VARSIZE_ANY_EXHDR(r),
						VARDATA_ANY(h), VARSIZE_ANY_EXHDR(h),
						(long) DatumGetInt64(count), err);
	MemoryContextSwitchTo(old);
	if (st != RV_OK)
		revrit_report(st, err, NULL);
}

/* Read revrit.learned into a fresh map. */
static void
load_learned(void)
{
	char		err[RV_ERRLEN] = "";
	MemoryContext old;
	uint64		i;

	if (LearnedContext == NULL)
		LearnedContext = AllocSetContextCreate(TopMemoryContext,
											   "revrit learned",
											   ALLOCSET_DEFAULT_SIZES);
	learned_map = NULL;
	MemoryContextReset(LearnedContext);
	learned_relid = get_relname_relid(REVRIT_LEARNED_TABLE,
									  get_namespace_oid(REVRIT_LEARNED_SCHEMA, true));
	if (!OidIsValid(learned_relid))
		return;					/* not installed: stay stale, look again */
	/* Say what to do about it: every revrit() call would fail otherwise. */
	if (pg_class_aclcheck(learned_relid, GetUserId(), ACL_SELECT) != ACLCHECK_OK)
		ereport(ERROR,
				(errcode(ERRCODE_INSUFFICIENT_PRIVILEGE),
				 errmsg("revrit: permission denied for table %s.%s",
						REVRIT_LEARNED_SCHEMA, REVRIT_LEARNED_TABLE),
				 errdetail("revrit reads the learned spellings of %s.%s when converting.",
						   REVRIT_LEARNED_SCHEMA, REVRIT_LEARNED_TABLE),
				 errhint("SET revrit.learning = off converts without them, or GRANT SELECT ON %s.%s to the role.",
						 REVRIT_LEARNED_SCHEMA, REVRIT_LEARNED_TABLE)));
	/* From here a change during the load marks the new copy stale again. */
	learned_stale = false;
	old = MemoryContextSwitchTo(LearnedContext);
	if (rv_learned_new(&learned_map, err) != RV_OK)
	{
		MemoryContextSwitchTo(old);
		learned_stale = true;
		revrit_report(RV_ENOMEM, err, NULL);
	}
	MemoryContextSwitchTo(old);

	PG_TRY();
	{
		SPIPlanPtr	plan;
		Portal		portal;

		SPI_connect();
		plan = SPI_prepare("SELECT romanized, hebrew, count FROM "
						   REVRIT_LEARNED_SCHEMA "." REVRIT_LEARNED_TABLE,
						   0, NULL);
		if (plan == NULL)
			elog(ERROR, "revrit: could not read %s.%s",
				 REVRIT_LEARNED_SCHEMA, REVRIT_LEARNED_TABLE);
		/* by batches: a million entries in one result would double the
		 * backend's memory while the map is built */
		portal = SPI_cursor_open(NULL, plan, NULL, NULL, true);
		for (;;)
		{
			SPI_cursor_fetch(portal, true, LEARNED_BATCH);
			if (SPI_processed == 0)
				break;
			for (i = 0; i < SPI_processed; i++)
			{
				CHECK_FOR_INTERRUPTS();
				add_row(SPI_tuptable->vals[i], SPI_tuptable->tupdesc);
			}
			SPI_freetuptable(SPI_tuptable);
		}
		SPI_cursor_close(portal);
		SPI_finish();
	}
	PG_CATCH();
	{
		learned_stale = true;
		learned_map = NULL;
		PG_RE_THROW();
	}
	PG_END_TRY();
}

const rv_learned *
revrit_learned_map(void)
{
	if (!revrit_learning_guc)
		return NULL;
	if (!callback_registered)
	{
		CacheRegisterRelcacheCallback(learned_invalidated, (Datum) 0);
		callback_registered = true;
	}
	if (learned_stale)
		load_learned();
	return rv_learned_size(learned_map) > 0 ? learned_map : NULL;
}
