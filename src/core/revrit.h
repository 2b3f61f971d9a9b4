/*
 * revrit.h — reconstruct Hebrew script from romanized Hebrew.
 *
 * The whole public contract of the revrit core library.  The core depends
 * on libc and ICU only; it never exits, aborts or longjmps on its own, and
 * reports every failure as an rv_status plus a message in the caller's
 * buffer.  All memory goes through the allocator set with
 * rv_set_allocator(), so a host (PostgreSQL) can place it in its own
 * memory contexts and may longjmp out of the interrupt callback safely.
 */
#ifndef REVRIT_H
#define REVRIT_H

#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

#define RV_VERSION "0.1.0"

/* Length of the message buffer every fallible call may fill. */
#define RV_ERRLEN 256

typedef enum rv_status
{
	RV_OK = 0,
	RV_ENOMEM,					/* allocation failed */
	RV_EIO,						/* a file could not be read or written */
	RV_EFORMAT,					/* a rule or lexicon file is malformed */
	RV_EINVAL,					/* a bad argument or option value */
	RV_EUNICODE,				/* input is not valid UTF-8 */
	RV_ETOOLONG					/* input exceeds RV_MAX_INPUT_BYTES */
} rv_status;

/*
 * Limits, one place for the core, the CLI and PostgreSQL.  Each is an
 * error with a status (and in PostgreSQL an SQLSTATE), never a silent cut.
 */
/* Most candidates per word rv_candidates and rv_analyze will rank (n):
 * the search does work in proportion to n for every word. */
#define RV_MAX_CANDIDATES 1000
/* Most standards (rule files) one engine holds. */
#define RV_MAX_STANDARDS 16
/* A rule file larger than this is refused. */
#define RV_MAX_RULES_BYTES (4u * 1024u * 1024u)

/* Inputs longer than this are refused rather than processed. */
#define RV_MAX_INPUT_BYTES (8u * 1024u * 1024u)

/* ---- allocation -------------------------------------------------------- */

typedef struct rv_allocator
{
	void	   *(*alloc) (size_t size, void *ctx);
	void	   *(*realloc) (void *ptr, size_t size, void *ctx);
	void		(*free) (void *ptr, void *ctx);
	void	   *ctx;
} rv_allocator;

/* Replace malloc/realloc/free for everything the library allocates.
 * NULL restores the libc allocator.  Not thread-safe; call once at start. */
void		rv_set_allocator(const rv_allocator *allocator);

/* ---- romanization standards (rule files) -------------------------------- */

typedef struct rv_rules rv_rules;

/* Compile a rule file (see rules/README.md for the format). */
rv_status	rv_rules_load(const char *path, rv_rules **out, char *err);
rv_status	rv_rules_parse(const char *text, size_t len, const char *name,
						   rv_rules **out, char *err);
void		rv_rules_free(rv_rules *rules);

/*
 * Which files of a rules directory are standards, and in which order every
 * host loads them (the engine's first standard is the fallback of "auto"):
 * RV_DEFAULT_STANDARD's file first, then by name.  A host lists the
 * directory with its own API, passes the names, and loads names[0..return)
 * in order; the others are freed by the host.  -1 if more than
 * RV_MAX_STANDARDS rule files.
 */
#define RV_RULES_SUFFIX ".rules"
#define RV_DEFAULT_STANDARD "ala-lc"
int			rv_rules_is_file(const char *filename);
int			rv_rules_order_files(char **names, int n);
const char *rv_rules_name(const rv_rules *rules);
/* A word-list file (given names, a gazetteer) rather than a standard: it
 * is loaded like a rule file but is not a standard one can name. */
int			rv_rules_is_wordlist(const rv_rules *rules);

/* ---- lexicon (compiled word list + character model) ---------------------- */

typedef struct rv_lexicon rv_lexicon;

/* Memory-map a compiled lexicon read-only; magic, version, size and
 * checksum are verified before it is used. */
rv_status	rv_lexicon_open(const char *path, rv_lexicon **out, char *err);
void		rv_lexicon_close(rv_lexicon *lexicon);

/* A lexicon larger than this is refused (RV_ETOOLONG) before it is read. */
#define RV_MAX_LEXICON_BYTES (1024ull * 1024ull * 1024ull)

/*
 * For a host that reads files itself (PostgreSQL's file API): the bytes to
 * read first (min of this and the file's size), their check against the
 * file's size, and the lexicon over a mapping or buffer the host keeps
 * alive until rv_lexicon_close() and then releases itself.  name is only
 * used in messages; *checksum (may be NULL) gets the content checksum the
 * header records.
 */
size_t		rv_lexicon_header_size(void);
rv_status	rv_lexicon_check_header(const void *head, size_t headlen,
									unsigned long long file_size,
									const char *name,
									unsigned long long *checksum, char *err);
rv_status	rv_lexicon_attach(const void *data, size_t size, const char *name,
							  rv_lexicon **out, char *err);

/* ---- conversion ---------------------------------------------------------- */

typedef struct rv_engine rv_engine;

/* Word spellings learned from a catalogue (see "learned layer" below). */
typedef struct rv_learned rv_learned;

/* An engine ranks with one or more standards and an optional lexicon; it
 * borrows them (they must outlive it).  Immutable once built, so one engine
 * can serve any number of calls. */
rv_status	rv_engine_new(const rv_rules *const *rules, int nrules,
						  const rv_lexicon *lexicon, rv_engine **out,
						  char *err);
void		rv_engine_free(rv_engine *engine);

/*
 * A rule file may name the lexicon its standard ranks with ("lexicon
 * yiddish", rules/README.md); the host opens NAME.rvlex and attaches it
 * here (before the engine is used).  rv_engine_lexicon_name(e, i) gives the
 * i-th distinct name the standards ask for, NULL past the last.
 */
const char *rv_engine_lexicon_name(const rv_engine *engine, int i);
rv_status	rv_engine_attach_lexicon(rv_engine *engine, const char *name,
									 const rv_lexicon *lexicon, char *err);

typedef enum rv_hyphen
{
	RV_HYPHEN_MAQAF = 0,		/* compound hyphen becomes U+05BE ־ */
	RV_HYPHEN_ASCII				/* compound hyphen stays '-' */
} rv_hyphen;

typedef enum rv_years
{
	RV_YEARS_HEBREW = 0,		/* 708 [1948] → תש"ח [1948] */
	RV_YEARS_KEEP				/* digits stay digits */
} rv_years;

typedef enum rv_marks
{
	RV_MARKS_HEBREW = 0,		/* geresh ׳ and gershayim ״ */
	RV_MARKS_ASCII				/* ' and " */
} rv_marks;

typedef enum rv_spelling_era
{
	RV_SPELLING_AUTO = 0,		/* modern unless the text says otherwise */
	RV_SPELLING_MODERN,			/* full spelling: ו and י for vowels */
	RV_SPELLING_TRADITIONAL		/* short spelling of older books: ספורים */
} rv_spelling_era;

/*
 * How candidate spellings are weighed (src/core/ranking.h explains each
 * weight and README "Ranking" the model); rv_ranking_init() fills the
 * fitted defaults.  Costs; lower is better.
 */
typedef struct rv_ranking
{
	double		rule;			/* per unit of the rules' channel cost */
	double		vowel;			/* the same, for options of vowel tokens */
	double		char_unknown;	/* per bit of the character model */
	double		char_known;		/* the same, for a word the lexicon knows */
	double		freq;			/* per -log10 of the word's frequency */
	double		freq_unknown;	/* -log10 frequency assumed when none */
	double		bonus_dict;		/* subtracted: spelling dictionary only */
	double		bonus_common;	/* common-words list only */
	double		bonus_both;		/* both lists */
	double		bonus_freq_only;	/* only the frequency list */
	double		mater;			/* traditional spelling: per ו/י for a vowel */
} rv_ranking;

void		rv_ranking_init(rv_ranking *ranking);

/* What a field is: its kind decides which word lists and rules apply. */
typedef enum rv_kind
{
	RV_KIND_AUTO = 0,			/* recognised from the text */
	RV_KIND_TITLE,				/* a title (and anything else) */
	RV_KIND_NAME,				/* a name heading: Surname, Given, dates */
	RV_KIND_IMPRINT				/* Place : Publisher, Year */
} rv_kind;

/* "auto", "title", "name", "imprint"; rv_kind_parse returns -1 for others. */
const char *rv_kind_name(rv_kind kind);
int			rv_kind_parse(const char *name);
/* Points of Yiddish spelling (YIVO standard orthography): אַ אָ פּ פֿ … */
typedef enum rv_points
{
	RV_POINTS_PLAIN = 0,		/* no points, as most catalogues write */
	RV_POINTS_YIVO				/* pasekh and komets alef, dagesh, rafe … */
} rv_points;

typedef struct rv_options
{
	rv_hyphen	hyphen;
	rv_years	years;
	rv_marks	marks;
	/* Rule set name; NULL, "" or "auto" = detect per title part, falling
	 * back to the engine's first standard. */
	const char *standard;
	rv_kind		kind;			/* RV_KIND_AUTO: recognised per text */
	/* Yiddish output: points, and װ ױ ײ as one sign (else two letters). */
	rv_points	yiddish_points;
	int			yiddish_ligatures;
	/* Called once per word; a host may longjmp out of it (cancel). */
	void		(*interrupt) (void *arg);
	void	   *interrupt_arg;
	rv_spelling_era spelling;
	/* Ranking weights; NULL = the fitted defaults (for refitting). */
	const rv_ranking *ranking;
	/* rv_candidates reports the rule options each candidate used. */
	int			trace_rules;
	/* Learned spellings consulted before the lexicon; NULL = none. */
	const rv_learned *learned;
} rv_options;

/* Defaults for every field. */
void		rv_options_init(rv_options *options);

/* Convert a text; *out is allocated with the library allocator, NUL
 * terminated, and must be released with rv_free(). */
rv_status	rv_convert(const rv_engine *engine, const char *text, size_t len,
					   const rv_options *options, char **out, size_t *outlen,
					   char *err);

/* One ranked reconstruction of one word. */
typedef struct rv_candidate
{
	int			word;			/* 1-based position of the word in the text */
	int			rank;			/* 1 = best */
	const char *roman;			/* the romanized word as written (UTF-8) */
	const char *hebrew;			/* this reconstruction (UTF-8) */
	double		score;			/* total cost; lower is better */
	double		rule_cost;		/* sum of rule weights */
	double		char_cost;		/* character model cost (0 without lexicon) */
	double		lexicon_bonus;	/* subtracted when the lexicon knows it */
	int			in_lexicon;		/* 1 if the lexicon recognizes the word */
	double		channel;		/* score = channel + language */
	double		language;
	double		freq_cost;		/* -log10 of its frequency; < 0 unknown */
	/* With rv_options.trace_rules: the standard and the indexes of its
	 * rule options (in rule-file order) this spelling used. */
	const char *standard;
	const int32_t *rule_options;
	int			nrule_options;
	double		context;		/* what the neighbouring words add (<= 0),
								 * included in score */
} rv_candidate;

/* Return nonzero to stop the enumeration early. */
typedef int (*rv_candidate_fn) (const rv_candidate *candidate, void *arg);

/* The n best reconstructions of every word of the text, in text order and,
 * per word, best first.  Only words that get converted are reported. */
rv_status	rv_candidates(const rv_engine *engine, const char *text,
						  size_t len, int n, const rv_options *options,
						  rv_candidate_fn fn, void *arg, char *err);

/*
 * A JSON analysis of the text (README, "revrit_analyze"): per ISBD part its
 * role, detected standard, diagnostics and words with up to n alternatives,
 * and a display/search recommendation.  *json is freed with rv_free().
 */
rv_status	rv_analyze(const rv_engine *engine, const char *text, size_t len,
					   int n, const rv_options *options, char **json,
					   size_t *jsonlen, char *err);

/*
 * The same analysis as a stream of structural events, in document order,
 * so a host builds its own representation (PostgreSQL: jsonb) without JSON
 * text in between, and without holding more than one word in the core.
 * Strings are UTF-8 and not NUL-terminated; numbers are JSON number text.
 * On an error the stream stops where it was; discard what was built.
 */
typedef struct rv_event_sink
{
	void		(*begin_object) (void *arg);
	void		(*end_object) (void *arg);
	void		(*begin_array) (void *arg);
	void		(*end_array) (void *arg);
	void		(*key) (const char *s, size_t len, void *arg);
	void		(*string) (const char *s, size_t len, void *arg);
	void		(*number) (const char *s, size_t len, void *arg);
	void		(*boolean) (int v, void *arg);
	void		(*null) (void *arg);
	void	   *arg;
} rv_event_sink;

rv_status	rv_analyze_events(const rv_engine *engine, const char *text,
							  size_t len, int n, const rv_options *options,
							  const rv_event_sink *sink, char *err);

/*
 * The language automatic detection takes the whole text to be in: "hebrew"
 * or the language of a standard that names one ("yiddish"), and the
 * evidence for that language (README, "Yiddish"): evidence[0] the total,
 * [1] from cue words and endings, [2] from the lexicons, [3] the number
 * of words weighed.
 */
rv_status	rv_detect_language_of(const rv_engine *engine, const char *text,
								  size_t len, const char **language,
								  double evidence[4], char *err);

/* ---- learned layer (learned.c, learned_align.c) ------------------------ */

/* An empty map of learned word spellings. */
rv_status	rv_learned_new(rv_learned **out, char *err);
void		rv_learned_free(rv_learned *learned);

/* Count a romanized word (as written; normalized here) spelled hebrew;
 * count must be positive. */
rv_status	rv_learned_add(rv_learned *learned, const char *roman, size_t rlen,
						   const char *hebrew, size_t hlen, long count,
						   char *err);

/* Distinct (word, spelling) pairs held. */
size_t		rv_learned_size(const rv_learned *learned);

/* A word pair: the normalized romanized word and its Hebrew.  Return
 * nonzero to stop. */
typedef int (*rv_pair_fn) (const char *roman, const char *hebrew,
						   long count, void *arg);

/* Every pair of the map, in no particular order. */
void		rv_learned_each(const rv_learned *learned, rv_pair_fn fn,
							void *arg);

/*
 * Align a romanized field with its Hebrew-script counterpart word by word
 * and report each word pair that is a plausible reading (the Hebrew word is
 * among the word's best spellings, or its consonants agree with them);
 * pairs that disagree (a translation, an added word) are skipped.
 */
rv_status	rv_learned_align(const rv_engine *engine, const char *roman,
							 size_t rlen, const char *hebrew, size_t hlen,
							 const rv_options *options, rv_pair_fn fn,
							 void *arg, char *err);

/*
 * How well each Hebrew text hebrew[i] reads as the romanized text, in
 * scores[i]: the weight of the best word alignment (1 a word the lattice
 * spells so, less when only the consonants agree) over the larger word
 * count of the two sides, so 1 is a perfect reading and 0 none.
 */
rv_status	rv_learned_match(const rv_engine *engine, const char *roman,
							 size_t rlen, const char *const *hebrew,
							 const size_t *hlen, int n,
							 const rv_options *options, double *scores,
							 char *err);

/* Up to max whole-title spellings of a romanized text (words joined by a
 * space, punctuation left out), the likeliest first, each passed to fn as
 * its roman argument. */
rv_status	rv_learned_titles(const rv_engine *engine, const char *roman,
							  size_t rlen, const rv_options *options, int max,
							  rv_pair_fn fn, void *arg, char *err);

/* The fold (0..folds-1) a record belongs to in a k-fold evaluation: a hash
 * of its romanized text, so identical records share a fold. */
unsigned	rv_learned_fold(const char *roman, size_t rlen, unsigned folds);

void		rv_free(void *ptr);

const char *rv_status_text(rv_status status);

#ifdef __cplusplus
}
#endif

#endif							/* REVRIT_H */
