/*
 * numerals.h — private: Hebrew numerals (gematria) for years and numbering.
 */
#ifndef REVRIT_NUMERALS_H
#define REVRIT_NUMERALS_H

#include <stddef.h>
#include <stdint.h>

/* Longest numeral written: 999 is תתקצ"ט, six symbols plus marks. */
#define RV_NUMERAL_MAX 12

/*
 * Write 1..999 (thousands are not written, as in years: 5708 → תש"ח) as
 * lexicon.h symbols with a geresh after a single letter or gershayim
 * before the last of several; 15 and 16 as ט"ו and ט"ז.  Returns the
 * number of symbols, 0 if n is out of range.
 */
int			rv_hebrew_numeral(int n, uint8_t *sym);

/*
 * Is the digit run cps[from..to) a Hebrew-calendar year as imprints give
 * it (600–799 or 5600–5799, i.e. 1840–2039)?  Returns the year within the
 * millennium, or 0.
 */
int			rv_hebrew_year(const uint32_t *cps, size_t from, size_t to);

/* Does cps[from..n) contain a Gregorian year 1800–2099 as a digit run? */
int			rv_has_gregorian_year(const uint32_t *cps, size_t from, size_t n);

#endif							/* REVRIT_NUMERALS_H */
