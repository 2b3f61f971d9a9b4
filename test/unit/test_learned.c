/*
 * test_learned.c — unit tests of the learned layer's public API (revrit.h):
 * the map (normalized keys, counts added up, bad counts refused), the
 * learned spelling winning in rv_convert and losing when learning is not
 * passed, alignment keeping plausible pairs and dropping a translation and
 * an added word, match scores, whole-title spellings and folds.  ALA-LC
 * rules, no lexicon, so every expectation is decided by the rules.
 *
 * Prints one line per failure and "N passed, M failed"; exits nonzero if
 * anything failed.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "revrit.h"
#include "unit.h"


static rv_engine *engine;
static rv_rules *rules;

static void
open_engine(void)
{
	char		path[1024];
	char		err[RV_ERRLEN];
	const char *dir = getenv("REVRIT_RULES");
	const rv_rules *r[1];

	snprintf(path, sizeof(path), "%s/ala-lc.rules", dir ? dir : "rules");
	if (rv_rules_load(path, &rules, err) != RV_OK)
	{
		printf("cannot load %s: %s\n", path, err);
		exit(1);
	}
	r[0] = rules;
	if (rv_engine_new(r, 1, NULL, &engine, err) != RV_OK)
	{
		printf("cannot build an engine: %s\n", err);
		exit(1);
	}
}

/* rv_convert as a string; "" on failure. */
static char out[1024];

static const char *
convert(const char *text, const rv_learned *learned)
{
	rv_options	opt;
	char	   *s = NULL;
	size_t		len;
	char		err[RV_ERRLEN];

	rv_options_init(&opt);
	opt.learned = learned;
	out[0] = '\0';
	if (rv_convert(engine, text, strlen(text), &opt, &s, &len, err) == RV_OK)
	{
		snprintf(out, sizeof(out), "%s", s);
		rv_free(s);
	}
	return out;
}

static int
count_pairs(const char *roman, const char *hebrew, long count, void *arg)
{
	long	   *n = arg;

	(void) roman;
	(void) hebrew;
	*n += count;
	return 0;
}

/* The pairs of an alignment, "roman=hebrew;" each. */
static char pairs[1024];

static int
list_pair(const char *roman, const char *hebrew, long count, void *arg)
{
	size_t		used = strlen(pairs);

	(void) count;
	(void) arg;
	snprintf(pairs + used, sizeof(pairs) - used, "%s=%s;", roman, hebrew);
	return 0;
}

static void
test_map(void)
{
	rv_learned *m;
	char		err[RV_ERRLEN];
	long		total = 0;

	CHECK(rv_learned_new(&m, err) == RV_OK);
	CHECK(rv_learned_add(m, "Aharon", 6, "אהרן", strlen("אהרן"), 2, err) == RV_OK);
	/* case and apostrophe look-alikes make the same key */
	CHECK(rv_learned_add(m, "AHARON", 6, "אהרן", strlen("אהרן"), 1, err) == RV_OK);
	CHECK(rv_learned_add(m, "Yisra'el", 8, "ישראל", strlen("ישראל"), 1, err) == RV_OK);
	CHECK(rv_learned_add(m, "Yisraʼel", strlen("Yisraʼel"), "ישראל", strlen("ישראל"), 1, err) == RV_OK);
	CHECK(rv_learned_size(m) == 2);
	rv_learned_each(m, count_pairs, &total);
	CHECK(total == 5);
	CHECK(rv_learned_add(m, "x", 1, "א", strlen("א"), 0, err) == RV_EINVAL);
	CHECK(rv_learned_add(m, "x", 1, "\xff", 1, 1, err) == RV_EUNICODE);

	CHECK(strcmp(convert("Aharon Kohen", NULL), "אהרון כוהן") == 0);
	CHECK(strcmp(convert("Aharon Kohen", m), "אהרן כוהן") == 0);
	CHECK(strcmp(convert("le-Aharon", m), "לאהרון") == 0);	/* another word */
	rv_learned_free(m);
}

static void
test_align(void)
{
	char		err[RV_ERRLEN];
	double		s[3];
	const char *heb[3] = {"תורת החנוך", "תורת המשפט", "The book"};
	size_t		hlen[3];

	pairs[0] = '\0';
	CHECK(rv_learned_align(engine, "Torat ha-ḥinukh / Aharon Kohen",
						   strlen("Torat ha-ḥinukh / Aharon Kohen"),
						   "תורת החנוך החדשה / אהרן כהן",
						   strlen("תורת החנוך החדשה / אהרן כהן"), NULL,
						   list_pair, NULL, err) == RV_OK);
	CHECK(strcmp(pairs, "Torat=תורת;ha-ḥinukh=החנוך;Aharon=אהרן;Kohen=כהן;") == 0);
	pairs[0] = '\0';
	CHECK(rv_learned_align(engine, "The Hasidic tales", 17, "ספורי החסידים",
						   strlen("ספורי החסידים"), NULL, list_pair, NULL,
						   err) == RV_OK);
	CHECK(pairs[0] == '\0');

	/* too many words for one alignment: an error, found before the
	 * romanized side is converted past the bound */
	{
		size_t		nw = 1100;
		char	   *rom = malloc(nw * 6 + 1),
				   *hw = malloc(nw * 7 + 1);

		rom[0] = hw[0] = '\0';
		for (size_t i = 0; i < nw; i++)
		{
			strcat(rom, "Sefer ");
			strcat(hw, "ספר ");
		}
		CHECK(rv_learned_align(engine, rom, strlen(rom), hw, strlen(hw), NULL,
							   NULL, NULL, err) == RV_ETOOLONG);
		CHECK(strstr(err, "too long to align") != NULL);
		free(rom);
		free(hw);
	}

	for (int i = 0; i < 3; i++)
		hlen[i] = strlen(heb[i]);
	CHECK(rv_learned_match(engine, "Torat ha-ḥinukh", strlen("Torat ha-ḥinukh"), heb, hlen, 3, NULL,
						   s, err) == RV_OK);
	CHECK(s[0] > 0.7 && s[1] < s[0] && s[2] == 0);

	pairs[0] = '\0';
	CHECK(rv_learned_titles(engine, "Sefer ha-ḥinukh", strlen("Sefer ha-ḥinukh"),
							NULL, 2, list_pair, NULL, err) == RV_OK);
	CHECK(strncmp(pairs, "ספר החינוך=;", strlen("ספר החינוך=;")) == 0);

	CHECK(rv_learned_fold("abc", 3, 5) == rv_learned_fold("abc", 3, 5));
	CHECK(rv_learned_fold("abc", 3, 5) < 5);
}

int
main(void)
{
	open_engine();
	test_map();
	test_align();
	rv_engine_free(engine);
	rv_rules_free(rules);
	printf("%d passed, %d failed\n", npassed, nfailed);
	return nfailed ? 1 : 0;
}
