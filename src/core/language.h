/*
 * language.h — private: what a rule file says about the language it
 * writes (rules/README.md, "Language"): its name, the lexicon it ranks
 * with, the component standard for words of another origin (the Hebrew
 * words of Yiddish), and the cues that tell the language from Hebrew.
 */
#ifndef REVRIT_LANGUAGE_H
#define REVRIT_LANGUAGE_H

#include <stddef.h>
#include <stdint.h>

#define RV_LANG_NAME		64
#define RV_MAX_CUES			254 /* indexed by uint8_t, 0 for none */
#define RV_MAX_CUE			24	/* bytes of one cue's text */
#define RV_CUE_SLOTS		512 /* hash slots for word and prefix cues */

/* A cue: a whole word, a word ending (-ung) or a hyphenated prefix (ha-). */
typedef enum rv_cue_kind
{
	RV_CUE_WORD = 0,
	RV_CUE_ENDING,
	RV_CUE_PREFIX,
	RV_CUE_CONTAINS				/* ~TEXT: anywhere in a word (~oy) */
} rv_cue_kind;

typedef struct rv_cue
{
	char		text[RV_MAX_CUE];	/* UTF-8, folded */
	uint8_t		kind;			/* rv_cue_kind */
	uint8_t		len;			/* strlen(text) */
	float		weight;			/* evidence for this language; < 0 against */
} rv_cue;

typedef struct rv_language
{
	char		name[RV_LANG_NAME];	/* "" = Hebrew */
	char		lexicon[RV_LANG_NAME];	/* "" = the engine's lexicon */
	/* merged-component NAME OWN OTHER: words may also be spelled by the
	 * rule set NAME, found in this language's lexicon (cost OWN) or in the
	 * engine's Hebrew lexicon (cost OTHER) */
	char		component[RV_LANG_NAME];
	float		component_own;
	float		component_other;
	/* component-marks C…: only a word with one of these letters (ḥ ś ʼ ʻ:
	 * ALA-LC marks them in Hebrew words only) is looked up in the Hebrew
	 * lexicon; none listed: every word */
	uint32_t	component_marks[16];
	int			ncomponent_marks;
	int			is_component;	/* "component": no standard of its own */
	float		cue_threshold;	/* evidence needed to take a text as this */
	/* cue-lexicon WEIGHT BIAS [FROM]: per word, how much cheaper this
	 * language's rules and lexicon spell it than Hebrew's, plus BIAS (the
	 * Hebrew lexicon is larger and pays more), times WEIGHT; weighed only
	 * when the cues reach FROM (none given: always) */
	float		lexicon_weight;
	float		lexicon_bias;
	float		lexicon_from;
	/* cue-initial-cluster W: a word starting with two consonants (Hebrew
	 * romanization writes the shewa: shevarim, not shvarim) */
	float		initial_cluster;
	rv_cue		cues[RV_MAX_CUES];
	int			ncues;
	/* the cues indexed as they are parsed (index + 1, 0 for none): whole
	 * words and prefixes by a hash of their text, endings by their last
	 * byte and ~contains in one list, each list in file order */
	uint8_t		word_slot[RV_CUE_SLOTS];
	uint8_t		prefix_slot[RV_CUE_SLOTS];
	uint8_t		ending_head[256];
	uint8_t		contains_head;
	uint8_t		next[RV_MAX_CUES];
} rv_language;

/*
 * A language directive of a rule file (language, lexicon, component,
 * merged-component, cue, cue-threshold): 1 if parsed, 0 if f[0] is not
 * one, -1 if malformed (*why says how).
 */
int			rv_language_directive(rv_language *lang, char **f, int nf,
								  const char **why);

/* The cue evidence of one folded hyphen-separated piece of a word
 * (UTF-8, len bytes): the weight of the first whole-word cue that is the
 * piece, or prefix cue if a hyphen follows; else the ~contains cues that
 * it contains plus the first listed ending that fits. */
double		rv_language_cue_score(const rv_language *lang, const char *piece,
								  size_t len, int before_hyphen);

/* Is a folded piece one of the whole-word cues? */
int			rv_language_is_cue_word(const rv_language *lang, const char *piece,
									size_t len);

/* May a folded word be looked up in the component's (Hebrew) lexicon? */
int			rv_language_component_word(const rv_language *lang,
									   const uint32_t *cps, int n);

#endif							/* REVRIT_LANGUAGE_H */
