/*
 * wordfreq.h — private: reading wordfreq's "cB" frequency pack, the
 * decompressed MessagePack file the Makefile derives from
 * data/wordfreq-he/large_he.msgpack.gz.  Used by the lexicon compiler only.
 */
#ifndef REVRIT_WORDFREQ_H
#define REVRIT_WORDFREQ_H

#include <stddef.h>

#include "revrit.h"

/*
 * Called once per word form, most frequent first: utf8[0..len) is the
 * form, centibels its frequency as -100 log10 (per token of running text).
 * Returns 0 to go on, nonzero to stop with RV_ENOMEM.
 */
typedef int (*rv_wordfreq_fn) (const char *utf8, size_t len, int centibels,
							   void *arg);

/* Read the pack at path (uncompressed MessagePack) and call fn for every
 * form; RV_EIO if unreadable, RV_EFORMAT if it is not a cB pack. */
rv_status	rv_wordfreq_read(const char *path, rv_wordfreq_fn fn, void *arg,
							 char *err);

/*
 * The forms of a pack as lexicon symbol strings, sorted and unique: each
 * record is a length byte, the symbols, then the centibels as two bytes
 * (big-endian), so the lexicon compiler's word order applies unchanged.
 * A form written twice (after symbol folding) keeps its higher frequency.
 */
typedef struct rv_freqlist
{
	unsigned char *arena;
	size_t		used,
				cap;
	const unsigned char **words;	/* sorted records */
	size_t		n;
} rv_freqlist;

rv_status	rv_freqlist_load(const char *path, rv_freqlist *fl, char *err);
void		rv_freqlist_free(rv_freqlist *fl);

static inline int
rv_freqlist_cb(const unsigned char *rec)
{
	return (rec[1 + rec[0]] << 8) | rec[2 + rec[0]];
}

#endif							/* REVRIT_WORDFREQ_H */
