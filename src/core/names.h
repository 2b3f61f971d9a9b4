/*
 * names.h — private: the word lists that apply to a field (given names,
 * gazetteers, a standard's own word conventions) and the standard a field
 * kind falls back to (surname spelling for name headings).
 */
#ifndef REVRIT_NAMES_H
#define REVRIT_NAMES_H

#include "detect_plain.h"
#include "engine.h"
#include "lattice.h"
#include "wordlist.h"

/*
 * The entry the lists give the word cps[from..to) in a field of this kind
 * converted with standard r: r's own words first, then every word list
 * whose kinds or standards include the field's; NULL if none knows it.
 */
const rv_word_entry *rv_names_lookup(const rv_engine *e, const rv_rules *r,
									 rv_kind kind, const uint32_t *cps,
									 size_t from, size_t to);

/* Is the word a foreign word ("latin" directive) of an applicable list? */
int			rv_names_is_latin(const rv_engine *e, const rv_rules *r,
							  rv_kind kind, const uint32_t *cps, size_t from,
							  size_t to);

/* The standard declared (by a "kinds" line in its rule file) for fields of
 * this kind whose letters betray no standard; NULL if none. */
const rv_rules *rv_names_kind_standard(const rv_engine *e, rv_kind kind);


/*
 * The word's readings from the lists as spellings (best first, all of
 * them: out needs RV_WL_MAX_OPTIONS slots; in the arena), or 0 if no list knows it; -1 if out of memory.  With a
 * lexicon a listed reading counts as known, like a common word.
 */
int			rv_names_spell(const rv_engine *e, const rv_rules *r, rv_kind kind,
						   const uint32_t *cps, size_t from, size_t to,
						   rv_arena *arena, rv_spelling *out);

/*
 * After nlist list readings, the rules found nmore spellings at
 * out[nlist..]: drop those that repeat a list reading and order all by
 * score.  Returns the count.
 */
int			rv_names_merge(rv_spelling *out, int nlist, int nmore);
void		rv_names_sort(rv_spelling *out, int n);

/*
 * The standard for a part whose letters betray none: for a name heading
 * the standard declared for names; for a title, or the place (main part)
 * of an imprint, the diacritic-free standard when it reads the part better
 * (detect_plain.h) — a publisher's name is not a place name; NULL = the
 * default.  memo receives the comparison's spellings (detect_plain.h).
 */
const rv_rules *rv_names_field_standard(const rv_engine *e, rv_kind kind,
										int main_part, const uint32_t *cps,
										size_t from, size_t to,
										rv_search *search, rv_arena *arena,
										rv_spelling *sp, rv_plain_memo *memo);

#endif							/* REVRIT_NAMES_H */
