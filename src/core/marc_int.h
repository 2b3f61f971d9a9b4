/*
 * marc_int.h — private to the marc_*.c files: converting one field's
 * subfields together, and the fitness adapter over rv_analyze.
 */
#ifndef REVRIT_MARC_INT_H
#define REVRIT_MARC_INT_H

#include "buf.h"
#include "marc.h"

/*
 * Convert the word-bearing subfields of one field as one text, so the
 * conversion sees the whole field (ISBD parts, a Hebrew year beside its
 * Gregorian one) exactly as revrit() does on "p0 p1 p2", and cut the
 * result back into one piece per subfield.  out[i] and *hebrew (the pieces
 * joined with spaces) are allocated in arena.
 */
rv_status	rv_marc_convert_pieces(const rv_engine *engine,
								   const rv_options *options,
								   const char *const *pieces,
								   const size_t *lens, int n,
								   rv_arena *arena, char **out,
								   char **hebrew, char *err);

/* "display", "search" or "none": what revrit_analyze recommends for text. */
rv_status	rv_marc_fitness(const rv_engine *engine, const rv_options *options,
							const char *text, size_t len,
							const char **fitness, char *err);

#endif							/* REVRIT_MARC_INT_H */
