/*
 * detect_plain.h — private: which standard a text without any diacritic is
 * written in, decided by reading it both ways.
 */
#ifndef REVRIT_DETECT_PLAIN_H
#define REVRIT_DETECT_PLAIN_H

#include "engine.h"
#include "lattice.h"

/*
 * cps[from..to) is plain ASCII and betrays no standard by its letters.  A
 * standard whose rule file says "plain-script" (the Israeli place-name
 * romanization: q, w and ' instead of diacritics) is chosen over the
 * default when the lexicon and the standard's own word list know more of
 * its reading of the words, or as many at a cost no more than
 * RV_PLAIN_MARGIN higher.  NULL = keep the default.  spellings has room
 * for one candidate; arena is scratch, freed by the caller.
 */
const rv_rules *rv_detect_plain(const rv_engine *e, const uint32_t *cps,
								size_t from, size_t to, rv_search *search,
								rv_arena *arena, rv_spelling *spellings);

/* Text without a single diacritic is more likely written in a system that
 * has none: ties go to it within this cost. */
#define RV_PLAIN_MARGIN 1.0

#endif							/* REVRIT_DETECT_PLAIN_H */
