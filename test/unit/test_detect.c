/*
 * test_detect.c — unit tests of the fast paths of detection in "auto":
 * the one-pass marker scoring of a text's parts (detect_standard.c) must
 * choose exactly what rv_engine_detect chooses for each range; the indexed
 * cue look-up (language.c) must score as a scan of the cues in file order
 * would; cue-lexicon takes an optional FROM; Yiddish given names count.
 *
 * Plain C, no framework: one line per failure and "N passed, M failed".
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "alloc.h"
#include "detect_standard.h"
#include "language.h"
#include "utf8.h"
#include "unit.h"


static rv_engine *engine;

/* Parts and whole of each text: rv_detect_standards = rv_engine_detect. */
static void
test_standards(void)
{
	static const char *texts[] = {
		"Sefer ha-ḥinukh : ʻim ḥidushim / Yosef Ḳlozner",
		"Tôledôt hay-Yehûdîm : Bêt Ḥanan = Beit Hanan",
		"Qiryat Shemona ; Ganne Tiqwa : Weber",
		"Geschichte der Juden / Ṿarshe : Ḥ. Bzshoza, 1939",
		"", "ʻ", "plain ascii only", "Ḳ : ô : q w : ś",
	};

	for (size_t t = 0; t < sizeof(texts) / sizeof(*texts); t++)
	{
		uint32_t   *cps;
		size_t		n;
		rv_span		spans[16];
		const rv_rules *part[16];
		int			ns;

		if (rv_decode_nfc(texts[t], strlen(texts[t]), &cps, &n, NULL) != RV_OK)
		{
			CHECK(!"decode");
			continue;
		}
		ns = rv_split_parts(cps, n, spans, 16);
		CHECK(rv_detect_standards(engine, cps, n, spans, ns, part) ==
			  rv_engine_detect(engine, cps, 0, n));
		for (int s = 0; s < ns; s++)
			CHECK(part[s] == rv_engine_detect(engine, cps, spans[s].start,
											  spans[s].end));
		rv_free(cps);
	}
}

static double
score(const rv_language *lang, const char *piece, int before_hyphen)
{
	return rv_language_cue_score(lang, piece, strlen(piece), before_hyphen);
}

/* The index answers as the scan in file order did. */
static void
test_cue_lookup(void)
{
	static const char rules[] = "standard x\nlanguage y\n"
		"cue ~oy:0.5 ~ey:0.25 oys:2 u:1.5 u-:-2 ha-:-2 ha:0.75 oys:9\n"
		"cue -ndike:1.5 -dike:1 -ung:2 -ungen:3 -n:0.5\n"
		"cue-lexicon 0.25 1.5 1\ncue-threshold 1.5\na * א\n";
	rv_rules   *r = NULL;
	char		err[RV_ERRLEN];

	CHECK(rv_rules_parse(rules, strlen(rules), "t.rules", &r, err) == RV_OK);
	if (r == NULL)
		return;
	CHECK(score(&r->lang, "oys", 0) == 2);	/* a word cue alone, first wins */
	CHECK(score(&r->lang, "u", 0) == 1.5);
	CHECK(score(&r->lang, "u", 1) == 1.5);	/* the word is listed first */
	CHECK(score(&r->lang, "ha", 1) == -2);	/* the prefix is listed first */
	CHECK(score(&r->lang, "ha", 0) == 0.75);
	CHECK(score(&r->lang, "oyfn", 0) == 1.0);	/* ~oy + -n */
	CHECK(score(&r->lang, "heyoyndike", 0) == 0.25 + 0.5 + 1.5);
	CHECK(score(&r->lang, "shtendike", 0) == 1.5);	/* first listed ending */
	CHECK(score(&r->lang, "dertseylungen", 0) == 0.25 + 3);
	CHECK(score(&r->lang, "ung", 0) == 0);	/* an ending needs a stem */
	CHECK(score(&r->lang, "sefer", 0) == 0);
	CHECK(r->lang.lexicon_from == 1.0f);
	rv_rules_free(r);
}

static void
test_lexicon_from(void)
{
	static const char no_from[] = "standard x\ncue-lexicon 0.25 1.5\na * א\n";
	static const char bad[] = "standard x\ncue-lexicon 0.25 1.5 1 2\na * א\n";
	rv_rules   *r = NULL;
	char		err[RV_ERRLEN];

	CHECK(rv_rules_parse(no_from, strlen(no_from), "t.rules", &r, err) == RV_OK);
	if (r)
		CHECK(r->lang.lexicon_from < -1000);	/* none: always weighed */
	rv_rules_free(r);
	r = NULL;
	CHECK(rv_rules_parse(bad, strlen(bad), "t.rules", &r, err) == RV_EFORMAT);
	CHECK(strncmp(err, "t.rules:2: ", 11) == 0);
}

/* Without a lexicon only the cues speak (rules/yiddish.rules). */
static void
test_names(void)
{
	static const struct
	{
		const char *text;
		const char *lang;
	}			cases[] = {
		{"Sholem Aleykhem", "yiddish"},	/* a YIVO given name + ~ey */
		{"Shalom Aleikhem", "hebrew"},
		{"Barash, Asher", "hebrew"},
		{"Ḥayim", "hebrew"},		/* marked Hebrew: no ḥ+ay cluster */
		{"In der heym", "yiddish"},	/* in, der: Hebrew's foreign words */
	};
	const char *lang;
	double		ev[4];
	char		err[RV_ERRLEN];

	for (size_t i = 0; i < sizeof(cases) / sizeof(*cases); i++)
	{
		CHECK(rv_detect_language_of(engine, cases[i].text,
									strlen(cases[i].text), &lang, ev,
									err) == RV_OK);
		check(strcmp(lang, cases[i].lang) == 0, cases[i].text, __LINE__);
	}
}

int
main(void)
{
	const char *dir = getenv("REVRIT_RULES");
	static const char *files[] = {"ala-lc", "din1982", "israeli", "prussian",
	"yiddish", "yiddish-hebrew"};
	enum
	{
	NFILES = sizeof(files) / sizeof(*files)};
	rv_rules   *rules[NFILES];
	char		path[512];
	char		err[RV_ERRLEN];

	if (dir == NULL || dir[0] == '\0')
		dir = "rules";
	for (int i = 0; i < NFILES; i++)
	{
		snprintf(path, sizeof(path), "%s/%s.rules", dir, files[i]);
		if (rv_rules_load(path, &rules[i], err) != RV_OK)
		{
			printf("FAIL: cannot load %s: %s\n0 passed, 1 failed\n", path, err);
			return 1;
		}
	}
	if (rv_engine_new((const rv_rules *const *) rules, NFILES, NULL, &engine,
					  err) != RV_OK)
	{
		printf("FAIL: engine: %s\n0 passed, 1 failed\n", err);
		return 1;
	}
	test_standards();
	test_cue_lookup();
	test_lexicon_from();
	test_names();
	rv_engine_free(engine);
	for (int i = 0; i < NFILES; i++)
		rv_rules_free(rules[i]);
	printf("%d passed, %d failed\n", npassed, nfailed);
	return nfailed != 0;
}
