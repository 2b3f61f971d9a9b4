/*
 * rules_dir.c — the one policy for a rules directory, shared by the CLI
 * and PostgreSQL: which names are rule files, how many may be loaded, and
 * in which order (the default standard first: it is the engine's first
 * standard, the one "auto" falls back to).  Listing and reading the files
 * stay with the host (PostgreSQL uses its own file API).
 */
#include <stdlib.h>
#include <string.h>

#include "revrit.h"

int
rv_rules_is_file(const char *name)
{
	size_t		len = strlen(name);
	size_t		suffix = strlen(RV_RULES_SUFFIX);

	return name[0] != '.' && len > suffix &&
		strcmp(name + len - suffix, RV_RULES_SUFFIX) == 0;
}

/* The default standard's file first, then by name. */
static int
cmp_files(const void *a, const void *b)
{
	const char *x = *(char *const *) a;
	const char *y = *(char *const *) b;
	size_t		n = strlen(RV_DEFAULT_STANDARD);
	int			dx = strncmp(x, RV_DEFAULT_STANDARD, n) == 0 &&
		strcmp(x + n, RV_RULES_SUFFIX) == 0;
	int			dy = strncmp(y, RV_DEFAULT_STANDARD, n) == 0 &&
		strcmp(y + n, RV_RULES_SUFFIX) == 0;

	if (dx != dy)
		return dx ? -1 : 1;
	return strcmp(x, y);
}

int
rv_rules_order_files(char **names, int n)
{
	int			kept = 0;

	/* rule files to the front, in place; the rest after them */
	for (int i = 0; i < n; i++)
		if (rv_rules_is_file(names[i]))
		{
			char	   *t = names[kept];

			names[kept++] = names[i];
			names[i] = t;
		}
	if (kept > RV_MAX_STANDARDS)
		return -1;
	if (kept > 1)
		qsort(names, (size_t) kept, sizeof(char *), cmp_files);
	return kept;
}
