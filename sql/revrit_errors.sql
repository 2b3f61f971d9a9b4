--
-- revrit_errors: bad arguments and settings raise clear errors with an
-- SQLSTATE.
--
SET client_min_messages = warning;
CREATE EXTENSION IF NOT EXISTS revrit;
RESET client_min_messages;

-- What a user sees ...
SELECT revrit('Sefer', '', 'foo');
SELECT * FROM revrit_candidates('Sefer', 0);

-- ... and the SQLSTATE, message and hint of each error.
CREATE FUNCTION pg_temp.err(query text) RETURNS text
LANGUAGE plpgsql AS $$
DECLARE
	state text;
	msg text;
	detail text;
	hint text;
BEGIN
	EXECUTE query;
	RETURN 'no error';
EXCEPTION WHEN OTHERS THEN
	GET STACKED DIAGNOSTICS state = RETURNED_SQLSTATE, msg = MESSAGE_TEXT,
		detail = PG_EXCEPTION_DETAIL, hint = PG_EXCEPTION_HINT;
	RETURN state || ': ' || msg
		|| CASE WHEN detail <> '' THEN ' DETAIL: ' || detail ELSE '' END
		|| CASE WHEN hint <> '' THEN ' HINT: ' || hint ELSE '' END;
END $$;

-- The hint names "auto" and every installed standard, as revrit_info()
-- lists them; below they are shown as <standards>, so that installing a
-- new rule file changes no expected output.
CREATE FUNCTION pg_temp.standards() RETURNS text LANGUAGE sql AS $$
	SELECT 'auto, ' || string_agg(s, ', ')
	  FROM jsonb_array_elements_text(revrit_info()->'standards') AS s
$$;
CREATE FUNCTION pg_temp.std_err(query text) RETURNS text LANGUAGE sql AS $$
	SELECT replace(pg_temp.err(query), pg_temp.standards(), '<standards>')
$$;
SELECT pg_temp.standards() LIKE 'auto, %ala-lc%' AS lists_ala_lc;

-- unknown standard or hyphen style: 22023 invalid_parameter_value
SELECT pg_temp.std_err($$SELECT revrit('Sefer', 'foo')$$);
SELECT pg_temp.std_err($$SELECT revrit('Sefer', 'din 31636')$$);
SELECT pg_temp.err($$SELECT revrit('Sefer', '', 'foo')$$);
SELECT pg_temp.err($$SELECT revrit('Sefer', 'AUTO', 'MAQAF')$$);
SELECT pg_temp.std_err($$SELECT * FROM revrit_candidates('Sefer', 3, 'foo')$$);
SELECT pg_temp.std_err($$SELECT revrit_analyze('Sefer', 3, 'foo')$$);

-- a bad revrit.standard is refused when set (revrit is loaded by now)
SELECT pg_temp.std_err($$SET revrit.standard = 'foo'$$);
SELECT pg_temp.std_err($$SELECT revrit('Sefer')$$);

-- bad settings are refused when set
SELECT pg_temp.err($$SET revrit.hyphen = 'foo'$$);
SELECT pg_temp.err($$SET revrit.lexicon = '../../etc/passwd'$$);
SELECT pg_temp.err($$SET revrit.lexicon = ''$$);
SELECT pg_temp.err($$SET revrit.no_such_setting = 1$$);

-- n must be 1..1000
SELECT pg_temp.err($$SELECT * FROM revrit_candidates('Sefer', 0)$$);
SELECT pg_temp.err($$SELECT * FROM revrit_candidates('Sefer', -1)$$);
SELECT pg_temp.err($$SELECT * FROM revrit_candidates('Sefer', 1001)$$);
SELECT count(*) FROM revrit_candidates('Sefer', 1000);
SELECT count(*) FROM revrit_candidates('Sefer', NULL);

-- more than 8 MB: 54000 program_limit_exceeded
SELECT pg_temp.err($$SELECT revrit(repeat('Sefer ', 1500000))$$) LIKE '54000: %' AS too_long;

-- revrit.lexicon is for superusers only: 42501
CREATE ROLE revrit_regress_user;
SET ROLE revrit_regress_user;
SELECT pg_temp.err($$SET revrit.lexicon = 'none'$$);
SELECT revrit('Sefer');
RESET ROLE;
DROP ROLE revrit_regress_user;

-- a lexicon that does not exist: 58P01 undefined_file
SET revrit.lexicon = 'no_such_lexicon';
SELECT regexp_replace(pg_temp.err($$SELECT revrit('Sefer')$$), '"/.*/', '".../');
-- a file that is not a lexicon: F0000 config_file_error
SELECT set_config('revrit.lexicon', current_setting('data_directory') || '/PG_VERSION', false) IS NOT NULL AS set;
SELECT split_part(pg_temp.err($$SELECT revrit('Sefer')$$), ':', 1) AS sqlstate,
	   pg_temp.err($$SELECT revrit('Sefer')$$) LIKE '%PG_VERSION%' AS names_file;
-- rules only
SET revrit.lexicon = 'none';
SELECT revrit('Sefer'), revrit_info()->'lexicon' AS lexicon;
RESET revrit.lexicon;
SELECT revrit('Sefer');

-- revrit needs a UTF8 database: 0A000 feature_not_supported
\set regress_db :DBNAME
CREATE DATABASE revrit_regress_latin1 ENCODING 'LATIN1' LC_COLLATE 'C'
	LC_CTYPE 'C' TEMPLATE template0;
\c revrit_regress_latin1
\set SHOW_CONTEXT never
CREATE EXTENSION revrit;
\c :regress_db
DROP DATABASE revrit_regress_latin1;
