--
-- revrit_bounded: every call is bounded and cancellable.  n = 1000 on 16
-- hyphenated 64-letter words (minutes of work before the hash k-best
-- lists, and deaf to cancel) stops at statement_timeout; revrit_analyze's
-- jsonb, built from the core's event stream, equals its own text parsed
-- back, and lists every alternative up to n (no cut at 64).
--
SET client_min_messages = warning;
CREATE EXTENSION IF NOT EXISTS revrit;
RESET client_min_messages;

SET statement_timeout = '300ms';
SELECT count(*) FROM revrit_candidates(text => array_to_string(array_fill(repeat('ae', 32), ARRAY[16]), '-'), n => 1000);
SELECT revrit_analyze(text => array_to_string(array_fill(repeat('ae', 32), ARRAY[16]), '-'), n => 1000) IS NULL;
RESET statement_timeout;

SELECT jsonb_array_length(revrit_analyze(text => 'Hitpatḥut', n => 500)
						  -> 'parts' -> 0 -> 'words' -> 0 -> 'alternatives') > 64 AS more_than_64;
SELECT a::text::jsonb = a AS same_as_parsed_text, length(a::text) > 100000 AS large
  FROM (SELECT revrit_analyze(text => repeat('Sefer ha-ḥinukh : ʻim ḥidushim / Yosef Ḳlozner. ', 300), n => 40) AS a) s;
SELECT revrit_analyze(text => '')::text::jsonb = revrit_analyze(text => '') AS empty_ok;

-- revrit.standard is checked when it is SET (once revrit is loaded), not
-- at the next call: 22023
\set VERBOSITY terse
SELECT revrit(text => 'Sefer');
SET revrit.standard = 'nope';
DO $$
BEGIN
	SET revrit.standard = 'no-such-standard';
EXCEPTION WHEN invalid_parameter_value THEN
	RAISE NOTICE 'refused at SET: %', SQLSTATE;
END $$;
SET revrit.standard = 'DIN1982';
SELECT revrit(text => 'Sefer');
RESET revrit.standard;
