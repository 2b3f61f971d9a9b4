/*
 * lexicon_build.c — compile a word list into a .rvlex lexicon file.
 *
 * Three steps: read the words (a hunspell .dic or a plain list) as symbol
 * strings, sorted and unique; fold them into a minimized DAWG with Daciuk's
 * incremental algorithm for sorted input; train an interpolated
 * Kneser-Ney character model on the same words.  The result is written to
 * a temporary file and renamed into place, so a backend that has the old
 * file mapped keeps a consistent view.
 */
#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "alloc.h"
#include "buf.h"
#include "lexicon.h"
#include "lexicon_build.h"
#include "lexicon_format.h"
#include "wordfreq.h"

/* Order of the character model: 4 measured better than 3 (see
 * docs/lexicon-format.md); 5 would need a 48 MB dense table. */
#define BUILD_ORDER			4
#define LINE_MAX_BYTES		1024

/* Frequency classes are RVLEX_FREQ_STEP centibels wide (10 = a factor of
 * 1.26); a form only the frequency list has becomes a lexicon word when
 * at least 10^(-RVLEX_FREQ_ONLY_MAX_CB/100) frequent: one in ten million
 * words adds 118,000 forms (names, inflections) and raised Yiddish from
 * 0.295 to 0.304 Hebrew words; all 406,000 (900) gave 0.308 for a 50%
 * larger file and a slower search; catalog_dev did not change. */
#ifndef RVLEX_FREQ_STEP
#define RVLEX_FREQ_STEP		10
#endif
#ifndef RVLEX_FREQ_ONLY_MAX_CB
#define RVLEX_FREQ_ONLY_MAX_CB	700
#endif

/* ---- reading the word list ----------------------------------------------- */

/*
 * Words are kept as records in one arena: a length byte, then that many
 * symbols.  Offsets, not pointers, while the arena can still move.
 */
typedef struct wordset
{
	unsigned char *arena;
	size_t		used,
				cap;
	size_t	   *offs;
	size_t		n,
				ncap;
	size_t		skipped;		/* lines that were not a Hebrew word */
} wordset;

static void
wordset_free(wordset *ws)
{
	rv_free(ws->arena);
	rv_free(ws->offs);
}

/* Strip the line ending, any "/flags" and surrounding blanks in place. */
static size_t
clean_line(char *line)
{
	char	   *start = line,
			   *end;

	end = strchr(line, '/');
	if (end == NULL)
		end = line + strlen(line);
	while (end > start && (end[-1] == '\n' || end[-1] == '\r' ||
						   end[-1] == ' ' || end[-1] == '\t'))
		end--;
	while (start < end && (*start == ' ' || *start == '\t'))
		start++;
	memmove(line, start, end - start);
	line[end - start] = '\0';
	return end - start;
}

/* A hunspell .dic starts with its word count; a plain list may not. */
static int
is_count_line(const char *line)
{
	if (*line == '\0')
		return 0;
	for (; *line; line++)
		if (*line < '0' || *line > '9')
			return 0;
	return 1;
}

static int
wordset_add(wordset *ws, const unsigned char *syms, size_t n)
{
	if (!rv_grow((void **) &ws->arena, &ws->cap, ws->used + n + 1, 1, 65536) ||
		!rv_grow((void **) &ws->offs, &ws->ncap, ws->n + 1, sizeof(size_t),
				 1024))
		return 0;
	ws->offs[ws->n++] = ws->used;
	ws->arena[ws->used] = (unsigned char) n;
	memcpy(ws->arena + ws->used + 1, syms, n);
	ws->used += n + 1;
	return 1;
}

/* Discard the rest of an overlong line. */
static void
skip_rest_of_line(FILE *f)
{
	int			c;

	while ((c = getc(f)) != EOF && c != '\n')
		;
}

static rv_status
read_wordlist(const char *path, wordset *ws, char *err)
{
	FILE	   *f = fopen(path, "r");
	char		line[LINE_MAX_BYTES];
	unsigned char syms[RVLEX_MAX_WORD];
	int			lineno = 0;

	if (f == NULL)
	{
		rv_seterr(err, "cannot open word list \"%s\": %s", path, strerror(errno));
		return RV_EIO;
	}
	while (fgets(line, sizeof(line), f))
	{
		size_t		len,
					n;

		lineno++;
		if (strchr(line, '\n') == NULL && !feof(f))
		{
			skip_rest_of_line(f);
			ws->skipped++;
			continue;
		}
		len = clean_line(line);
		if (len == 0 || (lineno == 1 && is_count_line(line)))
			continue;
		n = rv_syms_from_utf8(line, len, syms, RVLEX_MAX_WORD);
		if (n == 0)
			ws->skipped++;
		else if (!wordset_add(ws, syms, n))
		{
			fclose(f);
			rv_seterr(err, "out of memory reading word list \"%s\"", path);
			return RV_ENOMEM;
		}
	}
	if (ferror(f))
	{
		fclose(f);
		rv_seterr(err, "cannot read word list \"%s\"", path);
		return RV_EIO;
	}
	fclose(f);
	return RV_OK;
}

/* Symbol order of two word records. */
static int
cmp_words(const void *a, const void *b)
{
	const unsigned char *x = *(const unsigned char *const *) a;
	const unsigned char *y = *(const unsigned char *const *) b;
	size_t		n = x[0] < y[0] ? x[0] : y[0];
	int			c = memcmp(x + 1, y + 1, n);

	return c ? c : (int) x[0] - (int) y[0];
}

/* The words as sorted, unique record pointers; the count in *n. */
static const unsigned char **
sorted_words(const wordset *ws, size_t *n)
{
	const unsigned char **w = rv_alloc(sizeof(*w) * (ws->n ? ws->n : 1));
	size_t		i,
				k = 0;

	if (w == NULL)
		return NULL;
	for (i = 0; i < ws->n; i++)
		w[i] = ws->arena + ws->offs[i];
	qsort(w, ws->n, sizeof(*w), cmp_words);
	for (i = 0; i < ws->n; i++)
		if (k == 0 || cmp_words(&w[k - 1], &w[i]) != 0)
			w[k++] = w[i];
	*n = k;
	return w;
}

/* ---- the DAWG ------------------------------------------------------------ */

/* A node on the path of the word being added: still mutable. */
typedef struct pathnode
{
	uint32_t	bits;
	uint8_t		freq;			/* frequency class of the word ending here */
	uint32_t	child[RV_NSYMS];
} pathnode;

/*
 * Registered (frozen) nodes go straight into the output arrays; a hash
 * table over them finds an equal node so that equal suffixes are shared.
 * Node 0 is reserved for the root, which is frozen last.
 */
typedef struct dawg
{
	rvlex_node *nodes;
	size_t		nnodes,
				capnodes;
	uint8_t    *freq;			/* per node, beside nodes */
	size_t		capfreq;
	uint32_t   *edges;
	size_t		nedges,
				capedges;
	uint32_t   *table;			/* node id + 1; 0 = empty slot */
	size_t		tabsize;
	pathnode	path[RVLEX_MAX_WORD + 1];
} dawg;

static uint64_t
pathnode_hash(const pathnode *p)
{
	uint64_t	h = (p->bits ^ ((uint64_t) p->freq << 32)) * RVLEX_P1;
	uint32_t	syms = p->bits & RVLEX_NODE_SYMS;

	while (syms)
	{
		int			s = __builtin_ctz(syms);

		h = (h ^ p->child[s]) * RVLEX_P2;
		syms &= syms - 1;
	}
	return h ^ (h >> 29);
}

static int
pathnode_equals(const dawg *d, const pathnode *p, uint32_t id)
{
	const rvlex_node *n = &d->nodes[id];
	const uint32_t *e = d->edges + n->first;
	uint32_t	syms = p->bits & RVLEX_NODE_SYMS;

	if (n->bits != p->bits || d->freq[id] != p->freq)
		return 0;
	for (; syms; syms &= syms - 1)
		if (*e++ != p->child[__builtin_ctz(syms)])
			return 0;
	return 1;
}

/* Double the hash table and reinsert every registered node. */
static int
dawg_rehash(dawg *d)
{
	size_t		nsize = d->tabsize ? d->tabsize * 2 : 1 << 16;
	uint32_t   *t = rv_alloc0(nsize * sizeof(uint32_t));
	size_t		i;

	if (t == NULL)
		return 0;
	for (i = 0; i < d->tabsize; i++)
	{
		pathnode	p;
		const rvlex_node *n;
		uint32_t	syms;
		size_t		k = 0,
					slot;

		if (d->table[i] == 0)
			continue;
		n = &d->nodes[d->table[i] - 1];
		p.bits = n->bits;
		p.freq = d->freq[d->table[i] - 1];
		for (syms = n->bits & RVLEX_NODE_SYMS; syms; syms &= syms - 1)
			p.child[__builtin_ctz(syms)] = d->edges[n->first + k++];
		slot = pathnode_hash(&p) & (nsize - 1);
		while (t[slot])
			slot = (slot + 1) & (nsize - 1);
		t[slot] = d->table[i];
	}
	rv_free(d->table);
	d->table = t;
	d->tabsize = nsize;
	return 1;
}

/* Append a frozen copy of p; its id, or RV_LEX_NONE on ENOMEM. */
static uint32_t
dawg_append(dawg *d, const pathnode *p)
{
	uint32_t	syms = p->bits & RVLEX_NODE_SYMS;

	if (d->nnodes >= RV_LEX_NONE - 1 ||
		!rv_grow((void **) &d->nodes, &d->capnodes, d->nnodes + 1,
				 sizeof(rvlex_node), 1024) ||
		!rv_grow((void **) &d->freq, &d->capfreq, d->nnodes + 1,
				 sizeof(uint8_t), 1024))
		return RV_LEX_NONE;
	d->freq[d->nnodes] = p->freq;
	d->nodes[d->nnodes].bits = p->bits;
	d->nodes[d->nnodes].first = (uint32_t) d->nedges;
	for (; syms; syms &= syms - 1)
	{
		if (!rv_grow((void **) &d->edges, &d->capedges, d->nedges + 1,
					 sizeof(uint32_t), 1024))
			return RV_LEX_NONE;
		d->edges[d->nedges++] = p->child[__builtin_ctz(syms)];
	}
	return (uint32_t) d->nnodes++;
}

/* The id of a node equal to p, registering p if there is none yet. */
static uint32_t
dawg_register(dawg *d, const pathnode *p)
{
	size_t		slot;
	uint32_t	id;

	if (d->nnodes * 2 >= d->tabsize && !dawg_rehash(d))
		return RV_LEX_NONE;
	slot = pathnode_hash(p) & (d->tabsize - 1);
	for (; d->table[slot]; slot = (slot + 1) & (d->tabsize - 1))
		if (pathnode_equals(d, p, d->table[slot] - 1))
			return d->table[slot] - 1;
	id = dawg_append(d, p);
	if (id != RV_LEX_NONE)
		d->table[slot] = id + 1;
	return id;
}

/* Freeze the path below depth keep; word is the word that made it. */
static int
dawg_freeze(dawg *d, const unsigned char *word, size_t depth, size_t keep)
{
	for (; depth > keep; depth--)
	{
		uint32_t	id = dawg_register(d, &d->path[depth]);

		if (id == RV_LEX_NONE)
			return 0;
		d->path[depth - 1].child[word[depth]] = id;
	}
	return 1;
}

/* Build the DAWG of sorted unique word records; tags[i] (RVLEX_NODE_DICT,
 * RVLEX_NODE_COMMON) and the frequency class cls[i] (cls may be NULL) go
 * on the final node of word i. */
static rv_status
dawg_build(dawg *d, const unsigned char **words, const uint32_t *tags,
		   const uint8_t *cls, size_t n, char *err)
{
	const unsigned char *prev = (const unsigned char *) "";
	pathnode	root_copy;
	size_t		i;

	memset(&d->path[0], 0, sizeof(pathnode));
	d->nnodes = 1;				/* slot 0: the root, written at the end */
	if (!rv_grow((void **) &d->nodes, &d->capnodes, 1, sizeof(rvlex_node), 1024))
		goto nomem;
	for (i = 0; i < n; i++)
	{
		const unsigned char *w = words[i];
		size_t		lcp = 0,
					k;

		while (lcp < w[0] && lcp < prev[0] && w[1 + lcp] == prev[1 + lcp])
			lcp++;
		/* record offsets are +1: word[depth] is the symbol into depth */
		if (!dawg_freeze(d, prev, prev[0], lcp))
			goto nomem;
		for (k = lcp; k < w[0]; k++)
		{
			d->path[k].bits |= 1u << w[1 + k];
			memset(&d->path[k + 1], 0, sizeof(pathnode));
		}
		d->path[w[0]].bits |= RVLEX_NODE_FINAL | tags[i];
		d->path[w[0]].freq = cls ? cls[i] : 0;
		prev = w;
	}
	if (!dawg_freeze(d, prev, prev[0], 0))
		goto nomem;
	/* the root is unique (nothing else has its language), so not hashed */
	root_copy = d->path[0];
	if (dawg_append(d, &root_copy) == RV_LEX_NONE)
		goto nomem;
	d->nodes[0] = d->nodes[--d->nnodes];
	d->freq[0] = d->freq[d->nnodes];
	return RV_OK;
nomem:
	rv_seterr(err, "out of memory building the lexicon trie");
	return RV_ENOMEM;
}

static void
dawg_free(dawg *d)
{
	rv_free(d->nodes);
	rv_free(d->freq);
	rv_free(d->edges);
	rv_free(d->table);
}

/* ---- the character model ------------------------------------------------- */

/*
 * Interpolated Kneser-Ney over symbol n-grams of every order up to the
 * model's.  Each word is padded with (order - 1) boundaries before and one
 * after.  The highest order uses raw counts; lower orders use continuation
 * counts (how many distinct symbols precede the n-gram), except n-grams
 * that start with the boundary, whose left context is always padding and
 * which keep raw counts, as KenLM does for <s>.  Order 0 is uniform, so
 * every cost is finite.
 */
typedef struct ngram_counts
{
	int			order;
	uint32_t   *count[RVLEX_MAX_ORDER + 1];	/* [k]: nsyms^k k-grams */
	size_t		size[RVLEX_MAX_ORDER + 1];
	double		discount[RVLEX_MAX_ORDER + 1];
} ngram_counts;

static void
ngram_free(ngram_counts *nc)
{
	int			k;

	for (k = 1; k <= nc->order; k++)
		rv_free(nc->count[k]);
}

/* Raw counts of every k-gram ending at each predicted position. */
static void
ngram_count_raw(ngram_counts *nc, const unsigned char **words, size_t n)
{
	size_t		i;

	for (i = 0; i < n; i++)
	{
		const unsigned char *w = words[i];
		size_t		len = w[0],
					pos,
					gram = 0;
		size_t		full = nc->size[nc->order - 1];

		for (pos = 1; pos < (size_t) nc->order; pos++)
			gram = (gram * RV_NSYMS + RV_SYM_BOUNDARY) % full;
		for (pos = 0; pos <= len; pos++)
		{
			int			sym = pos < len ? w[1 + pos] : RV_SYM_BOUNDARY;
			int			k;

			gram = gram * RV_NSYMS + sym;	/* now an order-gram */
			for (k = 1; k <= nc->order; k++)
				nc->count[k][gram % nc->size[k]]++;
			gram %= full;
		}
	}
}

/* Replace lower-order counts by continuation counts (see above). */
static void
ngram_continuation(ngram_counts *nc)
{
	int			k;

	for (k = nc->order - 1; k >= 1; k--)
	{
		size_t		g;

		/*
		 * Only whether a (k+1)-gram occurred matters here, and that is the
		 * same for its raw and its continuation count.
		 */
		for (g = 0; g < nc->size[k]; g++)
			if (k == 1 || g / nc->size[k - 1] != RV_SYM_BOUNDARY)
				nc->count[k][g] = 0;
		for (g = 0; g < nc->size[k + 1]; g++)
		{
			size_t		lower = g % nc->size[k];

			if (nc->count[k + 1][g] &&
				(k == 1 || lower / nc->size[k - 1] != RV_SYM_BOUNDARY))
				nc->count[k][lower]++;
		}
	}
}

/* D = n1 / (n1 + 2 n2) per order, from its count-of-counts. */
static void
ngram_discounts(ngram_counts *nc)
{
	int			k;

	for (k = 1; k <= nc->order; k++)
	{
		size_t		g,
					n1 = 0,
					n2 = 0;

		for (g = 0; g < nc->size[k]; g++)
		{
			n1 += nc->count[k][g] == 1;
			n2 += nc->count[k][g] == 2;
		}
		nc->discount[k] = n1 + n2 ? (double) n1 / (n1 + 2.0 * n2) : 0.5;
		if (nc->discount[k] <= 0.0 || nc->discount[k] >= 1.0)
			nc->discount[k] = 0.5;
	}
}

/* P(sym | the last k-1 symbols of hist), interpolated down to uniform. */
static double
ngram_prob(const ngram_counts *nc, size_t hist, int sym, int k)
{
	const uint32_t *row;
	double		total = 0,
				types = 0,
				lower,
				d = nc->discount[k];
	int			s;

	if (k == 0)
		return 1.0 / RV_NSYMS;
	hist %= nc->size[k - 1];
	lower = ngram_prob(nc, hist, sym, k - 1);
	row = nc->count[k] + hist * RV_NSYMS;
	for (s = 0; s < RV_NSYMS; s++)
	{
		total += row[s];
		types += row[s] > 0;
	}
	if (total == 0)
		return lower;
	return (row[sym] > d ? row[sym] - d : 0.0) / total +
		d * types / total * lower;
}

static rv_status
ngram_init(ngram_counts *nc, int order, char *err)
{
	int			k;

	memset(nc, 0, sizeof(*nc));
	nc->order = order;
	nc->size[0] = 1;
	for (k = 1; k <= order; k++)
	{
		nc->size[k] = nc->size[k - 1] * RV_NSYMS;
		nc->count[k] = rv_alloc0(nc->size[k] * sizeof(uint32_t));
		if (nc->count[k] == NULL)
		{
			ngram_free(nc);
			rv_seterr(err, "out of memory training the character model");
			return RV_ENOMEM;
		}
	}
	return RV_OK;
}

/* Train on the words; costs gets nsyms^(order-1) x nsyms centibit costs. */
static rv_status
charmodel_train(const unsigned char **words, size_t n, int order,
				uint16_t *costs, char *err)
{
	ngram_counts nc;
	rv_status	st = ngram_init(&nc, order, err);
	size_t		ctx;

	if (st != RV_OK)
		return st;
	ngram_count_raw(&nc, words, n);
	ngram_continuation(&nc);
	ngram_discounts(&nc);
	for (ctx = 0; ctx < nc.size[order - 1]; ctx++)
	{
		int			s;

		for (s = 0; s < RV_NSYMS; s++)
		{
			double		bits = -log2(ngram_prob(&nc, ctx, s, order));
			double		scaled = floor(bits * RVLEX_COST_SCALE + 0.5);

			costs[ctx * RV_NSYMS + s] = scaled > 65535 ? 65535 : (uint16_t) scaled;
		}
	}
	ngram_free(&nc);
	return RV_OK;
}

/* ---- writing the file ---------------------------------------------------- */

#define NSECTIONS 3

static size_t
align_up(size_t n)
{
	return (n + RVLEX_ALIGN - 1) & ~(size_t) (RVLEX_ALIGN - 1);
}

/* Copy the DAWG section (header, nodes, edges) to buf + off. */
static void
put_dawg(unsigned char *buf, size_t off, const dawg *d, uint32_t nwords)
{
	rvlex_dawg_header dh;

	dh.nnodes = (uint32_t) d->nnodes;
	dh.nedges = (uint32_t) d->nedges;
	dh.nwords = nwords;
	dh.root = 0;
	memcpy(buf + off, &dh, sizeof(dh));
	memcpy(buf + off + sizeof(dh), d->nodes, d->nnodes * sizeof(rvlex_node));
	memcpy(buf + off + sizeof(dh) + d->nnodes * sizeof(rvlex_node),
		   d->edges, d->nedges * sizeof(uint32_t));
}

/* Lay out the file in memory: header, section table, DAWG, char model,
 * frequency classes. */
static unsigned char *
assemble(const dawg *d, uint32_t nwords, const uint16_t *costs, int order,
		 size_t *size)
{
	rvlex_header hdr;
	rvlex_section sec[NSECTIONS];
	rvlex_charmodel_header ch;
	rvlex_freq_header fh;
	size_t		ncontexts = 1;
	unsigned char *buf;
	int			k;

	for (k = 1; k < order; k++)
		ncontexts *= RV_NSYMS;
	memset(sec, 0, sizeof(sec));
	sec[0].type = RVLEX_SEC_DAWG;
	sec[0].offset = align_up(sizeof(hdr) + sizeof(sec));
	sec[0].length = sizeof(rvlex_dawg_header) + d->nnodes * sizeof(rvlex_node) +
		d->nedges * sizeof(uint32_t);
	sec[1].type = RVLEX_SEC_CHARMODEL;
	sec[1].offset = align_up(sec[0].offset + sec[0].length);
	sec[1].length = sizeof(ch) + ncontexts * RV_NSYMS * sizeof(uint16_t);
	sec[2].type = RVLEX_SEC_FREQ;
	sec[2].offset = align_up(sec[1].offset + sec[1].length);
	sec[2].length = sizeof(fh) + d->nnodes;
	*size = sec[2].offset + sec[2].length;

	buf = rv_alloc0(*size);
	if (buf == NULL)
		return NULL;
	put_dawg(buf, sec[0].offset, d, nwords);
	ch.order = (uint32_t) order;
	ch.nsyms = RV_NSYMS;
	ch.ncontexts = (uint32_t) ncontexts;
	ch.scale = RVLEX_COST_SCALE;
	memcpy(buf + sec[1].offset, &ch, sizeof(ch));
	memcpy(buf + sec[1].offset + sizeof(ch), costs,
		   ncontexts * RV_NSYMS * sizeof(uint16_t));
	fh.nnodes = (uint32_t) d->nnodes;
	fh.step = RVLEX_FREQ_STEP;
	memcpy(buf + sec[2].offset, &fh, sizeof(fh));
	memcpy(buf + sec[2].offset + sizeof(fh), d->freq, d->nnodes);
	memcpy(buf + sizeof(hdr), sec, sizeof(sec));

	memset(&hdr, 0, sizeof(hdr));
	memcpy(hdr.magic, RVLEX_MAGIC, RVLEX_MAGIC_LEN);
	hdr.version = RVLEX_VERSION;
	hdr.byte_order = RVLEX_BYTE_ORDER;
	hdr.file_size = *size;
	hdr.nsections = NSECTIONS;
	hdr.checksum = rvlex_checksum(buf + sizeof(hdr), *size - sizeof(hdr));
	memcpy(buf, &hdr, sizeof(hdr));
	return buf;
}

/* Write buf to path.tmp and rename it over path. */
static rv_status
write_atomically(const char *path, const unsigned char *buf, size_t size,
				 char *err)
{
	size_t		plen = strlen(path);
	char	   *tmp = rv_alloc(plen + 5);
	FILE	   *f;
	int			ok;

	if (tmp == NULL)
	{
		rv_seterr(err, "out of memory writing \"%s\"", path);
		return RV_ENOMEM;
	}
	memcpy(tmp, path, plen);
	memcpy(tmp + plen, ".tmp", 5);
	f = fopen(tmp, "wb");
	if (f == NULL)
	{
		rv_seterr(err, "cannot create \"%s\": %s", tmp, strerror(errno));
		rv_free(tmp);
		return RV_EIO;
	}
	ok = fwrite(buf, 1, size, f) == size;
	ok = (fclose(f) == 0) && ok;
	if (!ok || rename(tmp, path) != 0)
	{
		rv_seterr(err, "cannot write \"%s\": %s", path, strerror(errno));
		unlink(tmp);
		rv_free(tmp);
		return RV_EIO;
	}
	rv_free(tmp);
	return RV_OK;
}

/* ---- entry point --------------------------------------------------------- */

/* The words to compile, each with its tags and frequency class. */
typedef struct entries
{
	const unsigned char **words;
	uint32_t   *tags;
	uint8_t    *cls;
	size_t		n;
	const unsigned char **listed;	/* the tagged words: the char model's */
	size_t		nlisted;
} entries;

static void
entries_free(entries *e)
{
	rv_free(e->words);
	rv_free(e->tags);
	rv_free(e->cls);
	rv_free(e->listed);
}

static rv_status
build_from_words(const entries *e, const char *out_path, char *err)
{
	dawg		d;
	uint16_t   *costs;
	unsigned char *buf = NULL;
	size_t		ncosts = RV_NSYMS,
				size;
	rv_status	st;
	int			k;

	for (k = 1; k < BUILD_ORDER; k++)
		ncosts *= RV_NSYMS;
	memset(&d, 0, sizeof(d));
	costs = rv_alloc(ncosts * sizeof(uint16_t));
	if (costs == NULL)
	{
		rv_seterr(err, "out of memory training the character model");
		return RV_ENOMEM;
	}
	st = dawg_build(&d, e->words, e->tags, e->cls, e->n, err);
	if (st == RV_OK)
		st = charmodel_train(e->listed, e->nlisted, BUILD_ORDER, costs, err);
	if (st == RV_OK)
	{
		buf = assemble(&d, (uint32_t) e->n, costs, BUILD_ORDER, &size);
		if (buf == NULL)
		{
			rv_seterr(err, "out of memory writing \"%s\"", out_path);
			st = RV_ENOMEM;
		}
	}
	if (st == RV_OK)
		st = write_atomically(out_path, buf, size, err);
	rv_free(buf);
	rv_free(costs);
	dawg_free(&d);
	return st;
}

/* The frequency class of a form at cb centibels. */
static uint8_t
freq_class(int cb)
{
	int			c = 1 + cb / RVLEX_FREQ_STEP;

	return (uint8_t) (c > 255 ? 255 : c);
}

/*
 * Merge the sorted unique dictionary, common-word and frequency lists into
 * one sorted list with each word's tags and frequency class.  A form only
 * the frequency list has is kept when at least as frequent as
 * RVLEX_FREQ_ONLY_MAX_CB.  Returns 0 on ENOMEM.
 */
static int
merge_lists(const unsigned char **dict, size_t nd, const unsigned char **common,
			size_t nc, const rv_freqlist *fl, entries *e)
{
	size_t		i = 0,
				j = 0,
				f = 0,
				max = nd + nc + fl->n + 1;

	e->words = rv_alloc(sizeof(*e->words) * max);
	e->tags = rv_alloc(sizeof(*e->tags) * max);
	e->cls = rv_alloc0(max);
	e->listed = rv_alloc(sizeof(*e->listed) * max);
	if (!e->words || !e->tags || !e->cls || !e->listed)
		return 0;
	while (i < nd || j < nc || f < fl->n)
	{
		const unsigned char *w = i < nd ? dict[i] : j < nc ? common[j] : fl->words[f];
		uint32_t	tags = 0;
		uint8_t		cls = 0;

		if (j < nc && cmp_words(&common[j], &w) < 0)
			w = common[j];
		if (f < fl->n && cmp_words(&fl->words[f], &w) < 0)
			w = fl->words[f];
		if (i < nd && cmp_words(&dict[i], &w) == 0)
			tags |= RVLEX_NODE_DICT, i++;
		if (j < nc && cmp_words(&common[j], &w) == 0)
			tags |= RVLEX_NODE_COMMON, j++;
		if (f < fl->n && cmp_words(&fl->words[f], &w) == 0)
			cls = freq_class(rv_freqlist_cb(fl->words[f++]));
		if (tags == 0 && (cls == 0 || cls > freq_class(RVLEX_FREQ_ONLY_MAX_CB)))
			continue;
		if (tags)
			e->listed[e->nlisted++] = w;
		e->words[e->n] = w;
		e->tags[e->n] = tags;
		e->cls[e->n++] = cls;
	}
	return 1;
}

/* Read and sort one list; an empty list is an error only if required. */
static rv_status
load_list(const char *path, wordset *ws, const unsigned char ***words,
		  size_t *n, char *err)
{
	rv_status	st = read_wordlist(path, ws, err);

	if (st != RV_OK)
		return st;
	*words = sorted_words(ws, n);
	if (*words == NULL)
	{
		rv_seterr(err, "out of memory sorting the word list");
		return RV_ENOMEM;
	}
	if (*n == 0)
	{
		rv_seterr(err, "word list \"%s\" contains no Hebrew words", path);
		return RV_EFORMAT;
	}
	return RV_OK;
}

rv_status
rv_lexicon_build(const char *wordlist_path, const char *common_path,
				 const char *out_path, char *err)
{
	return rv_lexicon_build_freq(wordlist_path, common_path, NULL, out_path,
								 err);
}

rv_status
rv_lexicon_build_freq(const char *wordlist_path, const char *common_path,
					  const char *freq_path, const char *out_path, char *err)
{
	wordset		wd,
				wc;
	rv_freqlist fl;
	const unsigned char **dict = NULL,
			  **common = NULL;
	entries		e;
	size_t		nd = 0,
				nc = 0;
	rv_status	st;

	if (wordlist_path == NULL || out_path == NULL)
	{
		rv_seterr(err, "rv_lexicon_build: no word list or output path");
		return RV_EINVAL;
	}
	memset(&wd, 0, sizeof(wd));
	memset(&wc, 0, sizeof(wc));
	memset(&fl, 0, sizeof(fl));
	memset(&e, 0, sizeof(e));
	st = load_list(wordlist_path, &wd, &dict, &nd, err);
	if (st == RV_OK && common_path)
		st = load_list(common_path, &wc, &common, &nc, err);
	if (st == RV_OK && freq_path)
		st = rv_freqlist_load(freq_path, &fl, err);
	if (st == RV_OK)
	{
		if (!merge_lists(dict, nd, common, nc, &fl, &e))
		{
			rv_seterr(err, "out of memory merging the word lists");
			st = RV_ENOMEM;
		}
		else
			st = build_from_words(&e, out_path, err);
	}
	entries_free(&e);
	rv_free(dict);
	rv_free(common);
	wordset_free(&wd);
	wordset_free(&wc);
	rv_freqlist_free(&fl);
	return st;
}
