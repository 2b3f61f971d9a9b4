/*
 * test_plain.c — the plain-script comparison (src/core/detect_plain.c):
 * parts without a cue of the Israeli system are not compared, parts with
 * one are, and the spellings made are kept for conversion and are the
 * ones a search of its own gives.  A small lexicon is built for the test.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "alloc.h"
#include "detect_plain.h"
#include "lexicon_build.h"
#include "utf8.h"
#include "unit.h"


static rv_engine *engine;
static rv_search *search;
static rv_plain_memo memo;

/* rv_detect_plain on the whole of text; fills memo. */
static const rv_rules *
detect(const char *text)
{
	uint32_t   *cps;
	size_t		n;
	char		err[RV_ERRLEN];
	rv_arena	arena;
	rv_spelling sp[1];
	const rv_rules *r;

	if (rv_decode_nfc(text, strlen(text), &cps, &n, err) != RV_OK)
		return NULL;
	rv_arena_init(&arena);
	r = rv_detect_plain(engine, cps, 0, n, search, &arena, sp, &memo);
	rv_arena_free(&arena);
	rv_free(cps);
	return r;
}

/* Is the memo's spelling of the word (folded as ASCII lower case) the one
 * rv_spell_word gives? */
static int
kept_as_searched(const rv_rules *r, const char *word, size_t start)
{
	const rv_spelling *kept = rv_plain_memo_find(&memo, r, start,
												 start + strlen(word));
	uint32_t	f[RV_MAX_WORD];
	int			n = 0;
	rv_arena	arena;
	rv_spelling sp[1];
	int			same;

	if (kept == NULL)
		return 0;
	for (const char *p = word; *p; p++)
		f[n++] = rv_rules_fold(r, rv_cp_lower((uint32_t) *p));
	rv_arena_init(&arena);
	same = rv_spell_word(search, r, engine->lexicon, f, n, 1, &arena, sp) == 1 &&
		sp[0].nsym == kept->nsym && sp[0].score == kept->score &&
		memcmp(sp[0].sym, kept->sym, (size_t) kept->nsym) == 0;
	rv_arena_free(&arena);
	return same;
}

static void
test_plain(const rv_rules *ala, const rv_rules *israeli)
{
	/* no cue of the Israeli system: not compared, nothing spelled */
	CHECK(detect("Sefer shirim") == NULL);
	CHECK(memo.nwords == 0);
	/* h (ח in the Israeli system): compared, both readings kept (they
	 * agree here, so the default stays) */
	CHECK(detect("Holon") == NULL);
	CHECK(kept_as_searched(ala, "holon", 0));
	CHECK(kept_as_searched(israeli, "holon", 0));
	/* q: compared; the generic word Qiryat is read from the rule file's
	 * word list, not searched; Ono (a vowel at its start) searched by both */
	detect("Qiryat Ono");
	CHECK(memo.nwords == 3);
	CHECK(rv_plain_memo_find(&memo, israeli, 0, 6) == NULL);
	CHECK(kept_as_searched(ala, "ono", 7));
	CHECK(kept_as_searched(israeli, "ono", 7));
	/* beside only weak cues (h), a word without a cue is taken as read
	 * alike: only ALA-LC spells it */
	detect("Holon sefer");
	CHECK(kept_as_searched(ala, "sefer", 6));
	CHECK(rv_plain_memo_find(&memo, israeli, 6, 11) == NULL);
	/* but a part with a strong cue (q) is read all the Israeli way */
	detect("Qiryat sefer");
	CHECK(kept_as_searched(israeli, "sefer", 7));
	/* an earlier part's spellings do not stay */
	CHECK(detect("Sefer shirim") == NULL && memo.nwords == 0);
}

int
main(void)
{
	const char *dir = getenv("REVRIT_RULES");
	char		tmp[] = "/tmp/revrit-plain-XXXXXX";
	char		words[64],
				lexpath[64],
				path[512],
				err[RV_ERRLEN];
	rv_rules   *rules[2] = {NULL, NULL};
	rv_lexicon *lex = NULL;
	FILE	   *f;

	if (dir == NULL || dir[0] == '\0')
		dir = "rules";
	if (mkdtemp(tmp) == NULL)
	{
		printf("FAIL: mkdtemp\n0 passed, 1 failed\n");
		return 1;
	}
	snprintf(words, sizeof(words), "%s/words.txt", tmp);
	snprintf(lexpath, sizeof(lexpath), "%s/t.rvlex", tmp);
	f = fopen(words, "w");
	if (f)
	{
		fputs("חולון\nקריית\nאונו\nספר\nשירים\n", f);
		fclose(f);
	}
	snprintf(path, sizeof(path), "%s/ala-lc.rules", dir);
	if (f == NULL || rv_rules_load(path, &rules[0], err) != RV_OK ||
		(snprintf(path, sizeof(path), "%s/israeli.rules", dir),
		 rv_rules_load(path, &rules[1], err)) != RV_OK ||
		rv_lexicon_build(words, NULL, lexpath, err) != RV_OK ||
		rv_lexicon_open(lexpath, &lex, err) != RV_OK ||
		rv_engine_new((const rv_rules *const *) rules, 2, lex, &engine,
					  err) != RV_OK ||
		(search = rv_search_new()) == NULL)
	{
		printf("FAIL: set-up: %s\n0 passed, 1 failed\n", err);
		return 1;
	}
	test_plain(rules[0], rules[1]);
	rv_search_free(search);
	rv_engine_free(engine);
	rv_lexicon_close(lex);
	rv_rules_free(rules[0]);
	rv_rules_free(rules[1]);
	unlink(words);
	unlink(lexpath);
	rmdir(tmp);
	printf("%d passed, %d failed\n", npassed, nfailed);
	return nfailed != 0;
}
