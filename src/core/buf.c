/*
 * buf.c — growable byte buffer and bump arena.
 */
#include <string.h>

#include "alloc.h"
#include "buf.h"
#include "utf8.h"

void
rv_buf_init(rv_buf *b)
{
	b->data = NULL;
	b->len = b->cap = 0;
	b->failed = 0;
}

void
rv_buf_free(rv_buf *b)
{
	rv_free(b->data);
	rv_buf_init(b);
}

int
rv_grow(void **arr, size_t *cap, size_t need, size_t elem, size_t first)
{
	size_t		ncap = *cap ? *cap : first;
	void	   *p;

	if (need <= *cap)
		return 1;
	while (ncap < need)
	{
		if (ncap > SIZE_MAX / 2)
			return 0;
		ncap *= 2;
	}
	if (ncap > SIZE_MAX / elem)
		return 0;
	p = rv_realloc(*arr, ncap * elem);
	if (p == NULL)
		return 0;
	*arr = p;
	*cap = ncap;
	return 1;
}

static int
buf_reserve(rv_buf *b, size_t extra)
{
	if (b->failed)
		return 0;
	if (extra >= SIZE_MAX - b->len ||
		!rv_grow((void **) &b->data, &b->cap, b->len + extra + 1, 1, 64))
	{
		b->failed = 1;
		return 0;
	}
	return 1;
}

void
rv_buf_append(rv_buf *b, const void *p, size_t n)
{
	if (!buf_reserve(b, n))
		return;
	memcpy(b->data + b->len, p, n);
	b->len += n;
	b->data[b->len] = '\0';
}

void
rv_buf_putc(rv_buf *b, char c)
{
	rv_buf_append(b, &c, 1);
}

void
rv_buf_put_cp(rv_buf *b, uint32_t cp)
{
	char		tmp[4];

	rv_buf_append(b, tmp, rv_utf8_encode(cp, tmp));
}

char *
rv_buf_take(rv_buf *b, size_t *len)
{
	char	   *p;

	if (!buf_reserve(b, 0))
	{
		rv_buf_free(b);
		return NULL;
	}
	b->data[b->len] = '\0';
	p = b->data;
	if (len)
		*len = b->len;
	rv_buf_init(b);
	return p;
}

/* ---- arena ---- */

#define ARENA_BLOCK_MIN (64 * 1024)

struct rv_arena_block
{
	rv_arena_block *next;
	size_t		used;
	size_t		size;
	/* payload follows, 16-byte aligned */
};

#define BLOCK_HEADER ((sizeof(rv_arena_block) + 15) & ~(size_t) 15)

void
rv_arena_init(rv_arena *a)
{
	a->head = NULL;
	a->failed = 0;
}

void *
rv_arena_alloc(rv_arena *a, size_t size)
{
	rv_arena_block *blk = a->head;
	char	   *p;

	size = (size + 15) & ~(size_t) 15;
	if (blk == NULL || blk->size - blk->used < size)
	{
		size_t		bsize = size > ARENA_BLOCK_MIN ? size : ARENA_BLOCK_MIN;

		if (blk && blk->size * 2 > bsize && blk->size < 16 * ARENA_BLOCK_MIN)
			bsize = blk->size * 2 > size ? blk->size * 2 : size;
		blk = rv_alloc(BLOCK_HEADER + bsize);
		if (blk == NULL)
		{
			a->failed = 1;
			return NULL;
		}
		blk->next = a->head;
		blk->used = 0;
		blk->size = bsize;
		a->head = blk;
	}
	p = (char *) blk + BLOCK_HEADER + blk->used;
	blk->used += size;
	return p;
}

char *
rv_arena_strndup(rv_arena *a, const char *s, size_t len)
{
	char	   *d = rv_arena_alloc(a, len + 1);

	if (d)
	{
		memcpy(d, s, len);
		d[len] = '\0';
	}
	return d;
}

void
rv_arena_free(rv_arena *a)
{
	rv_arena_block *blk = a->head;

	while (blk)
	{
		rv_arena_block *next = blk->next;

		rv_free(blk);
		blk = next;
	}
	rv_arena_init(a);
}
