/*
 * language.c — the language directives of a rule file (language.h).
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "alloc.h"
#include "language.h"
#include "utf8.h"

static int
copy_name(char *dst, const char *src)
{
	if (strlen(src) >= RV_LANG_NAME)
		return 0;
	strcpy(dst, src);
	return 1;
}

static int
parse_float(const char *s, float *out)
{
	char	   *end;
	float		w;

	errno = 0;
	w = strtof(s, &end);
	if (errno || *end || !(w > -1e6f && w < 1e6f))
		return 0;
	*out = w;
	return 1;
}

static uint32_t
cue_hash(const char *text, size_t len)
{
	uint32_t	h = 2166136261u;

	for (size_t i = 0; i < len; i++)
		h = (h ^ (uint8_t) text[i]) * 16777619u;
	return h & (RV_CUE_SLOTS - 1);
}

/* The slot of text in a hash table of cue indexes: its own, or the empty
 * one where it would go. */
static uint32_t
cue_slot(const rv_language *lang, const uint8_t *table, const char *text,
		 size_t len)
{
	uint32_t	h = cue_hash(text, len);

	while (table[h] != 0)
	{
		const rv_cue *cue = &lang->cues[table[h] - 1];

		if (cue->len == len && memcmp(cue->text, text, len) == 0)
			break;
		h = (h + 1) & (RV_CUE_SLOTS - 1);
	}
	return h;
}

/* Index the cue just added: the first of a text wins, as in a scan. */
static void
index_cue(rv_language *lang)
{
	int			i = lang->ncues;
	rv_cue	   *cue = &lang->cues[i];
	uint8_t    *head = NULL;

	if (cue->kind == RV_CUE_WORD || cue->kind == RV_CUE_PREFIX)
	{
		uint8_t    *table = cue->kind == RV_CUE_WORD ?
			lang->word_slot : lang->prefix_slot;
		uint32_t	h = cue_slot(lang, table, cue->text, cue->len);

		if (table[h] == 0)
			table[h] = (uint8_t) (i + 1);
		return;
	}
	head = cue->kind == RV_CUE_CONTAINS ? &lang->contains_head :
		&lang->ending_head[(uint8_t) cue->text[cue->len - 1]];
	while (*head != 0)
		head = &lang->next[*head - 1];
	*head = (uint8_t) (i + 1);
}

int
rv_language_is_cue_word(const rv_language *lang, const char *piece, size_t len)
{
	return lang->ncues > 0 && len > 0 &&
		lang->word_slot[cue_slot(lang, lang->word_slot, piece, len)] != 0;
}

double
rv_language_cue_score(const rv_language *lang, const char *piece, size_t len,
					  int before_hyphen)
{
	int			w = 0,
				p = 0;
	double		sum = 0;

	if (lang->ncues == 0 || len == 0)
		return 0;
	w = lang->word_slot[cue_slot(lang, lang->word_slot, piece, len)];
	if (before_hyphen)
		p = lang->prefix_slot[cue_slot(lang, lang->prefix_slot, piece, len)];
	if (w != 0 || p != 0)
		return lang->cues[(w == 0 || (p != 0 && p < w) ? p : w) - 1].weight;
	for (int c = lang->contains_head; c != 0; c = lang->next[c - 1])
		if (strstr(piece, lang->cues[c - 1].text))
			sum += lang->cues[c - 1].weight;
	for (int c = lang->ending_head[(uint8_t) piece[len - 1]]; c != 0;
		 c = lang->next[c - 1])
	{
		const rv_cue *cue = &lang->cues[c - 1];

		if (len > cue->len + 2U &&
			memcmp(piece + len - cue->len, cue->text, cue->len) == 0)
			return sum + cue->weight;
	}
	return sum;
}

/* cue TEXT[:WEIGHT]…: -TEXT an ending, TEXT- a hyphenated prefix, ~TEXT
 * anywhere in a word */
static int
parse_cues(rv_language *lang, char **f, int nf, const char **why)
{
	for (int i = 1; i < nf; i++)
	{
		rv_cue	   *cue;
		char	   *colon = strrchr(f[i], ':');
		char	   *text = f[i];
		size_t		len;

		if (lang->ncues == RV_MAX_CUES)
		{
			*why = "too many cues";
			return -1;
		}
		cue = &lang->cues[lang->ncues];
		cue->weight = 1.0f;
		if (colon && colon != f[i])
		{
			*colon = '\0';
			if (!parse_float(colon + 1, &cue->weight))
			{
				*why = "bad cue weight";
				return -1;
			}
		}
		cue->kind = RV_CUE_WORD;
		if (text[0] == '-' || text[0] == '~')
		{
			cue->kind = text[0] == '-' ? RV_CUE_ENDING : RV_CUE_CONTAINS;
			text++;
		}
		len = strlen(text);
		if (cue->kind == RV_CUE_WORD && len > 1 && text[len - 1] == '-')
		{
			cue->kind = RV_CUE_PREFIX;
			len--;
		}
		if (len == 0 || len >= RV_MAX_CUE)
		{
			*why = "a cue is a word, -ending or prefix- of at most 23 bytes";
			return -1;
		}
		memcpy(cue->text, text, len);
		cue->text[len] = '\0';
		cue->len = (uint8_t) len;
		index_cue(lang);
		lang->ncues++;
	}
	return 1;
}

/* "component-marks L1 L2 ...": up to 16 single letters. */
static int
parse_component_marks(rv_language *lang, char **f, int nf, const char **why)
{
	for (int i = 1; i < nf; i++)
	{
		uint32_t   *cps;
		size_t		n;

		if (lang->ncomponent_marks == 16 ||
			rv_decode_nfc(f[i], strlen(f[i]), &cps, &n, NULL) != RV_OK)
		{
			*why = "component-marks takes up to 16 letters:";
			return -1;
		}
		if (n == 1)
			lang->component_marks[lang->ncomponent_marks++] = cps[0];
		rv_free(cps);
		if (n != 1)
		{
			*why = "component-marks takes single letters:";
			return -1;
		}
	}
	return 1;
}

int
rv_language_directive(rv_language *lang, char **f, int nf, const char **why)
{
	const char *d = f[0];

	if (strcmp(d, "language") == 0 || strcmp(d, "lexicon") == 0)
	{
		if (nf != 2 || !copy_name(d[1] == 'a' ? lang->name : lang->lexicon, f[1]))
		{
			*why = "expected one name after";
			return -1;
		}
		return 1;
	}
	if (strcmp(d, "component") == 0)
	{
		if (nf != 1)
		{
			*why = "takes no value:";
			return -1;
		}
		lang->is_component = 1;
		return 1;
	}
	if (strcmp(d, "merged-component") == 0)
	{
		if (nf != 4 || !copy_name(lang->component, f[1]) ||
			!parse_float(f[2], &lang->component_own) ||
			!parse_float(f[3], &lang->component_other))
		{
			*why = "merged-component NAME OWN-COST OTHER-COST:";
			return -1;
		}
		return 1;
	}
	if (strcmp(d, "component-marks") == 0)
		return parse_component_marks(lang, f, nf, why);
	if (strcmp(d, "cue-lexicon") == 0)
	{
		lang->lexicon_from = -1e6f;
		if (nf < 3 || nf > 4 || !parse_float(f[1], &lang->lexicon_weight) ||
			!parse_float(f[2], &lang->lexicon_bias) ||
			(nf == 4 && !parse_float(f[3], &lang->lexicon_from)))
		{
			*why = "cue-lexicon WEIGHT BIAS [FROM]:";
			return -1;
		}
		return 1;
	}
	if (strcmp(d, "cue-initial-cluster") == 0)
	{
		if (nf != 2 || !parse_float(f[1], &lang->initial_cluster))
		{
			*why = "expected one weight after";
			return -1;
		}
		return 1;
	}
	if (strcmp(d, "cue-threshold") == 0)
	{
		if (nf != 2 || !parse_float(f[1], &lang->cue_threshold))
		{
			*why = "expected one weight after";
			return -1;
		}
		return 1;
	}
	if (strcmp(d, "cue") == 0)
		return parse_cues(lang, f, nf, why);
	return 0;
}

int
rv_language_component_word(const rv_language *lang, const uint32_t *cps, int n)
{
	if (lang->ncomponent_marks == 0)
		return 1;
	for (int i = 0; i < n; i++)
		for (int m = 0; m < lang->ncomponent_marks; m++)
			if (cps[i] == lang->component_marks[m])
				return 1;
	return 0;
}
