/*
 * detect_standard.h — private: the standard of each ISBD part of a text
 * and of the whole text, by marker letters (detect_standard.c).
 */
#ifndef REVRIT_DETECT_STANDARD_H
#define REVRIT_DETECT_STANDARD_H

#include "engine.h"
#include "isbd.h"

/* Fill the engine's table of the ASCII characters that are a marker of
 * one of its standards (rv_engine_new calls it). */
void		rv_detect_standard_prepare(rv_engine *e);

/*
 * part[s] = rv_engine_detect of spans[s] for each of the nspans parts
 * (in text order, not overlapping) of cps[0..n); returns rv_engine_detect
 * of the whole text.
 */
const rv_rules *rv_detect_standards(const rv_engine *e, const uint32_t *cps,
									size_t n, const rv_span *spans,
									int nspans, const rv_rules **part);

#endif							/* REVRIT_DETECT_STANDARD_H */
