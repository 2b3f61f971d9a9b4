/*
 * interrupt.h — private: the host's interrupt callback (rv_options
 * .interrupt) for loops that run over a whole text outside the candidate
 * search (standard detection, language detection), which take seconds on
 * an 8 MB input.  Set for the duration of one call by convert.c.
 */
#ifndef REVRIT_INTERRUPT_H
#define REVRIT_INTERRUPT_H

#include <stddef.h>

void		rv_interrupt_begin(void (*fn) (void *arg), void *arg);
void		rv_interrupt_end(void);

/* One step of such a loop: every 64 Ki steps the host's callback runs. */
void		rv_interrupt_tick(void);

#endif							/* REVRIT_INTERRUPT_H */
