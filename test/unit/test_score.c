/*
 * test_score.c — unit tests of src/tools/score.c against score.py's rules.
 *
 * Expected values were worked out with ../shared/eval/score.py itself;
 * the LCS cases are the ties where its walk decides which gold word is
 * matched.
 */
#define _POSIX_C_SOURCE 200809L	/* open_memstream */

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "score.h"
#include "unit.h"


/* norm(s) == want */
static void
check_norm(const char *s, const char *want, int line)
{
	char		err[SCORE_ERRLEN];
	char	   *out = NULL;
	size_t		len = 0;
	int			ok;

	ok = score_norm(s, strlen(s), &out, &len, err) == 0 &&
		len == strlen(want) && memcmp(out, want, len) == 0;
	if (!ok)
		printf("  norm(\"%s\") = \"%s\", want \"%s\"\n", s, out ? out : "?", want);
	check(ok, "norm", line);
	free(out);
}

/* words(s) joined with '|' == want; nheb words contain a Hebrew letter */
static void
check_words(const char *s, const char *want, int nheb, int line)
{
	char		err[SCORE_ERRLEN];
	char		got[512] = "";
	score_words w;
	size_t		i;
	int			heb = 0;

	if (score_words_get(s, strlen(s), &w, err) != 0)
	{
		check(0, err, line);
		return;
	}
	for (i = 0; i < w.n; i++)
	{
		if (i)
			strcat(got, "|");
		strncat(got, w.w[i].s, w.w[i].len);
		heb += w.w[i].heb;
	}
	if (strcmp(got, want) != 0 || heb != nheb)
		printf("  words(\"%s\") = \"%s\" (%d Hebrew), want \"%s\" (%d)\n",
			   s, got, heb, want, nheb);
	check(strcmp(got, want) == 0 && heb == nheb, "words", line);
	score_words_free(&w);
}

/* lcs_pairs(words(a), words(b)) as a string of 0/1 per word of b */
static void
check_lcs(const char *a, const char *b, const char *want, int line)
{
	char		err[SCORE_ERRLEN];
	char		got[64] = "";
	score_words wa,
				wb;
	unsigned char m[64];
	size_t		j;

	if (score_words_get(a, strlen(a), &wa, err) != 0 ||
		score_words_get(b, strlen(b), &wb, err) != 0 ||
		score_lcs(&wa, &wb, m, err) != 0)
	{
		check(0, err, line);
		return;
	}
	for (j = 0; j < wb.n; j++)
		got[j] = m[j] ? '1' : '0';
	got[wb.n] = '\0';
	if (strcmp(got, want) != 0)
		printf("  lcs(\"%s\", \"%s\") = %s, want %s\n", a, b, got, want);
	check(strcmp(got, want) == 0, "lcs", line);
	score_words_free(&wa);
	score_words_free(&wb);
}

static void
test_space(void)
{
	CHECK(score_is_space(' ') && score_is_space('\t') && score_is_space('\n'));
	CHECK(score_is_space(0x0B) && score_is_space(0x0C) && score_is_space('\r'));
	/* str.isspace() is true for the information separators... */
	CHECK(score_is_space(0x1C) && score_is_space(0x1F));
	CHECK(score_is_space(0x85) && score_is_space(0xA0) && score_is_space(0x3000));
	CHECK(score_is_space(0x2000) && score_is_space(0x200A) && score_is_space(0x202F));
	/* ...and false for the zero-width ones. */
	CHECK(!score_is_space(0x200B) && !score_is_space(0xFEFF) && !score_is_space(0x180E));
	CHECK(!score_is_space(0x1B) && !score_is_space('a') && !score_is_space(0x05BE));
}

static void
test_norm(void)
{
	check_norm("", "", __LINE__);
	check_norm("  \t ", "", __LINE__);
	/* NFC composes */
	check_norm("e\xcc\x81", "\xc3\xa9", __LINE__);
	/* points go, and a presentation form decomposes before they do */
	check_norm("שָׁלוֹם", "שלום", __LINE__);
	check_norm("\xef\xac\xaa", "ש", __LINE__);	/* U+FB2A */
	check_norm("א\xd6\x91\xd7\x87ב", "אב", __LINE__);	/* U+0591, U+05C7 */
	/* paseq, sof pasuq, nun hafukha stay; maqaf becomes '-' */
	check_norm("א\xd7\x80\xd7\x83\xd7\x86", "א\xd7\x80\xd7\x83\xd7\x86", __LINE__);
	check_norm("בית־ספר", "בית-ספר", __LINE__);
	/* geresh, gershayim and the other look-alikes */
	check_norm("ת״א צ׳", "ת\"א צ'", __LINE__);
	check_norm("\xca\xba\xca\xb9\xe2\x80\x9c\xe2\x80\x9d\xe2\x80\x9e\xe2\x80\x98\xe2\x80\x99\xe2\x80\x93\xe2\x80\x94",
			   "\"'\"\"\"''--", __LINE__);
	/* direction marks vanish without leaving a break */
	check_norm("\xe2\x80\x8f" "אב\xe2\x81\xa6ג\xe2\x81\xa9", "אבג", __LINE__);
	/* white space of every kind folds to one space */
	check_norm(" א\xc2\xa0\x1c ב\xe3\x80\x80\xe2\x80\xa8ג\n", "א ב ג", __LINE__);
	/* a zero-width space is not white space */
	check_norm("א\xe2\x80\x8b" "ב", "א\xe2\x80\x8b" "ב", __LINE__);
}

static void
test_words(void)
{
	check_words("  (שָׁלוֹם)  «עולם» -- ת״א  ", "שלום|עולם|ת\"א", 3, __LINE__);
	check_words("a.b. ...x... «»", "a.b|x", 0, __LINE__);
	/* str.strip(EDGE) takes any mix of edge characters from both ends */
	check_words("[(\"'?!=<>/:;,.-x-.,;:/><=!?'\")]", "x", 0, __LINE__);
	/* inner punctuation stays */
	check_words("בית־ספר (a)b", "בית-ספר|a)b", 1, __LINE__);
	/* is_heb: letters U+05D0..U+05EA only, not U+05EB or the points */
	check_words("1948 ה׳תש״ח \xd7\xab \xd7\xaf", "1948|ה'תש\"ח|\xd7\xab|\xd7\xaf", 1, __LINE__);
	check_words("", "", 0, __LINE__);
}

static void
test_lcs(void)
{
	/* ties: the walk advances the prediction first */
	check_lcs("a b", "b a", "10", __LINE__);
	check_lcs("b a", "a b", "10", __LINE__);
	check_lcs("א b", "b א", "10", __LINE__);
	check_lcs("b א", "א b", "10", __LINE__);
	check_lcs("a b c", "c b a", "100", __LINE__);
	check_lcs("x a y", "a x", "10", __LINE__);
	check_lcs("a a b", "b a a", "011", __LINE__);
	/* repeated words match first occurrences greedily */
	check_lcs("a b a", "a", "1", __LINE__);
	check_lcs("a", "a b a", "100", __LINE__);
	check_lcs("", "a b", "00", __LINE__);
	check_lcs("a b", "", "", __LINE__);
	check_lcs("(א) ב, ג.", "א ב ג", "111", __LINE__);
}

static void
test_lcs_limit(void)
{
	char		err[SCORE_ERRLEN] = "";
	score_words a;
	unsigned char *m;
	size_t		n = 8000,
				i;

	/* 8000 x 8000 words is over the cap: refused before allocating */
	a.n = n;
	a.buf = NULL;
	a.w = malloc(n * sizeof(score_word));
	m = malloc(n);
	for (i = 0; i < n; i++)
	{
		a.w[i].s = "x";
		a.w[i].len = 1;
		a.w[i].heb = 0;
	}
	CHECK(score_lcs(&a, &a, m, err) == -1);
	CHECK(strstr(err, "too large") != NULL);
	free(a.w);
	free(m);
}

/* Score pairs against predictions and return the report as a string. */
static char *
report(const char *pairs_text, const char *pred_text, int by_field,
	   size_t nerr, score_counts *total)
{
	char		err[SCORE_ERRLEN];
	score_pairs pairs;
	score_lines preds;
	score_state st;
	char	   *buf = NULL;
	size_t		len = 0,
				i;
	FILE	   *f;

	if (score_pairs_parse(pairs_text, strlen(pairs_text), &pairs, err) != 0 ||
		score_lines_parse(pred_text, strlen(pred_text), &preds, err) != 0)
	{
		printf("  %s\n", err);
		return NULL;
	}
	score_init(&st, nerr);
	for (i = 0; i < pairs.n; i++)
	{
		const char *p = i < preds.n ? preds.l[i].s : "";
		size_t		pl = i < preds.n ? preds.l[i].len : 0;

		if (score_add(&st, &pairs.p[i], p, pl, err) != 0)
			printf("  %s\n", err);
	}
	f = open_memstream(&buf, &len);
	score_report(f, &st, by_field);
	fclose(f);
	if (total)
		*total = st.total;
	score_free(&st);
	score_pairs_free(&pairs);
	score_lines_free(&preds);
	return buf;
}

static void
test_counters(void)
{
	const char *pairs =
		"source\tfield\tromanized\thebrew\n"
		"s\ttitle\tSefer ha-yovel\tספר היובל\n"
		"\n"
		"s\tname\tOz, Amos\tעוז, עמוס\n"
		"s\ttitle\tTel Aviv 1948\tתל אביב 1948\n";
	const char *preds =
		"ספר היובל\n"
		"עוז עמוס\n"
		"תל-אביב 1948\n";
	score_counts c;
	char	   *r = report(pairs, preds, 1, 5, &c);

	CHECK(r != NULL);
	if (r == NULL)
		return;
	CHECK(c.fields == 3);
	CHECK(c.gold_words == 7);
	CHECK(c.matched == 5);
	CHECK(c.heb_words == 6);
	CHECK(c.heb_matched == 4);
	CHECK(c.exact == 2);
	CHECK(strcmp(r,
				 "name       fields=   1 heb_word_acc=1.000 word_acc=1.000 exact=1.000\n"
				 "title      fields=   2 heb_word_acc=0.500 word_acc=0.600 exact=0.500\n"
				 "ROM  Tel Aviv 1948\n"
				 "GOLD תל אביב 1948\n"
				 "PRED תל-אביב 1948\n"
				 "\n"
				 "all        fields=   3 heb_word_acc=0.667 word_acc=0.714 exact=0.667\n") == 0);
	free(r);
}

static void
test_report_format(void)
{
	/* no gold words at all: every ratio divides by max(1, 0); field names
	 * pad by characters, and a long one is not cut */
	char	   *r = report("s\tשם\tx\t\ns\tlongfieldname\tx\t--\n", "", 1, 0, NULL);

	CHECK(r != NULL && strcmp(r,
							  "longfieldname fields=   1 heb_word_acc=0.000 word_acc=0.000 exact=1.000\n"
							  "שם         fields=   1 heb_word_acc=0.000 word_acc=0.000 exact=1.000\n"
							  "all        fields=   2 heb_word_acc=0.000 word_acc=0.000 exact=1.000\n") == 0);
	free(r);
	/* missing predictions are empty; 2/3 rounds as Python does */
	r = report("s\tf\tx\tא ב ג\n", "א ב\n", 0, 0, NULL);
	CHECK(r != NULL && strcmp(r,
							  "all        fields=   1 heb_word_acc=0.667 word_acc=0.667 exact=0.000\n") == 0);
	free(r);
	/* 1/16 = 0.0625 exactly: Python rounds half to even, "0.062" */
	r = report("s\tf\tx\tא ב ג ד ה ו ז ח ט י כ ל מ נ ס ע\n", "א\n", 0, 0, NULL);
	CHECK(r != NULL && strstr(r, "heb_word_acc=0.062") != NULL);
	free(r);
}

static void
test_files(void)
{
	char		err[SCORE_ERRLEN];
	score_pairs p;
	score_lines l;

	/* CRLF and lone CR end lines; white-space-only lines are blank */
	{
		const char *t = "source\tfield\r\na\tb\tc\td\r \t\r\n\x1c\na\tb\tc\td\te";

		CHECK(score_pairs_parse(t, strlen(t), &p, err) == 0);
		CHECK(p.n == 2);
		CHECK(p.n == 2 && p.p[1].gold.len == 1 && p.p[1].gold.s[0] == 'd');
		CHECK(p.n == 2 && p.p[1].lineno == 5);
		score_pairs_free(&p);
	}
	/* the header is dropped only as the first row that is not blank */
	CHECK(score_pairs_parse("\n\nsource\tfield\n", 15, &p, err) == 0 && p.n == 0);
	score_pairs_free(&p);
	CHECK(score_pairs_parse("a\tb\tc\td\nsource\tfield\n", 22, &p, err) == -1);
	CHECK(strstr(err, ":2:") != NULL);
	/* a row needs 4 columns */
	CHECK(score_pairs_parse("a\tb\tc\n", 6, &p, err) == -1);
	/* UTF-8 must be strict: no surrogates, no overlongs */
	CHECK(score_pairs_parse("a\tb\tc\t\xed\xa0\x80\n", 10, &p, err) == -1);
	CHECK(score_lines_parse("\xc0\xaf\n", 3, &l, err) == -1);
	CHECK(score_lines_parse("\xe0\x80\x80", 3, &l, err) == -1);
	CHECK(score_lines_parse("\xf4\x90\x80\x80", 4, &l, err) == -1);
	CHECK(score_lines_parse("\xd7", 1, &l, err) == -1);
	/* predictions keep blank lines; a last line needs no newline */
	CHECK(score_lines_parse("a\n\nb", 4, &l, err) == 0 && l.n == 3 && l.l[1].len == 0);
	score_lines_free(&l);
	CHECK(score_lines_parse("a\r\n\r\n", 5, &l, err) == 0 && l.n == 2);
	score_lines_free(&l);
	CHECK(score_lines_parse("a\rb\r", 4, &l, err) == 0 && l.n == 2 && l.l[1].s[0] == 'b');
	score_lines_free(&l);
	CHECK(score_lines_parse("", 0, &l, err) == 0 && l.n == 0);
	score_lines_free(&l);
	CHECK(score_lines_parse("\n", 1, &l, err) == 0 && l.n == 1 && l.l[0].len == 0);
	score_lines_free(&l);
	/* NUL and other separators are not line ends */
	CHECK(score_lines_parse("a\0b\x0b" "c\x1c", 6, &l, err) == 0 && l.n == 1 && l.l[0].len == 6);
	score_lines_free(&l);
}

int
main(void)
{
	test_space();
	test_norm();
	test_words();
	test_lcs();
	test_lcs_limit();
	test_counters();
	test_report_format();
	test_files();
	printf("%d passed, %d failed\n", npassed, nfailed);
	return nfailed ? 1 : 0;
}
