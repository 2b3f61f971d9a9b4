/*
 * test_bounded.c — unit tests of the reliability contract through the
 * public core API: the hash k-best lists agree with the sorted-array ones
 * and list every alternative up to n; the interrupt callback runs inside
 * the search; the analysis streams as events and lists more than 64
 * alternatives; the rules-directory policy; lexicon checks before any body
 * byte is read (FIFO, header) and a lexicon over a host's buffer.
 *
 * Plain C, no framework: one line per failure and "N passed, M failed".
 */
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "revrit.h"
#include "unit.h"


static rv_engine *engine;

typedef struct list
{
	int			n;
	double		score[1100];
	char	   *hebrew[1100];
} list;

static int
collect(const rv_candidate *c, void *arg)
{
	list	   *l = arg;

	if (c->word == 1 && l->n < 1100)
	{
		l->score[l->n] = c->score;
		l->hebrew[l->n++] = strdup(c->hebrew);
	}
	return 0;
}

static void
free_list(list *l)
{
	for (int i = 0; i < l->n; i++)
		free(l->hebrew[i]);
	l->n = 0;
}

/* k = 16 keeps sorted arrays, k = 17 and up heaps: the same best 16. */
static void
test_kbest(void)
{
	static list a,
				b;
	const char *word = "Mishpaḥat ha-Yerushalmi";
	char		err[RV_ERRLEN];
	int			same = 1,
				sorted = 1,
				distinct = 1;

	CHECK(rv_candidates(engine, word, strlen(word), 16, NULL, collect, &a, err) == RV_OK);
	CHECK(rv_candidates(engine, word, strlen(word), 1000, NULL, collect, &b, err) == RV_OK);
	CHECK(a.n == 16 && b.n > 64);
	for (int i = 0; i < a.n && i < b.n; i++)
		same &= a.score[i] == b.score[i];
	for (int i = 1; i < b.n; i++)
	{
		sorted &= b.score[i - 1] <= b.score[i];
		for (int j = 0; j < i; j++)
			distinct &= strcmp(b.hebrew[i], b.hebrew[j]) != 0;
	}
	CHECK(same);
	CHECK(sorted);
	CHECK(distinct);
	free_list(&a);
	free_list(&b);
}

static int	interrupts;

static void
count_interrupt(void *arg)
{
	(void) arg;
	interrupts++;
}

/* One long word at n = 1000 calls the callback inside the search. */
static void
test_interrupt(void)
{
	rv_options	o;
	static list l;
	char		err[RV_ERRLEN];
	char		word[129];

	for (int i = 0; i < 64; i++)
		memcpy(word + 2 * i, "ae", 2);
	word[128] = '\0';
	rv_options_init(&o);
	o.interrupt = count_interrupt;
	CHECK(rv_candidates(engine, word, 64, 1000, &o, collect, &l, err) == RV_OK);
	CHECK(interrupts > 2);		/* once for the word, and inside */
	free_list(&l);
	CHECK(rv_candidates(engine, word, 64, RV_MAX_CANDIDATES + 1, &o, collect,
						&l, err) == RV_EINVAL);
}

static int	events[9];

static void ev_bo(void *a) { (void) a; events[0]++; }
static void ev_eo(void *a) { (void) a; events[1]++; }
static void ev_ba(void *a) { (void) a; events[2]++; }
static void ev_ea(void *a) { (void) a; events[3]++; }
static void ev_k(const char *s, size_t n, void *a) { (void) s; (void) n; (void) a; events[4]++; }
static void ev_s(const char *s, size_t n, void *a) { (void) s; (void) n; (void) a; events[5]++; }
static void ev_n(const char *s, size_t n, void *a) { (void) s; (void) n; (void) a; events[6]++; }
static void ev_b(int v, void *a) { (void) v; (void) a; events[7]++; }
static void ev_z(void *a) { (void) a; events[8]++; }

/* Balanced events; the JSON text carries more than 64 alternatives. */
static void
test_analyze(void)
{
	rv_event_sink sink = {ev_bo, ev_eo, ev_ba, ev_ea, ev_k, ev_s, ev_n, ev_b, ev_z, NULL};
	const char *text = "Milḥemet ha-ʻatsmaʼut";
	char		err[RV_ERRLEN];
	char	   *json = NULL;
	size_t		len;
	int			alts = 0;

	CHECK(rv_analyze_events(engine, text, strlen(text), 200, NULL, &sink, err) == RV_OK);
	CHECK(events[0] == events[1] && events[2] == events[3] && events[0] > 0);
	CHECK(events[6] > 64);		/* scores: more than the old cut */
	CHECK(rv_analyze(engine, text, strlen(text), 200, NULL, &json, &len, err) == RV_OK);
	for (const char *p = json; (p = strstr(p, "\"score\"")) != NULL; p++)
		alts++;
	CHECK(alts == events[6]);
	CHECK(json[0] == '{' && json[len - 1] == '}');
	rv_free(json);
}

static void
test_rules_order(void)
{
	char	   *names[] = {strdup("din1982.rules"), strdup(".hidden.rules"),
		strdup("README.md"), strdup("ala-lc.rules"), strdup("a.rules")};
	int			n = rv_rules_order_files(names, 5);

	CHECK(n == 3);
	CHECK(n == 3 && strcmp(names[0], "ala-lc.rules") == 0 &&
		  strcmp(names[1], "a.rules") == 0 && strcmp(names[2], "din1982.rules") == 0);
	CHECK(!rv_rules_is_file(".x.rules") && !rv_rules_is_file(".rules") &&
		  rv_rules_is_file("x.rules"));
	for (int i = 0; i < 5; i++)
		free(names[i]);
}

/* A FIFO is refused at once (it used to block in open()); a bad header
 * before any body byte; a good file works over a buffer of the host's. */
static void
test_lexicon(void)
{
	char		fifo[64] = "/tmp/revrit-test-fifo-XXXXXX";
	char		err[RV_ERRLEN];
	rv_lexicon *lex = NULL;
	static const char junk[64] = "not a lexicon";
	FILE	   *f;

	CHECK(mkdtemp(fifo) != NULL);
	strcat(fifo, "/f");
	CHECK(mkfifo(fifo, 0600) == 0);
	CHECK(rv_lexicon_open(fifo, &lex, err) == RV_EFORMAT && strstr(err, "not a regular file"));
	unlink(fifo);
	*strrchr(fifo, '/') = '\0';
	rmdir(fifo);

	CHECK(rv_lexicon_check_header(junk, sizeof(junk), 1ull << 31, "junk", NULL, err) != RV_OK);
	CHECK(rv_lexicon_check_header(junk, sizeof(junk), sizeof(junk), "junk", NULL, err) == RV_EFORMAT);

	f = fopen("build/hebrew.rvlex", "rb");
	if (f)
	{
		static char buf[64 << 20];
		size_t		len = fread(buf, 1, sizeof(buf), f);
		unsigned long long sum = 0;

		fclose(f);
		CHECK(rv_lexicon_check_header(buf, rv_lexicon_header_size(), len,
									  "hebrew", &sum, err) == RV_OK && sum != 0);
		CHECK(rv_lexicon_attach(buf, len, "hebrew", &lex, err) == RV_OK);
		rv_lexicon_close(lex);
		buf[len / 2] ^= 1;
		CHECK(rv_lexicon_attach(buf, len, "hebrew", &lex, err) == RV_EFORMAT);
	}
}

int
main(void)
{
	const char *dir = getenv("REVRIT_RULES");
	char		path[512];
	char		err[RV_ERRLEN];
	rv_rules   *rules;

	snprintf(path, sizeof(path), "%s/ala-lc.rules", dir && dir[0] ? dir : "rules");
	if (rv_rules_load(path, &rules, err) != RV_OK ||
		rv_engine_new((const rv_rules *const *) &rules, 1, NULL, &engine, err) != RV_OK)
	{
		printf("FAIL: %s\n0 passed, 1 failed\n", err);
		return 1;
	}
	test_kbest();
	test_interrupt();
	test_analyze();
	test_rules_order();
	test_lexicon();
	rv_engine_free(engine);
	rv_rules_free(rules);
	printf("%d passed, %d failed\n", npassed, nfailed);
	return nfailed != 0;
}
