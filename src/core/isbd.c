/*
 * isbd.c — split a catalogue field into its ISBD parts.
 */
#include <unicode/uchar.h>

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

/*
 * A mark of romanization: a letter of Latin Extended-A (macrons, breves,
 * carons, ś) or Latin Extended Additional (dots below and above), a
 * combining diacritic, a modifier letter for alef and ayin (ʻ ʼ ʾ ʿ ʹ; not
 * the superscript letters ʰ ʲ, which are Latin script), or a circumflexed
 * vowel.
 */
static int
is_transliteration_mark(uint32_t c)
{
	int32_t		block;

	if (c < 0x80)
		return 0;
	block = u_getIntPropertyValue((UChar32) c, UCHAR_BLOCK);
	switch (block)
	{
		case UBLOCK_LATIN_EXTENDED_A:
		case UBLOCK_LATIN_EXTENDED_ADDITIONAL:
		case UBLOCK_COMBINING_DIACRITICAL_MARKS:
			return 1;
		case UBLOCK_SPACING_MODIFIER_LETTERS:
			return rv_cp_is_modifier_letter(c) && !rv_cp_is_latin(c);
	}
	return is_circumflex_vowel(c);
}

int
rv_has_transliteration_marks(const uint32_t *cps, size_t from, size_t to)
{
	for (size_t i = from; i < to; i++)
		if (is_transliteration_mark(cps[i]))
			return 1;
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
