/*
 * lexicon_load.c — open the lexicon through PostgreSQL's file API and hand
 * the core a mapping it can trust for the backend's whole life.
 *
 * The installed file is never mapped.  A backend that maps a file which an
 * administrator then overwrites in place (cp, make install) dies of SIGBUS
 * on its next page fault past the new end, and the postmaster restarts the
 * cluster.  So the file is copied once into $PGDATA/pg_revrit/, under a
 * name made of the file's identity (device, inode, size, modification
 * time) and its header's checksum, prefixed by a hash of the configured
 * path, and that private copy is mapped:
 * nothing writes to a copy after its rename, every backend using the same
 * file maps the same copy (the page cache holds one copy for all), and a
 * file rewritten in place has a new modification time, so a new copy,
 * checked in full.  A copy torn by a concurrent overwrite fails its
 * checksum and is removed.  Older copies made from the same path are
 * unlinked when a new one is made -- by path, not by inode, since a file
 * replaced by rename (mv, make install, a package upgrade) has a new inode
 * and its old copy would otherwise stay forever -- together with the
 * temporary files of backends that died copying; backends that map an old
 * copy keep it until they unmap (POSIX keeps an unlinked file's pages
 * while it is mapped).  A copy whose making fails (cancel, full disk) is
 * removed at once.
 *
 * Before anything is read the file must be a regular file (opened
 * non-blocking, so a FIFO cannot hang the backend) with a valid header
 * whose recorded size matches: a stray 2 GB file costs one 40-byte read.
 */
#include "postgres.h"

#include <fcntl.h>
#include <signal.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include "common/hashfn.h"
#include "miscadmin.h"
#include "storage/fd.h"

#include "revrit_pg.h"

#define REVRIT_COPY_DIR "pg_revrit"
#define COPY_CHUNK (1024 * 1024)

static void pg_attribute_noreturn()
file_error(const char *what, const char *path)
{
	ereport(ERROR,
			(errcode_for_file_access(),
			 errmsg("revrit: could not %s lexicon file \"%s\": %m", what, path)));
}

static void copy_body(int src, const char *path, int out, const char *tmp,
					  char *buf, off_t size);

/* Copy src (already open, size bytes) to dest through a temporary name. */
static void
copy_file(int src, const char *path, off_t size, const char *dest)
{
	char	   *tmp = psprintf("%s.tmp.%d", dest, MyProcPid);
	char	   *buf = palloc(COPY_CHUNK);
	int			out;

	out = OpenTransientFile(tmp, O_WRONLY | O_CREAT | O_TRUNC | PG_BINARY);
	if (out < 0)
		file_error("create a copy of the", tmp);
	/* a cancel or a full disk must not leave a partial copy behind */
	PG_TRY();
	{
		copy_body(src, path, out, tmp, buf, size);
	}
	PG_CATCH();
	{
		(void) unlink(tmp);
		PG_RE_THROW();
	}
	PG_END_TRY();
	if (rename(tmp, dest) != 0)
		file_error("rename the copy of the", tmp);
	pfree(buf);
	pfree(tmp);
}

/* The copy loop of copy_file; closes out. */
static void
copy_body(int src, const char *path, int out, const char *tmp, char *buf,
		  off_t size)
{
	off_t		done = 0;

	while (done < size)
	{
		ssize_t		got = pg_pread(src, buf, COPY_CHUNK, done);

		CHECK_FOR_INTERRUPTS();
		if (got < 0)
			file_error("read", path);
		if (got == 0)
			break;				/* shrunk meanwhile: the checksum will say */
		errno = 0;
		if (write(out, buf, got) != got)
		{
			if (errno == 0)
				errno = ENOSPC;
			file_error("write a copy of the", tmp);
		}
		done += got;
	}
	if (CloseTransientFile(out) != 0)
		file_error("write a copy of the", tmp);
}

/*
 * Unlink the copies of the same file (name prefix) other than keep, and the
 * temporary copies of backends that died, whichever file they were copying.
 */
static void
remove_old_copies(const char *dir, const char *prefix, const char *keep)
{
	DIR		   *d = AllocateDir(dir);
	struct dirent *de;

	while ((de = ReadDir(d, dir)) != NULL)
	{
		size_t		len = strlen(de->d_name);

		const char *tmp = strstr(de->d_name, ".rvlex.tmp.");

		/* a temporary copy is removed only once its backend is gone */
		if (tmp != NULL &&
			!(kill((pid_t) atoi(tmp + 11), 0) != 0 && errno == ESRCH))
			continue;
		if (tmp == NULL && strncmp(de->d_name, prefix, strlen(prefix)) != 0)
			continue;
		if ((tmp != NULL ||
			 (len > 6 && strcmp(de->d_name + len - 6, ".rvlex") == 0)) &&
			strcmp(de->d_name, keep) != 0)
		{
			char	   *old = psprintf("%s/%s", dir, de->d_name);

			(void) unlink(old);	/* a concurrent backend may beat us to it */
			pfree(old);
		}
	}
	FreeDir(d);
}

/*
 * Map a copy read-only; *size is its size.  NULL if the copy is gone: a
 * concurrent backend loading another version of the same path removed it.
 */
static void *
map_copy(const char *dest, size_t *size)
{
	int			fd = OpenTransientFile(dest, O_RDONLY | PG_BINARY);
	struct stat st;
	void	   *p;

	if (fd < 0 && errno == ENOENT)
		return NULL;
	if (fd < 0)
		file_error("open the copy of the", dest);
	if (fstat(fd, &st) != 0)
		file_error("stat the copy of the", dest);
	p = mmap(NULL, st.st_size, PROT_READ, MAP_SHARED | MAP_POPULATE, fd, 0);
	if (p == MAP_FAILED)
		file_error("map the copy of the", dest);
	CloseTransientFile(fd);
	*size = st.st_size;
	return p;
}

/* The header's checksum, part of the private copy's name. */
static unsigned long long
header_checksum(int fd, const char *path, off_t size)
{
	size_t		want = rv_lexicon_header_size();
	char	   *head = palloc(want);
	ssize_t		got = pg_pread(fd, head, Min((off_t) want, size), 0);
	char		err[RV_ERRLEN] = "";
	rv_status	status;
	unsigned long long sum = 0;

	if (got < 0)
		file_error("read", path);
	status = rv_lexicon_check_header(head, got, size, path, &sum, err);
	if (status != RV_OK)
		revrit_report(status, err, path);
	pfree(head);
	return sum;
}

rv_lexicon *
revrit_lexicon_load(const char *path, RevritMapping *mapping)
{
	int			fd;
	struct stat st;
	char	   *dir = psprintf("%s/%s", DataDir, REVRIT_COPY_DIR);
	char	   *prefix;
	char	   *name;
	char	   *dest;
	char		err[RV_ERRLEN] = "";
	rv_lexicon *lex = NULL;
	rv_status	status;

	fd = OpenTransientFile(path, O_RDONLY | O_NONBLOCK | PG_BINARY);
	if (fd < 0)
		file_error("open", path);
	if (fstat(fd, &st) != 0)
		file_error("stat", path);
	if (!S_ISREG(st.st_mode))
		ereport(ERROR,
				(errcode(ERRCODE_CONFIG_FILE_ERROR),
				 errmsg("revrit: lexicon \"%s\" is not a regular file", path)));
	prefix = psprintf("%016llx-", (unsigned long long)
					  hash_bytes_extended((const unsigned char *) path,
										  strlen(path), 0));
	name = psprintf("%s%llx-%llx-%lld-%lld.%09ld-%016llx.rvlex", prefix,
					(unsigned long long) st.st_dev,
					(unsigned long long) st.st_ino,
					(long long) st.st_size, (long long) st.st_mtim.tv_sec,
					(long) st.st_mtim.tv_nsec,
					header_checksum(fd, path, st.st_size));
	dest = psprintf("%s/%s", dir, name);

	if (MakePGDirectory(dir) != 0 && errno != EEXIST)
		file_error("create the directory for the copy of the", dir);
	if (access(dest, F_OK) != 0)
	{
		copy_file(fd, path, st.st_size, dest);
		remove_old_copies(dir, prefix, name);
	}
	mapping->data = map_copy(dest, &mapping->size);
	if (mapping->data == NULL)
	{
		copy_file(fd, path, st.st_size, dest);
		mapping->data = map_copy(dest, &mapping->size);
		if (mapping->data == NULL)
			file_error("open the copy of the", dest);
	}
	CloseTransientFile(fd);

	status = rv_lexicon_attach(mapping->data, mapping->size, path, &lex, err);
	if (status != RV_OK)
	{
		/* torn by a concurrent overwrite, or damaged: never use it again */
		munmap(mapping->data, mapping->size);
		mapping->data = NULL;
		unlink(dest);
		revrit_report(status, err, path);
	}
	return lex;
}

void
revrit_lexicon_unmap(RevritMapping *mapping)
{
	if (mapping->data)
		munmap(mapping->data, mapping->size);
	mapping->data = NULL;
	mapping->size = 0;
}
