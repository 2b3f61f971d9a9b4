/*
 * guc.c — the revrit.* settings.
 *
 * revrit.standard, revrit.hyphen, revrit.years, revrit.marks and the
 * revrit.yiddish_* settings shape the output; any user may change them.
 * revrit.lexicon selects which compiled lexicon file the backend maps, so
 * only a superuser may change it (like unaccent's rules file, it is a file
 * on the server); engine_cache.c notices a change on the next call.
 */
#include "postgres.h"

#include "access/parallel.h"
#include "access/xact.h"
#include "utils/guc.h"

#include "revrit_pg.h"
#include "learned_pg.h"

char	   *revrit_standard_guc = NULL;
int			revrit_hyphen_guc = RV_HYPHEN_MAQAF;
int			revrit_years_guc = RV_YEARS_HEBREW;
int			revrit_marks_guc = RV_MARKS_HEBREW;
char	   *revrit_lexicon_guc = NULL;
int			revrit_spelling_guc = RV_SPELLING_AUTO;
int			revrit_kind_guc = RV_KIND_AUTO;
int			revrit_yiddish_points_guc = RV_POINTS_PLAIN;
bool		revrit_yiddish_ligatures_guc = false;
bool		revrit_learning_guc = true;

/* Set once every revrit.* setting exists; the engine needs them all. */
static bool gucs_defined = false;

static const struct config_enum_entry hyphen_options[] = {
	{"maqaf", RV_HYPHEN_MAQAF, false},
	{"ascii", RV_HYPHEN_ASCII, false},
	{NULL, 0, false}
};

static const struct config_enum_entry years_options[] = {
	{"hebrew", RV_YEARS_HEBREW, false},
	{"keep", RV_YEARS_KEEP, false},
	{NULL, 0, false}
};

static const struct config_enum_entry marks_options[] = {
	{"hebrew", RV_MARKS_HEBREW, false},
	{"ascii", RV_MARKS_ASCII, false},
	{NULL, 0, false}
};

/* revrit.spelling: the spelling era (ranking.h, README "Ranking"). */
static const struct config_enum_entry spelling_options[] = {
	{"auto", RV_SPELLING_AUTO, false},
	{"modern", RV_SPELLING_MODERN, false},
	{"traditional", RV_SPELLING_TRADITIONAL, false},
	{NULL, 0, false}
};

static const struct config_enum_entry yiddish_points_options[] = {
	{"plain", RV_POINTS_PLAIN, false},
	{"yivo", RV_POINTS_YIVO, false},
	{NULL, 0, false}
};

/* revrit.kind: what the converted fields are (src/core/kind.c) */
static const struct config_enum_entry kind_options[] = {
	{"auto", RV_KIND_AUTO, false},
	{"title", RV_KIND_TITLE, false},
	{"name", RV_KIND_NAME, false},
	{"imprint", RV_KIND_IMPRINT, false},
	{NULL, 0, false}
};

/*
 * A lexicon is "none", a bare name (letters, digits, '_', '-', '.') that
 * names $sharedir/revrit/<name>.rvlex, or an absolute path.  Refusing
 * relative paths keeps a bare name from climbing out of the share
 * directory.
 */
static bool
check_lexicon(char **newval, void **extra, GucSource source)
{
	const char *p = *newval;

	if (p == NULL || *p == '\0')
	{
		GUC_check_errdetail("Use \"%s\" for no lexicon.", REVRIT_NO_LEXICON);
		return false;
	}
	if (is_absolute_path(p))
		return true;
	if (strcmp(p, ".") == 0 || strcmp(p, "..") == 0)
	{
		GUC_check_errdetail("A lexicon name must not be \".\" or \"..\".");
		return false;
	}
	for (; *p; p++)
	{
		if (!((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') ||
			  (*p >= '0' && *p <= '9') || *p == '_' || *p == '-' || *p == '.'))
		{
			GUC_check_errdetail("A lexicon is \"%s\", a name made of letters, digits, \"_\", \"-\" and \".\", or an absolute path.",
								REVRIT_NO_LEXICON);
			return false;
		}
	}
	return true;
}

/*
 * revrit.standard must be "auto" or an installed standard, checked when it
 * is SET (22023 then, not at the next call).  The standards are known only
 * from the rule files, so the check loads the engine, which the next call
 * needs anyway.  Only for SET, SET in a function, ALTER ... SET: a value
 * from postgresql.conf or a database/role default is checked at its first
 * use instead, since a failing load there would refuse connections.
 */
static bool
check_standard(char **newval, void **extra, GucSource source)
{
	const RevritLoaded *eng;

	if (*newval == NULL || pg_strcasecmp(*newval, REVRIT_AUTO_STANDARD) == 0)
		return true;
	if (!gucs_defined || source < PGC_S_INTERACTIVE ||
		!IsTransactionState() || IsParallelWorker())
		return true;
	eng = revrit_engine();
	/* as resolve_standard (revrit_pg.c) does: a word list is no standard */
	for (int i = 0; i < eng->nrules; i++)
		if (pg_strcasecmp(rv_rules_name(eng->rules[i]), *newval) == 0 &&
			!rv_rules_is_wordlist(eng->rules[i]))
			return true;
	GUC_check_errcode(ERRCODE_INVALID_PARAMETER_VALUE);
	GUC_check_errmsg("unknown revrit standard \"%s\"", *newval);
	GUC_check_errhint("Valid standards are: %s.", revrit_standard_list(eng));
	return false;
}

/* How the output is written: standard, punctuation, years, spelling. */
static void
define_output_gucs(void)
{
	DefineCustomStringVariable("revrit.standard",
							   "Romanization standard revrit() assumes when none is given.",
							   "\"auto\" detects it for each part of a title; otherwise the name of an installed standard, as revrit_info() lists them.",
							   &revrit_standard_guc,
							   REVRIT_DEFAULT_STANDARD,
							   PGC_USERSET,
							   0,
							   check_standard, NULL, NULL);

	DefineCustomEnumVariable("revrit.hyphen",
							 "How revrit() writes the hyphen inside compounds.",
							 "maqaf writes U+05BE, ascii keeps '-'.",
							 &revrit_hyphen_guc,
							 RV_HYPHEN_MAQAF,
							 hyphen_options,
							 PGC_USERSET,
							 0,
							 NULL, NULL, NULL);

	DefineCustomEnumVariable("revrit.years",
							 "How revrit() writes Hebrew-calendar years.",
							 "hebrew writes a Hebrew-calendar year given beside its Gregorian one in Hebrew letters, keep leaves the digits.",
							 &revrit_years_guc,
							 RV_YEARS_HEBREW,
							 years_options,
							 PGC_USERSET,
							 0,
							 NULL, NULL, NULL);

	DefineCustomEnumVariable("revrit.marks",
							 "How revrit() writes geresh and gershayim.",
							 "hebrew writes U+05F3 and U+05F4, ascii writes ' and \".",
							 &revrit_marks_guc,
							 RV_MARKS_HEBREW,
							 marks_options,
							 PGC_USERSET,
							 0,
							 NULL, NULL, NULL);

	DefineCustomEnumVariable("revrit.spelling",
							 "Which Hebrew spelling revrit() prefers.",
							 "modern: the full spelling of today; traditional: the short spelling of older and religious books; auto: modern.",
							 &revrit_spelling_guc,
							 RV_SPELLING_AUTO,
							 spelling_options,
							 PGC_USERSET,
							 0,
							 NULL, NULL, NULL);
}

/* Yiddish output: points and ligatures. */
static void
define_yiddish_gucs(void)
{
	/* Yiddish output: plain by default, as catalogues write Yiddish */
	DefineCustomEnumVariable("revrit.yiddish_points",
							 "Whether Yiddish output carries the points of YIVO spelling.",
							 "plain writes no points (as most catalogues do), yivo writes pasekh and komets alef, pey and fey, melupm vov, khirik yud and the like.",
							 &revrit_yiddish_points_guc,
							 RV_POINTS_PLAIN,
							 yiddish_points_options,
							 PGC_USERSET,
							 0,
							 NULL, NULL, NULL);

	DefineCustomBoolVariable("revrit.yiddish_ligatures",
							 "Whether Yiddish output writes the ligatures U+05F0-U+05F2.",
							 "on writes double vov, vov yud and double yud as one sign each, off as two letters (as most catalogues and word lists do).",
							 &revrit_yiddish_ligatures_guc,
							 false,
							 PGC_USERSET,
							 0,
							 NULL, NULL, NULL);
}

void
revrit_define_gucs(void)
{
	define_output_gucs();

	DefineCustomStringVariable("revrit.lexicon",
							   "Compiled lexicon revrit ranks candidates with.",
							   "A name in $sharedir/revrit (without .rvlex), an absolute path, or \"none\" for rules only.",
							   &revrit_lexicon_guc,
							   REVRIT_DEFAULT_LEXICON,
							   PGC_SUSET,
							   0,
							   check_lexicon, NULL, NULL);

	define_yiddish_gucs();

	/* learned layer (learned_cache.c) */
	DefineCustomBoolVariable("revrit.learning",
							 "Consult the learned spellings of revrit.learned when converting.",
							 "off converts with the rules and the lexicon alone.",
							 &revrit_learning_guc,
							 true,
							 PGC_USERSET,
							 0,
							 NULL, NULL, NULL);

	DefineCustomEnumVariable("revrit.kind",
							 "What kind of catalogue field revrit() converts when none is given.",
							 "auto recognises a name heading, an imprint or a title from its shape; title, name and imprint say it.",
							 &revrit_kind_guc,
							 RV_KIND_AUTO,
							 kind_options,
							 PGC_USERSET,
							 0,
							 NULL, NULL, NULL);

	MarkGUCPrefixReserved("revrit");
	gucs_defined = true;
}
