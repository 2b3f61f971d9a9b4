/*
 * score_files.c — the scorer's inputs as score.py reads them: the pairs
 * TSV and the predictions, universal newlines, strict UTF-8.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "score_internal.h"
#include "utf8.h"

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
	size_t		bad = score_utf8_check(buf, len);

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

/* A copy of text for a parsed result to own (it points into it). */
static char *
own_copy(const char *text, size_t len, char *err)
{
	char	   *buf = score_dup_bytes(text, len);

	if (buf == NULL)
		score_set_err(err, "out of memory");
	return buf;
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
	char	   *buf = own_copy(text, len, err);

	memset(out, 0, sizeof(*out));
	return buf ? pairs_from(buf, len, "pairs", out, err) : -1;
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
	char	   *buf = own_copy(text, len, err);

	memset(out, 0, sizeof(*out));
	return buf ? lines_from(buf, len, "predictions", out, err) : -1;
}

void
score_lines_free(score_lines *lines)
{
	free(lines->l);
	free(lines->buf);
	memset(lines, 0, sizeof(*lines));
}
