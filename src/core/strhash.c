/*
 * strhash.c — open-addressing string hash over a caller's array
 * (strhash.h).  FNV-1a of the key bytes, linear probing, at most half
 * full.
 */
#include <string.h>

#include "alloc.h"
#include "strhash.h"

static uint32_t
hash_bytes(const char *s)
{
	uint32_t	h = 2166136261u;

	for (; *s; s++)
		h = (h ^ (uint8_t) *s) * 16777619u;
	return h;
}

rv_status
rv_strhash_build(rv_strhash *h, const void *items, uint32_t n,
				 rv_strhash_key_fn key_at)
{
	uint32_t	size = 16;

	rv_strhash_free(h);
	while (size < 2 * (uint64_t) n)
	{
		if (size >= (1u << 30))
			return RV_ENOMEM;
		size *= 2;
	}
	h->slots = rv_alloc0(size * sizeof(uint32_t));
	h->hashes = rv_alloc0(size * sizeof(uint32_t));
	if (h->slots == NULL || h->hashes == NULL)
	{
		rv_strhash_free(h);
		return RV_ENOMEM;
	}
	h->mask = size - 1;
	for (uint32_t i = 0; i < n; i++)
	{
		const char *key = key_at(items, i);
		uint32_t	hv = hash_bytes(key);
		uint32_t	s = hv & h->mask;

		while (h->slots[s] != 0 &&
			   !(h->hashes[s] == hv &&
				 strcmp(key_at(items, h->slots[s] - 1), key) == 0))
			s = (s + 1) & h->mask;
		if (h->slots[s] == 0)
		{
			h->slots[s] = i + 1;
			h->hashes[s] = hv;
		}
	}
	return RV_OK;
}

int64_t
rv_strhash_find(const rv_strhash *h, const void *items,
				rv_strhash_key_fn key_at, const char *key)
{
	uint32_t	hv,
				s;

	if (h->slots == NULL)
		return -1;
	hv = hash_bytes(key);
	for (s = hv & h->mask; h->slots[s] != 0; s = (s + 1) & h->mask)
		if (h->hashes[s] == hv &&
			strcmp(key_at(items, h->slots[s] - 1), key) == 0)
			return (int64_t) h->slots[s] - 1;
	return -1;
}

void
rv_strhash_free(rv_strhash *h)
{
	rv_free(h->slots);
	rv_free(h->hashes);
	h->slots = h->hashes = NULL;
	h->mask = 0;
}
