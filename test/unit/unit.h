/*
 * unit.h — the unit tests' one-line harness: CHECK(cond) counts a pass or
 * prints the failing line, and unit_summary() prints "N passed, M failed"
 * (the line scripts/test.sh adds up) and gives the exit status.
 * Each test_*.c is its own program, so the counters are file-static.
 */
#ifndef REVRIT_UNIT_H
#define REVRIT_UNIT_H

#include <stdio.h>

static int	npassed,
			nfailed;

#define CHECK(cond) check((cond) != 0, #cond, __LINE__)

static void
check(int ok, const char *what, int line)
{
	if (ok)
		npassed++;
	else
	{
		nfailed++;
		printf("FAIL line %d: %s\n", line, what);
	}
}

#endif							/* REVRIT_UNIT_H */
