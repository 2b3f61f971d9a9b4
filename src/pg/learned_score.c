/*
 * learned_score.c — the project's accuracy metrics (src/tools/score.c, the C
 * port of the reference scorer) compiled into the extension as well, so
 * revrit_evaluate() reports exactly what "revrit eval" reports.  score.c is
 * plain C with malloc; learned_sql.c frees its state on error.
 */
#include "../tools/score.c"
