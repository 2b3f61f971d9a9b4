/*
 * rules_load.c — read the rule files (standards) with PostgreSQL's file
 * API and hand their text to the core (rv_rules_parse), as contrib/unaccent
 * reads its rules: OS errors are reported with %m and the right SQLSTATE,
 * and which files count and in which order is the core's one policy
 * (rv_rules_order_files), the same the command-line tool follows.
 */
#include "postgres.h"

#include <fcntl.h>
#include <sys/stat.h>

#include "miscadmin.h"
#include "storage/fd.h"

#include "revrit_pg.h"

/* The whole of a rule file, NUL-terminated; *len its length. */
static char *
read_rule_file(const char *path, size_t *len)
{
	int			fd = OpenTransientFile(path, O_RDONLY | O_NONBLOCK | PG_BINARY);
	struct stat st;
	char	   *text;
	size_t		done = 0;

	if (fd < 0)
		ereport(ERROR,
				(errcode_for_file_access(),
				 errmsg("revrit: could not open rule file \"%s\": %m", path)));
	if (fstat(fd, &st) != 0)
		ereport(ERROR,
				(errcode_for_file_access(),
				 errmsg("revrit: could not stat rule file \"%s\": %m", path)));
	if (!S_ISREG(st.st_mode))
		ereport(ERROR,
				(errcode(ERRCODE_CONFIG_FILE_ERROR),
				 errmsg("revrit: rule file \"%s\" is not a regular file", path)));
	if (st.st_size > RV_MAX_RULES_BYTES)
		ereport(ERROR,
				(errcode(ERRCODE_PROGRAM_LIMIT_EXCEEDED),
				 errmsg("revrit: rule file \"%s\" is larger than %u bytes",
						path, RV_MAX_RULES_BYTES)));
	text = palloc(st.st_size + 1);
	while (done < (size_t) st.st_size)
	{
		ssize_t		got = pg_pread(fd, text + done, st.st_size - done, done);

		if (got < 0)
			ereport(ERROR,
					(errcode_for_file_access(),
					 errmsg("revrit: could not read rule file \"%s\": %m", path)));
		if (got == 0)
			break;				/* shrunk meanwhile: parse what is there */
		done += got;
	}
	CloseTransientFile(fd);
	text[done] = '\0';
	*len = done;
	return text;
}

/* Every entry of dir, for rv_rules_order_files to choose from. */
static char **
list_dir(const char *dir, int *n)
{
	DIR		   *d = AllocateDir(dir);
	struct dirent *de;
	int			cap = 16;
	char	  **names = palloc(cap * sizeof(char *));

	*n = 0;
	if (d == NULL)
		ereport(ERROR,
				(errcode_for_file_access(),
				 errmsg("revrit: could not open rule directory \"%s\": %m", dir),
				 errhint("Run \"make install\" for revrit.")));
	while ((de = ReadDir(d, dir)) != NULL)
	{
		if (!rv_rules_is_file(de->d_name))
			continue;
		if (*n == cap)
			names = repalloc(names, (cap *= 2) * sizeof(char *));
		names[(*n)++] = pstrdup(de->d_name);
	}
	FreeDir(d);
	return names;
}

int
revrit_rules_load_dir(const char *dir, rv_rules **rules)
{
	int			n;
	char	  **names = list_dir(dir, &n);
	int			count = rv_rules_order_files(names, n);

	if (count < 0)
		ereport(ERROR,
				(errcode(ERRCODE_PROGRAM_LIMIT_EXCEEDED),
				 errmsg("revrit: more than %d rule files in \"%s\"",
						RV_MAX_STANDARDS, dir)));
	if (count == 0)
		ereport(ERROR,
				(errcode(ERRCODE_UNDEFINED_FILE),
				 errmsg("revrit: no rule files (*%s) in \"%s\"",
						RV_RULES_SUFFIX, dir),
				 errhint("Run \"make install\" for revrit.")));
	for (int i = 0; i < count; i++)
	{
		char	   *path = psprintf("%s/%s", dir, names[i]);
		size_t		len;
		char	   *text = read_rule_file(path, &len);
		char		err[RV_ERRLEN] = "";
		rv_status	st = rv_rules_parse(text, len, path, &rules[i], err);

		pfree(text);
		if (st != RV_OK)
		{
			rules[i] = NULL;
			revrit_report(st, err, path);
		}
		CHECK_FOR_INTERRUPTS();
	}
	return count;
}
