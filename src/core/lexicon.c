/*
 * lexicon.c — open a compiled lexicon (.rvlex) as a read-only memory map
 * and check it.  Reading it is elsewhere: the word DAWG's trie walk and
 * rv_lex_contains() in lexicon_walk.c, the character n-gram cost table in
 * lexicon_charmodel.c.
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
#include "lexicon_internal.h"

/* Linux-only conveniences; elsewhere the plain call does the same job. */
#ifndef MAP_POPULATE
#define MAP_POPULATE 0
#endif
#ifndef O_CLOEXEC
#define O_CLOEXEC 0
#endif

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
