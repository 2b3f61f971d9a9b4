/*
 * learned_score_text.c — the scorer's text normalization and word split
 * (src/tools/score_text.c), which learned_score.c's metrics use, compiled
 * into the extension for revrit_evaluate().
 */
#include "../tools/score_text.c"
