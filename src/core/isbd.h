/*
 * isbd.h — private: the parts of a catalogue title (ISBD punctuation).
 *
 * "main : subtitle / responsibility = parallel title ; …" — each part is
 * detected and reported on its own, since catalogues mix standards and
 * languages between parts.
 */
#ifndef REVRIT_ISBD_H
#define REVRIT_ISBD_H

#include <stddef.h>
#include <stdint.h>

typedef enum rv_role
{
	RV_ROLE_MAIN = 0,
	RV_ROLE_SUBTITLE,
	RV_ROLE_RESPONSIBILITY,
	RV_ROLE_PARALLEL
} rv_role;

typedef struct rv_span
{
	size_t		start;			/* the part's text, separator excluded */
	size_t		end;
	rv_role		role;
} rv_span;

const char *rv_role_name(rv_role role);

/* Split at " : ", " / ", " = " and " ; "; returns the number of parts
 * (at most max; the last takes the rest). */
int			rv_split_parts(const uint32_t *cps, size_t n, rv_span *parts, int max);

/* Does the text carry romanization diacritics or alef/ayin signs? */
int			rv_has_transliteration_marks(const uint32_t *cps, size_t from,
										 size_t to);

/* Does it contain a Latin (non-Hebrew) letter at all? */
int			rv_has_latin_letter(const uint32_t *cps, size_t from, size_t to);

#endif							/* REVRIT_ISBD_H */
