/*
 * strhash.h — a read-only open-addressing hash of strings kept in an
 * array elsewhere, built once when a rule file or word list is compiled
 * so the per-word look-ups cost one hash and usually one comparison
 * instead of a binary search of strcmp calls.
 */
#ifndef REVRIT_STRHASH_H
#define REVRIT_STRHASH_H

#include <stddef.h>
#include <stdint.h>

#include "revrit.h"

/* The i-th string of the caller's array. */
typedef const char *(*rv_strhash_key_fn) (const void *items, uint32_t i);

typedef struct rv_strhash
{
	uint32_t   *slots;			/* index + 1 of a string; 0 = empty */
	uint32_t   *hashes;			/* the full hash of that string */
	uint32_t	mask;			/* slots - 1 (a power of two) */
} rv_strhash;

/* Index items[0..n) (earlier items win for equal keys). */
rv_status	rv_strhash_build(rv_strhash *h, const void *items, uint32_t n,
							 rv_strhash_key_fn key_at);

/* The index of key among the items, or -1. */
int64_t		rv_strhash_find(const rv_strhash *h, const void *items,
							rv_strhash_key_fn key_at, const char *key);

void		rv_strhash_free(rv_strhash *h);

#endif
