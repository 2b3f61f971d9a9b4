/*
 * learned_pg.h — the learned layer inside PostgreSQL: the per-backend
 * cache of revrit.learned (learned_cache.c) and the SQL functions that
 * learn and evaluate (learned_sql.c).
 */
#ifndef REVRIT_LEARNED_PG_H
#define REVRIT_LEARNED_PG_H

#include "revrit_pg.h"

/* Schema and table holding the learned spellings (src/sql/70_learned.sql). */
#define REVRIT_LEARNED_SCHEMA	"revrit"
#define REVRIT_LEARNED_TABLE	"learned"

/* revrit.learning: consult revrit.learned when converting (guc.c). */
extern bool revrit_learning_guc;

/*
 * The learned map conversions in this backend use, or NULL when learning
 * is off or nothing is learned.  Reloaded (by SPI) on the first call after
 * revrit.learned changed in any session; otherwise a flag test.
 */
extern const rv_learned *revrit_learned_map(void);

/* Options for a call, as revrit() makes them (revrit_pg.c). */
extern void revrit_call_options(rv_options *opt, const RevritLoaded *eng,
								const char *standard);

#endif							/* REVRIT_LEARNED_PG_H */
