/*
 * lexicon_format.h — private: the on-disk layout of a compiled lexicon
 * (.rvlex), shared by the compiler (lexicon_build.c) and the reader
 * (lexicon.c).  docs/lexicon-format.md describes the same in prose.
 *
 * All integers are little-endian (the reader refuses a file whose
 * byte-order mark reads differently) and every section starts on an
 * RVLEX_ALIGN boundary, so the arrays can be used straight from the
 * memory map without copying or pointer fix-up.
 */
#ifndef REVRIT_LEXICON_FORMAT_H
#define REVRIT_LEXICON_FORMAT_H

#include <stddef.h>
#include <stdint.h>
#include <string.h>

#define RVLEX_MAGIC			"RVLEX\0\0\0"	/* 8 bytes */
#define RVLEX_MAGIC_LEN		8
#define RVLEX_VERSION		3		/* 2: word tags on final nodes; 3: word
									 * frequencies, and untagged final nodes
									 * are words of the frequency list only */
#define RVLEX_MIN_VERSION	1		/* version 1 files are read as untagged */
#define RVLEX_BYTE_ORDER	0x01020304u
#define RVLEX_ALIGN			64		/* section alignment: a cache line */
#define RVLEX_MAX_SECTIONS	64
#define RVLEX_MAX_WORD		64		/* longest word in symbols; longer ones
									 * are skipped by the compiler */

/*
 * The fixed header at offset 0.  The checksum covers every byte after the
 * header (section table and sections) up to file_size.
 */
typedef struct rvlex_header
{
	char		magic[RVLEX_MAGIC_LEN];
	uint32_t	version;
	uint32_t	byte_order;
	uint64_t	file_size;
	uint64_t	checksum;		/* rvlex_checksum() of [sizeof header, file_size) */
	uint32_t	nsections;		/* entries in the table that follows */
	uint32_t	reserved;
} rvlex_header;

/* Section types.  A reader ignores types it does not know, so new kinds of
 * section (a learned lexicon layered on top, names lists) can be added
 * without a version bump; the version changes only when an existing
 * section changes meaning. */
#define RVLEX_SEC_DAWG		1	/* the word list as a minimized DAWG */
#define RVLEX_SEC_CHARMODEL	2	/* character n-gram costs */
#define RVLEX_SEC_FREQ		3	/* per-node word frequency classes (v3) */

typedef struct rvlex_section
{
	uint32_t	type;
	uint32_t	reserved;
	uint64_t	offset;			/* from the start of the file */
	uint64_t	length;			/* in bytes */
} rvlex_section;

/*
 * RVLEX_SEC_DAWG: an rvlex_dawg_header, then nnodes rvlex_node, then nedges
 * uint32 child indexes.  A node's children are the edges
 * [first, first + popcount(bits & RVLEX_NODE_SYMS)) in symbol order; the
 * child for symbol s is at first + popcount(bits & ((1 << s) - 1)), so a
 * step is one bit test and one popcount, with no search.
 */
typedef struct rvlex_dawg_header
{
	uint32_t	nnodes;
	uint32_t	nedges;
	uint32_t	nwords;			/* distinct words stored */
	uint32_t	root;			/* node index of the empty prefix */
} rvlex_dawg_header;

typedef struct rvlex_node
{
	uint32_t	bits;			/* bit s: has a child for symbol s; FINAL */
	uint32_t	first;			/* index of its first edge */
} rvlex_node;

#define RVLEX_NODE_FINAL	0x80000000u /* a word ends here */
/* Version 2: where the word that ends here comes from.  A final node with
 * neither tag (a version 1 file) is a dictionary word. */
#define RVLEX_NODE_DICT		0x20000000u /* the spelling dictionary */
#define RVLEX_NODE_COMMON	0x40000000u /* the list of common words */
#define RVLEX_NODE_SYMS		0x1FFFFFFFu /* symbols 0..28: never boundary */

/*
 * RVLEX_SEC_CHARMODEL: an rvlex_charmodel_header, then a dense uint16
 * table of costs in units of 1/scale bit, indexed [context][symbol].  A
 * context packs the previous (order - 1) symbols in base nsyms, oldest
 * first; the start of a word is (order - 1) boundaries.
 */
typedef struct rvlex_charmodel_header
{
	uint32_t	order;			/* n of the n-gram model, 1..RVLEX_MAX_ORDER */
	uint32_t	nsyms;			/* must equal RV_NSYMS */
	uint32_t	ncontexts;		/* nsyms ^ (order - 1) */
	uint32_t	scale;			/* costs are stored as bits * scale */
} rvlex_charmodel_header;

/*
 * RVLEX_SEC_FREQ: an rvlex_freq_header, then nnodes bytes, one per DAWG
 * node: 0 when the word ending there (if any) is not in the frequency
 * list, else class c >= 1: the word's frequency f per token of running
 * text has -100 log10 f (centibels) in [(c - 1) step, c step).  The class
 * is part of a node's identity when the DAWG is minimized, so the
 * frequency of a word is a property of the node it ends on.
 */
typedef struct rvlex_freq_header
{
	uint32_t	nnodes;			/* must equal the DAWG's */
	uint32_t	step;			/* centibels per class */
} rvlex_freq_header;

#define RVLEX_MAX_ORDER		4
#define RVLEX_COST_SCALE	100 /* centibits */

/*
 * An xxhash-style 64-bit checksum: four independent multiply/rotate lanes
 * over 8-byte words keep a modern core busy at several GB/s, so verifying
 * a ~10 MB file on every open costs about a millisecond, where a bytewise
 * FNV or CRC would cost ten.  It detects corruption; it is not a MAC.
 */
#define RVLEX_P1 0x9E3779B185EBCA87ull
#define RVLEX_P2 0xC2B2AE3D27D4EB4Full
#define RVLEX_P3 0x165667B19E3779F9ull

static inline uint64_t
rvlex_rotl(uint64_t x, int r)
{
	return (x << r) | (x >> (64 - r));
}

static inline uint64_t
rvlex_read64(const unsigned char *p)
{
	uint64_t	v;

	/* memcpy: unaligned-safe, and compiles to one load */
	memcpy(&v, p, sizeof(v));
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_BIG_ENDIAN__
	v = __builtin_bswap64(v);	/* the words are defined little-endian */
#endif
	return v;
}

static inline uint64_t
rvlex_lane(uint64_t acc, uint64_t word)
{
	return rvlex_rotl(acc + word * RVLEX_P2, 31) * RVLEX_P1;
}

static inline uint64_t
rvlex_checksum(const void *data, size_t len)
{
	const unsigned char *p = data;
	uint64_t	a = RVLEX_P1 + RVLEX_P2,
				b = RVLEX_P2,
				c = 0,
				d = -RVLEX_P1;
	uint64_t	h;
	size_t		i = 0;

	for (; i + 32 <= len; i += 32)
	{
		a = rvlex_lane(a, rvlex_read64(p + i));
		b = rvlex_lane(b, rvlex_read64(p + i + 8));
		c = rvlex_lane(c, rvlex_read64(p + i + 16));
		d = rvlex_lane(d, rvlex_read64(p + i + 24));
	}
	h = rvlex_rotl(a, 1) + rvlex_rotl(b, 7) + rvlex_rotl(c, 12) +
		rvlex_rotl(d, 18) + (uint64_t) len;
	for (; i < len; i++)
		h = rvlex_rotl(h ^ (p[i] * RVLEX_P3), 11) * RVLEX_P1;
	/* final avalanche, so a one-bit change flips about half the bits */
	h ^= h >> 33;
	h *= RVLEX_P2;
	h ^= h >> 29;
	h *= RVLEX_P3;
	h ^= h >> 32;
	return h;
}

#endif							/* REVRIT_LEXICON_FORMAT_H */
