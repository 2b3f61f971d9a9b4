/*
 * wordlist.c — whole-word readings kept as data: parsing the "wordlist",
 * "kinds", "standards", "word" and "latin" directives of a rule file, and
 * finding a word by its plain key (wordlist.h).
 */
#include <stdio.h>
#include <stdlib.h>
#include <ctype.h>
#include <string.h>

#include <unicode/unorm2.h>

#include "alloc.h"
#include "lexicon.h"
#include "utf8.h"
#include "wordlist.h"

static const char *const directives[] = {
	"wordlist", "kinds", "standards", "word", "latin", "plain-script", "construct-mark", NULL
};

static const char *const kind_names[] = {"auto", "title", "name", "imprint"};

int
rv_wordlist_is_directive(const char *word)
{
	for (int i = 0; directives[i]; i++)
		if (strcmp(word, directives[i]) == 0)
			return 1;
	return 0;
}

/* The base letter of a Latin letter with diacritics (ḳ → k, ł → l); 0 for
 * signs that a plain key leaves out (marks, ʼ ʻ, apostrophes, primes). */
static uint32_t
plain_letter(uint32_t cp)
{
	static const UNormalizer2 *nfd;
	UErrorCode	uerr = U_ZERO_ERROR;
	UChar		buf[8];
	int32_t		n;

	if (cp < 0x80)				/* most of a key: no mark, no decomposition */
		return cp == '\'' || cp == '`' ? 0 : cp;
	if (rv_cp_is_mark(cp) || (cp >= 0x02B0 && cp <= 0x02FF) ||
		cp == '\'' || cp == 0x2019 || cp == 0x2018 || cp == '`' || cp == 0xB4)
		return 0;
	if (cp == 0x0142)
		return 'l';				/* ł has no decomposition */
	if (cp == 0x00F8)
		return 'o';
	if (cp == 0x0111)
		return 'd';
	if (cp < 0xC0)
		return cp;
	if (nfd == NULL)
		nfd = unorm2_getNFDInstance(&uerr);
	if (U_FAILURE(uerr) || nfd == NULL)
		return cp;
	n = unorm2_getDecomposition(nfd, (UChar32) cp, buf, 8, &uerr);
	if (U_FAILURE(uerr) || n <= 0 || U16_IS_SURROGATE(buf[0]))
		return cp;
	return buf[0];
}

int
rv_wordlist_key(const uint32_t *cps, size_t from, size_t to, char *key)
{
	size_t		len = 0;
	int			letters = 0;

	for (size_t i = from; i < to; i++)
	{
		uint32_t	cp = plain_letter(rv_cp_lower(cps[i]));

		if (cp == 0)
			continue;
		if (cp == 0xDF)			/* ß */
		{
			if (len + 2 >= RV_WL_MAX_KEY)
				return 0;
			key[len++] = 's';
			key[len++] = 's';
			letters++;
			continue;
		}
		if (len + 4 >= RV_WL_MAX_KEY)
			return 0;
		letters += rv_cp_is_letter(cp);
		len += rv_utf8_encode(cp, key + len);
	}
	key[len] = '\0';
	return letters > 0;
}

/* The exact key of a foreign word: lower case, NFC, nothing dropped, so
 * German Universität is not ALA-LC Universiṭat. */
int
rv_wordlist_exact_key(const uint32_t *cps, size_t from, size_t to, char *key)
{
	size_t		len = 0;

	for (size_t i = from; i < to; i++)
	{
		if (len + 4 >= RV_WL_MAX_KEY)
			return 0;
		len += rv_utf8_encode(rv_cp_lower(cps[i]), key + len);
	}
	key[len] = '\0';
	return len > 0;
}

/* The plain key of a UTF-8 form from a data file. */
static int
key_of_utf8(const char *s, char *key)
{
	uint32_t   *cps;
	size_t		n;
	int			ok;

	if (rv_decode_nfc(s, strlen(s), &cps, &n, NULL) != RV_OK)
		return 0;
	ok = rv_wordlist_key(cps, 0, n, key);
	rv_free(cps);
	return ok;
}

/* HEBREW[:WEIGHT] into an option; 0 if it is not Hebrew letters. */
static int
parse_reading(const char *s, rv_word_option *o)
{
	char		text[RV_WL_MAX_SYM * 4 + 1];
	const char *colon = strchr(s, ':');
	size_t		len = colon ? (size_t) (colon - s) : strlen(s);
	uint32_t   *cps;
	size_t		n;
	int			ok = 1;

	o->weight = 0;
	if (colon)
	{
		char	   *end;

		o->weight = strtof(colon + 1, &end);
		if (*end || !(o->weight >= 0) || o->weight > 1e6f)
			return 0;
	}
	if (len == 0 || len >= sizeof(text))
		return 0;
	memcpy(text, s, len);
	text[len] = '\0';
	if (rv_decode_nfc(text, len, &cps, &n, NULL) != RV_OK)
		return 0;
	if (n == 0 || n > RV_WL_MAX_SYM)
		ok = 0;
	for (size_t i = 0; ok && i < n; i++)
	{
		int			k = rv_sym_from_cp(cps[i]);

		if (k < 0 || k == RV_SYM_BOUNDARY)
			ok = 0;
		else
			o->sym[i] = (uint8_t) k;
	}
	o->nsym = (uint8_t) n;
	rv_free(cps);
	return ok;
}

static rv_word_entry *
push_entry(rv_wordlist *wl)
{
	if (wl->nentries == wl->cap)
	{
		uint32_t	cap = wl->cap ? wl->cap * 2 : 64;
		void	   *p = rv_realloc(wl->entries, cap * sizeof(rv_word_entry));

		if (p == NULL)
			return NULL;
		wl->entries = p;
		wl->cap = cap;
	}
	return memset(&wl->entries[wl->nentries++], 0, sizeof(rv_word_entry));
}

/* word FORM… = HEBREW[:W]… : one entry per form, sharing the readings. */
static rv_status
parse_word(rv_wordlist *wl, char **f, int nf, char *what, size_t whatlen)
{
	int			eq = 0;
	rv_word_option opts[RV_WL_MAX_OPTIONS];
	int			nopts = 0;

	for (int i = 1; i < nf && !eq; i++)
		if (strcmp(f[i], "=") == 0)
			eq = i;
	if (eq < 2 || eq == nf - 1)
	{
		snprintf(what, whatlen, "word FORM... = HEBREW[:WEIGHT]...");
		return RV_EFORMAT;
	}
	for (int i = eq + 1; i < nf; i++)
	{
		if (nopts == RV_WL_MAX_OPTIONS || !parse_reading(f[i], &opts[nopts]))
		{
			snprintf(what, whatlen, "bad or too many Hebrew readings \"%s\"", f[i]);
			return RV_EFORMAT;
		}
		nopts++;
	}
	for (int i = 1; i < eq; i++)
	{
		rv_word_entry *e = push_entry(wl);

		if (e == NULL)
			return RV_ENOMEM;
		if (!key_of_utf8(f[i], e->key))
		{
			wl->nentries--;
			snprintf(what, whatlen, "bad word form \"%s\"", f[i]);
			return RV_EFORMAT;
		}
		e->seq = wl->nentries;
		e->noptions = (uint8_t) nopts;
		memcpy(e->options, opts, sizeof(rv_word_option) * (size_t) nopts);
	}
	return RV_OK;
}

static rv_status
parse_latin(rv_wordlist *wl, char **f, int nf, char *what, size_t whatlen)
{
	for (int i = 1; i < nf; i++)
	{
		char		key[RV_WL_MAX_KEY];
		uint32_t   *cps;
		size_t		n;
		int			ok;

		if (rv_decode_nfc(f[i], strlen(f[i]), &cps, &n, NULL) != RV_OK)
			return RV_ENOMEM;
		ok = rv_wordlist_exact_key(cps, 0, n, key);
		rv_free(cps);
		if (!ok)
		{
			snprintf(what, whatlen, "bad word \"%s\"", f[i]);
			return RV_EFORMAT;
		}
		if (wl->nforeign == wl->foreign_cap)
		{
			uint32_t	cap = wl->foreign_cap ? wl->foreign_cap * 2 : 32;
			void	   *p = rv_realloc(wl->foreign, cap * sizeof(char *));

			if (p == NULL)
				return RV_ENOMEM;
			wl->foreign = p;
			wl->foreign_cap = cap;
		}
		if ((wl->foreign[wl->nforeign] = rv_strndup(key, strlen(key))) == NULL)
			return RV_ENOMEM;
		wl->nforeign++;
	}
	return RV_OK;
}

static rv_status
parse_kinds(rv_wordlist *wl, char **f, int nf, char *what, size_t whatlen)
{
	for (int i = 1; i < nf; i++)
	{
		int			k;

		for (k = 1; k < 4 && strcmp(f[i], kind_names[k]) != 0; k++)
			;
		if (k == 4)
		{
			snprintf(what, whatlen, "unknown field kind \"%s\" (title, name, imprint)", f[i]);
			return RV_EFORMAT;
		}
		wl->kinds |= 1u << k;
	}
	return RV_OK;
}

rv_status
rv_wordlist_parse(rv_wordlist **wlp, char **f, int nf, char *name,
				  size_t namelen, char *what, size_t whatlen)
{
	rv_wordlist *wl = *wlp;

	if (wl == NULL && (wl = *wlp = rv_alloc0(sizeof(rv_wordlist))) == NULL)
		return RV_ENOMEM;
	if (strcmp(f[0], "wordlist") == 0)
	{
		if (nf != 2 || strlen(f[1]) >= namelen)
		{
			snprintf(what, whatlen, "wordlist NAME");
			return RV_EFORMAT;
		}
		strcpy(name, f[1]);
		wl->is_list = 1;
		return RV_OK;
	}
	if (strcmp(f[0], "kinds") == 0)
		return parse_kinds(wl, f, nf, what, whatlen);
	if (strcmp(f[0], "standards") == 0)
	{
		for (int i = 1; i < nf; i++)
		{
			if (wl->nstandards == RV_WL_MAX_STANDARDS || strlen(f[i]) >= 64)
			{
				snprintf(what, whatlen, "too many standards or a name too long");
				return RV_EFORMAT;
			}
			strcpy(wl->standards[wl->nstandards++], f[i]);
		}
		return RV_OK;
	}
	if (strcmp(f[0], "latin") == 0)
		return parse_latin(wl, f, nf, what, whatlen);
	if (strcmp(f[0], "construct-mark") == 0)
	{
		if (nf != 2 || strlen(f[1]) >= sizeof(wl->construct_form) ||
			!key_of_utf8(f[1], wl->construct_form))
		{
			snprintf(what, whatlen, "construct-mark ENDING");
			return RV_EFORMAT;
		}
		return RV_OK;
	}
	if (strcmp(f[0], "plain-script") == 0)
	{
		size_t		len = 0;

		/* plain-script [LETTER...]: ASCII letters that hint at it */
		wl->plain_script = 1;
		for (int i = 1; i < nf; i++)
		{
			if (strlen(f[i]) != 1 || !isalpha((unsigned char) f[i][0]) ||
				len + 1 >= sizeof(wl->plain_cues))
			{
				snprintf(what, whatlen, "plain-script [LETTER...]");
				return RV_EFORMAT;
			}
			wl->plain_cues[len++] = f[i][0];
		}
		wl->plain_cues[len] = '\0';
		return RV_OK;
	}
	return parse_word(wl, f, nf, what, whatlen);
}

static int
cmp_entry(const void *a, const void *b)
{
	return strcmp(((const rv_word_entry *) a)->key, ((const rv_word_entry *) b)->key);
}

static int
cmp_entry_seq(const void *a, const void *b)
{
	const rv_word_entry *x = a,
			   *y = b;
	int			c = strcmp(x->key, y->key);

	return c ? c : (x->seq > y->seq) - (x->seq < y->seq);
}

static int
cmp_str(const void *a, const void *b)
{
	return strcmp(*(char *const *) a, *(char *const *) b);
}

static const char *
entry_key(const void *items, uint32_t i)
{
	return ((const rv_word_entry *) items)[i].key;
}

static const char *
foreign_key(const void *items, uint32_t i)
{
	return ((char *const *) items)[i];
}

/* A key listed twice keeps its first line's readings: the file says which
 * reading is the usual one by putting it first. */
void
rv_wordlist_finish(rv_wordlist *wl)
{
	uint32_t	k = 0;

	if (wl == NULL)
		return;
	if (wl->nentries > 1)
		qsort(wl->entries, wl->nentries, sizeof(rv_word_entry), cmp_entry_seq);
	for (uint32_t i = 0; i < wl->nentries; i++)
		if (k == 0 || strcmp(wl->entries[k - 1].key, wl->entries[i].key) != 0)
			wl->entries[k++] = wl->entries[i];
	wl->nentries = k;
	if (wl->nforeign > 1)
		qsort(wl->foreign, wl->nforeign, sizeof(char *), cmp_str);
	/* out of memory leaves a hash empty: its look-ups then bsearch */
	(void) rv_strhash_build(&wl->entry_hash, wl->entries, wl->nentries, entry_key);
	(void) rv_strhash_build(&wl->foreign_hash, wl->foreign, wl->nforeign, foreign_key);
}

void
rv_wordlist_free(rv_wordlist *wl)
{
	if (wl == NULL)
		return;
	for (uint32_t i = 0; i < wl->nforeign; i++)
		rv_free(wl->foreign[i]);
	rv_free(wl->foreign);
	rv_free(wl->entries);
	rv_strhash_free(&wl->entry_hash);
	rv_strhash_free(&wl->foreign_hash);
	rv_free(wl);
}

const rv_word_entry *
rv_wordlist_find(const rv_wordlist *wl, const char *key)
{
	rv_word_entry probe;

	if (wl == NULL || wl->nentries == 0)
		return NULL;
	if (wl->entry_hash.slots != NULL)
	{
		int64_t		i = rv_strhash_find(&wl->entry_hash, wl->entries, entry_key, key);

		return i < 0 ? NULL : &wl->entries[i];
	}
	if (strlen(key) >= RV_WL_MAX_KEY)
		return NULL;
	strcpy(probe.key, key);
	return bsearch(&probe, wl->entries, wl->nentries, sizeof(rv_word_entry),
				   cmp_entry);
}

int
rv_wordlist_is_foreign(const rv_wordlist *wl, const char *key)
{
	if (wl == NULL || wl->nforeign == 0)
		return 0;
	if (wl->foreign_hash.slots != NULL)
		return rv_strhash_find(&wl->foreign_hash, wl->foreign, foreign_key, key) >= 0;
	return bsearch(&key, wl->foreign, wl->nforeign, sizeof(char *), cmp_str) != NULL;
}
