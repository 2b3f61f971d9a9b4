/*
 * points.h — private: the points and ligatures of Yiddish spelling (YIVO
 * standard orthography) as symbols beside the Hebrew letters.
 *
 * A rule option may write אַ אָ פּ פֿ כּ תּ בֿ שׂ וּ יִ and the ligatures װ ױ ײ.
 * Each becomes plain letter symbols (hebrew.h) followed by mark symbols:
 * the lexicon, the character model and the trie walk see only the plain
 * letters (catalogues and word lists mostly write none of the points), and
 * the output writes the marks only when the options ask for them.
 */
#ifndef REVRIT_POINTS_H
#define REVRIT_POINTS_H

#include <stdint.h>

#include "buf.h"
#include "revrit.h"

/* Mark symbols: after every letter symbol and RV_NSYMS, never seen by the
 * lexicon.  RV_SYM_LIGATURE joins the two letters before it (וו → װ). */
#define RV_SYM_MARK_FIRST	32
#define RV_SYM_PATAH		32	/* U+05B7 */
#define RV_SYM_QAMATS		33	/* U+05B8 */
#define RV_SYM_DAGESH		34	/* U+05BC */
#define RV_SYM_RAFE			35	/* U+05BF */
#define RV_SYM_HIRIQ		36	/* U+05B4 */
#define RV_SYM_SHIN_DOT		37	/* U+05C1 */
#define RV_SYM_SIN_DOT		38	/* U+05C2 */
#define RV_SYM_LIGATURE		39	/* the two letters before are one sign */

static inline int
rv_sym_is_mark(int sym)
{
	return sym >= RV_SYM_MARK_FIRST;
}

/*
 * The symbols a code point of a rule option stands for: a letter or sign
 * (1), a ligature (its two letters and RV_SYM_LIGATURE: 3), a point (1);
 * 0 if it is none of these or more than max symbols would be needed.
 */
int			rv_points_syms(uint32_t cp, uint8_t *sym, int max);

/*
 * Append the symbols' text to b: letters always, points only when points
 * is RV_POINTS_YIVO, ligatures as one sign only when ligatures is set.
 * put_sign writes a letter or sign symbol (< RV_SYM_MARK_FIRST).
 */
void		rv_points_render(rv_buf *b, const uint8_t *sym, int n,
							 rv_points points, int ligatures,
							 void (*put_sign) (rv_buf *b, int sym, void *arg),
							 void *arg);

#endif							/* REVRIT_POINTS_H */
