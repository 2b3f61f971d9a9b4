/*
 * lexicon_build_write.c — lay the lexicon file out in memory (header,
 * section table, DAWG, character model, frequency classes) and write it
 * to a temporary file renamed into place.
 */
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "alloc.h"
#include "lexicon_build_internal.h"

#define NSECTIONS 3

static size_t
align_up(size_t n)
{
	return (n + RVLEX_ALIGN - 1) & ~(size_t) (RVLEX_ALIGN - 1);
}

/* Copy the DAWG section (header, nodes, edges) to buf + off. */
static void
put_dawg(unsigned char *buf, size_t off, const dawg *d, uint32_t nwords)
{
	rvlex_dawg_header dh;

	dh.nnodes = (uint32_t) d->nnodes;
	dh.nedges = (uint32_t) d->nedges;
	dh.nwords = nwords;
	dh.root = 0;
	memcpy(buf + off, &dh, sizeof(dh));
	memcpy(buf + off + sizeof(dh), d->nodes, d->nnodes * sizeof(rvlex_node));
	memcpy(buf + off + sizeof(dh) + d->nnodes * sizeof(rvlex_node),
		   d->edges, d->nedges * sizeof(uint32_t));
}

/* Lay out the file in memory: header, section table, DAWG, char model,
 * frequency classes. */
unsigned char *
lexbuild_assemble(const dawg *d, uint32_t nwords, const uint16_t *costs, int order,
		 size_t *size)
{
	rvlex_header hdr;
	rvlex_section sec[NSECTIONS];
	rvlex_charmodel_header ch;
	rvlex_freq_header fh;
	size_t		ncontexts = 1;
	unsigned char *buf;
	int			k;

	for (k = 1; k < order; k++)
		ncontexts *= RV_NSYMS;
	memset(sec, 0, sizeof(sec));
	sec[0].type = RVLEX_SEC_DAWG;
	sec[0].offset = align_up(sizeof(hdr) + sizeof(sec));
	sec[0].length = sizeof(rvlex_dawg_header) + d->nnodes * sizeof(rvlex_node) +
		d->nedges * sizeof(uint32_t);
	sec[1].type = RVLEX_SEC_CHARMODEL;
	sec[1].offset = align_up(sec[0].offset + sec[0].length);
	sec[1].length = sizeof(ch) + ncontexts * RV_NSYMS * sizeof(uint16_t);
	sec[2].type = RVLEX_SEC_FREQ;
	sec[2].offset = align_up(sec[1].offset + sec[1].length);
	sec[2].length = sizeof(fh) + d->nnodes;
	*size = sec[2].offset + sec[2].length;

	buf = rv_alloc0(*size);
	if (buf == NULL)
		return NULL;
	put_dawg(buf, sec[0].offset, d, nwords);
	ch.order = (uint32_t) order;
	ch.nsyms = RV_NSYMS;
	ch.ncontexts = (uint32_t) ncontexts;
	ch.scale = RVLEX_COST_SCALE;
	memcpy(buf + sec[1].offset, &ch, sizeof(ch));
	memcpy(buf + sec[1].offset + sizeof(ch), costs,
		   ncontexts * RV_NSYMS * sizeof(uint16_t));
	fh.nnodes = (uint32_t) d->nnodes;
	fh.step = RVLEX_FREQ_STEP;
	memcpy(buf + sec[2].offset, &fh, sizeof(fh));
	memcpy(buf + sec[2].offset + sizeof(fh), d->freq, d->nnodes);
	memcpy(buf + sizeof(hdr), sec, sizeof(sec));

	memset(&hdr, 0, sizeof(hdr));
	memcpy(hdr.magic, RVLEX_MAGIC, RVLEX_MAGIC_LEN);
	hdr.version = RVLEX_VERSION;
	hdr.byte_order = RVLEX_BYTE_ORDER;
	hdr.file_size = *size;
	hdr.nsections = NSECTIONS;
	hdr.checksum = rvlex_checksum(buf + sizeof(hdr), *size - sizeof(hdr));
	memcpy(buf, &hdr, sizeof(hdr));
	return buf;
}

/* Write buf to path.tmp and rename it over path. */
rv_status
lexbuild_write_atomically(const char *path, const unsigned char *buf, size_t size,
				 char *err)
{
	size_t		plen = strlen(path);
	char	   *tmp = rv_alloc(plen + 5);
	FILE	   *f;
	int			ok;

	if (tmp == NULL)
	{
		rv_seterr(err, "out of memory writing \"%s\"", path);
		return RV_ENOMEM;
	}
	memcpy(tmp, path, plen);
	memcpy(tmp + plen, ".tmp", 5);
	f = fopen(tmp, "wb");
	if (f == NULL)
	{
		rv_seterr(err, "cannot create \"%s\": %s", tmp, strerror(errno));
		rv_free(tmp);
		return RV_EIO;
	}
	ok = fwrite(buf, 1, size, f) == size;
	ok = (fclose(f) == 0) && ok;
	if (!ok || rename(tmp, path) != 0)
	{
		rv_seterr(err, "cannot write \"%s\": %s", path, strerror(errno));
		unlink(tmp);
		rv_free(tmp);
		return RV_EIO;
	}
	rv_free(tmp);
	return RV_OK;
}

