/*
 * score_text.c — score.py's text handling in C: strict UTF-8, norm() and
 * words().
 *
 * Each function names the piece of score.py it reproduces.  Where the
 * reference leans on a Python behaviour (str.split, str.strip, universal
 * newlines, strict UTF-8 decoding) the behaviour is spelled out here, since
 * any difference would move a word between matched and unmatched.
 */
#include <errno.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <unicode/unorm2.h>
#include <unicode/utf16.h>

#include "score_internal.h"
#include "utf8.h"

/* A text after NFC, as code points. */
typedef struct cpbuf
{
	uint32_t   *cp;
	size_t		n;
} cpbuf;

void
score_set_err(char *err, const char *msg)
{
	if (err)
		snprintf(err, SCORE_ERRLEN, "%s", msg);
}

/* ---- UTF-8 ----------------------------------------------------------------- */

/* rv_utf8_next (ICU's U8_NEXT) decodes strictly, as Python's "utf-8"
 * codec does: no overlong forms, no surrogates, nothing above U+10FFFF. */

/* Byte offset of the first ill-formed sequence, or len if there is none. */
size_t
score_utf8_check(const char *s, size_t len)
{
	size_t		i = 0;

	while (i < len)
	{
		size_t		start = i;

		if (rv_utf8_next(s, len, &i) == UINT32_MAX)
			return start;
	}
	return len;
}

/* Characters, not bytes: Python pads f"{name:10s}" by code points. */
size_t
score_utf8_count(const char *s, size_t len)
{
	size_t		n = 0,
				i;

	for (i = 0; i < len; i++)
		if (((unsigned char) s[i] & 0xC0) != 0x80)
			n++;
	return n;
}

/* ---- norm() ---------------------------------------------------------------- */

int
score_is_space(unsigned int c)
{
	/* str.isspace(): bidi classes WS, B, S and category Zs, which is the
	 * White_Space property plus the four information separators. */
	return (c >= 0x09 && c <= 0x0D) || (c >= 0x1C && c <= 0x20) ||
		c == 0x85 || c == 0xA0 || c == 0x1680 ||
		(c >= 0x2000 && c <= 0x200A) || c == 0x2028 || c == 0x2029 ||
		c == 0x202F || c == 0x205F || c == 0x3000;
}

/* POINTS: Hebrew points and accents, but not the four punctuation marks. */
static int
is_point(uint32_t c)
{
	return c >= 0x0591 && c <= 0x05C7 &&
		c != 0x05BE && c != 0x05C0 && c != 0x05C3 && c != 0x05C6;
}

/* DIR: the bidi marks, embeddings, overrides and isolates. */
static int
is_dir(uint32_t c)
{
	return c == 0x200E || c == 0x200F || (c >= 0x202A && c <= 0x202E) ||
		(c >= 0x2066 && c <= 0x2069);
}

/* MAP: look-alikes folded to ASCII punctuation. */
static uint32_t
map_char(uint32_t c)
{
	switch (c)
	{
		case 0x05BE:
		case 0x2013:
		case 0x2014:
			return '-';
		case 0x05F3:
		case 0x02B9:
		case 0x2018:
		case 0x2019:
			return '\'';
		case 0x05F4:
		case 0x02BA:
		case 0x201C:
		case 0x201D:
		case 0x201E:
			return '"';
		default:
			return c;
	}
}

/* UTF-8 to UTF-16, for ICU; the input is known to be well-formed. */
static int
to_utf16(const char *s, size_t len, UChar **out, int32_t *outlen, char *err)
{
	UChar	   *u;
	size_t		i = 0,
				n = 0;
	uint32_t	c;

	if (len > (size_t) INT32_MAX / 2)
	{
		score_set_err(err, "text too long to score");
		return -1;
	}
	u = malloc((len + 1) * sizeof(UChar));
	if (u == NULL)
	{
		score_set_err(err, "out of memory");
		return -1;
	}
	while (i < len)
	{
		if ((c = rv_utf8_next(s, len, &i)) == UINT32_MAX)
		{
			free(u);
			score_set_err(err, "text is not valid UTF-8");
			return -1;
		}
		if (c < 0x10000)
			u[n++] = (UChar) c;
		else
		{
			u[n++] = U16_LEAD(c);
			u[n++] = U16_TRAIL(c);
		}
	}
	*out = u;
	*outlen = (int32_t) n;
	return 0;
}

/* unicodedata.normalize("NFC", s), through ICU. */
static int
nfc(const UChar *src, int32_t srclen, UChar **out, int32_t *outlen, char *err)
{
	UErrorCode	status = U_ZERO_ERROR;
	const UNormalizer2 *n2 = unorm2_getNFCInstance(&status);
	int32_t		cap = srclen + 16;
	UChar	   *dst;
	int32_t		len;

	if (U_FAILURE(status))
	{
		snprintf(err, SCORE_ERRLEN, "ICU NFC: %s", u_errorName(status));
		return -1;
	}
	for (;;)
	{
		dst = malloc((size_t) cap * sizeof(UChar));
		if (dst == NULL)
		{
			score_set_err(err, "out of memory");
			return -1;
		}
		status = U_ZERO_ERROR;
		len = unorm2_normalize(n2, src, srclen, dst, cap, &status);
		if (status != U_BUFFER_OVERFLOW_ERROR)
			break;
		/* NFC can lengthen a text (composition exclusions); retry at the
		 * size ICU asked for. */
		free(dst);
		cap = len + 1;
	}
	if (U_FAILURE(status))
	{
		free(dst);
		snprintf(err, SCORE_ERRLEN, "ICU NFC: %s", u_errorName(status));
		return -1;
	}
	*out = dst;
	*outlen = len;
	return 0;
}

/*
 * NFC, then points and direction marks dropped and look-alikes mapped:
 * everything norm() does before folding white space.
 */
static int
norm_chars(const char *s, size_t len, cpbuf *out, char *err)
{
	UChar	   *u,
			   *v;
	int32_t		ulen,
				vlen,
				i = 0;

	out->cp = NULL;
	out->n = 0;
	if (to_utf16(s, len, &u, &ulen, err) < 0)
		return -1;
	if (nfc(u, ulen, &v, &vlen, err) < 0)
	{
		free(u);
		return -1;
	}
	free(u);
	out->cp = malloc(((size_t) vlen + 1) * sizeof(uint32_t));
	if (out->cp == NULL)
	{
		free(v);
		score_set_err(err, "out of memory");
		return -1;
	}
	while (i < vlen)
	{
		UChar32		c;

		U16_NEXT(v, i, vlen, c);
		if (is_point((uint32_t) c) || is_dir((uint32_t) c))
			continue;
		out->cp[out->n++] = map_char((uint32_t) c);
	}
	free(v);
	return 0;
}

int
score_norm(const char *s, size_t len, char **out, size_t *outlen, char *err)
{
	cpbuf		t;
	char	   *buf;
	size_t		i,
				n = 0;
	int			pending = 0;

	if (norm_chars(s, len, &t, err) < 0)
		return -1;
	buf = malloc(t.n * 4 + 1);
	if (buf == NULL)
	{
		free(t.cp);
		score_set_err(err, "out of memory");
		return -1;
	}
	/* " ".join(s.split()): no space at either end, one between tokens. */
	for (i = 0; i < t.n; i++)
	{
		if (score_is_space(t.cp[i]))
		{
			pending = (n > 0);
			continue;
		}
		if (pending)
			buf[n++] = ' ';
		pending = 0;
		n += rv_utf8_encode(t.cp[i], buf + n);
	}
	buf[n] = '\0';
	free(t.cp);
	*out = buf;
	*outlen = n;
	return 0;
}

/* ---- words() --------------------------------------------------------------- */

/* EDGE = ".,:;/()[]{}\"'?!=<>«»-" */
static int
is_edge(uint32_t c)
{
	return (c < 0x80 && c != 0 && strchr(".,:;/()[]{}\"'?!=<>-", (int) c)) ||
		c == 0x00AB || c == 0x00BB;
}

static int
is_heb_letter(uint32_t c)
{
	return c >= 0x05D0 && c <= 0x05EA;
}

/* Append the core of one token (tok.strip(EDGE)) if it is not empty. */
static void
add_word(score_words *out, size_t *used, const uint32_t *cp, size_t n)
{
	size_t		b = 0,
				e = n,
				k;
	score_word *w;

	while (b < e && is_edge(cp[b]))
		b++;
	while (e > b && is_edge(cp[e - 1]))
		e--;
	if (b == e)
		return;
	w = &out->w[out->n++];
	w->s = out->buf + *used;
	w->heb = 0;
	for (k = b; k < e; k++)
	{
		*used += rv_utf8_encode(cp[k], out->buf + *used);
		if (is_heb_letter(cp[k]))
			w->heb = 1;
	}
	w->len = (size_t) (out->buf + *used - w->s);
}

int
score_words_get(const char *s, size_t len, score_words *out, char *err)
{
	cpbuf		t;
	size_t		i = 0,
				used = 0;

	memset(out, 0, sizeof(*out));
	if (norm_chars(s, len, &t, err) < 0)
		return -1;
	/* At most one word per two characters, plus one. */
	out->w = malloc((t.n / 2 + 1) * sizeof(score_word));
	out->buf = malloc(t.n * 4 + 1);
	if (out->w == NULL || out->buf == NULL)
	{
		free(t.cp);
		score_words_free(out);
		score_set_err(err, "out of memory");
		return -1;
	}
	while (i < t.n)
	{
		size_t		start;

		while (i < t.n && score_is_space(t.cp[i]))
			i++;
		start = i;
		while (i < t.n && !score_is_space(t.cp[i]))
			i++;
		if (i > start)
			add_word(out, &used, t.cp + start, i - start);
	}
	free(t.cp);
	return 0;
}

void
score_words_free(score_words *words)
{
	free(words->w);
	free(words->buf);
	memset(words, 0, sizeof(*words));
}
