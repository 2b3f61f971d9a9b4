/*
 * lexicon_build_charmodel.c — train the interpolated Kneser-Ney character
 * n-gram model on the words, as a dense table of centibit costs.
 */
#include <math.h>
#include <string.h>

#include "alloc.h"
#include "lexicon_build_internal.h"

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
rv_status
lexbuild_charmodel_train(const unsigned char **words, size_t n, int order,
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

