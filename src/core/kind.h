/*
 * kind.h — private: what kind of field a text is (title, name heading,
 * imprint), recognised from its shape when the caller does not say.
 */
#ifndef REVRIT_KIND_H
#define REVRIT_KIND_H

#include <stddef.h>
#include <stdint.h>

#include "revrit.h"

/*
 * The kind of cps[0..n): an inverted name heading ("Surname, Given Given,
 * dates"), an imprint ("Place : Publisher, Year" or "Place, Year"), else a
 * title.  Never RV_KIND_AUTO.
 */
rv_kind		rv_kind_detect(const uint32_t *cps, size_t n);

/* The kind a call converts with: the option, or the detected one. */
rv_kind		rv_kind_resolve(rv_kind asked, const uint32_t *cps, size_t n);

#endif							/* REVRIT_KIND_H */
