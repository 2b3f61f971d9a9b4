/*
 * points.c — Yiddish points and ligatures: from rule options to symbols,
 * and from symbols to the text the options ask for (points.h).
 */
#include "points.h"

#include "hebrew.h"

#define SYM(cp) ((uint8_t) ((cp) - RV_CP_ALEF))	/* a letter's symbol */

/* The three Yiddish ligatures and the letter pairs they join. */
static const struct
{
	uint32_t	cp;
	uint8_t		first,
				second;
}			ligatures[] = {
	{0x05F0, SYM(0x05D5), SYM(0x05D5)}, /* װ = ו ו */
	{0x05F1, SYM(0x05D5), SYM(0x05D9)}, /* ױ = ו י */
	{0x05F2, SYM(0x05D9), SYM(0x05D9)}, /* ײ = י י */
};

/* The points YIVO spelling uses, as code points by mark symbol. */
static const uint32_t point_cp[] = {
	[RV_SYM_PATAH - RV_SYM_MARK_FIRST] = 0x05B7,
	[RV_SYM_QAMATS - RV_SYM_MARK_FIRST] = 0x05B8,
	[RV_SYM_DAGESH - RV_SYM_MARK_FIRST] = 0x05BC,
	[RV_SYM_RAFE - RV_SYM_MARK_FIRST] = 0x05BF,
	[RV_SYM_HIRIQ - RV_SYM_MARK_FIRST] = 0x05B4,
	[RV_SYM_SHIN_DOT - RV_SYM_MARK_FIRST] = 0x05C1,
	[RV_SYM_SIN_DOT - RV_SYM_MARK_FIRST] = 0x05C2,
};

#define NPOINTS ((int) (sizeof(point_cp) / sizeof(point_cp[0])))
#define NLIGATURES ((int) (sizeof(ligatures) / sizeof(ligatures[0])))

int
rv_points_syms(uint32_t cp, uint8_t *sym, int max)
{
	int			s = rv_sym_from_cp(cp);

	if (s >= 0 && s != RV_SYM_BOUNDARY)
	{
		if (max < 1)
			return 0;
		sym[0] = (uint8_t) s;
		return 1;
	}
	for (int i = 0; i < NPOINTS; i++)
		if (point_cp[i] == cp)
		{
			if (max < 1)
				return 0;
			sym[0] = (uint8_t) (RV_SYM_MARK_FIRST + i);
			return 1;
		}
	for (int i = 0; i < NLIGATURES; i++)
		if (ligatures[i].cp == cp)
		{
			if (max < 3)
				return 0;
			sym[0] = ligatures[i].first;
			sym[1] = ligatures[i].second;
			sym[2] = RV_SYM_LIGATURE;
			return 3;
		}
	return 0;
}

/* The ligature of two letter symbols, or 0. */
static uint32_t
ligature_of(int first, int second)
{
	for (int i = 0; i < NLIGATURES; i++)
		if (ligatures[i].first == first && ligatures[i].second == second)
			return ligatures[i].cp;
	return 0;
}

void
rv_points_render(rv_buf *b, const uint8_t *sym, int n, rv_points points,
				 int join, void (*put_sign) (rv_buf *b, int sym, void *arg),
				 void *arg)
{
	for (int i = 0; i < n; i++)
	{
		int			s = sym[i];
		uint32_t	lig;

		if (!rv_sym_is_mark(s))
		{
			if (join && i + 2 < n && sym[i + 2] == RV_SYM_LIGATURE &&
				(lig = ligature_of(s, sym[i + 1])) != 0)
			{
				rv_buf_put_cp(b, lig);
				i += 2;			/* the second letter and the ligature mark */
			}
			else
				put_sign(b, s, arg);
		}
		else if (points == RV_POINTS_YIVO && s - RV_SYM_MARK_FIRST < NPOINTS)
			rv_buf_put_cp(b, point_cp[s - RV_SYM_MARK_FIRST]);
	}
}
