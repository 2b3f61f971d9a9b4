/*
 * buf.h — private: a growable byte buffer and a bump arena, both on the
 * library allocator.  Failures are sticky: once an append fails, the
 * buffer stays failed and the caller checks once at the end.
 */
#ifndef REVRIT_BUF_H
#define REVRIT_BUF_H

#include <stddef.h>
#include <stdint.h>

typedef struct rv_buf
{
	char	   *data;
	size_t		len;
	size_t		cap;
	int			failed;
} rv_buf;

/*
 * The one way the core grows an array: make *arr hold at least need
 * elements of elem bytes, doubling *cap (from first when empty).  0 if
 * the size overflows or memory runs out; *arr is then unchanged.
 */
int			rv_grow(void **arr, size_t *cap, size_t need, size_t elem,
					size_t first);

void		rv_buf_init(rv_buf *b);
void		rv_buf_free(rv_buf *b);
void		rv_buf_append(rv_buf *b, const void *p, size_t n);
void		rv_buf_putc(rv_buf *b, char c);
void		rv_buf_put_cp(rv_buf *b, uint32_t cp);	/* as UTF-8 */
/* Hand the NUL-terminated contents over to the caller (NULL if failed). */
char	   *rv_buf_take(rv_buf *b, size_t *len);

/* Blocks of memory released all at once; used for per-call scratch. */
typedef struct rv_arena_block rv_arena_block;
typedef struct rv_arena
{
	rv_arena_block *head;
	int			failed;
} rv_arena;

void		rv_arena_init(rv_arena *a);
void	   *rv_arena_alloc(rv_arena *a, size_t size);	/* 16-byte aligned */
/* A NUL-terminated copy of s[0..len) in the arena (NULL if failed). */
char	   *rv_arena_strndup(rv_arena *a, const char *s, size_t len);
void		rv_arena_free(rv_arena *a);

#endif							/* REVRIT_BUF_H */
