/*
 * alloc.h — private: every allocation of the core goes through here, so a
 * host's allocator (rv_set_allocator) sees all of it.
 */
#ifndef REVRIT_ALLOC_H
#define REVRIT_ALLOC_H

#include <stddef.h>

void	   *rv_alloc(size_t size);
void	   *rv_alloc0(size_t size);
void	   *rv_realloc(void *ptr, size_t size);
char	   *rv_strndup(const char *s, size_t len);

/* Fill a caller's RV_ERRLEN buffer (which may be NULL). */
void		rv_seterr(char *err, const char *fmt,...)
			__attribute__((format(printf, 2, 3)));

#endif							/* REVRIT_ALLOC_H */
