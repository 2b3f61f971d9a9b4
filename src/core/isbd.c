/*
 * isbd.c — split a catalogue field into its ISBD parts.
 */
#include "isbd.h"
#include "utf8.h"

const char *
rv_role_name(rv_role role)
{
	switch (role)
	{
		case RV_ROLE_MAIN:
			return "main";
		case RV_ROLE_SUBTITLE:
			return "subtitle";
		case RV_ROLE_RESPONSIBILITY:
			return "responsibility";
		case RV_ROLE_PARALLEL:
			return "parallel";
	}
	return "main";
}

/* The role after a separator, given the role before it. */
static rv_role
next_role(rv_role cur, uint32_t sep)
{
	switch (sep)
	{
		case ':':
			return cur == RV_ROLE_MAIN ? RV_ROLE_SUBTITLE : cur;
		case '/':
			return RV_ROLE_RESPONSIBILITY;
		case '=':
			return RV_ROLE_PARALLEL;
		default:				/* ';' keeps the area */
			return cur == RV_ROLE_PARALLEL ? RV_ROLE_MAIN : cur;
	}
}

int
rv_split_parts(const uint32_t *cps, size_t n, rv_span *parts, int max)
{
	int			np = 0;
	size_t		start = 0;
	rv_role		role = RV_ROLE_MAIN;

	for (size_t i = 1; i + 1 < n && np < max - 1; i++)
	{
		uint32_t	c = cps[i];

		if ((c == ':' || c == '/' || c == '=' || c == ';') &&
			rv_cp_is_space(cps[i - 1]) && rv_cp_is_space(cps[i + 1]))
		{
			/* two separators one space apart leave an empty part */
			parts[np].start = start;
			parts[np].end = i - 1 > start ? i - 1 : start;
			parts[np].role = role;
			np++;
			role = next_role(role, c);
			start = i + 2;
		}
	}
	parts[np].start = start < n ? start : n;
	parts[np].end = n;
	parts[np].role = role;
	return np + 1;
}

/* Circumflexed vowels (old DIN): the only Latin-1 letters romanizations
 * use; umlauts, acutes and ß are German, French, English. */
static int
is_circumflex_vowel(uint32_t c)
{
	switch (c | 0x20)
	{
		case 0xE2:				/* â */
		case 0xEA:				/* ê */
		case 0xEE:				/* î */
		case 0xF4:				/* ô */
		case 0xFB:				/* û */
			return 1;
	}
	return 0;
}

int
rv_has_transliteration_marks(const uint32_t *cps, size_t from, size_t to)
{
	for (size_t i = from; i < to; i++)
	{
		uint32_t	c = cps[i];

		/* macrons, breves, carons, ś (Latin Extended-A), dots below and
		 * above (Extended Additional), ʻ ʼ ʾ ʿ ʹ, combining marks */
		if ((c >= 0x0100 && c <= 0x017F) || (c >= 0x1E00 && c <= 0x1EFF) ||
			(c >= 0x02B9 && c <= 0x02BF) || (c >= 0x0300 && c <= 0x036F) ||
			is_circumflex_vowel(c))
			return 1;
	}
	return 0;
}

int
rv_has_latin_letter(const uint32_t *cps, size_t from, size_t to)
{
	for (size_t i = from; i < to; i++)
		if (rv_cp_is_letter(cps[i]) && !rv_cp_is_hebrew(cps[i]))
			return 1;
	return 0;
}
