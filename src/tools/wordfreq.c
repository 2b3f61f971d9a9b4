/*
 * wordfreq.c — read wordfreq's "cB" frequency pack (MessagePack).
 *
 * The pack is an array: element 0 is a header map {"format": "cB",
 * "version": 1}, element i >= 1 the array of word forms whose frequency is
 * 10^(-(i-1)/100).  Only the few MessagePack types such a file uses are
 * understood (arrays, maps, strings, small integers); anything else is a
 * format error, never a crash: every read is bounds-checked.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "alloc.h"
#include "hebrew.h"
#include "lexicon.h"
#include "lexicon_format.h"
#include "wordfreq.h"

/* The pack is about 8 MB; refuse anything absurdly larger. */
#define WORDFREQ_MAX_BYTES	((size_t) 256 << 20)

typedef struct reader
{
	const unsigned char *p;
	size_t		len,
				at;
	int			bad;
} reader;

static uint32_t
read_be(reader *r, int bytes)
{
	uint32_t	v = 0;

	if (r->len - r->at < (size_t) bytes)
	{
		r->bad = 1;
		return 0;
	}
	for (int i = 0; i < bytes; i++)
		v = (v << 8) | r->p[r->at++];
	return v;
}

/* A container header: its element count, or -1 if the next value is not
 * an array (want_map 0) or a map (want_map 1). */
static int64_t
read_container(reader *r, int want_map)
{
	unsigned char b;

	if (r->at >= r->len)
		return -1;
	b = r->p[r->at++];
	if (!want_map && (b & 0xF0) == 0x90)
		return b & 0x0F;
	if (want_map && (b & 0xF0) == 0x80)
		return b & 0x0F;
	if (b == (want_map ? 0xDE : 0xDC))
		return read_be(r, 2);
	if (b == (want_map ? 0xDF : 0xDD))
		return read_be(r, 4);
	return -1;
}

/* A string: its bytes in *s, its length; -1 if the value is no string. */
static int64_t
read_str(reader *r, const unsigned char **s)
{
	unsigned char b;
	uint32_t	n;

	if (r->at >= r->len)
		return -1;
	b = r->p[r->at++];
	if ((b & 0xE0) == 0xA0)
		n = b & 0x1F;
	else if (b == 0xD9 || b == 0xDA || b == 0xDB)
		n = read_be(r, b == 0xD9 ? 1 : b == 0xDA ? 2 : 4);
	else
		return -1;
	if (r->bad || r->len - r->at < n)
		return -1;
	*s = r->p + r->at;
	r->at += n;
	return n;
}

/* The header map must say "format": "cB"; other keys are skipped if their
 * values are strings or small integers. */
static int
read_header(reader *r)
{
	int64_t		n = read_container(r, 1);
	int			is_cb = 0;

	for (int64_t i = 0; i < n && !r->bad; i++)
	{
		const unsigned char *k,
				   *v;
		int64_t		kl = read_str(r, &k),
					vl;

		if (kl < 0 || r->at >= r->len)
			return 0;
		if (r->p[r->at] < 0x80)
		{
			r->at++;			/* positive fixint, e.g. the version */
			continue;
		}
		vl = read_str(r, &v);
		if (vl < 0)
			return 0;
		if (kl == 6 && memcmp(k, "format", 6) == 0)
			is_cb = vl == 2 && memcmp(v, "cB", 2) == 0;
	}
	return n >= 0 && !r->bad && is_cb;
}

static rv_status
parse_pack(reader *r, rv_wordfreq_fn fn, void *arg, const char *path,
		   char *err)
{
	int64_t		nbuckets = read_container(r, 0);

	if (nbuckets < 1 || !read_header(r))
	{
		rv_seterr(err, "\"%s\" is not a wordfreq cB frequency pack", path);
		return RV_EFORMAT;
	}
	for (int64_t b = 1; b < nbuckets; b++)
	{
		int64_t		nwords = read_container(r, 0);

		if (nwords < 0)
			break;
		for (int64_t w = 0; w < nwords; w++)
		{
			const unsigned char *s;
			int64_t		len = read_str(r, &s);

			if (len < 0)
			{
				r->bad = 1;
				break;
			}
			if (fn((const char *) s, (size_t) len, (int) (b - 1), arg))
			{
				rv_seterr(err, "out of memory reading \"%s\"", path);
				return RV_ENOMEM;
			}
		}
		if (r->bad)
			break;
	}
	if (r->bad || r->at != r->len)
	{
		rv_seterr(err, "wordfreq pack \"%s\" is truncated or malformed at byte %zu",
				  path, r->at);
		return RV_EFORMAT;
	}
	return RV_OK;
}

/* The whole file in memory; NULL with err filled on failure. */
static unsigned char *
slurp(const char *path, size_t *len, rv_status *st, char *err)
{
	FILE	   *f = fopen(path, "rb");
	unsigned char *buf = NULL;
	size_t		cap = 0,
				n = 0;

	*st = RV_EIO;
	if (f == NULL)
	{
		rv_seterr(err, "cannot open frequency list \"%s\": %s", path, strerror(errno));
		return NULL;
	}
	for (;;)
	{
		size_t		got;

		if (n == cap)
		{
			unsigned char *p;

			cap = cap ? cap * 2 : (size_t) 1 << 20;
			if (cap > WORDFREQ_MAX_BYTES ||
				(p = rv_realloc(buf, cap)) == NULL)
			{
				rv_seterr(err, "frequency list \"%s\" is too large", path);
				*st = RV_ENOMEM;
				goto fail;
			}
			buf = p;
		}
		got = fread(buf + n, 1, cap - n, f);
		n += got;
		if (got == 0)
			break;
	}
	if (ferror(f))
	{
		rv_seterr(err, "cannot read frequency list \"%s\"", path);
		goto fail;
	}
	fclose(f);
	*len = n;
	*st = RV_OK;
	return buf;
fail:
	fclose(f);
	rv_free(buf);
	return NULL;
}

rv_status
rv_wordfreq_read(const char *path, rv_wordfreq_fn fn, void *arg, char *err)
{
	reader		r;
	rv_status	st;
	unsigned char *buf = slurp(path, &r.len, &st, err);

	if (buf == NULL)
		return st;
	r.p = buf;
	r.at = 0;
	r.bad = 0;
	st = parse_pack(&r, fn, arg, path, err);
	rv_free(buf);
	return st;
}

/* ---- the forms as sorted symbol records ---------------------------------- */

static int
add_form(const char *utf8, size_t len, int centibels, void *arg)
{
	rv_freqlist *fl = arg;
	unsigned char syms[RVLEX_MAX_WORD];
	size_t		n = rv_syms_from_utf8(utf8, len, syms, RVLEX_MAX_WORD);

	if (n == 0)
		return 0;				/* not one Hebrew word: skipped */
	while (fl->used + n + 3 > fl->cap)
	{
		size_t		ncap = fl->cap ? fl->cap * 2 : (size_t) 1 << 20;
		unsigned char *p = rv_realloc(fl->arena, ncap);

		if (p == NULL)
			return 1;
		fl->arena = p;
		fl->cap = ncap;
	}
	fl->arena[fl->used] = (unsigned char) n;
	memcpy(fl->arena + fl->used + 1, syms, n);
	fl->arena[fl->used + 1 + n] = (unsigned char) (centibels >> 8);
	fl->arena[fl->used + 2 + n] = (unsigned char) centibels;
	fl->used += n + 3;
	fl->n++;
	return 0;
}

/* Symbol order, then the more frequent (fewer centibels) first. */
static int
cmp_forms(const void *a, const void *b)
{
	const unsigned char *x = *(const unsigned char *const *) a;
	const unsigned char *y = *(const unsigned char *const *) b;
	size_t		n = x[0] < y[0] ? x[0] : y[0];
	int			c = memcmp(x + 1, y + 1, n);

	if (c)
		return c;
	if (x[0] != y[0])
		return (int) x[0] - (int) y[0];
	return rv_freqlist_cb(x) - rv_freqlist_cb(y);
}

rv_status
rv_freqlist_load(const char *path, rv_freqlist *fl, char *err)
{
	rv_status	st;
	size_t		at = 0,
				k = 0;

	memset(fl, 0, sizeof(*fl));
	st = rv_wordfreq_read(path, add_form, fl, err);
	if (st != RV_OK)
		return st;
	fl->words = rv_alloc(sizeof(*fl->words) * (fl->n ? fl->n : 1));
	if (fl->words == NULL)
	{
		rv_seterr(err, "out of memory sorting \"%s\"", path);
		return RV_ENOMEM;
	}
	for (size_t i = 0; i < fl->n; i++)
	{
		fl->words[i] = fl->arena + at;
		at += fl->arena[at] + 3;
	}
	qsort(fl->words, fl->n, sizeof(*fl->words), cmp_forms);
	for (size_t i = 0; i < fl->n; i++)
	{
		const unsigned char *w = fl->words[i];

		if (k > 0 && fl->words[k - 1][0] == w[0] &&
			memcmp(fl->words[k - 1] + 1, w + 1, w[0]) == 0)
			continue;			/* the same form, less frequent */
		fl->words[k++] = w;
	}
	fl->n = k;
	return RV_OK;
}

void
rv_freqlist_free(rv_freqlist *fl)
{
	rv_free(fl->arena);
	rv_free(fl->words);
	memset(fl, 0, sizeof(*fl));
}
