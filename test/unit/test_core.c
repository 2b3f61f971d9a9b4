/*
 * test_core.c — unit tests of the public core API (revrit.h) with the
 * ALA-LC rule file and no lexicon, so every expected string is decided by
 * the rules alone and does not depend on hunspell.
 *
 * Covers: exact conversions (prefix chains, final forms, maqaf), text kept
 * in place around the romanized words, Unicode folding (decomposed input,
 * apostrophe look-alikes, case), error statuses and messages, ranked
 * candidates and their score components, rule-file syntax errors, the
 * allocator contract (no leaks; every allocation failure reported as
 * RV_ENOMEM), the interrupt callback, and a longjmp out of it.
 *
 * The rule file is rules/ala-lc.rules relative to the working directory
 * ("make unit" runs from the repository root), or $REVRIT_RULES_DIR, or
 * $REVRIT_RULES (a directory, as "make unit" sets it).
 *
 * test_regressions() keeps the bugs that were fixed (crashes, hangs,
 * wrong results) from coming back.  Known wrong results that are not
 * fixed yet live in test/known_failures.tsv (scripts/test-known-failures.sh),
 * which reports them without failing.
 *
 * Plain C, no framework: prints one line per failure and a final
 * "N passed, M failed"; exits nonzero if anything failed.
 */
#include <math.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include "revrit.h"
#include "unit.h"


/* ---- a counting allocator that can be told to fail ----------------------
 *
 * Every block carries a header so that the allocator can also verify that
 * the library frees only what it allocated, and (for the longjmp test)
 * release everything still live, as a host's memory context reset would.
 */

typedef struct block
{
	struct block *prev,
			   *next;
	size_t		size;
	uint64_t	magic;
	long		seq;			/* allocation order */
} block;

#define BLOCK_MAGIC UINT64_C(0x5245565249544d4d)
#define HDR ((sizeof(block) + 15) & ~(size_t) 15)

static block live_head = {&live_head, &live_head, 0, 0, 0};
static long next_seq;
static long live_blocks;		/* allocated and not yet freed */
static long nallocs;			/* alloc + realloc calls since reset */
static long fail_after = -1;	/* fail every call once nallocs reaches it */
static int	fail_once;			/* ... or only that one call */
static long nfailures;			/* failures injected */
static long bad_frees;			/* free/realloc of a foreign pointer */

static void
link_block(block *b)
{
	b->magic = BLOCK_MAGIC;
	b->seq = next_seq++;
	b->next = live_head.next;
	b->prev = &live_head;
	live_head.next->prev = b;
	live_head.next = b;
}

static void
unlink_block(block *b)
{
	b->prev->next = b->next;
	b->next->prev = b->prev;
	b->magic = 0;
}

static int
should_fail(void)
{
	if (fail_after >= 0 && (fail_once ? nallocs++ == fail_after :
							nallocs++ >= fail_after))
	{
		nfailures++;
		return 1;
	}
	if (fail_after < 0)
		nallocs++;
	return 0;
}

static void *
t_alloc(size_t size, void *ctx)
{
	block	   *b;

	(void) ctx;
	if (should_fail())
		return NULL;
	b = malloc(HDR + size);
	if (b == NULL)
		return NULL;
	b->size = size;
	link_block(b);
	live_blocks++;
	return (char *) b + HDR;
}

static void *
t_realloc(void *ptr, size_t size, void *ctx)
{
	block	   *b,
			   *nb;

	(void) ctx;
	if (ptr == NULL)
		return t_alloc(size, ctx);
	b = (block *) ((char *) ptr - HDR);
	if (b->magic != BLOCK_MAGIC)
	{
		bad_frees++;
		return NULL;
	}
	if (should_fail())
		return NULL;
	unlink_block(b);
	nb = realloc(b, HDR + size);
	if (nb == NULL)
	{
		link_block(b);
		return NULL;
	}
	nb->size = size;
	link_block(nb);
	return (char *) nb + HDR;
}

static void
t_free(void *ptr, void *ctx)
{
	block	   *b;

	(void) ctx;
	if (ptr == NULL)
		return;
	b = (block *) ((char *) ptr - HDR);
	if (b->magic != BLOCK_MAGIC)
	{
		bad_frees++;
		return;
	}
	unlink_block(b);
	live_blocks--;
	free(b);
}

/* Free every live block allocated since mark: what a host's memory
 * context reset does.  (Newest blocks are at the head of the list.) */
static void
reset_context(long mark)
{
	while (live_head.next != &live_head && live_head.next->seq >= mark)
	{
		block	   *b = live_head.next;

		unlink_block(b);
		live_blocks--;
		free(b);
	}
}

static const rv_allocator tracking = {t_alloc, t_realloc, t_free, NULL};

/* ---- the engine under test ------------------------------------------------ */

static char rules_path[1024];
static rv_rules *alalc;
static rv_engine *engine;

static void
find_rules(void)
{
	const char *dir = getenv("REVRIT_RULES_DIR");

	if (dir == NULL || dir[0] == '\0')
		dir = getenv("REVRIT_RULES");
	if (dir == NULL || dir[0] == '\0')
		dir = "rules";
	snprintf(rules_path, sizeof(rules_path), "%s/ala-lc.rules", dir);
}

/* Convert with options; returns the status, *out is malloc'ed (or NULL). */
static rv_status
conv_opt(const rv_engine *e, const char *text, size_t len,
		 const rv_options *opt, char **out, size_t *outlen, char *err)
{
	char	   *res = NULL;
	size_t		rlen = 0;
	rv_status	st = rv_convert(e, text, len, opt, &res, &rlen, err);

	*out = NULL;
	if (st == RV_OK)
	{
		*out = malloc(rlen + 1);
		memcpy(*out, res, rlen + 1);
		if (outlen)
			*outlen = rlen;
		rv_free(res);
	}
	return st;
}

/* convert(in) == want with the given options */
static void
expect_opt(const char *in, const rv_options *opt, const char *want, int line)
{
	char		err[RV_ERRLEN] = "";
	char	   *out;
	size_t		len = 0;
	rv_status	st = conv_opt(engine, in, strlen(in), opt, &out, &len, err);

	if (st != RV_OK)
	{
		check(0, in, line);
		printf("  status %s: %s\n", rv_status_text(st), err);
		return;
	}
	check(len == strlen(want) && strcmp(out, want) == 0, in, line);
	if (strcmp(out, want) != 0)
		printf("  in:   %s\n  want: %s\n  got:  %s\n", in, want, out);
	free(out);
}

#define EXPECT(in, want) expect_opt((in), NULL, (want), __LINE__)

static void
expect_hyphen(const char *in, rv_hyphen h, const char *want, int line)
{
	rv_options	opt;

	rv_options_init(&opt);
	opt.hyphen = h;
	expect_opt(in, &opt, want, line);
}

/* conversion returns status want (and a message) */
static void
expect_status(const char *in, size_t len, rv_status want, const char *msg,
			  int line)
{
	char		err[RV_ERRLEN] = "";
	char	   *out = (char *) 1;
	size_t		outlen = 12345;
	rv_status	st = rv_convert(engine, in, len, NULL, &out, &outlen, err);

	check(st == want, rv_status_text(want), line);
	if (st != want)
		printf("  got %s (%s)\n", rv_status_text(st), err);
	if (st == RV_OK)
		rv_free(out);
	check(err[0] != '\0', "an error message is set", line);
	if (msg)
	{
		check(strstr(err, msg) != NULL, msg, line);
		if (strstr(err, msg) == NULL)
			printf("  got message: %s\n", err);
	}
}

/* ---- exact conversions ------------------------------------------------------ */

static void
test_words(void)
{
	EXPECT("Sefer ha-ḥinukh", "ספר החינוך");
	EXPECT("Biḳoret u-parshanut", "ביקורת ופרשנות");
	EXPECT("Universiṭat Bar-Ilan", "אוניברסיטת בר־אילן");
	expect_hyphen("Universiṭat Bar-Ilan", RV_HYPHEN_MAQAF,
				  "אוניברסיטת בר־אילן", __LINE__);
	expect_hyphen("Universiṭat Bar-Ilan", RV_HYPHEN_ASCII,
				  "אוניברסיטת בר-אילן", __LINE__);
	/* U+2010 and U+2011 hyphens are compound hyphens too */
	EXPECT("Bar\xe2\x80\x90Ilan", "בר־אילן");
	EXPECT("Bar\xe2\x80\x91Ilan", "בר־אילן");
	expect_hyphen("Bar\xe2\x80\x90Ilan", RV_HYPHEN_ASCII, "בר-אילן", __LINE__);
	EXPECT("Tel-Aviv", "תל־אביב");
	EXPECT("sefer", "ספר");
	EXPECT("Maḥshevet Yiśraʾel", "מחשבת ישראל");
	EXPECT("ḳibuts", "קיבוץ");
}

/* years and geresh options (revrit.h) */
static void
test_year_options(void)
{
	rv_options	opt;

	EXPECT("708 [1948]", "תש״ח [1948]");
	rv_options_init(&opt);
	opt.years = RV_YEARS_KEEP;
	expect_opt("708 [1948]", &opt, "708 [1948]", __LINE__);
	rv_options_init(&opt);
	opt.marks = RV_MARKS_ASCII;
	expect_opt("708 [1948]", &opt, "תש\"ח [1948]", __LINE__);
	/* without the Gregorian year a number stays a number */
	EXPECT("708 sefer", "708 ספר");
	/* lower-case letters with periods are a Hebrew abbreviation; the
	 * cataloguer's Latin ones stay; capitals are initials */
	EXPECT("Shalom ʻa. sh. Ṿaitsman", "שלום ע״ש ויצמן");
	EXPECT("z. l.", "ז״ל");
	EXPECT("[s.l. : s.n.]", "[s.l. : s.n.]");
	EXPECT("A. B. Yehudah", "א. ב. יהודה");
	/* ha- before a number makes an ordinal; u-ve- chains prefixes */
	EXPECT("ba-meʼah ha-16", "במאה הט״ז");
	EXPECT("u-ve-Yerushalayim", "ובירושלים");
	EXPECT("melekh-ha-melekh", "מלך־המלך");
	EXPECT("1948", "1948");
}

static void
test_finals(void)
{
	EXPECT("shalom", "שלום");	/* ם */
	EXPECT("melekh", "מלך");	/* ך */
	EXPECT("Erets", "ארץ");		/* ץ */
	EXPECT("ʿets", "עץ");
	EXPECT("ha-ḥinukh", "החינוך");
	/* a final form at the end of each part of a compound */
	EXPECT("melekh-Erets", "מלך־ארץ");
	EXPECT("kelim", "כלים");
	EXPECT("sefer shalom melekh", "ספר שלום מלך");
}

static void
test_prefixes(void)
{
	EXPECT("ha-sefer", "הספר");
	EXPECT("ṿeha-sefer", "והספר");
	EXPECT("ve-ha-sefer", "והספר");
	EXPECT("uve-Yerushalayim", "ובירושלים");
	EXPECT("uve-vet", "ובבת");	/* ve after another prefix is ב */
	EXPECT("ule-ḥinukh", "ולחינוך");
	EXPECT("she-be-yadenu", "שבידנו");
	EXPECT("mi-Yerushalayim", "מירושלים");
	EXPECT("ke-ḥol", "כחול");
	EXPECT("ṾEHA-SEFER", "והספר");
	/* a prefix before a quotation mark joins what follows */
	EXPECT("be-\"Tsiyon\"", "ב\"ציון\"");
	/* a word that is not a prefix keeps its hyphen (as a maqaf) */
	EXPECT("Bar-Ilan ha-sefer", "בר־אילן הספר");
}

static void
test_kept_in_place(void)
{
	/* ISBD separators, digits, brackets, parentheses */
	EXPECT("Sefer ha-ḥinukh : meḥḳarim / ʻorekh Yosef ; [tirgem] 1999. - 2 k.",
		   "ספר החינוך : מחקרים / עורך יוסף ; [תרגם] 1999. - 2 כ.");
	EXPECT("(ha-Sifriyah ha-Leʾumit)", "(הספריה הלאומית)");
	EXPECT("Sefer, sefer; sefer.", "ספר, ספר; ספר.");
	EXPECT("«sefer» \"sefer\" 'sefer'", "«ספר» \"ספר\" 'ספר'");
	EXPECT("sefer—ha-sefer", "ספר—הספר");
	EXPECT("1990-2000", "1990-2000");
	EXPECT("[1-3] (4) {5} <6>", "[1-3] (4) {5} <6>");
	/* emoji (4-byte UTF-8), Hebrew, other scripts */
	EXPECT("sefer 😀 shalom", "ספר 😀 שלום");
	EXPECT("😀sefer😀", "😀ספר😀");
	EXPECT("ספר sefer ספר", "ספר ספר ספר");
	EXPECT("Книга sefer 書", "Книга ספר 書");
	/* whitespace and control characters */
	EXPECT("sefer\tshalom\nmelekh\r\n", "ספר\tשלום\nמלך\r\n");
	EXPECT("\x01sefer\x7f", "\x01ספר\x7f");
	EXPECT("  sefer  ", "  ספר  ");
	EXPECT("sefer\xc2\xa0shalom", "ספר\xc2\xa0שלום");	/* no-break space */
	{
		/* an embedded NUL is a character like any other */
		static const char in[] = "sefer\0shalom";
		static const char want[] = "ספר\0שלום";
		char	   *out;
		size_t		len = 0;
		char		err[RV_ERRLEN];

		CHECK(conv_opt(engine, in, sizeof(in) - 1, NULL, &out, &len, err) == RV_OK);
		CHECK(out && len == sizeof(want) - 1 && memcmp(out, want, len) == 0);
		free(out);
	}
	/* pure punctuation and digits come back unchanged */
	EXPECT("0123456789 !\"#$%&()*+,-./:;<=>?@[\\]^_{}~",
		   "0123456789 !\"#$%&()*+,-./:;<=>?@[\\]^_{}~");
	EXPECT(" - -- --- ", " - -- --- ");
}

static void
test_unicode_folding(void)
{
	/* decomposed k + U+0323 is the precomposed ḳ */
	EXPECT("k\xcc\xa3ibuts", "קיבוץ");
	EXPECT("Bik\xcc\xa3oret", "ביקורת");
	EXPECT("h\xcc\xa3inukh", "חינוך");
	EXPECT("K\xcc\xa3ibuts", "קיבוץ");	/* Ḳ decomposed */
	/* alef: ʼ U+02BC, ʾ U+02BE, ' and ’ U+2019 */
	EXPECT("ʼerets", "ארץ");
	EXPECT("ʾerets", "ארץ");
	EXPECT("'erets", "ארץ");
	EXPECT("’erets", "ארץ");
	EXPECT("Leʼumit", "לאומית");
	EXPECT("Leʾumit", "לאומית");
	EXPECT("Le'umit", "לאומית");
	EXPECT("Le’umit", "לאומית");
	/* ayin: ʻ U+02BB, ʿ U+02BF, ‘ U+2018 */
	EXPECT("ʻam", "עם");
	EXPECT("ʿam", "עם");
	EXPECT("‘am", "עם");
	EXPECT("ʻorekh", "עורך");
	/* case */
	EXPECT("SHALOM", "שלום");
	EXPECT("Shalom", "שלום");
	EXPECT("sHaLoM", "שלום");
	EXPECT("ḤINUKH", "חינוך");
	EXPECT("ḲIBUTS", "קיבוץ");
}

/* Character classes come from ICU: which dashes join a word, what is
 * Hebrew script. */
static void
test_unicode_classes(void)
{
	EXPECT("Bar\u2011Ilan", "בר־אילן");	/* non-breaking hyphen */
	EXPECT("Bar\u2010Ilan", "בר־אילן");	/* hyphen */
	EXPECT("Bar\uFF0DIlan", "בר־אילן");	/* fullwidth hyphen-minus */
	EXPECT("shalom\u2013sefer", "שלום\u2013ספר");	/* en dash separates */
	EXPECT("shalom\u2014sefer", "שלום\u2014ספר");	/* em dash separates */
	EXPECT("sefer \uFB20 shalom", "ספר \uFB20 שלום");	/* Hebrew form kept */
}

static void
test_foreign_and_empty(void)
{
	EXPECT("the", "the");
	EXPECT("und", "und");
	EXPECT("The", "The");
	EXPECT("Sefer ha-ḥinukh = the and of für",
		   "ספר החינוך = the and of für");
	EXPECT("ḥinukh und sefer", "חינוך und ספר");
	/* a part without romanization marks, in another language, stays */
	EXPECT("Sefer ha-ḥinukh : the book of education",
		   "ספר החינוך : the book of education");
	EXPECT("", "");
	/* words with letters the standard lacks stay as written */
	EXPECT("Cohen", "Cohen");
	/* a word longer than 64 letters is not romanized Hebrew */
	{
		char		longw[200];

		memset(longw, 'a', 70);
		memcpy(longw, "sh", 2);
		longw[70] = '\0';
		EXPECT(longw, longw);
	}
}

/* ---- errors -------------------------------------------------------------------- */

static void
test_errors(void)
{
	char		err[RV_ERRLEN];
	char	   *big;
	rv_options	opt;
	char	   *out = NULL;
	size_t		len;
	rv_engine  *e2 = (rv_engine *) 1;

	expect_status("sef\xff" "er", 6, RV_EUNICODE, "not valid UTF-8", __LINE__);
	expect_status("sefer \xd7", 7, RV_EUNICODE, NULL, __LINE__);	/* truncated */
	expect_status("\xc0\xaf", 2, RV_EUNICODE, NULL, __LINE__);	/* overlong */
	expect_status("\xe0\x80\xaf", 3, RV_EUNICODE, NULL, __LINE__); /* overlong */
	expect_status("\xed\xa0\x80", 3, RV_EUNICODE, NULL, __LINE__); /* surrogate */
	expect_status("\xf4\x90\x80\x80", 4, RV_EUNICODE, NULL, __LINE__);	/* > U+10FFFF */
	expect_status("\x80", 1, RV_EUNICODE, NULL, __LINE__);	/* lone continuation */
	expect_status("\xfe\xff", 2, RV_EUNICODE, NULL, __LINE__);

	big = malloc(RV_MAX_INPUT_BYTES + 2);
	memset(big, 'a', RV_MAX_INPUT_BYTES + 1);
	big[RV_MAX_INPUT_BYTES + 1] = '\0';
	expect_status(big, RV_MAX_INPUT_BYTES + 1, RV_ETOOLONG, "exceeds the limit",
				  __LINE__);
	/* ETOOLONG is decided before the bytes are decoded */
	big[10] = '\xff';
	expect_status(big, RV_MAX_INPUT_BYTES + 1, RV_ETOOLONG, NULL, __LINE__);
	free(big);

	/* unknown standard: EINVAL with the valid names listed */
	rv_options_init(&opt);
	opt.standard = "no-such-standard";
	err[0] = '\0';
	CHECK(rv_convert(engine, "sefer", 5, &opt, &out, &len, err) == RV_EINVAL);
	CHECK(strstr(err, "no-such-standard") != NULL);
	CHECK(strstr(err, "ala-lc") != NULL);
	err[0] = '\0';
	CHECK(rv_candidates(engine, "sefer", 5, 3, &opt, NULL, NULL, err) == RV_EINVAL);
	CHECK(strstr(err, "ala-lc") != NULL);
	/* the named standard and the default */
	opt.standard = "ala-lc";
	expect_opt("sefer", &opt, "ספר", __LINE__);
	opt.standard = NULL;
	expect_opt("sefer", &opt, "ספר", __LINE__);

	/* n <= 0 */
	err[0] = '\0';
	CHECK(rv_candidates(engine, "sefer", 5, 0, NULL, NULL, NULL, err) == RV_EINVAL);
	CHECK(err[0] != '\0');
	CHECK(rv_candidates(engine, "sefer", 5, -1, NULL, NULL, NULL, err) == RV_EINVAL);
	/* engine with no standards */
	CHECK(rv_engine_new(NULL, 0, NULL, &e2, err) == RV_EINVAL);
	CHECK(strstr(err, "standards") != NULL);

	/* a missing rule file */
	{
		rv_rules   *r = (rv_rules *) 1;

		CHECK(rv_rules_load("/nonexistent/dir/x.rules", &r, err) == RV_EIO);
		CHECK(strstr(err, "/nonexistent/dir/x.rules") != NULL);
	}

	/* status texts */
	CHECK(strcmp(rv_status_text(RV_OK), "ok") == 0);
	CHECK(strcmp(rv_status_text(RV_EUNICODE), "invalid UTF-8") == 0);
	CHECK(strcmp(rv_status_text((rv_status) 999), "unknown status") == 0);
	/* NULL err is allowed */
	CHECK(rv_convert(engine, "\xff", 1, NULL, &out, &len, NULL) == RV_EUNICODE);
}

/* ---- candidates ------------------------------------------------------------------ */

#define MAXC 64

typedef struct collected
{
	int			n;
	int			stop_after;		/* 0 = never stop */
	int			word[MAXC],
				rank[MAXC],
				in_lex[MAXC];
	char		roman[MAXC][128],
				hebrew[MAXC][128];
	double		score[MAXC],
				rule[MAXC],
				chr[MAXC],
				bonus[MAXC];
} collected;

static int
collect(const rv_candidate *c, void *arg)
{
	collected  *col = arg;

	if (col->n < MAXC)
	{
		int			i = col->n;

		col->word[i] = c->word;
		col->rank[i] = c->rank;
		col->in_lex[i] = c->in_lexicon;
		snprintf(col->roman[i], sizeof(col->roman[i]), "%s", c->roman);
		snprintf(col->hebrew[i], sizeof(col->hebrew[i]), "%s", c->hebrew);
		col->score[i] = c->score;
		col->rule[i] = c->rule_cost;
		col->chr[i] = c->char_cost;
		col->bonus[i] = c->lexicon_bonus;
	}
	col->n++;
	return col->stop_after && col->n >= col->stop_after;
}

static void
test_candidates(void)
{
	collected	col;
	char		err[RV_ERRLEN];
	int			i,
				j;
	/* "the" and "1999" are not reported; words are counted in text order */
	const char *text = "Sefer the ha-ḥinukh, 1999 ʻam";

	memset(&col, 0, sizeof(col));
	CHECK(rv_candidates(engine, text, strlen(text), 3, NULL, collect, &col, err) == RV_OK);
	CHECK(col.n == 9);
	for (i = 0; i < col.n && i < MAXC; i++)
	{
		/* score = rule_cost + 0.1 char_cost - lexicon_bonus (lattice.c);
		 * without a lexicon the last two are 0 */
		CHECK(fabs(col.score[i] - (col.rule[i] + 0.1 * col.chr[i] - col.bonus[i])) < 1e-4);
		CHECK(col.chr[i] == 0 && col.bonus[i] == 0 && col.in_lex[i] == 0);
		CHECK(col.rule[i] >= 0);
		CHECK(col.rank[i] == i % 3 + 1);
		if (i % 3)
		{
			CHECK(col.word[i] == col.word[i - 1]);
			CHECK(strcmp(col.roman[i], col.roman[i - 1]) == 0);
			CHECK(col.score[i] >= col.score[i - 1]);	/* best first */
		}
		for (j = i - i % 3; j < i; j++)
			CHECK(strcmp(col.hebrew[i], col.hebrew[j]) != 0);	/* distinct */
	}
	CHECK(col.word[0] == 1 && strcmp(col.roman[0], "Sefer") == 0);
	CHECK(strcmp(col.hebrew[0], "ספר") == 0 && col.score[0] == 0);
	/* "the" is word 2 but not reported */
	CHECK(col.word[3] == 3 && strcmp(col.roman[3], "ha-ḥinukh") == 0);
	CHECK(strcmp(col.hebrew[3], "החינוך") == 0);
	CHECK(col.word[6] == 4 && strcmp(col.roman[6], "ʻam") == 0);
	CHECK(strcmp(col.hebrew[6], "עם") == 0);
	CHECK(strcmp(col.hebrew[7], "אם") == 0 && fabs(col.score[7] - 3) < 1e-6);

	/* a compound: one word per part, the maqaf is not part of either */
	memset(&col, 0, sizeof(col));
	CHECK(rv_candidates(engine, "Bar-Ilan", 8, 1, NULL, collect, &col, err) == RV_OK);
	CHECK(col.n == 2);
	CHECK(strcmp(col.roman[0], "Bar") == 0 && strcmp(col.hebrew[0], "בר") == 0);
	CHECK(strcmp(col.roman[1], "Ilan") == 0 && strcmp(col.hebrew[1], "אילן") == 0);
	CHECK(col.word[0] == 1 && col.word[1] == 2);

	/* n = 1 agrees with rv_convert, word by word */
	{
		const char *t = "Biḳoret u-parshanut shalom melekh";

		memset(&col, 0, sizeof(col));
		CHECK(rv_candidates(engine, t, strlen(t), 1, NULL, collect, &col, err) == RV_OK);
		CHECK(col.n == 4);
		CHECK(strcmp(col.hebrew[0], "ביקורת") == 0);
		CHECK(strcmp(col.hebrew[1], "ופרשנות") == 0);
		CHECK(strcmp(col.hebrew[2], "שלום") == 0);
		CHECK(strcmp(col.hebrew[3], "מלך") == 0);
		for (i = 0; i < 4; i++)
			CHECK(col.rank[i] == 1 && col.word[i] == i + 1);
	}

	/* a large n: as many as exist, still distinct and sorted */
	memset(&col, 0, sizeof(col));
	CHECK(rv_candidates(engine, "am", 2, 50, NULL, collect, &col, err) == RV_OK);
	CHECK(col.n >= 2 && col.n <= 50);
	for (i = 1; i < col.n && i < MAXC; i++)
	{
		CHECK(col.score[i] >= col.score[i - 1]);
		CHECK(col.rank[i] == i + 1);
		for (j = 0; j < i; j++)
			CHECK(strcmp(col.hebrew[i], col.hebrew[j]) != 0);
	}

	/* the callback stops the enumeration */
	memset(&col, 0, sizeof(col));
	col.stop_after = 2;
	CHECK(rv_candidates(engine, text, strlen(text), 3, NULL, collect, &col, err) == RV_OK);
	CHECK(col.n == 2);

	/* nothing to report */
	memset(&col, 0, sizeof(col));
	CHECK(rv_candidates(engine, "the 1999 ...", 12, 3, NULL, collect, &col, err) == RV_OK);
	CHECK(col.n == 0);
	CHECK(rv_candidates(engine, "", 0, 3, NULL, collect, &col, err) == RV_OK);
	CHECK(col.n == 0);
	CHECK(rv_candidates(engine, "\xff", 1, 3, NULL, collect, &col, err) == RV_EUNICODE);
	CHECK(col.n == 0);
}

/* ---- two standards in one engine ------------------------------------------------ */

static const char mini_rules[] =
	"# a toy standard\n"
	"standard toy\n"
	"description a toy standard for tests\n"
	"consonants b s\n"
	"vowels a\n"
	"b * ב\n"
	"s * ס  ש:1\n"
	"a * -  א:2\n"
	"a ^ א\n";

static void
test_two_standards(void)
{
	rv_rules   *toy = NULL;
	rv_engine  *e = NULL;
	const rv_rules *both[2];
	char		err[RV_ERRLEN];
	rv_options	opt;
	char	   *out = NULL;
	size_t		len;

	CHECK(rv_rules_parse(mini_rules, sizeof(mini_rules) - 1, "toy.rules", &toy, err) == RV_OK);
	if (toy == NULL)
		return;
	CHECK(strcmp(rv_rules_name(toy), "toy") == 0);
	CHECK(strcmp(rv_rules_name(alalc), "ala-lc") == 0);
	both[0] = alalc;
	both[1] = toy;
	CHECK(rv_engine_new(both, 2, NULL, &e, err) == RV_OK);
	rv_options_init(&opt);
	opt.standard = "toy";
	CHECK(rv_convert(e, "basab sefer", 11, &opt, &out, &len, err) == RV_OK);
	/* sefer has letters the toy standard lacks: kept */
	CHECK(out && strcmp(out, "בסב sefer") == 0);
	rv_free(out);
	opt.standard = "ala-lc";
	CHECK(rv_convert(e, "sefer", 5, &opt, &out, &len, err) == RV_OK);
	CHECK(out && strcmp(out, "ספר") == 0);
	rv_free(out);
	opt.standard = "neither";
	CHECK(rv_convert(e, "sefer", 5, &opt, &out, &len, err) == RV_EINVAL);
	CHECK(strstr(err, "ala-lc") != NULL && strstr(err, "toy") != NULL);
	rv_engine_free(e);
	rv_rules_free(toy);
}

/* ---- rule-file syntax errors ---------------------------------------------------- */

static void
expect_bad_rules(const char *text, const char *name, const char *where,
				 const char *reason, int line)
{
	rv_rules   *r = (rv_rules *) 1;
	char		err[RV_ERRLEN] = "";
	rv_status	st = rv_rules_parse(text, strlen(text), name, &r, err);

	check(st == RV_EFORMAT, where, line);
	check(strncmp(err, where, strlen(where)) == 0, where, line);
	check(strstr(err, reason) != NULL, reason, line);
	if (st != RV_EFORMAT || strncmp(err, where, strlen(where)) != 0 ||
		strstr(err, reason) == NULL)
		printf("  got %s: %s\n", rv_status_text(st), err);
	if (st == RV_OK)
		rv_rules_free(r);
}

#define BAD_RULES(text, where, reason) \
	expect_bad_rules((text), "bad.rules", (where), (reason), __LINE__)

static void
test_rule_errors(void)
{
	BAD_RULES("standard x\nb * ב\nsh ~ ש\n", "bad.rules:3:", "unknown position");
	BAD_RULES("standard x\nb * b\n", "bad.rules:2:", "not Hebrew");
	BAD_RULES("standard x\n\n# comment\nb * בx\n", "bad.rules:4:", "not Hebrew");
	BAD_RULES("b * ב\n", "bad.rules:1:", "missing \"standard NAME\"");
	BAD_RULES("# only comments\n\nb * ב\nd * ד\n", "bad.rules:4:", "standard");
	BAD_RULES("standard x\nb * ב:abc\n", "bad.rules:2:", "bad weight");
	BAD_RULES("standard x\nb * ב:-1\n", "bad.rules:2:", "bad weight");
	BAD_RULES("standard x\nb/CX * ב\n", "bad.rules:2:", "look-ahead");
	BAD_RULES("standard x\nb/CCCCC * ב\n", "bad.rules:2:", "look-ahead too long");
	BAD_RULES("standard x\nb *\n", "bad.rules:2:", "needs a position");
	BAD_RULES("standard x\nabcdefghij * ב\n", "bad.rules:2:", "bad token");
	BAD_RULES("standard x\nb * ב\nprefix ha\n", "bad.rules:3:", "prefix");
	BAD_RULES("standard x\nb * ב\nprefix ha h\n", "bad.rules:3:", "not Hebrew");
	BAD_RULES("standard x\nb * ב\nmap ab c\n", "bad.rules:3:", "map");
	BAD_RULES("standard x\nconsonants b cd\nb * ב\n", "bad.rules:2:", "one character");
	BAD_RULES("standard x\ndigraphs s\nb * ב\n", "bad.rules:2:", "two or more");
	BAD_RULES("standard\nb * ב\n", "bad.rules:1:", "standard NAME");
	BAD_RULES("standard x\n", "bad.rules:1:", "no token rules");
	BAD_RULES("standard x\nb * ב\nb * \xff\n", "bad.rules:3:", "not Hebrew");
	/* without a name the message still says where */
	{
		rv_rules   *r;
		char		err[RV_ERRLEN] = "";

		CHECK(rv_rules_parse("b * q\n", 6, NULL, &r, err) == RV_EFORMAT);
		CHECK(strstr(err, ":1:") != NULL);
	}
	/* a good minimal file, CRLF line ends and a trailing comment */
	{
		rv_rules   *r = NULL;
		char		err[RV_ERRLEN] = "";
		static const char ok[] = "standard x\r\nb * ב # beth\r\n";

		CHECK(rv_rules_parse(ok, sizeof(ok) - 1, "ok.rules", &r, err) == RV_OK);
		if (r)
			CHECK(strcmp(rv_rules_name(r), "x") == 0);
		rv_rules_free(r);
	}
	/* every weight is a number from 0 to 1000000 and nothing else */
	BAD_RULES("standard x\nb * ב\ndouble-consonant-penalty abc\n", "bad.rules:3:", "weight");
	BAD_RULES("standard x\nb * ב\ndigraph-split-penalty -2\n", "bad.rules:3:", "weight");
	BAD_RULES("standard x\nb * ב:\n", "bad.rules:2:", "bad weight");
	BAD_RULES("standard x\nb * ב:nan\n", "bad.rules:2:", "bad weight");
	BAD_RULES("standard x\nb * ב:inf\n", "bad.rules:2:", "bad weight");
	BAD_RULES("standard x\nb * ב:1e7\n", "bad.rules:2:", "bad weight");
	BAD_RULES("standard x\nb * ב:1x\n", "bad.rules:2:", "bad weight");
	BAD_RULES("standard x\nb * ב\nprefix ha ה ה :1\n", "bad.rules:3:", "prefix FORM");
	BAD_RULES("standard x\nb * ב\nmarkers q:2,5\n", "bad.rules:3:", "bad weight");
	BAD_RULES("standard x\nb * ב\nlexicon-bonus 1e400\n", "bad.rules:3:", "bad weight");
}

/* ---- costs for text without marks, options only a lexicon may vouch for --------- */

static const char plain_rules[] =
	"standard plain\n"
	"consonants h ḥ v\n"
	"vowels a\n"
	"acronym-penalty 1\n"
	"h * ה ח:4/0.5\n"
	"ḥ * ח\n"
	"v * ב ו:-/0.2\n"
	"a * - (א):1\n";

/* The Hebrew candidates of a text, ranks joined by "|". */
static void
candidates_of(rv_engine *e, const char *text, int n, char *out, size_t size)
{
	collected	col;
	char		err[RV_ERRLEN];
	size_t		used = 0;

	memset(&col, 0, sizeof(col));
	out[0] = '\0';
	CHECK(rv_candidates(e, text, strlen(text), n, NULL, collect, &col, err) == RV_OK);
	for (int i = 0; i < col.n && i < MAXC && used < size; i++)
		used += (size_t) snprintf(out + used, size - used, "%s%s",
								  i ? "|" : "", col.hebrew[i]);
}

static void
test_plain_and_known_only(void)
{
	rv_rules   *r = NULL;
	rv_engine  *e = NULL;
	const rv_rules *one[1];
	char		err[RV_ERRLEN];
	char		got[512];

	CHECK(rv_rules_parse(plain_rules, sizeof(plain_rules) - 1, "plain.rules", &r, err) == RV_OK);
	if (r == NULL)
		return;
	one[0] = r;
	CHECK(rv_engine_new(one, 1, NULL, &e, err) == RV_OK);
	/* no mark in the field: the plain costs, ו offered; without a lexicon
	 * neither the (א) option nor an acronym is ever offered */
	candidates_of(e, "hav", 8, got, sizeof(got));
	CHECK(strcmp(got, "הב|הו|חב|חו") == 0);
	/* a mark anywhere in the field: the first costs, no ו */
	candidates_of(e, "ḥav hav", 8, got, sizeof(got));
	CHECK(strcmp(got, "חב|הב|חב") == 0);
	rv_engine_free(e);
	rv_rules_free(r);
	BAD_RULES("standard x\nb * ב:-/-\n", "bad.rules:2:", "bad weight");
	BAD_RULES("standard x\nb * ב:1/x\n", "bad.rules:2:", "bad weight");
	BAD_RULES("standard x\nb * ב:1/\n", "bad.rules:2:", "bad weight");
}

/* ---- the joint choice of a part's words (context.c) ---------------------------- */

static const char context_rules[] =
	"standard ctx\n"
	"consonants b t d n\n"
	"vowels e i\n"
	"b * ב\n"
	"t * ת\n"
	"d * ד\n"
	"n * נ\n"
	"n $ ן\n"
	"e * - י:1\n"
	"i * י -:1\n"
	"expression בית דין\n";

/* revrit() of a text under a one-standard engine */
static void
convert_with(rv_engine *e, const char *text, char *out, size_t size)
{
	char	   *res = NULL;
	size_t		len;
	char		err[RV_ERRLEN];

	out[0] = '\0';
	CHECK(rv_convert(e, text, strlen(text), NULL, &res, &len, err) == RV_OK);
	if (res)
		snprintf(out, size, "%s", res);
	rv_free(res);
}

/* rv_candidate_fn: counts words of "bet din ..." whose rank 1 is joint */
static int
count_joint(const rv_candidate *c, void *arg)
{
	if (c->rank == 1 &&
		strcmp(c->hebrew, c->word % 2 ? "בית" : "דין") == 0)
		++*(size_t *) arg;
	return 0;
}

static void
test_context(void)
{
	rv_rules   *r = NULL;
	rv_engine  *e = NULL;
	const rv_rules *one[1];
	char		err[RV_ERRLEN];
	char		got[256];

	CHECK(rv_rules_parse(context_rules, sizeof(context_rules) - 1, "ctx.rules", &r, err) == RV_OK);
	if (r == NULL)
		return;
	one[0] = r;
	CHECK(rv_engine_new(one, 1, NULL, &e, err) == RV_OK);
	/* alone, bet is בת; before din the listed expression wins */
	convert_with(e, "bet", got, sizeof(got));
	CHECK(strcmp(got, "בת") == 0);
	convert_with(e, "bet din", got, sizeof(got));
	CHECK(strcmp(got, "בית דין") == 0);
	convert_with(e, "din bet din, bet-din bet", got, sizeof(got));
	CHECK(strcmp(got, "דין בית דין, בית־דין בת") == 0);
	/* a comma or a part separator parts them; prefixes stay on the first */
	convert_with(e, "bet, din : bet / din", got, sizeof(got));
	CHECK(strcmp(got, "בת, דין : בת / דין") == 0);
	/* the candidates put the joint choice first, even where the word was
	 * spelled again with more candidates than asked for */
	candidates_of(e, "bet din", 1, got, sizeof(got));
	CHECK(strcmp(got, "בית|דין") == 0);
	candidates_of(e, "bet din bet", 2, got, sizeof(got));
	CHECK(strcmp(got, "בית|בת|דין|דן|בת|בית") == 0);
	/* a part longer than a window (RV_CONTEXT_MAX_WORDS) is chosen in
	 * windows: every pair still right, output and candidates alike */
	{
		size_t		reps = 2500;
		char	   *text = malloc(reps * 8 + 1);
		char	   *res = NULL;
		size_t		len;
		size_t		good = 0;

		for (size_t i = 0; text && i < reps; i++)
			memcpy(text + i * 8, "bet din ", 8);
		if (text)
		{
			text[reps * 8 - 1] = '\0';
			CHECK(rv_convert(e, text, strlen(text), NULL, &res, &len, err) == RV_OK);
			for (char *at = res; at && (at = strstr(at, "בית דין")) != NULL; at++)
				good++;
			CHECK(good == reps);
			rv_free(res);
			good = 0;
			CHECK(rv_candidates(e, text, strlen(text), 1, NULL, count_joint,
								&good, err) == RV_OK);
			CHECK(good == 2 * reps);
		}
		free(text);
	}
	rv_engine_free(e);
	rv_rules_free(r);
	BAD_RULES("standard x\nb * ב\nexpression בית\n", "bad.rules:3:", "two or more");
	BAD_RULES("standard x\nb * ב\nexpression בית bet\n", "bad.rules:3:", "not Hebrew");
}

/* ---- the allocator contract ----------------------------------------------------- */

/*
 * One complete session under the test allocator: load, build, convert,
 * enumerate, free.  Returns the first status that is not RV_OK, after
 * releasing what was built.  A conversion that succeeds must give exactly
 * the reference output: an allocation failure may not change the result.
 */
static const char session_text[] =
	"Sefer ha-ḥinukh : the book / ʻorekh Yosef, [1999] 😀 uve-Yerushalayim";
static char *session_ref;

static rv_rules *session_rules;	/* compiled outside the session */
static int	session_err_empty;	/* a failure without a message */
static int	session_wrong_output;

static int
count_cb(const rv_candidate *c, void *arg)
{
	(void) c;
	(*(int *) arg)++;
	return 0;
}

static rv_status
session(int with_load)
{
	rv_rules   *r = NULL;
	rv_engine  *e = NULL;
	const rv_rules *rs[1];
	char		err[RV_ERRLEN];
	char	   *out = NULL;
	size_t		len;
	rv_status	st;
	int			ncand = 0;

	if (with_load)
	{
		err[0] = '\0';
		st = rv_rules_load(rules_path, &r, err);
		if (st != RV_OK)
		{
			if (err[0] == '\0')
				session_err_empty++;
			return st;
		}
		rs[0] = r;
	}
	else
		rs[0] = session_rules;
	err[0] = '\0';
	st = rv_engine_new(rs, 1, NULL, &e, err);
	if (st == RV_OK)
	{
		err[0] = '\0';
		st = rv_convert(e, session_text, sizeof(session_text) - 1, NULL,
						&out, &len, err);
		if (st == RV_OK)
		{
			if (session_ref == NULL)
				session_ref = strdup(out);
			else if (strcmp(out, session_ref) != 0)
			{
				session_wrong_output++;
				printf("  output under allocation failure %ld: %s\n",
					   fail_after, out);
			}
			rv_free(out);
			err[0] = '\0';
			st = rv_candidates(e, session_text, sizeof(session_text) - 1, 3,
							   NULL, count_cb, &ncand, err);
		}
		rv_engine_free(e);
	}
	if (st != RV_OK && err[0] == '\0')
		session_err_empty++;
	rv_rules_free(r);
	return st;
}

static void
test_allocator(void)
{
	long		total;
	int			n,
				bad_status = 0,
				leaks = 0,
				unfinished = 1;
	long		mark = 0,
				base = 0;

	/* everything allocated is freed */
	live_blocks = 0;
	nallocs = 0;
	fail_after = -1;
	CHECK(session(1) == RV_OK);
	total = nallocs;
	CHECK(total > 0);
	CHECK(live_blocks == 0);
	CHECK(bad_frees == 0);
	CHECK(session_ref != NULL);
	if (session_ref)
		CHECK(strcmp(session_ref,
					 "ספר החינוך : the book / עורך יוסף, [1999] 😀 ובירושלים") == 0);

	/*
	 * Failing allocation number N, for every N: the call that meets it
	 * returns RV_ENOMEM, nothing leaks, nothing crashes.  First with the
	 * rules compiled inside the session, then (much cheaper, so every
	 * allocation of a conversion is hit) with them compiled beforehand;
	 * last with only allocation N failing and the following ones
	 * succeeding, so that a failure the library swallows shows up as a
	 * changed output.
	 */
	for (int pass = 0; pass < 3; pass++)
	{
		int			with_load = (pass == 0);
		char		err[RV_ERRLEN];

		unfinished = 1;
		if (!with_load && rv_rules_load(rules_path, &session_rules, err) != RV_OK)
		{
			CHECK(0);
			break;
		}
		mark = next_seq;
		base = live_blocks;
		for (n = 0; n < 200000; n++)
		{
			rv_status	st;

			nallocs = 0;
			nfailures = 0;
			fail_after = n;
			fail_once = (pass == 2);
#ifdef TRACE_OOM
			fprintf(stderr, "pass %d n %d\n", pass, n);
#endif
			st = session(with_load);
			fail_after = -1;
			if (st != RV_OK && st != RV_ENOMEM && bad_status++ < 5)
				printf("  allocation %d failed: status %s\n", n,
					   rv_status_text(st));
			if (live_blocks != base)
			{
				if (leaks++ < 5)
					printf("  allocation %d failed: %ld blocks leaked\n", n,
						   live_blocks - base);
				reset_context(mark);
			}
			if (nfailures == 0)
			{
				unfinished = 0;
				break;
			}
		}
		rv_rules_free(session_rules);
		session_rules = NULL;
		CHECK(live_blocks == 0);
		CHECK(!unfinished);
		CHECK(bad_status == 0);
		CHECK(leaks == 0);
		CHECK(bad_frees == 0);
	}
	/* an allocation failure never changes a successful result */
	CHECK(session_wrong_output == 0);
	/* every failure comes with a message (revrit.h) */
	CHECK(session_err_empty == 0);
	free(session_ref);
	session_ref = NULL;
}

/* ---- interrupt callback ------------------------------------------------------------ */

static int	ninterrupts;
static jmp_buf cancel_jmp;
static int	cancel_at;

static void
count_interrupt(void *arg)
{
	ninterrupts++;
	(*(int *) arg)++;
}

static void
cancel_interrupt(void *arg)
{
	(void) arg;
	if (++ninterrupts == cancel_at)
		longjmp(cancel_jmp, 1);
}

static int
ignore_cb(const rv_candidate *c, void *arg)
{
	(void) c;
	(void) arg;
	return 0;
}

static void
test_interrupt(void)
{
	rv_options	opt;
	int			calls = 0;
	char	   *out = NULL;
	size_t		len;
	char		err[RV_ERRLEN];
	const char *text = "Sefer ha-ḥinukh u-parshanut shalom, melekh: the Erets";

	rv_options_init(&opt);
	opt.interrupt = count_interrupt;
	opt.interrupt_arg = &calls;
	CHECK(rv_convert(engine, text, strlen(text), &opt, &out, &len, err) == RV_OK);
	rv_free(out);
	CHECK(calls >= 7);			/* 7 words, "the" included */
	calls = 0;
	CHECK(rv_candidates(engine, text, strlen(text), 2, &opt, ignore_cb, NULL, err) == RV_OK);
	CHECK(calls >= 7);
	/* no words, no calls needed; the conversion still works */
	calls = 0;
	CHECK(rv_convert(engine, "1999 ...", 8, &opt, &out, &len, err) == RV_OK);
	rv_free(out);

	/*
	 * A host may longjmp out of the callback (cancel) and then free all
	 * the call's memory at once; afterwards the engine still works.
	 */
	{
		rv_allocator ctx_alloc = tracking;
		rv_engine  *e = NULL;
		rv_rules   *r = NULL;
		const rv_rules *rs[1];
		volatile int jumped = 0;
		long		before,
					mark;

		/* the rules and engine live outside the "context" */
		rv_set_allocator(NULL);
		CHECK(rv_rules_load(rules_path, &r, err) == RV_OK);
		rs[0] = r;
		CHECK(r != NULL && rv_engine_new(rs, 1, NULL, &e, err) == RV_OK);
		rv_set_allocator(&ctx_alloc);
		before = live_blocks;
		mark = next_seq;
		rv_options_init(&opt);
		opt.interrupt = cancel_interrupt;
		ninterrupts = 0;
		cancel_at = 4;
		if (setjmp(cancel_jmp) == 0)
		{
			(void) rv_convert(e, text, strlen(text), &opt, &out, &len, err);
			rv_free(out);
		}
		else
			jumped = 1;
		CHECK(jumped);
		CHECK(live_blocks > before);	/* the call's memory, abandoned */
		reset_context(mark);
		CHECK(live_blocks == before);
		opt.interrupt = NULL;
		CHECK(rv_convert(e, text, strlen(text), &opt, &out, &len, err) == RV_OK);
		CHECK(out && strncmp(out, "ספר החינוך ופרשנות", strlen("ספר החינוך ופרשנות")) == 0);
		rv_free(out);
		CHECK(live_blocks == before);
		rv_set_allocator(NULL);
		rv_engine_free(e);
		rv_rules_free(r);
		rv_set_allocator(&tracking);
	}
}

/* ---- nasty inputs: no crash, sane status ---------------------------------------- */

static void
test_nasty(void)
{
	size_t		big = 1 << 20;
	char	   *s = malloc(big + 1);
	char	   *out = NULL;
	size_t		len = 0;
	char		err[RV_ERRLEN];
	size_t		i;

	/* 10^5 hyphens, alone and between letters */
	memset(s, '-', 100000);
	CHECK(rv_convert(engine, s, 100000, NULL, &out, &len, err) == RV_OK);
	CHECK(len == 100000 && memcmp(out, s, len) == 0);
	rv_free(out);
	for (i = 0; i < 100000; i++)
		s[i] = (i % 2) ? '-' : 'a';
	CHECK(rv_convert(engine, s, 99999, NULL, &out, &len, err) == RV_OK);
	rv_free(out);
	/* 1 MB of words */
	for (i = 0; i < big; i++)
		s[i] = "shalom "[i % 7];
	CHECK(rv_convert(engine, s, big, NULL, &out, &len, err) == RV_OK);
	CHECK(len > big);
	rv_free(out);
	/* 1 MB of one letter, of apostrophes */
	memset(s, 'b', big);
	CHECK(rv_convert(engine, s, big, NULL, &out, &len, err) == RV_OK);
	CHECK(len == big && memcmp(out, s, big) == 0);
	rv_free(out);
	memset(s, '\'', big);
	CHECK(rv_convert(engine, s, big, NULL, &out, &len, err) == RV_OK);
	rv_free(out);
	/* words of 60 to 70 letters: both sides of the word limit */
	for (int w = 60; w <= 70; w++)
	{
		for (i = 0; i < (size_t) w; i++)
			s[i] = "shalomḥ"[i % 6];
		CHECK(rv_convert(engine, s, (size_t) w, NULL, &out, &len, err) == RV_OK);
		rv_free(out);
		CHECK(rv_candidates(engine, s, (size_t) w, 5, NULL, ignore_cb, NULL, err) == RV_OK);
	}
	/* 64 code points of a two-byte letter */
	len = 0;
	for (i = 0; i < 64; i++)
	{
		memcpy(s + len, "ḥ", strlen("ḥ"));
		len += strlen("ḥ");
	}
	CHECK(rv_convert(engine, s, len, NULL, &out, &len, err) == RV_OK);
	rv_free(out);
	/* a long prefix chain and a word of 40 hyphenated prefixes */
	strcpy(s, "");
	for (i = 0; i < 40; i++)
		strcat(s, "u-ve-ha-");
	strcat(s, "sefer");
	CHECK(rv_convert(engine, s, strlen(s), NULL, &out, &len, err) == RV_OK);
	rv_free(out);
	memset(s, 'u', 64);
	strcpy(s + 64, "-sefer");
	CHECK(rv_convert(engine, s, strlen(s), NULL, &out, &len, err) == RV_OK);
	rv_free(out);
	/* every plane: one code point of each 4096, as UTF-8 */
	len = 0;
	for (uint32_t cp = 1; cp < 0x110000; cp += 0x1000 / 16)
	{
		if (cp >= 0xD800 && cp < 0xE000)
			continue;
		if (cp < 0x80)
			s[len++] = (char) cp;
		else if (cp < 0x800)
		{
			s[len++] = (char) (0xC0 | (cp >> 6));
			s[len++] = (char) (0x80 | (cp & 0x3F));
		}
		else if (cp < 0x10000)
		{
			s[len++] = (char) (0xE0 | (cp >> 12));
			s[len++] = (char) (0x80 | ((cp >> 6) & 0x3F));
			s[len++] = (char) (0x80 | (cp & 0x3F));
		}
		else
		{
			s[len++] = (char) (0xF0 | (cp >> 18));
			s[len++] = (char) (0x80 | ((cp >> 12) & 0x3F));
			s[len++] = (char) (0x80 | ((cp >> 6) & 0x3F));
			s[len++] = (char) (0x80 | (cp & 0x3F));
		}
		if (cp % 7 == 0)
			s[len++] = 'a';
	}
	CHECK(rv_convert(engine, s, len, NULL, &out, &len, err) == RV_OK);
	rv_free(out);
	free(s);
}

/* ---- regressions: bugs that were fixed ------------------------------------------ */

/*
 * Run a conversion (want != NULL) or a candidate enumeration with n
 * candidates in a child process, so that a crash or a hang fails one
 * check instead of the whole test.
 */
static void
expect_in_child(const char *in, const char *want, int n, int line)
{
	pid_t		pid;
	int			status;

	fflush(stdout);
	pid = fork();
	if (pid == 0)
	{
		char	   *out = NULL;
		size_t		len;
		char		err[RV_ERRLEN];
		rv_status	st;

		alarm(20);
		rv_set_allocator(NULL);
		if (want)
		{
			st = rv_convert(engine, in, strlen(in), NULL, &out, &len, err);
			_exit(st == RV_OK && strcmp(out, want) == 0 ? 0 : 1);
		}
		st = rv_candidates(engine, in, strlen(in), n, NULL, ignore_cb, NULL, err);
		_exit(st == RV_OK || st == RV_ENOMEM ? 0 : 1);
	}
	if (pid < 0 || waitpid(pid, &status, 0) != pid)
	{
		check(0, "fork", line);
		return;
	}
	check(WIFEXITED(status) && WEXITSTATUS(status) == 0, in, line);
	if (WIFSIGNALED(status))
		printf("  killed by signal %d (%s)\n", WTERMSIG(status),
			   WTERMSIG(status) == SIGALRM ? "hang" : "crash");
	else if (WIFEXITED(status) && WEXITSTATUS(status) != 0)
		printf("  wrong result\n");
}

static void
test_regressions(void)
{
	/* a prefix chain written with hyphens between its prefixes takes the
	 * "later" form (rules/README.md: ve is ב in "u-ve-") */
	EXPECT("u-ve-Yerushalayim", "ובירושלים");
	EXPECT("u-ve-vet", "ובבת");
	/* a compound hyphen before a prefixed part is kept */
	EXPECT("melekh-ha-melekh", "מלך־המלך");
	EXPECT("Bar-ha-Ilan", "בר־האילן");
	/* an apostrophe or backtick standing alone is punctuation, not alef or
	 * ayin: ASCII punctuation comes back unchanged */
	EXPECT("0123456789 !\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~",
		   "0123456789 !\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~");
	EXPECT("sefer ' shalom", "ספר ' שלום");
	EXPECT("sefer ` shalom", "ספר ` שלום");
	/* likewise a lone letter separator | or prime: 12′ keeps its prime */
	EXPECT("a | b", "א | ב");
	EXPECT("12′ 30′", "12′ 30′");
	/* crash: two ISBD separators one space apart gave rv_split_parts a
	 * part ending before it starts (heap overflow in rv_engine_detect) */
	expect_in_child("sefer : / shalom", "ספר : / שלום", 0, __LINE__);
	expect_in_child("a / ; b", "א / ; ב", 0, __LINE__);
	expect_in_child(" / ; ", " / ; ", 0, __LINE__);
	/* hang: the state table's capacity overflowed int for a large n; the
	 * largest n allowed must finish promptly */
	expect_in_child("bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb", NULL,
					RV_MAX_CANDIDATES, __LINE__);
}

int
main(void)
{
	char		err[RV_ERRLEN];
	const rv_rules *rs[1];

	find_rules();
	rv_set_allocator(&tracking);
	if (rv_rules_load(rules_path, &alalc, err) != RV_OK)
	{
		printf("FAIL: cannot load %s: %s\n", rules_path, err);
		printf("%d passed, %d failed\n", npassed, nfailed + 1);
		return 1;
	}
	rs[0] = alalc;
	if (rv_engine_new(rs, 1, NULL, &engine, err) != RV_OK)
	{
		printf("FAIL: cannot build the engine: %s\n", err);
		printf("%d passed, %d failed\n", npassed, nfailed + 1);
		return 1;
	}

	test_words();
	test_year_options();
	test_finals();
	test_prefixes();
	test_kept_in_place();
	test_unicode_folding();
	test_unicode_classes();
	test_foreign_and_empty();
	test_errors();
	test_candidates();
	test_two_standards();
	test_rule_errors();
	test_plain_and_known_only();
	test_context();
	test_interrupt();
	test_nasty();
	test_regressions();

	rv_engine_free(engine);
	rv_rules_free(alalc);
	CHECK(live_blocks == 0);
	CHECK(bad_frees == 0);

	/* last: it resets the counters */
	test_allocator();
	rv_set_allocator(NULL);

	printf("%d passed, %d failed\n", npassed, nfailed);
	return nfailed ? 1 : 0;
}
