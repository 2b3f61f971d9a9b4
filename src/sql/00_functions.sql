/* revrit: reconstruct Hebrew script from romanized Hebrew catalogue text */

-- complain if script is sourced in psql, rather than via CREATE EXTENSION
\echo Use "CREATE EXTENSION revrit" to load this file. \quit

-- revrit reads and writes UTF-8: refuse a database it cannot work in now,
-- rather than on every call later.
DO $$
BEGIN
	IF current_setting('server_encoding') <> 'UTF8' THEN
		RAISE EXCEPTION 'revrit requires a database with encoding UTF8'
			USING ERRCODE = 'feature_not_supported',
				  DETAIL = format('The current database encoding is %s.',
								  current_setting('server_encoding'));
	END IF;
END
$$;

/*
 * All functions are STABLE, not IMMUTABLE: their result depends on the
 * revrit.* settings and on the rule and lexicon files installed in
 * $sharedir/revrit (as unaccent's depends on its rules file).  They are
 * PARALLEL SAFE: every backend, worker or leader, loads the same files and
 * receives the leader's settings.
 *
 * COST is measured, in cpu_operator_cost units: in one sequential scan a
 * built-in operator such as int4pl or texteq takes 20-30 ns, revrit() on a
 * 5-word catalogue title 20-35 us with the lexicon (ratio 1000-1400),
 * revrit_candidates(title, 5) about twice that, revrit_analyze() about
 * four times.  Being well above 100 also lets the planner choose parallel
 * plans for SELECT revrit(col) FROM big_table on default settings.
 */

CREATE FUNCTION revrit(text text, standard text DEFAULT '', hyphen text DEFAULT '',
                       kind text DEFAULT '', spelling text DEFAULT '')
RETURNS text
AS 'MODULE_PATHNAME', 'revrit_convert_text'
LANGUAGE C STRICT STABLE PARALLEL SAFE
COST 1000;

COMMENT ON FUNCTION revrit(text, text, text, text, text) IS
'Reconstruct Hebrew script from romanized Hebrew; '''' for standard, hyphen, kind or spelling means the revrit.standard / revrit.hyphen / revrit.kind / revrit.spelling setting';

CREATE FUNCTION revrit_candidates(text text, n int DEFAULT 5, standard text DEFAULT '',
                                  kind text DEFAULT '')
RETURNS TABLE(word int, rank int, romanized text, hebrew text, score float8,
			  rule_cost float8, char_cost float8, lexicon_bonus float8,
			  in_lexicon bool, channel float8, language float8,
			  frequency float8, context float8)
AS 'MODULE_PATHNAME', 'revrit_candidates'
LANGUAGE C STRICT STABLE PARALLEL SAFE
COST 2000 ROWS 20;

COMMENT ON FUNCTION revrit_candidates(text, int, text, text) IS
'The n best Hebrew reconstructions of every word of a romanized text, with the components of their scores';

CREATE FUNCTION revrit_analyze(text text, n int DEFAULT 3, standard text DEFAULT '',
                               kind text DEFAULT '')
RETURNS jsonb
AS 'MODULE_PATHNAME', 'revrit_analyze'
LANGUAGE C STRICT STABLE PARALLEL SAFE
COST 5000;

COMMENT ON FUNCTION revrit_analyze(text, int, text, text) IS
'A JSON analysis of a romanized text: per part its role and detected standard, per word the chosen form and n alternatives, and whether the result is fit for display or search';

CREATE FUNCTION revrit_info()
RETURNS jsonb
AS 'MODULE_PATHNAME', 'revrit_info'
LANGUAGE C STRICT STABLE PARALLEL SAFE;

COMMENT ON FUNCTION revrit_info() IS
'The loaded standards, the lexicon file in use (null = rules only) and the version of revrit';
