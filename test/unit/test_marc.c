/*
 * test_marc.c — unit tests of the MARC plan (src/core/marc.h) with the
 * ALA-LC rules and no lexicon: which records and fields get a linked 880,
 * the occurrence numbers and both $6 links, indicators and subfield codes,
 * the reasons for skipping, the limit of 99 links, a subfield value
 * holding the delimiter, and the allocator contract (nothing leaks, every
 * allocation failure is RV_ENOMEM).  The records are made up.
 *
 * Prints one line per failure and "N passed, M failed".
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "marc.h"
#include "unit.h"


/* ---- an allocator that counts live blocks and can fail on demand ------- */

static long live,
			calls,
			fail_at = -1;

static void *
t_alloc(size_t size, void *ctx)
{
	size_t	   *p;

	(void) ctx;
	if (fail_at >= 0 && calls++ >= fail_at)
		return NULL;
	if ((p = malloc(size + 16)) == NULL)
		return NULL;
	live++;
	return (char *) p + 16;
}

static void *
t_realloc(void *ptr, size_t size, void *ctx)
{
	char	   *p;

	if (ptr == NULL)
		return t_alloc(size, ctx);
	if (fail_at >= 0 && calls++ >= fail_at)
		return NULL;
	p = realloc((char *) ptr - 16, size + 16);
	return p ? p + 16 : NULL;
}

static void
t_free(void *ptr, void *ctx)
{
	(void) ctx;
	if (ptr == NULL)
		return;
	live--;
	free((char *) ptr - 16);
}

/* ---- records ------------------------------------------------------------ */

#define SF(c, s) {c, s, sizeof(s) - 1}

static const rv_marc_subfield f100[] = {SF('a', "Levi, Yosef,"), SF('e', "author."), SF('0', "n00000001")};
static const rv_marc_subfield f245[] = {SF('a', "ha-Bayit ha-yashan :"), SF('b', "sipurim /"), SF('c', "Yosef Levi.")};
static const rv_marc_subfield f246[] = {SF('a', "בית ישן")};
static const rv_marc_subfield f264[] = {SF('a', "The New York Times,"), SF('c', "1990.")};
static const rv_marc_subfield f700[] = {SF('6', "880-07"), SF('a', "Kohen, Sarah.")};
static const rv_marc_subfield f880[] = {SF('6', "700-07/(2/r"), SF('a', "כהן, שרה.")};
static const rv_marc_subfield f041[] = {SF('a', "engheb")};

static rv_marc_field
data(const char *tag, char i1, char i2, const rv_marc_subfield *sf, int n)
{
	rv_marc_field f = {{0}, i1, i2, NULL, 0, sf, n};

	memcpy(f.tag, tag, 4);
	return f;
}

static rv_marc_field
control(const char *tag, const char *value)
{
	rv_marc_field f = {{0}, ' ', ' ', value, strlen(value), NULL, 0};

	memcpy(f.tag, tag, 4);
	return f;
}

static rv_engine *engine;
static rv_options options;

static rv_status
plan(const rv_marc_field *fields, int n, rv_marc_params *params,
	 rv_marc_plan **out, char *err)
{
	rv_marc_record r = {fields, n};
	rv_marc_params p = {&options, NULL, 0, 0, 0};

	return rv_marc_plan_record(engine, &r, params ? params : &p, out, err);
}

static const char *
sub(const rv_marc_added *a, int i)
{
	static char buf[256];

	snprintf(buf, sizeof(buf), "%c:%.*s", a->subfields[i].code,
			 (int) a->subfields[i].len, a->subfields[i].value);
	return buf;
}

static void
test_hebrew_record(void)
{
	rv_marc_field fs[] = {
		control("008", "200101s1990    is            000 1 heb d"),
		data("100", '1', ' ', f100, 3), data("245", '1', '3', f245, 3),
		data("246", '3', ' ', f246, 1), data("264", ' ', '1', f264, 3),
		data("700", '1', ' ', f700, 2), data("880", '1', ' ', f880, 2),
		data("999", ' ', ' ', f041, 1)};
	rv_marc_plan *p = NULL;
	char		err[RV_ERRLEN];

	CHECK(plan(fs, 8, NULL, &p, err) == RV_OK);
	CHECK(p->hebrew && strcmp(p->language, "heb") == 0);
	/* 100 and 245 only: 246 is Hebrew, 264 has nothing to convert, 700 linked */
	CHECK(p->nadded == 2);
	CHECK(p->insert_at == 7);	/* after the existing 880, before 999 */
	CHECK(p->added[0].field == 1 && p->added[0].occurrence == 8);
	CHECK(strcmp(p->added[0].link, "880-08") == 0);
	CHECK(strcmp(sub(&p->added[0], 0), "6:100-08/(2/r") == 0);
	CHECK(p->added[0].nsubfields == 4);
	CHECK(strcmp(sub(&p->added[0], 2), "e:author.") == 0);
	CHECK(strcmp(sub(&p->added[0], 3), "0:n00000001") == 0);
	CHECK(p->added[1].field == 2 && strcmp(p->added[1].link, "880-09") == 0);
	CHECK(p->added[1].ind1 == '1' && p->added[1].ind2 == '0');
	CHECK(strncmp(sub(&p->added[1], 1), "a:ה", 3) == 0);	/* starts Hebrew */
	CHECK(strcmp(sub(&p->added[1], 1) + strlen(sub(&p->added[1], 1)) - 2, " :") == 0);
	CHECK(p->added[1].subfields[2].code == 'b' && p->added[1].subfields[3].code == 'c');
	CHECK(p->nnotes == 5);
	CHECK(p->notes[2].why == RV_MARC_SKIP_NOT_ROMANIZED);
	CHECK(p->notes[3].why == RV_MARC_SKIP_UNCHANGED);
	CHECK(p->notes[4].why == RV_MARC_SKIP_LINKED);
	CHECK(strcmp(p->notes[1].text, "ha-Bayit ha-yashan : sipurim / Yosef Levi.") == 0);
	rv_marc_plan_free(p);
}

static void
test_languages(void)
{
	rv_marc_field eng[] = {control("008", "200101s1990    nyu           000 1 eng d"),
	data("245", '1', '3', f245, 3)};
	rv_marc_field by041[] = {control("008", "200101s1990    nyu           000 1 eng d"),
		data("041", '1', ' ', f041, 1), data("245", '1', '3', f245, 3)};
	rv_marc_plan *p = NULL;
	char		err[RV_ERRLEN];

	CHECK(plan(eng, 2, NULL, &p, err) == RV_OK);
	CHECK(!p->hebrew && p->nadded == 0 && p->nnotes == 0);
	CHECK(strcmp(p->language, "eng") == 0);
	rv_marc_plan_free(p);
	CHECK(plan(by041, 3, NULL, &p, err) == RV_OK);
	CHECK(p->hebrew && strcmp(p->language, "heb") == 0 && p->nadded == 1);
	CHECK(p->added[0].occurrence == 1);
	rv_marc_plan_free(p);
}

static void
test_selection_and_delimiter(void)
{
	static const rv_marc_subfield odd[] = {SF('a', "Sefer\x1fha-yashan")};
	rv_marc_field fs[] = {control("008", "200101s1990    is            000 1 heb d"),
		data("100", '1', ' ', f100, 3), data("245", '1', '0', odd, 1)};
	const char *only245[] = {"245"};
	rv_marc_params params = {&options, only245, 1, 0, 0};
	rv_marc_plan *p = NULL;
	char		err[RV_ERRLEN];

	CHECK(plan(fs, 3, &params, &p, err) == RV_OK);
	CHECK(p->nadded == 1 && p->added[0].field == 2);
	CHECK(p->notes[0].why == RV_MARC_SKIP_NOT_SELECTED);
	/* a value holding U+001F is converted on its own, delimiter kept */
	CHECK(p->added[0].subfields[1].len > 0 &&
		  memchr(p->added[0].subfields[1].value, 0x1f, p->added[0].subfields[1].len) != NULL);
	rv_marc_plan_free(p);
}

/* A $6 that links to no 880 stays alone: $6 is not repeatable. */
static void
test_other_link(void)
{
	static const rv_marc_subfield odd6[] = {SF('6', "garbage"), SF('a', "Sefer ha-yashan")};
	rv_marc_field fs[] = {control("008", "200101s1990    is            000 1 heb d"),
		data("245", '1', '0', odd6, 2), data("100", '1', ' ', f100, 3)};
	rv_marc_plan *p = NULL;
	char		err[RV_ERRLEN];

	CHECK(plan(fs, 3, NULL, &p, err) == RV_OK);
	CHECK(p->nadded == 1 && p->added[0].field == 2);
	CHECK(p->nnotes == 2 && p->notes[0].field == 1 &&
		  p->notes[0].why == RV_MARC_SKIP_OTHER_LINK);
	CHECK(strcmp(rv_marc_skip_text(p->notes[0].why),
				 "has a $6 that is not a link to an 880") == 0);
	rv_marc_plan_free(p);
}

static void
test_limit(void)
{
	static const rv_marc_subfield last[] = {SF('6', "880-99"), SF('a', "Shirim.")};
	static const rv_marc_subfield bad[] = {SF('a', "Sefer \xff")};
	rv_marc_field fs[] = {control("008", "200101s1990    is            000 1 heb d"),
	data("245", '1', '0', last, 2), data("246", '1', '0', f245, 3)};
	rv_marc_field inv[] = {control("008", "200101s1990    is            000 1 heb d"),
	data("245", '1', '0', bad, 1)};
	rv_marc_plan *p = NULL;
	char		err[RV_ERRLEN];

	CHECK(plan(fs, 3, NULL, &p, err) == RV_ETOOLONG && p == NULL);
	CHECK(strstr(err, "field 3 (246)") != NULL);
	CHECK(plan(inv, 2, NULL, &p, err) == RV_EUNICODE && p == NULL);
	CHECK(strstr(err, "field 2 (245)") != NULL);
}

/* Every allocation failure is RV_ENOMEM and leaves nothing behind. */
static void
test_allocation_failures(void)
{
	rv_marc_field fs[] = {control("008", "200101s1990    is            000 1 heb d"),
		data("100", '1', ' ', f100, 3), data("245", '1', '3', f245, 3),
	data("264", ' ', '1', f264, 3)};
	rv_marc_params params = {&options, NULL, 0, 0, 1};
	int			failures = 0,
				bad = 0;

	for (long k = 0; k < 2000; k++)
	{
		rv_marc_plan *p = NULL;
		char		err[RV_ERRLEN];
		rv_status	st;
		long		before = live;

		calls = 0;
		fail_at = k;
		st = plan(fs, 4, &params, &p, err);
		fail_at = -1;
		if (st == RV_OK)
		{
			rv_marc_plan_free(p);
			bad += live != before;
			break;
		}
		failures++;
		if (st != RV_ENOMEM || p != NULL || live != before)
		{
			printf("allocation %ld failing: status %d, %ld blocks leaked\n", k, st, live - before);
			bad++;
		}
	}
	CHECK(failures > 10);
	CHECK(bad == 0);
}

int
main(void)
{
	rv_allocator a = {t_alloc, t_realloc, t_free, NULL};
	const char *dir = getenv("REVRIT_RULES");
	char		path[4096],
				err[RV_ERRLEN];
	rv_rules   *rules;
	long		start;

	rv_set_allocator(&a);
	snprintf(path, sizeof(path), "%s/ala-lc.rules", dir ? dir : "rules");
	if (rv_rules_load(path, &rules, err) != RV_OK ||
		rv_engine_new((const rv_rules *const *) &rules, 1, NULL, &engine, err) != RV_OK)
	{
		printf("FAIL: %s\n", err);
		return 1;
	}
	rv_options_init(&options);
	start = live;
	test_hebrew_record();
	test_languages();
	test_selection_and_delimiter();
	test_other_link();
	test_limit();
	test_allocation_failures();
	CHECK(live == start);
	rv_engine_free(engine);
	rv_rules_free(rules);
	CHECK(live == 0);
	printf("%d passed, %d failed\n", npassed, nfailed);
	return nfailed != 0;
}
