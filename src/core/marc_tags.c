/*
 * marc_tags.c — which MARC 21 bibliographic fields get a linked Hebrew
 * 880, what kind of text each holds, which subfields carry words, and
 * where the non-filing indicator is.  One table, so the answer to "does
 * revrit touch $x of 600?" is in one place (docs/marc.md has it in prose).
 *
 * Word-bearing subfields follow LC/PCC practice for non-Latin fields: the
 * 880 repeats the romanized field in Hebrew script, but controlled English
 * vocabulary stays in English: relator terms ($e of X00/X10, $j of X11)
 * and codes ($4), subject subdivisions ($v $x $y $z of 6XX), relationship
 * information ($i), language of a work ($l), form and medium ($h $k $m).
 * Numeric subfields ($0-$9: authority links, sources, linkage) and record
 * links ($w, $x ISSN) are never text.  Subfields left out here are copied
 * into the 880 unchanged.
 */
#include <string.h>

#include "marc.h"

typedef struct marc_tag
{
	const char *tag;
	const char *kind;			/* field-aware conversion kind */
	const char *words;			/* subfield codes converted */
	int			nonfiling;		/* indicator with non-filing count, or 0 */
} marc_tag;

static const marc_tag tags[] = {
	/* names: personal, corporate, meeting (main, subject, added, series) */
	{"100", "name", "abcdgqtnp", 0},
	{"110", "name", "abcdgtnp", 0},
	{"111", "name", "acdegqtnp", 0},
	{"600", "name", "abcdgqtnp", 0},
	{"610", "name", "abcdgtnp", 0},
	{"700", "name", "abcdgqtnp", 0},
	{"710", "name", "abcdgtnp", 0},
	{"711", "name", "acdegqtnp", 0},
	{"800", "name", "abcdgqtnpv", 0},
	/* uniform titles */
	{"130", "title", "adfgnps", 1},
	{"240", "title", "adfgnps", 2},
	{"730", "title", "adfgnpst", 1},
	/* title, variant title, edition */
	{"245", "title", "abcfgnps", 2},
	{"246", "title", "abfgnp", 0},
	{"250", "title", "ab", 0},
	/* imprint */
	{"260", "imprint", "abcefg", 0},
	{"264", "imprint", "abc", 0},
	/* series */
	{"440", "title", "anpv", 2},
	{"490", "title", "av", 0},
	{"830", "title", "adfgnpsv", 2},
	/* uncontrolled related title */
	{"740", "title", "anp", 1},
};

static const marc_tag *
find_tag(const char *tag)
{
	for (size_t i = 0; i < sizeof(tags) / sizeof(tags[0]); i++)
		if (strcmp(tags[i].tag, tag) == 0)
			return &tags[i];
	return NULL;
}

const char *
rv_marc_tag_kind(const char *tag)
{
	const marc_tag *t = find_tag(tag);

	return t ? t->kind : NULL;
}

int
rv_marc_converts_subfield(const char *tag, char code)
{
	const marc_tag *t = find_tag(tag);

	return t != NULL && code != '\0' && strchr(t->words, code) != NULL;
}

int
rv_marc_nonfiling_indicator(const char *tag)
{
	const marc_tag *t = find_tag(tag);

	return t ? t->nonfiling : 0;
}
