/*
 * interrupt.c — the current call's interrupt callback, per thread (the
 * host may longjmp out of it: nothing here needs cleaning up then).
 */
#include "interrupt.h"

static __thread void (*current_fn) (void *arg);
static __thread void *current_arg;
static __thread unsigned ticks;

void
rv_interrupt_begin(void (*fn) (void *arg), void *arg)
{
	current_fn = fn;
	current_arg = arg;
}

void
rv_interrupt_end(void)
{
	current_fn = NULL;
	current_arg = NULL;
}

void
rv_interrupt_tick(void)
{
	if (++ticks >= 65536)
	{
		ticks = 0;
		if (current_fn)
			current_fn(current_arg);
	}
}
