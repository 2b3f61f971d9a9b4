/*
 * lexicon_build_words.c — read the word list (a hunspell .dic or a plain
 * list, one word a line) as symbol strings, and sort them unique.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "alloc.h"
#include "buf.h"
#include "lexicon_build_internal.h"

#define LINE_MAX_BYTES		1024

void
lexbuild_wordset_free(wordset *ws)
{
	rv_free(ws->arena);
	rv_free(ws->offs);
}

/* Strip the line ending, any "/flags" and surrounding blanks in place. */
static size_t
clean_line(char *line)
{
	char	   *start = line,
			   *end;

	end = strchr(line, '/');
	if (end == NULL)
		end = line + strlen(line);
	while (end > start && (end[-1] == '\n' || end[-1] == '\r' ||
						   end[-1] == ' ' || end[-1] == '\t'))
		end--;
	while (start < end && (*start == ' ' || *start == '\t'))
		start++;
	memmove(line, start, end - start);
	line[end - start] = '\0';
	return end - start;
}

/* A hunspell .dic starts with its word count; a plain list may not. */
static int
is_count_line(const char *line)
{
	if (*line == '\0')
		return 0;
	for (; *line; line++)
		if (*line < '0' || *line > '9')
			return 0;
	return 1;
}

static int
wordset_add(wordset *ws, const unsigned char *syms, size_t n)
{
	if (!rv_grow((void **) &ws->arena, &ws->cap, ws->used + n + 1, 1, 65536) ||
		!rv_grow((void **) &ws->offs, &ws->ncap, ws->n + 1, sizeof(size_t),
				 1024))
		return 0;
	ws->offs[ws->n++] = ws->used;
	ws->arena[ws->used] = (unsigned char) n;
	memcpy(ws->arena + ws->used + 1, syms, n);
	ws->used += n + 1;
	return 1;
}

/* Discard the rest of an overlong line. */
static void
skip_rest_of_line(FILE *f)
{
	int			c;

	while ((c = getc(f)) != EOF && c != '\n')
		;
}

rv_status
lexbuild_read_wordlist(const char *path, wordset *ws, char *err)
{
	FILE	   *f = fopen(path, "r");
	char		line[LINE_MAX_BYTES];
	unsigned char syms[RVLEX_MAX_WORD];
	int			lineno = 0;

	if (f == NULL)
	{
		rv_seterr(err, "cannot open word list \"%s\": %s", path, strerror(errno));
		return RV_EIO;
	}
	while (fgets(line, sizeof(line), f))
	{
		size_t		len,
					n;

		lineno++;
		if (strchr(line, '\n') == NULL && !feof(f))
		{
			skip_rest_of_line(f);
			ws->skipped++;
			continue;
		}
		len = clean_line(line);
		if (len == 0 || (lineno == 1 && is_count_line(line)))
			continue;
		n = rv_syms_from_utf8(line, len, syms, RVLEX_MAX_WORD);
		if (n == 0)
			ws->skipped++;
		else if (!wordset_add(ws, syms, n))
		{
			fclose(f);
			rv_seterr(err, "out of memory reading word list \"%s\"", path);
			return RV_ENOMEM;
		}
	}
	if (ferror(f))
	{
		fclose(f);
		rv_seterr(err, "cannot read word list \"%s\"", path);
		return RV_EIO;
	}
	fclose(f);
	return RV_OK;
}

/* Symbol order of two word records. */
int
lexbuild_cmp_words(const void *a, const void *b)
{
	const unsigned char *x = *(const unsigned char *const *) a;
	const unsigned char *y = *(const unsigned char *const *) b;
	size_t		n = x[0] < y[0] ? x[0] : y[0];
	int			c = memcmp(x + 1, y + 1, n);

	return c ? c : (int) x[0] - (int) y[0];
}

/* The words as sorted, unique record pointers; the count in *n. */
const unsigned char **
lexbuild_sorted_words(const wordset *ws, size_t *n)
{
	const unsigned char **w = rv_alloc(sizeof(*w) * (ws->n ? ws->n : 1));
	size_t		i,
				k = 0;

	if (w == NULL)
		return NULL;
	for (i = 0; i < ws->n; i++)
		w[i] = ws->arena + ws->offs[i];
	qsort(w, ws->n, sizeof(*w), lexbuild_cmp_words);
	for (i = 0; i < ws->n; i++)
		if (k == 0 || lexbuild_cmp_words(&w[k - 1], &w[i]) != 0)
			w[k++] = w[i];
	*n = k;
	return w;
}

