/*
 * learned.c — the learned layer's map: normalized romanized word → the
 * Hebrew spellings a catalogue gave it, with counts; and the rule that
 * weighs a learned spelling against the lattice's own choice.
 *
 * The map is built once (from revrit.learned, or from the training folds of
 * an evaluation) and then only read, so one map can serve any number of
 * conversions.  Keys and forms live in an arena released with the map.
 */
#include <limits.h>
#include <math.h>
#include <string.h>

#include "alloc.h"
#include "buf.h"
#include "learned.h"
#include "utf8.h"

typedef struct slot
{
	const char *key;			/* NULL = empty */
	uint32_t	hash;
	rv_learned_form *forms;
} slot;

struct rv_learned
{
	slot	   *slots;
	size_t		nslots;			/* a power of two */
	size_t		nkeys;
	size_t		npairs;
	rv_arena	arena;
};

static uint32_t
hash_bytes(const char *s, size_t len)
{
	uint32_t	h = 2166136261u;	/* FNV-1a */

	for (size_t i = 0; i < len; i++)
	{
		h ^= (unsigned char) s[i];
		h *= 16777619u;
	}
	return h;
}

unsigned
rv_learned_fold(const char *roman, size_t rlen, unsigned folds)
{
	return folds ? hash_bytes(roman, rlen) % folds : 0;
}

/* Apostrophes and hyphens come in look-alikes that mean the same. */
static uint32_t
unify(uint32_t cp)
{
	switch (cp)
	{
		case 0x2019:			/* ’ */
		case 0x02BE:			/* ʾ (DIN) */
		case 0x0027:
			return 0x02BC;		/* ʼ alef */
		case 0x2018:			/* ‘ */
		case 0x02BF:			/* ʿ (DIN) */
		case 0x0060:
			return 0x02BB;		/* ʻ ayin */
		case 0x2010:
		case 0x2011:
			return '-';
		default:
			return rv_cp_lower(cp);
	}
}

size_t
rv_learned_key(const uint32_t *cps, size_t n, char *key)
{
	size_t		len = 0;

	for (size_t i = 0; i < n; i++)
	{
		if (len + 4 > RV_LEARNED_MAX_KEY)
			return 0;
		len += rv_utf8_encode(unify(cps[i]), key + len);
	}
	key[len] = '\0';
	return len;
}

rv_status
rv_learned_new(rv_learned **out, char *err)
{
	rv_learned *m = rv_alloc0(sizeof(rv_learned));

	if (m)
	{
		m->nslots = 64;
		m->slots = rv_alloc0(m->nslots * sizeof(slot));
	}
	if (m == NULL || m->slots == NULL)
	{
		rv_free(m);
		rv_seterr(err, "out of memory");
		return RV_ENOMEM;
	}
	rv_arena_init(&m->arena);
	*out = m;
	return RV_OK;
}

void
rv_learned_free(rv_learned *m)
{
	if (m == NULL)
		return;
	rv_arena_free(&m->arena);
	rv_free(m->slots);
	rv_free(m);
}

size_t
rv_learned_size(const rv_learned *m)
{
	return m ? m->npairs : 0;
}

static slot *
find_slot(const rv_learned *m, const char *key, size_t len, uint32_t h)
{
	size_t		mask = m->nslots - 1;

	for (size_t i = h & mask;; i = (i + 1) & mask)
	{
		slot	   *s = &m->slots[i];

		if (s->key == NULL ||
			(s->hash == h && strncmp(s->key, key, len) == 0 && s->key[len] == '\0'))
			return s;
	}
}

/* Keep the table at most half full. */
static int
grow(rv_learned *m)
{
	size_t		n = m->nslots * 2;
	slot	   *old = m->slots;
	size_t		nold = m->nslots;

	m->slots = rv_alloc0(n * sizeof(slot));
	if (m->slots == NULL)
	{
		m->slots = old;
		return 0;
	}
	m->nslots = n;
	for (size_t i = 0; i < nold; i++)
		if (old[i].key)
			*find_slot(m, old[i].key, strlen(old[i].key), old[i].hash) = old[i];
	rv_free(old);
	return 1;
}

/* Add count to (key, hebrew); 0 if out of memory. */
static int
add_pair(rv_learned *m, const char *key, size_t klen, const char *heb,
		 size_t hlen, long count)
{
	uint32_t	h = hash_bytes(key, klen);
	slot	   *s;
	rv_learned_form *f;

	if ((m->nkeys + 1) * 2 > m->nslots && !grow(m))
		return 0;
	s = find_slot(m, key, klen, h);
	if (s->key == NULL)
	{
		if ((s->key = rv_arena_strndup(&m->arena, key, klen)) == NULL)
			return 0;
		s->hash = h;
		m->nkeys++;
	}
	for (f = s->forms; f; f = f->next)
		if (strncmp(f->hebrew, heb, hlen) == 0 && f->hebrew[hlen] == '\0')
		{
			f->count = count > LONG_MAX - f->count ? LONG_MAX : f->count + count;
			return 1;
		}
	f = rv_arena_alloc(&m->arena, sizeof(rv_learned_form));
	if (f == NULL || (f->hebrew = rv_arena_strndup(&m->arena, heb, hlen)) == NULL)
		return 0;
	f->count = count;
	f->next = s->forms;
	s->forms = f;
	m->npairs++;
	return 1;
}

rv_status
rv_learned_add(rv_learned *m, const char *roman, size_t rlen,
			   const char *hebrew, size_t hlen, long count, char *err)
{
	uint32_t   *cps = NULL;
	uint32_t   *hcps = NULL;
	size_t		n,
				hn;
	char		key[RV_LEARNED_MAX_KEY + 1];
	size_t		klen;
	rv_buf		heb;
	rv_status	st;
	int			ok;

	if (count <= 0)
	{
		rv_seterr(err, "a learned count must be positive, got %ld", count);
		return RV_EINVAL;
	}
	if ((st = rv_decode_nfc(roman, rlen, &cps, &n, err)) != RV_OK)
		return st;
	klen = rv_learned_key(cps, n, key);
	rv_free(cps);
	if (klen == 0)
		return RV_OK;			/* empty, or too long to be a word */
	if ((st = rv_decode_nfc(hebrew, hlen, &hcps, &hn, err)) != RV_OK)
		return st;
	rv_buf_init(&heb);
	for (size_t i = 0; i < hn; i++)
		rv_buf_put_cp(&heb, hcps[i]);
	rv_free(hcps);
	ok = !heb.failed && heb.len > 0 &&
		add_pair(m, key, klen, heb.data, heb.len, count);
	if (!heb.failed && heb.len == 0)
		ok = 1;					/* nothing to learn */
	rv_buf_free(&heb);
	if (!ok)
	{
		rv_seterr(err, "out of memory");
		return RV_ENOMEM;
	}
	return RV_OK;
}

void
rv_learned_each(const rv_learned *m, rv_pair_fn fn, void *arg)
{
	for (size_t i = 0; i < m->nslots; i++)
		for (rv_learned_form *f = m->slots[i].forms; f; f = f->next)
			if (fn(m->slots[i].key, f->hebrew, f->count, arg))
				return;
}

const rv_learned_form *
rv_learned_lookup(const rv_learned *m, const uint32_t *cps, size_t n)
{
	char		key[RV_LEARNED_MAX_KEY + 1];
	size_t		klen;
	const slot *s;

	if (m == NULL || m->nkeys == 0 || (klen = rv_learned_key(cps, n, key)) == 0)
		return NULL;
	s = find_slot(m, key, klen, hash_bytes(key, klen));
	return s->key ? s->forms : NULL;
}

int
rv_learned_choose(const rv_learned_form *forms, const char *const *cands,
				  const double *scores, int ncands, const char **form)
{
	double		base = ncands > 0 ? scores[0] : 0;
	double		best = base;
	int			choice = -1;

	for (const rv_learned_form *f = forms; f; f = f->next)
	{
		double		bonus = RV_LEARNED_BONUS +
			RV_LEARNED_BONUS_LOG * log((double) f->count);
		int			j = 0;
		double		eff;

		while (j < ncands && strcmp(cands[j], f->hebrew) != 0)
			j++;
		/* being among the lattice's spellings never costs more than not */
		eff = base + RV_LEARNED_UNSEEN;
		if (j < ncands && scores[j] < eff)
			eff = scores[j];
		eff -= bonus;
		if (eff < best)
		{
			best = eff;
			choice = j;
			*form = f->hebrew;
		}
	}
	return choice;
}
