/*
 * score_internal.h — private to score*.c: helpers the scorer's files share.
 */
#ifndef REVRIT_SCORE_INTERNAL_H
#define REVRIT_SCORE_INTERNAL_H

#include <stddef.h>

#include "score.h"

/* Copy msg into err (SCORE_ERRLEN bytes) if err is not NULL. */
void		score_set_err(char *err, const char *msg);

/* Byte offset of the first ill-formed UTF-8 sequence, or len. */
size_t		score_utf8_check(const char *s, size_t len);

/* Code points in s (well-formed UTF-8). */
size_t		score_utf8_count(const char *s, size_t len);

/* s[0..len) as a NUL-terminated malloc'd copy (s may hold NUL bytes). */
char	   *score_dup_bytes(const char *s, size_t len);

#endif							/* REVRIT_SCORE_INTERNAL_H */
