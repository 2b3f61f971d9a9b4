/*
 * defaults.c — where the command-line tool looks for the standards and the
 * lexicon when neither a flag nor the environment says.  The Makefile
 * compiles this file twice: build/revrit reads the source tree it was
 * built in, the installed revrit reads pg_config --sharedir/revrit.
 */
#include "cli.h"

const char *const cli_default_rules = REVRIT_DEFAULT_RULES;
const char *const cli_default_lexicon = REVRIT_DEFAULT_LEXICON;
