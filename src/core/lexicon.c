/*
 * lexicon.c — read a compiled lexicon (.rvlex) straight from a read-only
 * memory map: the word DAWG for the candidate search's trie walk and
 * rv_lex_contains(), and the character n-gram cost table.
 *
 * Everything a later lookup could trust is checked once in
 * rv_lexicon_open(): the header, the checksum, that every section lies in
 * the file, and that every node and edge index is in range.  After that the
 * hot paths need only a range check on their own arguments.
 */
#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include "alloc.h"
#include "lexicon.h"
#include "lexicon_format.h"

/* Linux-only conveniences; elsewhere the plain call does the same job. */
#ifndef MAP_POPULATE
#define MAP_POPULATE 0
#endif
#ifndef O_CLOEXEC
#define O_CLOEXEC 0
#endif

struct rv_lexicon
{
	const unsigned char *map;
	size_t		size;
	int			borrowed;		/* the host maps and unmaps (attach) */
	/* DAWG */
	const rvlex_node *nodes;
	const uint32_t *edges;
	uint32_t	nnodes;
	uint32_t	nedges;
	uint32_t	nwords;
	uint32_t	root;
	int			has_common;		/* some word carries RVLEX_NODE_COMMON */
	uint32_t	version;
	/* word frequencies (version 3; NULL before) */
	const uint8_t *freq;		/* [nnodes] classes, lexicon_format.h */
	double		freq_step;		/* log10 units per class */
	/* character model */
	const uint16_t *costs;		/* [ncontexts][RV_NSYMS] */
	uint32_t	order;
	uint32_t	ncontexts;
	uint32_t	ctx_keep;		/* contexts of order - 2 symbols */
	rv_charctx	ctx_start;
	double		cost_unit;		/* bits per stored unit */
};

/*
 * Portable popcount: without -mpopcnt gcc turns __builtin_popcount into a
 * libgcc call, which costs more than these few ALU operations.
 */
static inline uint32_t
popcount32(uint32_t x)
{
	x = x - ((x >> 1) & 0x55555555u);
	x = (x & 0x33333333u) + ((x >> 2) & 0x33333333u);
	x = (x + (x >> 4)) & 0x0F0F0F0Fu;
	return (x * 0x01010101u) >> 24;
}

/* ---- verifying the file ---------------------------------------------------- */

/* Header: magic, byte order, version, size. */
static rv_status
check_header(const char *path, const unsigned char *map, size_t size,
			 rvlex_header *hdr, char *err)
{
	if (size < RVLEX_MAGIC_LEN || memcmp(map, RVLEX_MAGIC, RVLEX_MAGIC_LEN) != 0)
	{
		rv_seterr(err, "\"%s\" is not a revrit lexicon (bad magic)", path);
		return RV_EFORMAT;
	}
	if (size < sizeof(*hdr))
	{
		rv_seterr(err, "\"%s\" is truncated: %zu bytes, shorter than the header",
				  path, size);
		return RV_EFORMAT;
	}
	memcpy(hdr, map, sizeof(*hdr));
	if (hdr->byte_order != RVLEX_BYTE_ORDER)
	{
		rv_seterr(err, "\"%s\" was written with another byte order", path);
		return RV_EFORMAT;
	}
	if (hdr->version < RVLEX_MIN_VERSION || hdr->version > RVLEX_VERSION)
	{
		rv_seterr(err, "\"%s\" has format version %u, this revrit reads versions %d to %d",
				  path, hdr->version, RVLEX_MIN_VERSION, RVLEX_VERSION);
		return RV_EFORMAT;
	}
	if (hdr->file_size != size)
	{
		rv_seterr(err, "\"%s\" is %s: %zu bytes, header says %llu", path,
				  size < hdr->file_size ? "truncated" : "oversized",
				  size, (unsigned long long) hdr->file_size);
		return RV_EFORMAT;
	}
	if (hdr->nsections > RVLEX_MAX_SECTIONS ||
		size - sizeof(*hdr) < hdr->nsections * sizeof(rvlex_section))
	{
		rv_seterr(err, "\"%s\" has a bad section table (%u sections)",
				  path, hdr->nsections);
		return RV_EFORMAT;
	}
	return RV_OK;
}

/* The checksum covers everything after the header. */
static rv_status
check_checksum(const char *path, const unsigned char *map, size_t size,
			   const rvlex_header *hdr, char *err)
{
	if (rvlex_checksum(map + sizeof(*hdr), size - sizeof(*hdr)) != hdr->checksum)
	{
		rv_seterr(err, "\"%s\" checksum mismatch: the file is corrupt", path);
		return RV_EFORMAT;
	}
	return RV_OK;
}

/* Find the one section of a type; it must lie inside the file and be
 * aligned for the arrays in it. */
static rv_status
find_section(const char *path, const unsigned char *map, size_t size,
			 const rvlex_header *hdr, uint32_t type, const char *what,
			 const unsigned char **data, size_t *len, char *err)
{
	const unsigned char *table = map + sizeof(*hdr);
	uint32_t	i;

	*data = NULL;
	for (i = 0; i < hdr->nsections; i++)
	{
		rvlex_section sec;

		memcpy(&sec, table + i * sizeof(sec), sizeof(sec));
		if (sec.type != type)
			continue;
		if (*data != NULL)
		{
			rv_seterr(err, "\"%s\" has two %s sections", path, what);
			return RV_EFORMAT;
		}
		if (sec.offset > size || sec.length > size - sec.offset ||
			sec.offset % 8 != 0)
		{
			rv_seterr(err, "\"%s\": %s section (offset %llu, %llu bytes) lies outside the file",
					  path, what, (unsigned long long) sec.offset,
					  (unsigned long long) sec.length);
			return RV_EFORMAT;
		}
		*data = map + sec.offset;
		*len = (size_t) sec.length;
	}
	if (*data == NULL)
	{
		rv_seterr(err, "\"%s\" has no %s section", path, what);
		return RV_EFORMAT;
	}
	return RV_OK;
}

/* Every node's edges and every edge's target must be in range, so that
 * rv_lex_step() never has to check more than its own arguments. */
static int
dawg_indexes_ok(rv_lexicon *lex)
{
	uint32_t	i;

	if (lex->root >= lex->nnodes)
		return 0;
	for (i = 0; i < lex->nnodes; i++)
	{
		const rvlex_node *n = &lex->nodes[i];

		if ((n->bits & ~(RVLEX_NODE_SYMS | RVLEX_NODE_FINAL | RVLEX_NODE_DICT |
						 RVLEX_NODE_COMMON)) != 0 ||
			n->first > lex->nedges ||
			popcount32(n->bits & RVLEX_NODE_SYMS) > lex->nedges - n->first)
			return 0;
		if (n->bits & RVLEX_NODE_COMMON)
			lex->has_common = 1;
	}
	for (i = 0; i < lex->nedges; i++)
		if (lex->edges[i] >= lex->nnodes)
			return 0;
	return 1;
}

static rv_status
load_dawg(const char *path, const unsigned char *data, size_t len,
		  rv_lexicon *lex, char *err)
{
	rvlex_dawg_header dh;

	if (len < sizeof(dh))
		goto bad;
	memcpy(&dh, data, sizeof(dh));
	if (dh.nnodes == 0 || dh.nnodes >= RV_LEX_NONE ||
		len != sizeof(dh) + (uint64_t) dh.nnodes * sizeof(rvlex_node) +
		(uint64_t) dh.nedges * sizeof(uint32_t))
		goto bad;
	lex->nnodes = dh.nnodes;
	lex->nedges = dh.nedges;
	lex->nwords = dh.nwords;
	lex->root = dh.root;
	lex->nodes = (const rvlex_node *) (data + sizeof(dh));
	lex->edges = (const uint32_t *) (data + sizeof(dh) +
									 (size_t) dh.nnodes * sizeof(rvlex_node));
	if (!dawg_indexes_ok(lex))
		goto bad;
	return RV_OK;
bad:
	rv_seterr(err, "\"%s\" has a malformed word trie section", path);
	return RV_EFORMAT;
}

static rv_status
load_charmodel(const char *path, const unsigned char *data, size_t len,
			   rv_lexicon *lex, char *err)
{
	rvlex_charmodel_header ch;
	uint64_t	ncontexts = 1;
	uint32_t	k;

	if (len < sizeof(ch))
		goto bad;
	memcpy(&ch, data, sizeof(ch));
	if (ch.order < 1 || ch.order > RVLEX_MAX_ORDER || ch.nsyms != RV_NSYMS ||
		ch.scale == 0)
		goto bad;
	for (k = 1; k < ch.order; k++)
		ncontexts *= RV_NSYMS;
	if (ch.ncontexts != ncontexts ||
		len != sizeof(ch) + ncontexts * RV_NSYMS * sizeof(uint16_t))
		goto bad;
	lex->costs = (const uint16_t *) (data + sizeof(ch));
	lex->order = ch.order;
	lex->ncontexts = ch.ncontexts;
	lex->ctx_keep = ch.ncontexts / RV_NSYMS;
	lex->cost_unit = 1.0 / ch.scale;
	lex->ctx_start = 0;
	for (k = 1; k < ch.order; k++)
		lex->ctx_start = lex->ctx_start * RV_NSYMS + RV_SYM_BOUNDARY;
	return RV_OK;
bad:
	rv_seterr(err, "\"%s\" has a malformed character model section", path);
	return RV_EFORMAT;
}

/* The frequency classes: one byte per DAWG node (lexicon_format.h). */
static rv_status
load_freq(const char *path, const unsigned char *data, size_t len,
		  rv_lexicon *lex, char *err)
{
	rvlex_freq_header fh;

	if (len < sizeof(fh))
		goto bad;
	memcpy(&fh, data, sizeof(fh));
	if (fh.nnodes != lex->nnodes || fh.step == 0 || fh.step > 1000 ||
		len != sizeof(fh) + (uint64_t) fh.nnodes)
		goto bad;
	lex->freq = data + sizeof(fh);
	lex->freq_step = fh.step / 100.0;
	return RV_OK;
bad:
	rv_seterr(err, "\"%s\" has a malformed word frequency section", path);
	return RV_EFORMAT;
}

/* Everything after mapping: header, checksum, sections. */
static rv_status
verify_and_load(const char *path, rv_lexicon *lex, char *err)
{
	rvlex_header hdr;
	const unsigned char *data;
	size_t		len = 0;
	rv_status	st;

	memset(&hdr, 0, sizeof(hdr));
	st = check_header(path, lex->map, lex->size, &hdr, err);
	if (st == RV_OK)
		st = check_checksum(path, lex->map, lex->size, &hdr, err);
	if (st == RV_OK)
		st = find_section(path, lex->map, lex->size, &hdr, RVLEX_SEC_DAWG,
						  "word trie", &data, &len, err);
	if (st == RV_OK)
		st = load_dawg(path, data, len, lex, err);
	if (st == RV_OK)
		st = find_section(path, lex->map, lex->size, &hdr, RVLEX_SEC_CHARMODEL,
						  "character model", &data, &len, err);
	if (st == RV_OK)
		st = load_charmodel(path, data, len, lex, err);
	lex->version = hdr.version;
	if (st == RV_OK && hdr.version >= 3)
		st = find_section(path, lex->map, lex->size, &hdr, RVLEX_SEC_FREQ,
						  "word frequency", &data, &len, err);
	if (st == RV_OK && hdr.version >= 3)
		st = load_freq(path, data, len, lex, err);
	return st;
}

/* ---- open / close ---------------------------------------------------------- */

/*
 * Map the whole file read-only; the page cache shares it between backends.
 * Refused before any byte of the body is read: a non-regular file (opened
 * non-blocking, so a FIFO cannot hang us), and a header whose magic,
 * version or recorded size is wrong (a 2 GB stray file costs one read).
 */
static rv_status
map_file(const char *path, rv_lexicon *lex, char *err)
{
	struct stat st;
	int			fd = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK);
	unsigned char head[sizeof(rvlex_header)];
	ssize_t		got;
	rv_status	status;
	void	   *p;

	if (fd < 0)
	{
		rv_seterr(err, "cannot open lexicon \"%s\": %s", path, strerror(errno));
		return RV_EIO;
	}
	if (fstat(fd, &st) != 0)
	{
		rv_seterr(err, "cannot stat lexicon \"%s\": %s", path, strerror(errno));
		close(fd);
		return RV_EIO;
	}
	if (!S_ISREG(st.st_mode))
	{
		rv_seterr(err, "lexicon \"%s\" is not a regular file", path);
		close(fd);
		return RV_EFORMAT;
	}
	got = pread(fd, head, sizeof(head), 0);
	if (got < 0)
	{
		rv_seterr(err, "cannot read lexicon \"%s\": %s", path, strerror(errno));
		close(fd);
		return RV_EIO;
	}
	status = rv_lexicon_check_header(head, (size_t) got,
									 (unsigned long long) st.st_size, path,
									 NULL, err);
	if (status != RV_OK)
	{
		close(fd);
		return status;
	}
	/* MAP_POPULATE: the checksum reads every page anyway; fault them in
	 * one go instead of one at a time */
	p = mmap(NULL, (size_t) st.st_size, PROT_READ, MAP_SHARED | MAP_POPULATE,
			 fd, 0);
	close(fd);
	if (p == MAP_FAILED)
	{
		rv_seterr(err, "cannot map lexicon \"%s\": %s", path, strerror(errno));
		return RV_EIO;
	}
	lex->map = p;
	lex->size = (size_t) st.st_size;
	return RV_OK;
}

size_t
rv_lexicon_header_size(void)
{
	return sizeof(rvlex_header);
}

rv_status
rv_lexicon_check_header(const void *head, size_t headlen,
						unsigned long long file_size, const char *name,
						unsigned long long *checksum, char *err)
{
	rvlex_header hdr;
	rv_status	st;

	/* the caller read min(header, file) bytes: check_header reads no more */
	if (headlen < sizeof(hdr) && headlen != file_size)
	{
		rv_seterr(err, "\"%s\": short read of the header", name);
		return RV_EIO;
	}
	if (file_size > RV_MAX_LEXICON_BYTES)
	{
		rv_seterr(err, "\"%s\" is %llu bytes, more than the limit of %llu",
				  name, (unsigned long long) file_size,
				  (unsigned long long) RV_MAX_LEXICON_BYTES);
		return RV_ETOOLONG;
	}
	st = check_header(name, head, (size_t) file_size, &hdr, err);
	if (st == RV_OK && checksum)
		*checksum = hdr.checksum;
	return st;
}

rv_status
rv_lexicon_attach(const void *data, size_t size, const char *name,
				  rv_lexicon **out, char *err)
{
	rv_lexicon *lex;
	rv_status	st;

	*out = NULL;
	lex = rv_alloc0(sizeof(*lex));
	if (lex == NULL)
	{
		rv_seterr(err, "out of memory opening lexicon \"%s\"", name);
		return RV_ENOMEM;
	}
	lex->map = data;
	lex->size = size;
	lex->borrowed = 1;
	st = verify_and_load(name, lex, err);
	if (st != RV_OK)
	{
		rv_lexicon_close(lex);
		return st;
	}
	*out = lex;
	return RV_OK;
}

rv_status
rv_lexicon_open(const char *path, rv_lexicon **out, char *err)
{
	rv_lexicon *lex;
	rv_status	st;

	if (out == NULL || path == NULL)
	{
		rv_seterr(err, "rv_lexicon_open: no path or result pointer");
		return RV_EINVAL;
	}
	*out = NULL;
	lex = rv_alloc0(sizeof(*lex));
	if (lex == NULL)
	{
		rv_seterr(err, "out of memory opening lexicon \"%s\"", path);
		return RV_ENOMEM;
	}
	st = map_file(path, lex, err);
	if (st == RV_OK)
		st = verify_and_load(path, lex, err);
	if (st != RV_OK)
	{
		rv_lexicon_close(lex);
		return st;
	}
	*out = lex;
	return RV_OK;
}

void
rv_lexicon_close(rv_lexicon *lex)
{
	if (lex == NULL)
		return;
	if (lex->map && !lex->borrowed)
		munmap((void *) lex->map, lex->size);
	rv_free(lex);
}

/* ---- the trie walk --------------------------------------------------------- */

rv_lexnode
rv_lex_root(const rv_lexicon *lex)
{
	return lex ? lex->root : RV_LEX_NONE;
}

/* The hot path: one bit test and one popcount, no search. */
rv_lexnode
rv_lex_step(const rv_lexicon *lex, rv_lexnode node, int sym)
{
	uint32_t	bits,
				bit;

	if (node >= lex->nnodes || (unsigned) sym >= RV_SYM_BOUNDARY)
		return RV_LEX_NONE;
	bits = lex->nodes[node].bits;
	bit = 1u << sym;
	if (!(bits & bit))
		return RV_LEX_NONE;
	return lex->edges[lex->nodes[node].first + popcount32(bits & (bit - 1))];
}

int
rv_lex_is_word(const rv_lexicon *lex, rv_lexnode node)
{
	return node < lex->nnodes && (lex->nodes[node].bits & RVLEX_NODE_FINAL) != 0;
}

int
rv_lex_has_common(const rv_lexicon *lex)
{
	return lex->has_common;
}

int
rv_lex_word_tags(const rv_lexicon *lex, rv_lexnode node)
{
	uint32_t	bits;
	int			tags = 0;

	if (!rv_lex_is_word(lex, node))
		return 0;
	bits = lex->nodes[node].bits;
	if (bits & RVLEX_NODE_DICT)
		tags |= RV_LEX_DICT;
	if (bits & RVLEX_NODE_COMMON)
		tags |= RV_LEX_COMMON;
	if (tags == 0)				/* untagged: frequency list only (v3) */
		return lex->version >= 3 ? RV_LEX_FREQ : RV_LEX_DICT;
	return tags;
}

double
rv_lex_word_cost(const rv_lexicon *lex, rv_lexnode node)
{
	int			c;

	if (lex->freq == NULL || node >= lex->nnodes ||
		!(lex->nodes[node].bits & RVLEX_NODE_FINAL) || (c = lex->freq[node]) == 0)
		return -1;
	/* the middle of the class's interval of -log10 f */
	return (c - 0.5) * lex->freq_step;
}

int
rv_lex_has_freq(const rv_lexicon *lex)
{
	return lex->freq != NULL;
}

/* Is the symbol string a stored word? */
static int
lookup(const rv_lexicon *lex, const unsigned char *syms, size_t n)
{
	rv_lexnode	node = lex->root;
	size_t		i;

	for (i = 0; i < n && node != RV_LEX_NONE; i++)
		node = rv_lex_step(lex, node, syms[i]);
	return rv_lex_is_word(lex, node);
}

/* ---- prefix letters -------------------------------------------------------- */

/*
 * Hspell stores words without their prefix letters and lets its affix
 * rules add them.  We accept, ignoring which word takes which prefixes:
 *
 *     prefix = [ו] [S] [F], not empty
 *     S = ש | כש | לכש | מש | שכש | שלכש | שמש        ("that", "when", ...)
 *     F = ב | ה | כ | ל | מ | בכ | כב | ככ | כל | כמ | לכ | מב | מה | מכ
 *         | מל | כמה
 *
 * which is the union of what Hspell's PFX rules allow (a slight superset).
 * As in Hspell, a word that starts with a single ו doubles it behind any
 * prefix but a lone ו: ו + ורד = וורד, but ב + ורד = בוורד.
 */
#define HEB(cp)		((cp) - 0x05D0)	/* symbol of a Hebrew letter */
#define S_BET		HEB(0x05D1)
#define S_HE		HEB(0x05D4)
#define S_VAV		HEB(0x05D5)
#define S_KAF		HEB(0x05DB)
#define S_LAMED		HEB(0x05DC)
#define S_MEM		HEB(0x05DE)
#define S_SHIN		HEB(0x05E9)

static const unsigned char prefix_s[][5] = {
	/* length, then symbols */
	{0},
	{1, S_SHIN},
	{2, S_KAF, S_SHIN},
	{3, S_LAMED, S_KAF, S_SHIN},
	{2, S_MEM, S_SHIN},
	{3, S_SHIN, S_KAF, S_SHIN},
	{4, S_SHIN, S_LAMED, S_KAF, S_SHIN},
	{3, S_SHIN, S_MEM, S_SHIN},
};

static const unsigned char prefix_f[][4] = {
	{0},
	{1, S_BET}, {1, S_HE}, {1, S_KAF}, {1, S_LAMED}, {1, S_MEM},
	{2, S_BET, S_KAF}, {2, S_KAF, S_BET}, {2, S_KAF, S_KAF},
	{2, S_KAF, S_LAMED}, {2, S_KAF, S_MEM}, {2, S_LAMED, S_KAF},
	{2, S_MEM, S_BET}, {2, S_MEM, S_HE}, {2, S_MEM, S_KAF},
	{2, S_MEM, S_LAMED},
	{3, S_KAF, S_MEM, S_HE},
};

#define NELEM(a) (sizeof(a) / sizeof((a)[0]))

/* Does the pattern (length byte + symbols) occur at syms[pos]? */
static int
matches(const unsigned char *pat, const unsigned char *syms, size_t n,
		size_t pos)
{
	return pos + pat[0] <= n && memcmp(syms + pos, pat + 1, pat[0]) == 0;
}

/* Bit p set: syms[0..p) is a legal prefix. */
static uint32_t
prefix_splits(const unsigned char *syms, size_t n)
{
	uint32_t	splits = 0;
	size_t		v,
				s,
				f;

	for (v = 0; v <= (size_t) (n > 0 && syms[0] == S_VAV); v++)
		for (s = 0; s < NELEM(prefix_s); s++)
		{
			if (!matches(prefix_s[s], syms, n, v))
				continue;
			for (f = 0; f < NELEM(prefix_f); f++)
				if (matches(prefix_f[f], syms, n, v + prefix_s[s][0]))
					splits |= 1u << (v + prefix_s[s][0] + prefix_f[f][0]);
		}
	return splits & ~1u;		/* an empty prefix is no prefix */
}

/* Is syms[p..n) a stored word behind the prefix syms[0..p)? */
static int
stem_known(const rv_lexicon *lex, const unsigned char *syms, size_t n,
		   size_t p)
{
	const unsigned char *r = syms + p;
	size_t		rn = n - p;

	if (rn == 0)
		return 0;
	if (r[0] != S_VAV || (p == 1 && syms[0] == S_VAV))	/* no doubling */
		return lookup(lex, r, rn);
	if (rn < 2 || r[1] != S_VAV)	/* a single ו behind a prefix */
		return 0;
	return lookup(lex, r, rn) ||	/* the word starts with וו */
		(rn > 2 && r[2] != S_VAV && lookup(lex, r + 1, rn - 1));
}

#define MAX_PREFIX 6			/* ו + שלכש + ב */

int
rv_lex_contains(const rv_lexicon *lex, const char *utf8, size_t len)
{
	unsigned char syms[RVLEX_MAX_WORD + MAX_PREFIX];
	size_t		n,
				p;
	uint32_t	splits;

	if (lex == NULL || utf8 == NULL)
		return 0;
	n = rv_syms_from_utf8(utf8, len, syms, sizeof(syms));
	if (n == 0)
		return 0;
	if (lookup(lex, syms, n))
		return 1;
	splits = prefix_splits(syms, n);
	for (p = 1; splits >> p; p++)
		if ((splits >> p & 1) && stem_known(lex, syms, n, p))
			return 1;
	return 0;
}

rv_lexnode
rv_lex_lookup(const rv_lexicon *lex, const char *utf8, size_t len)
{
	unsigned char syms[RVLEX_MAX_WORD];
	rv_lexnode	node = lex->root;
	size_t		n = rv_syms_from_utf8(utf8, len, syms, sizeof(syms));

	if (n == 0)
		return RV_LEX_NONE;
	for (size_t i = 0; i < n && node != RV_LEX_NONE; i++)
		node = rv_lex_step(lex, node, syms[i]);
	return node;
}

/* ---- the character model --------------------------------------------------- */

rv_charctx
rv_lex_ctx_start(const rv_lexicon *lex)
{
	return lex->ctx_start;
}

/* Drop the oldest symbol, append sym (anything out of range counts as a
 * boundary). */
rv_charctx
rv_lex_ctx_push(const rv_lexicon *lex, rv_charctx ctx, int sym)
{
	if ((unsigned) sym >= RV_NSYMS)
		sym = RV_SYM_BOUNDARY;
	if (lex->ctx_keep == 0)
		return 0;				/* a unigram model has no context */
	return (ctx % lex->ctx_keep) * RV_NSYMS + (rv_charctx) sym;
}

double
rv_lex_char_cost(const rv_lexicon *lex, rv_charctx ctx, int sym)
{
	if (ctx >= lex->ncontexts || (unsigned) sym >= RV_NSYMS)
		return 65535 * lex->cost_unit;	/* the largest storable cost */
	return lex->costs[(size_t) ctx * RV_NSYMS + sym] * lex->cost_unit;
}
