/*
 * lexicon_build.h — compiling a lexicon file.  Part of the tools library
 * (src/tools/), linked into the command-line tool and the unit tests but
 * not into revrit.so: a backend only reads lexicons.
 */
#ifndef REVRIT_LEXICON_BUILD_H
#define REVRIT_LEXICON_BUILD_H

#include "../core/revrit.h"

/* Compile a hunspell .dic (affix flags ignored) or a plain word list (one
 * word per line) into a lexicon file.  common_path (may be NULL) is a list
 * of the words in common use (from a large text sample): those are tagged
 * so ranking can prefer them among the dictionary's rarer homographs. */
rv_status	rv_lexicon_build(const char *wordlist_path, const char *common_path,
							 const char *out_path, char *err);
/* The same, with word frequencies from freq_path (wordfreq's cB pack,
 * uncompressed MessagePack; may be NULL): a frequency class per word, and
 * frequent forms neither list has become words too. */
rv_status	rv_lexicon_build_freq(const char *wordlist_path,
								  const char *common_path,
								  const char *freq_path,
								  const char *out_path, char *err);

#endif							/* REVRIT_LEXICON_BUILD_H */
