/*
 * convert_tokens.c — the characters of one ISBD part: where romanized words
 * begin and end (hyphens, quotation marks, alef and ayin signs), which stay
 * as written, and what goes to the number, abbreviation and word steps.
 */
#include "convert.h"
#include "interrupt.h"
#include "utf8.h"

/* Can this character belong to a romanized word? */
int
conv_is_word_char(const rv_rules *r, uint32_t cp)
{
	uint32_t	f;

	if (rv_cp_is_hebrew(cp) || rv_cp_is_digit(cp))
		return 0;
	if (rv_cp_is_letter(cp) || rv_cp_is_mark(cp))
		return 1;
	f = rv_rules_fold(r, rv_cp_lower(cp));
	return f != 0 && rv_rules_in_alphabet(r, f) && !rv_cp_is_space(cp);
}

/* Quote marks that are also alef/ayin signs: a word wrapped in them is
 * quoted, and one trailing is closing punctuation. */
static int
is_quote_like(const rv_rules *r, uint32_t cp)
{
	/* a combining accent (Mayśes̀) belongs to its letter */
	return !rv_cp_is_letter(cp) && !rv_cp_is_mark(cp) && conv_is_word_char(r, cp);
}

/* A word standing between two numbers (1958 or 1959, 3 and 4) belongs to
 * the cataloguer's language, not to the romanized title. */
static int
between_numbers(const conv *c, size_t ws, size_t we, size_t from, size_t to)
{
	size_t		a = ws,
				b = we;

	while (a > from && rv_cp_is_space(c->cps[a - 1]))
		a--;
	while (b < to && rv_cp_is_space(c->cps[b]))
		b++;
	return a > from && a < ws && b < to && b > we &&
		rv_cp_is_digit(c->cps[a - 1]) && rv_cp_is_digit(c->cps[b]);
}

/* Alef and ayin signs, primes and quotes alone are punctuation: a word
 * needs a letter that is not a modifier letter. */
static int
has_real_letter(const uint32_t *cps, size_t from, size_t to)
{
	for (size_t i = from; i < to; i++)
		if (rv_cp_is_letter(cps[i]) && !rv_cp_is_modifier_letter(cps[i]))
			return 1;
	return 0;
}

/* Where does the word starting at i end (before limit)?  Hyphens inside
 * count; a trailing hyphen counts when something other than a space
 * follows (be-"Tsiyon"). */
static size_t
word_end(conv *c, size_t i, size_t limit)
{
	const rv_rules *r = c->rules;
	size_t		j = i;

	while (j < limit)
	{
		if (conv_is_word_char(r, c->cps[j]))
			j++;
		else if (rv_cp_is_hyphen(c->cps[j]) && j > i && j + 1 < limit &&
				 conv_is_word_char(r, c->cps[j + 1]))
			j++;
		else if (rv_cp_is_hyphen(c->cps[j]) && j > i && j + 1 < limit &&
				 !rv_cp_is_space(c->cps[j + 1]) &&
				 !rv_cp_is_hyphen(c->cps[j + 1]))
			return j + 1;
		else
			break;
	}
	return j;
}

void
convert_range(conv *c, size_t from, size_t to)
{
	size_t		i = from;

	while (i < to && !c->stop && !c->oom)
	{
		size_t		end,
					ws,
					we;

		rv_interrupt_tick();	/* separators between words: cancel */
		if (rv_cp_is_digit(c->cps[i]) && c->cps[i] < 0x80)
		{
			i = convert_number(c, i, to);
			continue;
		}
		if (!conv_is_word_char(c->rules, c->cps[i]))
		{
			rv_buf_put_cp(&c->out, c->cps[i]);
			i++;
			continue;
		}
		if ((end = convert_abbreviation_letters(c, i, to)) != 0)
		{
			i = end;
			rv_arena_free(&c->arena);
			continue;
		}
		end = word_end(c, i, to);
		ws = i;
		we = end;
		/* quotation marks around a word, or one closing it, are punctuation */
		if (we > ws + 1 && is_quote_like(c->rules, c->cps[we - 1]))
		{
			we--;
			if (is_quote_like(c->rules, c->cps[ws]))
				ws++;
		}
		conv_put_cps(&c->out, c->cps, i, ws);
		if (we > ws && has_real_letter(c->cps, ws, we) &&
			!between_numbers(c, ws, we, from, to))
		{
			size_t		taken = convert_word(c, ws, we, we == end ? to : we);

			conv_put_cps(&c->out, c->cps, we, end);
			end += taken;
		}
		else
			conv_put_cps(&c->out, c->cps, ws, end);
		i = end;
		rv_arena_free(&c->arena);
	}
}
