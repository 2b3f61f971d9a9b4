/*
 * marc_iso2709.c — MARC 21 records in ISO 2709 ("binary MARC", .mrc):
 * a 24-byte leader, a directory of 12-byte entries (tag, length, start),
 * then the fields, each ended by 0x1E, the record by 0x1D; subfields
 * start with 0x1F and their code.  Only UTF-8 records (leader/09 = 'a')
 * are read: MARC-8 has no converter in ICU, and guessing would corrupt.
 */
#include <stdlib.h>
#include <string.h>

#include "marc_io.h"

#define FT	0x1E					/* field terminator */
#define RT	0x1D					/* record terminator */
#define US	0x1F					/* subfield delimiter */
#define MAX_RECORD 99999			/* five digits of record length */

/* A run of ASCII digits as a number, or -1. */
static long
digits(const char *s, int n)
{
	long		v = 0;

	for (int i = 0; i < n; i++)
	{
		if (s[i] < '0' || s[i] > '9')
			return -1;
		v = v * 10 + (s[i] - '0');
	}
	return v;
}

/* MARC tags are three ASCII letters or digits (a NUL would cut the tag). */
static int
tag_ok(const char *t)
{
	for (int i = 0; i < 3; i++)
		if (!((t[i] >= '0' && t[i] <= '9') || (t[i] >= 'A' && t[i] <= 'Z') ||
			  (t[i] >= 'a' && t[i] <= 'z')))
			return 0;
	return 1;
}

static int
fail(char *err, const marc_rec *rec, const char *what)
{
	char		name[96];

	snprintf(err, MARC_ERRLEN, "%s: %s", marc_rec_name(rec, name, sizeof(name)), what);
	return -1;
}

/* The subfields of a data field's bytes (after the indicators). */
static int
read_subfields(marc_rec *rec, rv_marc_field *f, const char *p, long len)
{
	int			n = 0,
				k = 0;
	rv_marc_subfield *sfs;

	for (long i = 0; i < len; i++)
		n += p[i] == US;
	sfs = marc_rec_own(rec, calloc((size_t) n + 1, sizeof(rv_marc_subfield)));
	if (sfs == NULL)
		return 0;
	for (long i = 0; i < len; i++)
	{
		long		j;

		if (p[i] != US)
			continue;
		for (j = i + 1; j < len && p[j] != US; j++)
			;
		sfs[k].code = i + 1 < j ? p[i + 1] : ' ';
		sfs[k].value = p + (i + 1 < j ? i + 2 : j);
		sfs[k].len = (size_t) (j - (i + 1 < j ? i + 2 : j));
		k++;
	}
	f->subfields = sfs;
	f->nsubfields = k;
	return 1;
}

static int
read_fields(marc_rec *rec, const char *buf, long total, char *err)
{
	long		base = digits(buf + 12, 5);

	/* the directory ends with a field terminator just before the base
	 * address; a base address that disagrees would drop or invent fields */
	if (base < 25 || base > total || (base - 25) % 12 != 0 ||
		buf[base - 1] != FT)
		return fail(err, rec, "bad base address of data (leader/12-16)");
	for (long d = 24; d + 12 <= base - 1; d += 12)
	{
		const char *e = buf + d;
		long		flen = digits(e + 3, 4),
					start = digits(e + 7, 5);
		rv_marc_field *f;
		const char *data;

		if (flen < 1 || start < 0 || base + start + flen > total)
			return fail(err, rec, "directory entry out of bounds");
		if (!tag_ok(e))
			return fail(err, rec, "directory entry with a tag that is not three letters or digits");
		if ((f = marc_rec_add(rec)) == NULL)
			return fail(err, rec, "out of memory");
		memcpy(f->tag, e, 3);
		f->tag[3] = '\0';
		data = buf + base + start;
		if (data[flen - 1] == FT)
			flen--;
		if (f->tag[0] == '0' && f->tag[1] == '0')
		{
			f->value = data;
			f->len = (size_t) flen;
		}
		else if (flen < 2)
			return fail(err, rec, "data field shorter than its indicators");
		else
		{
			f->ind1 = data[0];
			f->ind2 = data[1];
			if (!read_subfields(rec, f, data + 2, flen - 2))
				return fail(err, rec, "out of memory");
		}
	}
	return 1;
}

int
iso2709_read(FILE *fp, marc_rec *rec, char *err)
{
	char		head[5];
	size_t		got;
	long		total;
	char	   *buf;
	int			c;

	/* line ends between records and after the last one are not records */
	while ((c = getc(fp)) == '\n' || c == '\r')
		;
	if (c == EOF)
		return 0;
	head[0] = (char) c;
	got = 1 + fread(head + 1, 1, 4, fp);
	if (got < 5 || (total = digits(head, 5)) < 25)
		return fail(err, rec, "not ISO 2709: no record length in leader/00-04");
	if ((buf = marc_rec_own(rec, malloc((size_t) total + 1))) == NULL)
		return fail(err, rec, "out of memory");
	memcpy(buf, head, 5);
	if (fread(buf + 5, 1, (size_t) total - 5, fp) != (size_t) total - 5)
		return fail(err, rec, "truncated: shorter than its record length");
	buf[total] = '\0';
	memcpy(rec->leader, buf, 24);
	rec->leader[24] = '\0';
	if (buf[total - 1] != RT)
		return fail(err, rec, "no record terminator at its record length");
	if (read_fields(rec, buf, total, err) < 0)
		return -1;
	if (buf[9] != 'a')
		return fail(err, rec, "MARC-8 character coding (leader/09 is not 'a'); revrit reads UTF-8 MARC only: convert it first, e.g. yaz-marcdump -f MARC-8 -t UTF-8 -o marc -l 9=97");
	return 1;
}

/* The bytes of one field, terminator included. */
static size_t
field_bytes(const rv_marc_field *f, char *out)
{
	size_t		n = 0;

	if (f->value)
	{
		if (out)
			memcpy(out, f->value, f->len);
		n = f->len;
	}
	else
	{
		if (out)
		{
			out[0] = f->ind1;
			out[1] = f->ind2;
		}
		n = 2;
		for (int s = 0; s < f->nsubfields; s++)
		{
			if (out)
			{
				out[n] = US;
				out[n + 1] = f->subfields[s].code;
				memcpy(out + n + 2, f->subfields[s].value, f->subfields[s].len);
			}
			n += 2 + f->subfields[s].len;
		}
	}
	if (out)
		out[n] = FT;
	return n + 1;
}

int
iso2709_write(FILE *fp, const marc_rec *rec, const rv_marc_field *fields,
			  int nfields, char *err)
{
	size_t		base = 24 + 12 * (size_t) nfields + 1,
				data = 0,
				total;
	char	   *buf,
			   *dir;

	for (int i = 0; i < nfields; i++)
	{
		size_t		n = field_bytes(&fields[i], NULL);

		if (n > 9999)
			return fail(err, rec, "a field is longer than ISO 2709 allows (9999 bytes)");
		data += n;
	}
	total = base + data + 1;
	if (total > MAX_RECORD)
		return fail(err, rec, "longer than ISO 2709 allows (99999 bytes) with its 880 fields");
	if ((buf = malloc(total)) == NULL)
		return fail(err, rec, "out of memory");
	memcpy(buf, rec->leader[0] ? rec->leader : "00000nam a2200000 a 4500", 24);
	snprintf(buf, 6, "%05zu", total);
	buf[5] = rec->leader[0] ? rec->leader[5] : 'n';
	buf[9] = 'a';
	snprintf(buf + 12, 6, "%05zu", base);
	buf[17] = rec->leader[0] ? rec->leader[17] : ' ';
	dir = buf + 24;
	data = 0;
	for (int i = 0; i < nfields; i++)
	{
		size_t		n = field_bytes(&fields[i], buf + base + data);
		char		entry[13];

		snprintf(entry, sizeof(entry), "%.3s%04zu%05zu", fields[i].tag, n, data);
		memcpy(dir + 12 * i, entry, 12);
		data += n;
	}
	buf[base - 1] = FT;
	buf[total - 1] = RT;
	fwrite(buf, 1, total, fp);
	free(buf);
	return 1;
}
