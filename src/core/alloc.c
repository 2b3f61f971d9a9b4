/*
 * alloc.c — the core's allocator indirection and error-message helper.
 */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "alloc.h"
#include "revrit.h"

static void *
libc_alloc(size_t size, void *ctx)
{
	(void) ctx;
	return malloc(size);
}

static void *
libc_realloc(void *ptr, size_t size, void *ctx)
{
	(void) ctx;
	return realloc(ptr, size);
}

static void
libc_free(void *ptr, void *ctx)
{
	(void) ctx;
	free(ptr);
}

static const rv_allocator libc_allocator = {libc_alloc, libc_realloc, libc_free, NULL};
static rv_allocator current = {libc_alloc, libc_realloc, libc_free, NULL};

void
rv_set_allocator(const rv_allocator *allocator)
{
	current = allocator ? *allocator : libc_allocator;
}

void *
rv_alloc(size_t size)
{
	return current.alloc(size ? size : 1, current.ctx);
}

void *
rv_alloc0(size_t size)
{
	void	   *p = rv_alloc(size);

	if (p)
		memset(p, 0, size ? size : 1);
	return p;
}

void *
rv_realloc(void *ptr, size_t size)
{
	if (ptr == NULL)
		return rv_alloc(size);
	return current.realloc(ptr, size ? size : 1, current.ctx);
}

void
rv_free(void *ptr)
{
	if (ptr)
		current.free(ptr, current.ctx);
}

char *
rv_strndup(const char *s, size_t len)
{
	char	   *p = rv_alloc(len + 1);

	if (p)
	{
		memcpy(p, s, len);
		p[len] = '\0';
	}
	return p;
}

void
rv_seterr(char *err, const char *fmt,...)
{
	va_list		ap;

	if (err == NULL)
		return;
	va_start(ap, fmt);
	vsnprintf(err, RV_ERRLEN, fmt, ap);
	va_end(ap);
}

const char *
rv_status_text(rv_status status)
{
	switch (status)
	{
		case RV_OK:
			return "ok";
		case RV_ENOMEM:
			return "out of memory";
		case RV_EIO:
			return "input/output error";
		case RV_EFORMAT:
			return "malformed file";
		case RV_EINVAL:
			return "invalid argument";
		case RV_EUNICODE:
			return "invalid UTF-8";
		case RV_ETOOLONG:
			return "input too long";
	}
	return "unknown status";
}
