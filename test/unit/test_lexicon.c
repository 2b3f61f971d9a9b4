/*
 * test_lexicon.c — unit test of the lexicon: compile a small word list,
 * look words up with and without prefix letters, walk the trie, sanity-
 * check the character model, and make sure damaged files are refused with
 * a clear message instead of being read.
 *
 * Plain C, no framework: prints one line per failure and a final
 * "N passed, M failed"; exits nonzero if anything failed.
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "alloc.h"
#include "lexicon.h"
#include "lexicon_build.h"
#include "lexicon_format.h"
#include "unit.h"


/* ---- a counting allocator: everything allocated must be freed ------------ */

static long live_blocks;

static void *
count_alloc(size_t size, void *ctx)
{
	(void) ctx;
	live_blocks++;
	return malloc(size);
}

static void *
count_realloc(void *ptr, size_t size, void *ctx)
{
	(void) ctx;
	return realloc(ptr, size);
}

static void
count_free(void *ptr, void *ctx)
{
	(void) ctx;
	live_blocks--;
	free(ptr);
}

/* ---- files ----------------------------------------------------------------- */

static char dir[64];

static const char *
tmp_path(const char *name)
{
	static char paths[8][128];
	static int	next;
	char	   *p = paths[next++ % 8];

	snprintf(p, 128, "%s/%s", dir, name);
	return p;
}

static void
write_file(const char *path, const void *data, size_t len)
{
	FILE	   *f = fopen(path, "wb");

	if (f == NULL || fwrite(data, 1, len, f) != len || fclose(f) != 0)
	{
		perror(path);
		exit(2);
	}
}

static unsigned char *
read_file(const char *path, size_t *len)
{
	FILE	   *f = fopen(path, "rb");
	unsigned char *buf;
	long		n;

	if (f == NULL || fseek(f, 0, SEEK_END) != 0 || (n = ftell(f)) < 0)
	{
		perror(path);
		exit(2);
	}
	rewind(f);
	buf = malloc(n ? n : 1);
	if (buf == NULL || fread(buf, 1, n, f) != (size_t) n)
	{
		perror(path);
		exit(2);
	}
	fclose(f);
	*len = n;
	return buf;
}

/*
 * A hunspell-style list: a count line, /flags, a CRLF line, a Latin word
 * and a blank line (both skipped), a duplicate, a U+05F3 geresh.  The שלו
 * words make "של" + "ו" common for the character-model check.
 */
static const char wordlist[] =
	"17\n"
	"ספר/a\n"
	"ספרים/b\n"
	"ספרה\r\n"
	"hello\n"
	"\n"
	"שלום/c\n"
	"שלומי\n"
	"שלושה\n"
	"שלוש\n"
	"שלוה\n"
	"שלוחה\n"
	"ורד\n"
	"וילון\n"
	"בית\n"
	"בתים\n"
	"בית\n"
	"א\"י\n"
	"ג\xd7\xb3ירפה\n";

/* ---- tests ------------------------------------------------------------------ */

static int
contains(const rv_lexicon *lex, const char *w)
{
	return rv_lex_contains(lex, w, strlen(w));
}

static void
test_build_errors(void)
{
	char		err[RV_ERRLEN];

	CHECK(rv_lexicon_build(tmp_path("missing.txt"), NULL, tmp_path("x.rvlex"), err) == RV_EIO);
	CHECK(strstr(err, "cannot open word list") != NULL);
	write_file(tmp_path("latin.txt"), "hello\nworld\n", 12);
	CHECK(rv_lexicon_build(tmp_path("latin.txt"), NULL, tmp_path("x.rvlex"), err) == RV_EFORMAT);
	CHECK(strstr(err, "contains no Hebrew words") != NULL);
	unlink(tmp_path("latin.txt"));
}

static void
test_membership(const rv_lexicon *lex)
{
	CHECK(contains(lex, "ספר"));
	CHECK(contains(lex, "ספרים"));
	CHECK(contains(lex, "ספרה"));	/* the CRLF line */
	CHECK(contains(lex, "בתים"));
	CHECK(contains(lex, "א\"י"));
	CHECK(contains(lex, "א\xd7\xb4י"));	/* U+05F4 gershayim */
	CHECK(contains(lex, "ג'ירפה"));
	CHECK(contains(lex, "ג\xd7\xb3ירפה"));
	CHECK(!contains(lex, "ספ"));
	CHECK(!contains(lex, "ספרי"));
	CHECK(!contains(lex, "hello"));
	CHECK(!contains(lex, ""));
	CHECK(!contains(lex, "ספר "));
	CHECK(!contains(lex, "\xd7"));	/* truncated UTF-8 */
	CHECK(!contains(lex, "\xe0\x80\xaf"));	/* overlong */
}

static void
test_prefixes(const rv_lexicon *lex)
{
	CHECK(contains(lex, "והספר"));
	CHECK(contains(lex, "בספר"));
	CHECK(contains(lex, "מהספר"));
	CHECK(contains(lex, "ושבספרים"));
	CHECK(contains(lex, "ולכשבבית"));
	CHECK(contains(lex, "כשהבית"));
	CHECK(!contains(lex, "ההספר"));	/* ה twice is no prefix */
	CHECK(!contains(lex, "תספר"));
	CHECK(!contains(lex, "ו"));
	/* a word starting with ו doubles it behind any prefix but ו */
	CHECK(contains(lex, "וורד"));
	CHECK(contains(lex, "בוורד"));
	CHECK(contains(lex, "שהוורד"));
	CHECK(!contains(lex, "בורד"));
	CHECK(contains(lex, "ווילון"));
	CHECK(contains(lex, "כווילון"));
}

static rv_lexnode
walk(const rv_lexicon *lex, const int *syms, int n)
{
	rv_lexnode	node = rv_lex_root(lex);
	int			i;

	for (i = 0; i < n; i++)
		node = rv_lex_step(lex, node, syms[i]);
	return node;
}

static void
test_walk(const rv_lexicon *lex)
{
	int			sefer[3] = {0x05E1 - 0x05D0, 0x05E4 - 0x05D0, 0x05E8 - 0x05D0};
	rv_lexnode	n;

	CHECK(rv_sym_from_cp(0x05D0) == 0);
	CHECK(rv_sym_from_cp(0x05EA) == 26);
	CHECK(rv_sym_from_cp('\'') == RV_SYM_GERESH);
	CHECK(rv_sym_from_cp(0x05F3) == RV_SYM_GERESH);
	CHECK(rv_sym_from_cp('"') == RV_SYM_GERSHAYIM);
	CHECK(rv_sym_from_cp(0x05F4) == RV_SYM_GERSHAYIM);
	CHECK(rv_sym_from_cp('a') == -1);
	CHECK(rv_sym_from_cp(0x05BE) == -1);	/* maqaf */

	CHECK(rv_lex_root(lex) != RV_LEX_NONE);
	CHECK(!rv_lex_is_word(lex, rv_lex_root(lex)));
	n = walk(lex, sefer, 2);
	CHECK(n != RV_LEX_NONE && !rv_lex_is_word(lex, n));
	n = walk(lex, sefer, 3);
	CHECK(n != RV_LEX_NONE && rv_lex_is_word(lex, n));
	CHECK(rv_lex_step(lex, n, 0x05D9 - 0x05D0) != RV_LEX_NONE);	/* ספרי.. */
	CHECK(rv_lex_step(lex, n, 0) == RV_LEX_NONE);	/* no ספרא.. */
	CHECK(rv_lex_step(lex, n, RV_SYM_BOUNDARY) == RV_LEX_NONE);
	CHECK(rv_lex_step(lex, n, -1) == RV_LEX_NONE);
	CHECK(rv_lex_step(lex, n, 1000) == RV_LEX_NONE);
	CHECK(rv_lex_step(lex, RV_LEX_NONE, 0) == RV_LEX_NONE);
	CHECK(rv_lex_step(lex, RV_LEX_NONE - 1, 0) == RV_LEX_NONE);
	CHECK(!rv_lex_is_word(lex, RV_LEX_NONE));
}

/* Cost of a symbol string from the start of a word, without its end. */
static double
cost_of(const rv_lexicon *lex, const int *syms, int n)
{
	rv_charctx	ctx = rv_lex_ctx_start(lex);
	double		bits = 0;
	int			i;

	for (i = 0; i < n; i++)
	{
		bits += rv_lex_char_cost(lex, ctx, syms[i]);
		ctx = rv_lex_ctx_push(lex, ctx, syms[i]);
	}
	return bits;
}

static void
test_charmodel(const rv_lexicon *lex)
{
	int			shin = 0x05E9 - 0x05D0,
				lamed = 0x05DC - 0x05D0,
				vav = 0x05D5 - 0x05D0,
				tsadi = 0x05E5 - 0x05D0;	/* final ץ */
	int			common[3] = {shin, lamed, vav};
	int			odd[3] = {tsadi, tsadi, tsadi};
	int			shl_tsadi[3] = {shin, lamed, tsadi};
	rv_charctx	ctx = rv_lex_ctx_start(lex);
	double		total = 0;
	int			s;

	CHECK(cost_of(lex, common, 3) < cost_of(lex, odd, 3));
	CHECK(cost_of(lex, common, 3) < cost_of(lex, shl_tsadi, 3));
	/* every cost finite and positive; the distribution sums to ~1 */
	ctx = rv_lex_ctx_push(lex, ctx, shin);
	ctx = rv_lex_ctx_push(lex, ctx, lamed);
	for (s = 0; s < RV_NSYMS; s++)
	{
		double		c = rv_lex_char_cost(lex, ctx, s);

		CHECK(isfinite(c) && c > 0);
		total += pow(2, -c);
	}
	CHECK(fabs(total - 1) < 0.01);
	/* out-of-range arguments stay finite rather than reading past the table */
	CHECK(isfinite(rv_lex_char_cost(lex, ctx, 99)));
	CHECK(isfinite(rv_lex_char_cost(lex, UINT32_MAX, 0)));
	CHECK(rv_lex_char_cost(lex, rv_lex_ctx_push(lex, UINT32_MAX, -5), 0) < 1000);
}

/* Write a damaged copy of the good file and expect RV_EFORMAT + message. */
static void
expect_refused(const unsigned char *data, size_t len, const char *name,
			   rv_status want, const char *message, int line)
{
	char		err[RV_ERRLEN] = "";
	rv_lexicon *lex = (rv_lexicon *) 1;
	rv_status	st;

	write_file(tmp_path(name), data, len);
	st = rv_lexicon_open(tmp_path(name), &lex, err);
	check(st == want, name, line);
	check(lex == NULL, "no lexicon returned on error", line);
	check(strstr(err, message) != NULL, message, line);
	if (strstr(err, message) == NULL)
		printf("  got message: %s\n", err);
	if (strstr(err, name) == NULL)
		check(0, "the message names the file", line);
	unlink(tmp_path(name));
}

/* Recompute the checksum after a deliberate change inside a section. */
static void
reseal(unsigned char *data, size_t len)
{
	rvlex_header hdr;

	memcpy(&hdr, data, sizeof(hdr));
	hdr.checksum = rvlex_checksum(data + sizeof(hdr), len - sizeof(hdr));
	memcpy(data, &hdr, sizeof(hdr));
}

/* Offset of the first section of a type. */
static size_t
section_offset(const unsigned char *data, uint32_t type)
{
	rvlex_header hdr;
	rvlex_section sec;
	uint32_t	i;

	memcpy(&hdr, data, sizeof(hdr));
	for (i = 0; i < hdr.nsections; i++)
	{
		memcpy(&sec, data + sizeof(hdr) + i * sizeof(sec), sizeof(sec));
		if (sec.type == type)
			return (size_t) sec.offset;
	}
	return 0;
}

static void
test_damaged(const char *good)
{
	size_t		len;
	unsigned char *orig = read_file(good, &len);
	unsigned char *d = malloc(len);
	uint32_t	v;
	size_t		off;
	char		err[RV_ERRLEN];
	rv_lexicon *lex;

	expect_refused(orig, len - 100, "truncated.rvlex", RV_EFORMAT,
				   "is truncated", __LINE__);
	expect_refused(orig, 20, "stub.rvlex", RV_EFORMAT,
				   "shorter than the header", __LINE__);
	expect_refused((const unsigned char *) "hello", 5, "tiny.rvlex", RV_EFORMAT,
				   "bad magic", __LINE__);

	memcpy(d, orig, len);
	d[len / 2] ^= 0x10;
	expect_refused(d, len, "flipped.rvlex", RV_EFORMAT, "checksum mismatch",
				   __LINE__);

	memcpy(d, orig, len);
	d[0] = 'X';
	expect_refused(d, len, "magic.rvlex", RV_EFORMAT, "bad magic", __LINE__);

	memcpy(d, orig, len);
	v = 9;
	memcpy(d + offsetof(rvlex_header, version), &v, sizeof(v));
	expect_refused(d, len, "version.rvlex", RV_EFORMAT,
				   "has format version 9, this revrit reads versions 1 to 3", __LINE__);

	/* a node index out of range behind a valid checksum: caught by the
	 * structural check, not by a crash later */
	memcpy(d, orig, len);
	off = section_offset(d, RVLEX_SEC_DAWG) + sizeof(rvlex_dawg_header) +
		offsetof(rvlex_node, first);
	v = 0x7FFFFFFF;
	memcpy(d + off, &v, sizeof(v));
	reseal(d, len);
	expect_refused(d, len, "badnode.rvlex", RV_EFORMAT, "malformed word trie",
				   __LINE__);

	/* the character model's order, likewise */
	memcpy(d, orig, len);
	off = section_offset(d, RVLEX_SEC_CHARMODEL);
	v = 7;
	memcpy(d + off, &v, sizeof(v));
	reseal(d, len);
	expect_refused(d, len, "badorder.rvlex", RV_EFORMAT,
				   "malformed character model", __LINE__);

	CHECK(rv_lexicon_open(tmp_path("nonexistent.rvlex"), &lex, err) == RV_EIO);
	CHECK(strstr(err, "cannot open lexicon") != NULL);
	free(d);
	free(orig);
}

/* A common-words list tags its words, adds the ones the dictionary lacks,
 * and leaves dictionary-only words tagged as such. */
static void
test_common_words(void)
{
	static const char common[] = "ספר\nמשה\n";
	char		list[4096],
				clist[4096],
				out[4096];
	char		err[RV_ERRLEN];
	rv_lexicon *lex;

	/* tmp_path() reuses its buffers */
	snprintf(list, sizeof(list), "%s", tmp_path("common-dict.dic"));
	write_file(list, wordlist, sizeof(wordlist) - 1);
	snprintf(clist, sizeof(clist), "%s", tmp_path("common.txt"));
	snprintf(out, sizeof(out), "%s", tmp_path("common.rvlex"));
	write_file(clist, common, sizeof(common) - 1);
	CHECK(rv_lexicon_build(list, clist, out, err) == RV_OK);
	if (rv_lexicon_open(out, &lex, err) != RV_OK)
	{
		printf("FAIL: cannot open the lexicon with common words: %s\n", err);
		nfailed++;
		return;
	}
	CHECK(rv_lex_has_common(lex));
	CHECK(rv_lex_word_tags(lex, rv_lex_lookup(lex, "ספר", strlen("ספר"))) == (RV_LEX_DICT | RV_LEX_COMMON));
	CHECK(rv_lex_word_tags(lex, rv_lex_lookup(lex, "משה", strlen("משה"))) == RV_LEX_COMMON);
	CHECK(rv_lex_word_tags(lex, rv_lex_lookup(lex, "שלום", strlen("שלום"))) == RV_LEX_DICT);
	CHECK(rv_lex_word_tags(lex, rv_lex_lookup(lex, "שלו", strlen("שלו"))) == 0);
	CHECK(rv_lex_contains(lex, "משה", strlen("משה")));
	rv_lexicon_close(lex);
	unlink(out);
	unlink(clist);
	unlink(list);
}

/* A wordfreq cB pack by hand: [{"format": "cB"}, [], ["ספר"], ..., ["חדשני"]]
 * with ספר at 1 centibel and חדשני (in no list) at 25. */
static size_t
make_pack(unsigned char *p)
{
	static const unsigned char head[] = {
		0xDC, 0x00, 27,			/* array16 of 27: header + 26 buckets */
		0x81, 0xA6, 'f', 'o', 'r', 'm', 'a', 't', 0xA2, 'c', 'B',
		0x90,					/* bucket 0: empty */
		0x91, 0xA6, 0xD7, 0xA1, 0xD7, 0xA4, 0xD7, 0xA8,	/* ספר */
	};
	static const unsigned char last[] = {
		0x91, 0xAA, 0xD7, 0x97, 0xD7, 0x93, 0xD7, 0xA9, 0xD7, 0xA0, 0xD7, 0x99,
	};
	size_t		n = sizeof(head);

	memcpy(p, head, n);
	for (int b = 2; b < 25; b++)
		p[n++] = 0x90;
	memcpy(p + n, last, sizeof(last));
	return n + sizeof(last);
}

static void
test_frequencies(void)
{
	unsigned char pack[256];
	size_t		len = make_pack(pack);
	char		list[4096],
				fpath[4096],
				out[4096];
	char		err[RV_ERRLEN];
	rv_lexicon *lex;

	snprintf(list, sizeof(list), "%s", tmp_path("freq-dict.dic"));
	write_file(list, wordlist, sizeof(wordlist) - 1);
	snprintf(fpath, sizeof(fpath), "%s", tmp_path("freq.msgpack"));
	snprintf(out, sizeof(out), "%s", tmp_path("freq.rvlex"));
	/* truncated and foreign packs are refused, never read past their end */
	write_file(fpath, pack, len - 3);
	CHECK(rv_lexicon_build_freq(list, NULL, fpath, out, err) == RV_EFORMAT);
	write_file(fpath, "\x93\x01\x02\x03", 4);
	CHECK(rv_lexicon_build_freq(list, NULL, fpath, out, err) == RV_EFORMAT);
	write_file(fpath, pack, len);
	CHECK(rv_lexicon_build_freq(list, NULL, fpath, out, err) == RV_OK);
	if (rv_lexicon_open(out, &lex, err) != RV_OK)
	{
		printf("FAIL: cannot open the lexicon with frequencies: %s\n", err);
		nfailed++;
		return;
	}
	CHECK(rv_lex_has_freq(lex));
	/* class 1 (0..9 cB): the middle of it, 0.05 in -log10 */
	CHECK(fabs(rv_lex_word_cost(lex, rv_lex_lookup(lex, "ספר", strlen("ספר"))) - 0.05) < 1e-9);
	CHECK(fabs(rv_lex_word_cost(lex, rv_lex_lookup(lex, "חדשני", strlen("חדשני"))) - 0.25) < 1e-9);
	CHECK(rv_lex_word_cost(lex, rv_lex_lookup(lex, "ספרים", strlen("ספרים"))) < 0);
	CHECK(rv_lex_word_tags(lex, rv_lex_lookup(lex, "חדשני", strlen("חדשני"))) == RV_LEX_FREQ);
	CHECK(rv_lex_word_tags(lex, rv_lex_lookup(lex, "ספר", strlen("ספר"))) == RV_LEX_DICT);
	rv_lexicon_close(lex);
	unlink(out);
	unlink(fpath);
	unlink(list);
}

int
main(void)
{
	static const rv_allocator counting = {count_alloc, count_realloc, count_free, NULL};
	char		err[RV_ERRLEN];
	rv_lexicon *lex = NULL;
	char		list[128],
				out[128];

	rv_set_allocator(&counting);
	strcpy(dir, "/tmp/test_lexicon.XXXXXX");
	if (mkdtemp(dir) == NULL)
	{
		perror("mkdtemp");
		return 2;
	}
	/* copies: tmp_path() reuses its buffers */
	snprintf(list, sizeof(list), "%s", tmp_path("words.dic"));
	snprintf(out, sizeof(out), "%s", tmp_path("words.rvlex"));
	write_file(list, wordlist, sizeof(wordlist) - 1);

	test_build_errors();
	CHECK(rv_lexicon_build(list, NULL, out, err) == RV_OK);
	if (rv_lexicon_open(out, &lex, err) != RV_OK)
	{
		printf("FAIL: cannot open the compiled lexicon: %s\n", err);
		nfailed++;
	}
	else
	{
		test_membership(lex);
		test_prefixes(lex);
		test_walk(lex);
		test_charmodel(lex);
		CHECK(!rv_lex_has_common(lex));
		CHECK(rv_lex_word_tags(lex, rv_lex_lookup(lex, "ספר", strlen("ספר"))) == RV_LEX_DICT);
		rv_lexicon_close(lex);
		test_damaged(out);
		test_common_words();
		test_frequencies();
	}
	CHECK(live_blocks == 0);

	unlink(out);
	unlink(list);
	rmdir(dir);
	printf("%d passed, %d failed\n", npassed, nfailed);
	return nfailed ? 1 : 0;
}
