/*
 * score.c — the accuracy metrics of ../shared/eval/score.py, in C.
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

#include "score.h"
#include "utf8.h"

/* A text after NFC, as code points. */
typedef struct cpbuf
{
	uint32_t   *cp;
	size_t		n;
} cpbuf;

static void
set_err(char *err, const char *msg)
{
	if (err)
		snprintf(err, SCORE_ERRLEN, "%s", msg);
}

/* ---- UTF-8 ----------------------------------------------------------------- */

/* rv_utf8_next (ICU's U8_NEXT) decodes strictly, as Python's "utf-8"
 * codec does: no overlong forms, no surrogates, nothing above U+10FFFF. */

/* Byte offset of the first ill-formed sequence, or len if there is none. */
static size_t
utf8_check(const char *s, size_t len)
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
static size_t
utf8_count(const char *s, size_t len)
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
		set_err(err, "text too long to score");
		return -1;
	}
	u = malloc((len + 1) * sizeof(UChar));
	if (u == NULL)
	{
		set_err(err, "out of memory");
		return -1;
	}
	while (i < len)
	{
		if ((c = rv_utf8_next(s, len, &i)) == UINT32_MAX)
		{
			free(u);
			set_err(err, "text is not valid UTF-8");
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
			set_err(err, "out of memory");
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
		set_err(err, "out of memory");
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
		set_err(err, "out of memory");
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
		set_err(err, "out of memory");
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

/* ---- lcs_pairs() ----------------------------------------------------------- */

static int
word_eq(const score_word *x, const score_word *y)
{
	return x->len == y->len && memcmp(x->s, y->s, x->len) == 0;
}

/* Refuse a table the reference would build but we will not. */
static int
check_lcs_size(size_t n, size_t m, char *err)
{
	if (n + 1 > SCORE_MAX_LCS_CELLS / (m + 1))
	{
		snprintf(err, SCORE_ERRLEN,
				 "field too large to align (%zu x %zu words; limit %lu cells)",
				 n, m, SCORE_MAX_LCS_CELLS);
		return -1;
	}
	return 0;
}

int
score_lcs(const score_words *a, const score_words *b, unsigned char *matched,
		  char *err)
{
	size_t		n = a->n,
				m = b->n,
				w = m + 1,
				i,
				j;
	uint32_t   *dp;

	if (m > 0)
		memset(matched, 0, m);
	if (n == 0 || m == 0)
		return 0;
	if (check_lcs_size(n, m, err) < 0)
		return -1;
	dp = calloc((n + 1) * w, sizeof(uint32_t));
	if (dp == NULL)
	{
		set_err(err, "out of memory");
		return -1;
	}
	/* dp[i][j] = LCS length of a[i:] and b[j:]. */
	for (i = n; i-- > 0;)
		for (j = m; j-- > 0;)
		{
			uint32_t	down = dp[(i + 1) * w + j],
						right = dp[i * w + j + 1];

			dp[i * w + j] = word_eq(&a->w[i], &b->w[j]) ?
				dp[(i + 1) * w + j + 1] + 1 : (down > right ? down : right);
		}
	/* The walk decides which of several equal-length alignments counts:
	 * take a match greedily, else advance i on a tie, as lcs_pairs does. */
	i = j = 0;
	while (i < n && j < m)
	{
		if (word_eq(&a->w[i], &b->w[j]))
		{
			matched[j] = 1;
			i++;
			j++;
		}
		else if (dp[(i + 1) * w + j] >= dp[i * w + j + 1])
			i++;
		else
			j++;
	}
	free(dp);
	return 0;
}

/* ---- counting -------------------------------------------------------------- */

void
score_init(score_state *st, size_t max_errors)
{
	memset(st, 0, sizeof(*st));
	st->max_errors = max_errors;
}

void
score_free(score_state *st)
{
	size_t		i;

	for (i = 0; i < st->nfields; i++)
		free(st->fields[i].name);
	for (i = 0; i < st->nerrors; i++)
	{
		free(st->errors[i].roman);
		free(st->errors[i].gold);
		free(st->errors[i].pred);
	}
	free(st->fields);
	free(st->errors);
	memset(st, 0, sizeof(*st));
}

/* Python's str ordering; memcmp of UTF-8 keeps code point order. */
static int
str_cmp(const char *x, size_t xl, const char *y, size_t yl)
{
	int			r = memcmp(x, y, xl < yl ? xl : yl);

	if (r != 0)
		return r;
	return (xl > yl) - (xl < yl);
}

static char *
dup_bytes(const char *s, size_t len)
{
	char	   *p = malloc(len + 1);

	if (p)
	{
		memcpy(p, s, len);
		p[len] = '\0';
	}
	return p;
}

/* fld[field]: the counters of a field name, created on first use and kept
 * sorted so the report comes out in sorted(fld) order. */
static score_counts *
field_counts(score_state *st, const char *name, size_t len)
{
	size_t		lo = 0,
				hi = st->nfields;
	score_field *f;

	while (lo < hi)
	{
		size_t		mid = lo + (hi - lo) / 2;
		int			r = str_cmp(st->fields[mid].name, st->fields[mid].len,
								name, len);

		if (r == 0)
			return &st->fields[mid].c;
		if (r < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	if (st->nfields == st->cap_fields)
	{
		size_t		cap = st->cap_fields ? st->cap_fields * 2 : 16;
		score_field *nf = realloc(st->fields, cap * sizeof(score_field));

		if (nf == NULL)
			return NULL;
		st->fields = nf;
		st->cap_fields = cap;
	}
	f = &st->fields[lo];
	memmove(f + 1, f, (st->nfields - lo) * sizeof(score_field));
	memset(f, 0, sizeof(*f));
	f->name = dup_bytes(name, len);
	if (f->name == NULL)
	{
		memmove(f, f + 1, (st->nfields - lo) * sizeof(score_field));
		return NULL;
	}
	f->len = len;
	st->nfields++;
	return &f->c;
}

/* errs.append((p[2], gold, pred)), for as many as will be printed. */
static int
keep_error(score_state *st, const score_pair *pair, const char *pred,
		   size_t pred_len)
{
	score_error *e;

	if (st->nerrors >= st->max_errors)
		return 0;
	/* Grow on demand: --errors may be far larger than the file. */
	if (st->nerrors == st->cap_errors)
	{
		size_t		cap = st->cap_errors ? st->cap_errors * 2 : 16;
		score_error *ne = realloc(st->errors, cap * sizeof(score_error));

		if (ne == NULL)
			return -1;
		st->errors = ne;
		st->cap_errors = cap;
	}
	e = &st->errors[st->nerrors];
	e->roman = dup_bytes(pair->roman.s, pair->roman.len);
	e->gold = dup_bytes(pair->gold.s, pair->gold.len);
	e->pred = dup_bytes(pred, pred_len);
	e->roman_len = pair->roman.len;
	e->gold_len = pair->gold.len;
	e->pred_len = pred_len;
	st->nerrors++;				/* counted even if partial, so freed */
	return (e->roman && e->gold && e->pred) ? 0 : -1;
}

static int
same_words(const score_words *g, const score_words *h)
{
	size_t		i;

	if (g->n != h->n)
		return 0;
	for (i = 0; i < g->n; i++)
		if (!word_eq(&g->w[i], &h->w[i]))
			return 0;
	return 1;
}

static void
count_into(score_counts *c, const score_words *g, const unsigned char *m,
		   int exact)
{
	size_t		j;

	c->fields++;
	c->gold_words += (long) g->n;
	for (j = 0; j < g->n; j++)
	{
		c->matched += m[j];
		c->heb_words += g->w[j].heb;
		c->heb_matched += m[j] && g->w[j].heb;
	}
	c->exact += exact;
}

int
score_add(score_state *st, const score_pair *pair, const char *pred,
		  size_t pred_len, char *err)
{
	score_words g,
				h;
	unsigned char *m = NULL;
	score_counts *fc;
	int			exact,
				rc = -1;

	if (score_words_get(pair->gold.s, pair->gold.len, &g, err) < 0)
		return -1;
	if (score_words_get(pred, pred_len, &h, err) < 0)
		goto out_g;
	m = malloc(g.n + 1);
	if (m == NULL)
	{
		set_err(err, "out of memory");
		goto out;
	}
	if (score_lcs(&h, &g, m, err) < 0)
		goto out;
	fc = field_counts(st, pair->field.s, pair->field.len);
	if (fc == NULL)
	{
		set_err(err, "out of memory");
		goto out;
	}
	exact = same_words(&g, &h);
	count_into(&st->total, &g, m, exact);
	count_into(fc, &g, m, exact);
	if (st->max_errors && !exact && keep_error(st, pair, pred, pred_len) < 0)
	{
		set_err(err, "out of memory");
		goto out;
	}
	rc = 0;
out:
	free(m);
	score_words_free(&h);
out_g:
	score_words_free(&g);
	return rc;
}

/* ---- reporting ------------------------------------------------------------- */

static double
ratio(long num, long den)
{
	return (double) num / (double) (den > 1 ? den : 1);
}

void
score_print_line(FILE *out, const char *name, size_t len,
				 const score_counts *c)
{
	size_t		chars = utf8_count(name, len);

	fwrite(name, 1, len, out);
	for (; chars < SCORE_NAME_WIDTH; chars++)
		fputc(' ', out);
	fprintf(out, " fields=%4ld heb_word_acc=%.3f word_acc=%.3f exact=%.3f\n",
			c->fields, ratio(c->heb_matched, c->heb_words),
			ratio(c->matched, c->gold_words), ratio(c->exact, c->fields));
}

static void
print_error(FILE *out, const score_error *e)
{
	fputs("ROM  ", out);
	fwrite(e->roman, 1, e->roman_len, out);
	fputs("\nGOLD ", out);
	fwrite(e->gold, 1, e->gold_len, out);
	fputs("\nPRED ", out);
	fwrite(e->pred, 1, e->pred_len, out);
	fputs("\n\n", out);
}

void
score_report(FILE *out, const score_state *st, int by_field)
{
	size_t		i;

	if (by_field)
		for (i = 0; i < st->nfields; i++)
			score_print_line(out, st->fields[i].name, st->fields[i].len,
							 &st->fields[i].c);
	for (i = 0; i < st->nerrors; i++)
		print_error(out, &st->errors[i]);
	score_print_line(out, "all", 3, &st->total);
}

/* ---- files ----------------------------------------------------------------- */

/* The whole file, NUL ended (the NUL is not counted). */
static int
read_file(const char *path, char **out, size_t *outlen, char *err)
{
	FILE	   *f = fopen(path, "rb");
	char	   *buf = NULL;
	size_t		len = 0,
				cap = 0;

	if (f == NULL)
	{
		snprintf(err, SCORE_ERRLEN, "%s: %s", path, strerror(errno));
		return -1;
	}
	for (;;)
	{
		if (cap - len < 4096)
		{
			char	   *nb;

			cap = cap ? cap * 2 : 65536;
			nb = realloc(buf, cap + 1);
			if (nb == NULL)
			{
				free(buf);
				fclose(f);
				snprintf(err, SCORE_ERRLEN, "%s: out of memory", path);
				return -1;
			}
			buf = nb;
		}
		len += fread(buf + len, 1, cap - len, f);
		if (feof(f) || ferror(f))
			break;
	}
	if (ferror(f))
	{
		snprintf(err, SCORE_ERRLEN, "%s: read error", path);
		free(buf);
		fclose(f);
		return -1;
	}
	fclose(f);
	buf[len] = '\0';
	*out = buf;
	*outlen = len;
	return 0;
}

/*
 * The next line under Python's universal newlines: "\n", "\r\n" and a
 * lone "\r" all end a line, and a last line without one still counts.
 * Returns 0 when the text is used up.
 */
static int
next_line(const char *buf, size_t len, size_t *pos, score_str *line)
{
	size_t		i = *pos;

	if (i >= len)
		return 0;
	line->s = buf + i;
	while (i < len && buf[i] != '\n' && buf[i] != '\r')
		i++;
	line->len = (size_t) (buf + i - line->s);
	if (i < len && buf[i] == '\r' && i + 1 < len && buf[i + 1] == '\n')
		i++;
	*pos = i < len ? i + 1 : i;
	return 1;
}

/* l.strip() is empty: the line holds nothing but white space. */
static int
is_blank(const char *s, size_t len)
{
	size_t		i = 0;
	uint32_t	c;

	while (i < len)
	{
		c = rv_utf8_next(s, len, &i);
		if (!score_is_space(c))
			return 0;
	}
	return 1;
}

static int
check_utf8(const char *what, const char *buf, size_t len, char *err)
{
	size_t		bad = utf8_check(buf, len);

	if (bad < len)
	{
		snprintf(err, SCORE_ERRLEN, "%s: invalid UTF-8 at byte %zu",
				 what, bad);
		return -1;
	}
	return 0;
}

/* Cut s at the tabs, up to max columns (the rest is ignored). */
static int
split_tabs(score_str line, score_str *col, int max)
{
	int			n = 0;
	const char *s = line.s,
			   *end = line.s + line.len;

	for (;;)
	{
		const char *t = memchr(s, '\t', (size_t) (end - s));

		if (n < max)
		{
			col[n].s = s;
			col[n].len = (size_t) ((t ? t : end) - s);
		}
		n++;
		if (t == NULL)
			return n;
		s = t + 1;
	}
}

static int
str_is(score_str s, const char *lit)
{
	return s.len == strlen(lit) && memcmp(s.s, lit, s.len) == 0;
}

/* Parse pairs from buf, which the result takes over. */
static int
pairs_from(char *buf, size_t len, const char *what, score_pairs *out,
		   char *err)
{
	size_t		pos = 0,
				cap = 64;
	long		lineno = 0;
	int			first = 1;
	score_str	line;

	memset(out, 0, sizeof(*out));
	out->buf = buf;
	if (check_utf8(what, buf, len, err) < 0)
		goto fail;
	out->p = malloc(cap * sizeof(score_pair));
	if (out->p == NULL)
		goto nomem;
	while (next_line(buf, len, &pos, &line))
	{
		score_str	col[4];
		int			ncol;

		lineno++;
		if (is_blank(line.s, line.len))
			continue;
		ncol = split_tabs(line, col, 4);
		/* Only the first row that is not blank may be the header. */
		if (first && ncol >= 2 && str_is(col[0], "source") &&
			str_is(col[1], "field"))
		{
			first = 0;
			continue;
		}
		first = 0;
		if (ncol < 4)
		{
			snprintf(err, SCORE_ERRLEN,
					 "%s:%ld: expected 4 tab-separated columns, found %d",
					 what, lineno, ncol);
			goto fail;
		}
		if (out->n == cap)
		{
			score_pair *np = realloc(out->p, cap * 2 * sizeof(score_pair));

			if (np == NULL)
				goto nomem;
			out->p = np;
			cap *= 2;
		}
		out->p[out->n].field = col[1];
		out->p[out->n].roman = col[2];
		out->p[out->n].gold = col[3];
		out->p[out->n].lineno = lineno;
		out->n++;
	}
	return 0;
nomem:
	snprintf(err, SCORE_ERRLEN, "%s: out of memory", what);
fail:
	score_pairs_free(out);
	return -1;
}

/* Parse lines from buf, which the result takes over. */
static int
lines_from(char *buf, size_t len, const char *what, score_lines *out,
		   char *err)
{
	size_t		pos = 0,
				cap = 64;
	score_str	line;

	memset(out, 0, sizeof(*out));
	out->buf = buf;
	if (check_utf8(what, buf, len, err) < 0)
		goto fail;
	out->l = malloc(cap * sizeof(score_str));
	if (out->l == NULL)
		goto nomem;
	while (next_line(buf, len, &pos, &line))
	{
		if (out->n == cap)
		{
			score_str  *nl = realloc(out->l, cap * 2 * sizeof(score_str));

			if (nl == NULL)
				goto nomem;
			out->l = nl;
			cap *= 2;
		}
		out->l[out->n++] = line;
	}
	return 0;
nomem:
	snprintf(err, SCORE_ERRLEN, "%s: out of memory", what);
fail:
	score_lines_free(out);
	return -1;
}

int
score_pairs_load(const char *path, score_pairs *out, char *err)
{
	char	   *buf;
	size_t		len;

	memset(out, 0, sizeof(*out));
	if (read_file(path, &buf, &len, err) < 0)
		return -1;
	return pairs_from(buf, len, path, out, err);
}

int
score_pairs_parse(const char *text, size_t len, score_pairs *out, char *err)
{
	char	   *buf = dup_bytes(text, len);

	memset(out, 0, sizeof(*out));
	if (buf == NULL)
	{
		set_err(err, "out of memory");
		return -1;
	}
	return pairs_from(buf, len, "pairs", out, err);
}

void
score_pairs_free(score_pairs *pairs)
{
	free(pairs->p);
	free(pairs->buf);
	memset(pairs, 0, sizeof(*pairs));
}

int
score_lines_load(const char *path, score_lines *out, char *err)
{
	char	   *buf;
	size_t		len;

	memset(out, 0, sizeof(*out));
	if (read_file(path, &buf, &len, err) < 0)
		return -1;
	return lines_from(buf, len, path, out, err);
}

int
score_lines_parse(const char *text, size_t len, score_lines *out, char *err)
{
	char	   *buf = dup_bytes(text, len);

	memset(out, 0, sizeof(*out));
	if (buf == NULL)
	{
		set_err(err, "out of memory");
		return -1;
	}
	return lines_from(buf, len, "predictions", out, err);
}

void
score_lines_free(score_lines *lines)
{
	free(lines->l);
	free(lines->buf);
	memset(lines, 0, sizeof(*lines));
}
