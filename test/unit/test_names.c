/*
 * test_names.c — unit test of field kinds and word lists: recognising a
 * name heading, an imprint and a title by shape; compiling word-list files
 * (plain keys, several readings, foreign words, errors with file and line);
 * word lists that are no standard; conversion with a list and a kind.
 *
 * Plain C, no framework: prints one line per failure and a final
 * "N passed, M failed"; exits nonzero if anything failed.
 */
#include <stdio.h>
#include <string.h>

#include "alloc.h"
#include "engine.h"
#include "kind.h"
#include "names.h"
#include "rules.h"
#include "utf8.h"
#include "wordlist.h"
#include "unit.h"


static rv_kind
kind_of(const char *s)
{
	uint32_t   *cps;
	size_t		n;
	rv_kind		k;

	if (rv_decode_nfc(s, strlen(s), &cps, &n, NULL) != RV_OK)
		return RV_KIND_AUTO;
	k = rv_kind_detect(cps, n);
	rv_free(cps);
	return k;
}

static void
test_kinds(void)
{
	CHECK(kind_of("Rabinowitz, Solomon") == RV_KIND_NAME);
	CHECK(kind_of("Rabinowitz, Solomon, 1880-1950") == RV_KIND_NAME);
	CHECK(kind_of("ʻAgnon, Shemuel Yosef, 1887-1970") == RV_KIND_NAME);
	CHECK(kind_of("Finkelstein, M.") == RV_KIND_NAME);
	CHECK(kind_of("Ben-Gurion, David") == RV_KIND_NAME);
	CHECK(kind_of("Moses ben Maimon, 1135-1204") == RV_KIND_NAME);
	CHECK(kind_of("Toldot ha-Yehudim ben ha-milḥamot, 1900") != RV_KIND_NAME);
	CHECK(kind_of("Warszawa : Tushiyah, 1898") == RV_KIND_IMPRINT);
	CHECK(kind_of("Berlin, 1923") == RV_KIND_IMPRINT);
	CHECK(kind_of("Yerushalayim : Mosad Byalik, 708 [1948]") == RV_KIND_IMPRINT);
	CHECK(kind_of("Tel Aviv : ʻAm ʻoved, c2001") == RV_KIND_IMPRINT);
	CHECK(kind_of("Sefer ha-ḥinukh") == RV_KIND_TITLE);
	CHECK(kind_of("Sefer ha-ḥinukh, ḥeleḳ 1") == RV_KIND_TITLE);
	/* shaped like "Berlin, 1923": taken for an imprint, which reads it the
	 * same way but for the gazetteer */
	CHECK(kind_of("Shirim, 1950-1960") == RV_KIND_IMPRINT);
	CHECK(kind_of("Toldot : meḥḳarim / Yosef Klozner, 1948") == RV_KIND_TITLE);
	CHECK(kind_of("Jacob") == RV_KIND_TITLE);
	CHECK(kind_of("") == RV_KIND_TITLE);
	CHECK(kind_of(",,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,") == RV_KIND_TITLE);
	CHECK(rv_kind_parse("name") == RV_KIND_NAME);
	CHECK(rv_kind_parse("person") == -1);
	CHECK(strcmp(rv_kind_name(RV_KIND_IMPRINT), "imprint") == 0);
}

static const char *const list_text =
"wordlist test-names\n"
"kinds name\n"
"standards israeli\n"
"word Yoav Joab = יואב   # a comment\n"
"word Wolf Volf = וולף זאב:0.5\n"
"word Wolf = זאב\n"
"word Mojżesz Moses = משה\n"
"latin Press Universität\n";

static rv_rules *
parse(const char *text, char *err)
{
	rv_rules   *r = NULL;

	if (rv_rules_parse(text, strlen(text), "test.rules", &r, err) != RV_OK)
		return NULL;
	return r;
}

static int
key_is(const char *s, const char *want)
{
	uint32_t   *cps;
	size_t		n;
	char		key[RV_WL_MAX_KEY];
	int			ok;

	if (rv_decode_nfc(s, strlen(s), &cps, &n, NULL) != RV_OK)
		return 0;
	ok = rv_wordlist_key(cps, 0, n, key) && strcmp(key, want) == 0;
	rv_free(cps);
	return ok;
}

static void
test_wordlist(void)
{
	char		err[RV_ERRLEN] = "";
	rv_rules   *r = parse(list_text, err);
	const rv_word_entry *e;

	CHECK(r != NULL);
	if (r == NULL)
	{
		printf("  %s\n", err);
		return;
	}
	CHECK(rv_rules_is_wordlist(r));
	CHECK(strcmp(rv_rules_name(r), "test-names") == 0);
	CHECK(r->words->kinds == (1u << RV_KIND_NAME));
	CHECK(r->words->nstandards == 1);
	CHECK(key_is("Yoʼav", "yoav") && key_is("Yo'av", "yoav") && key_is("YOAV", "yoav"));
	CHECK(key_is("Mojżesz", "mojzesz") && key_is("Łódź", "lodz"));
	CHECK(key_is("Groß", "gross"));
	CHECK(!key_is("ʼ'", ""));
	e = rv_wordlist_find(r->words, "yoav");
	CHECK(e != NULL && e->noptions == 1 && e->options[0].nsym == 4);
	e = rv_wordlist_find(r->words, "wolf");
	/* the first line wins for a repeated form */
	CHECK(e != NULL && e->noptions == 2 && e->options[1].weight == 0.5f);
	CHECK(rv_wordlist_find(r->words, "volf") != NULL);
	CHECK(rv_wordlist_find(r->words, "mojzesz") != NULL);
	CHECK(rv_wordlist_find(r->words, "jacob") == NULL);
	CHECK(rv_wordlist_is_foreign(r->words, "press"));
	CHECK(rv_wordlist_is_foreign(r->words, "universität"));
	CHECK(!rv_wordlist_is_foreign(r->words, "universitat"));
	rv_rules_free(r);
}

static void
test_errors(void)
{
	char		err[RV_ERRLEN] = "";

	CHECK(parse("wordlist x\nword Abraham אברהם\n", err) == NULL);
	CHECK(strstr(err, "test.rules:2:") != NULL);
	CHECK(parse("wordlist x\nword = אברהם\n", err) == NULL);
	CHECK(parse("wordlist x\nword Abraham =\n", err) == NULL);
	CHECK(parse("wordlist x\nword Abraham = Abraham\n", err) == NULL);
	CHECK(strstr(err, "Hebrew") != NULL);
	CHECK(parse("wordlist x\nword A = א:-1\n", err) == NULL);
	CHECK(parse("wordlist x\nword A = א ב ג ד ה\n", err) == NULL);
	CHECK(parse("wordlist x\nkinds person\n", err) == NULL);
	CHECK(strstr(err, "person") != NULL);
	CHECK(parse("wordlist x\nword Abrahamabrahamabrahamabrahamabrahamabrahamabraham = א\n", err) == NULL);
	CHECK(parse("wordlist\n", err) == NULL);
	/* a standard may hold words of its own and name the kinds it serves */
	{
		rv_rules   *r = parse("standard s\nkinds name\nword En = עין\na * א\n", err);

		CHECK(r != NULL && !rv_rules_is_wordlist(r) && r->words != NULL);
		rv_rules_free(r);
	}
}

static void
test_engine(void)
{
	char		err[RV_ERRLEN] = "";
	rv_rules   *std = parse("standard s\nkinds name\nw * ו\no * ו\nl * ל\nf * פ\nf $ ף\n", err);
	rv_rules   *list = parse(list_text, err);
	const rv_rules *both[2];
	rv_engine  *e = NULL;
	rv_options	opt;
	char	   *out = NULL;
	size_t		len;

	CHECK(std != NULL && list != NULL);
	if (std == NULL || list == NULL)
		return;
	/* only word lists: no engine */
	both[0] = list;
	CHECK(rv_engine_new(both, 1, NULL, &e, err) == RV_EINVAL);
	both[0] = std;
	both[1] = list;
	CHECK(rv_engine_new(both, 2, NULL, &e, err) == RV_OK);
	if (e == NULL)
		return;
	CHECK(e->nrules == 1 && e->nlists == 1);
	CHECK(rv_names_kind_standard(e, RV_KIND_NAME) == std);
	CHECK(rv_names_kind_standard(e, RV_KIND_IMPRINT) == NULL);
	rv_options_init(&opt);
	opt.kind = RV_KIND_NAME;
	CHECK(rv_convert(e, "Wolf", 4, &opt, &out, &len, err) == RV_OK &&
		  strcmp(out, "וולף") == 0);
	rv_free(out);
	opt.kind = RV_KIND_TITLE;
	CHECK(rv_convert(e, "Wolf", 4, &opt, &out, &len, err) == RV_OK &&
		  strcmp(out, "וולפ") != 0 && strcmp(out, "וולף") == 0);
	rv_free(out);
	/* a foreign word of the list stays Latin */
	opt.kind = RV_KIND_NAME;
	CHECK(rv_convert(e, "Wolf Press", 10, &opt, &out, &len, err) == RV_OK &&
		  strcmp(out, "וולף Press") == 0);
	rv_free(out);
	rv_engine_free(e);
	rv_rules_free(std);
	rv_rules_free(list);
}

int
main(void)
{
	test_kinds();
	test_wordlist();
	test_errors();
	test_engine();
	printf("%d passed, %d failed\n", npassed, nfailed);
	return nfailed > 0;
}
