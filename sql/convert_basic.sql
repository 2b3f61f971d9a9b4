--
-- convert_basic: revrit_convert converts a column in committed batches;
-- every row ends equal to revrit(source), the source is untouched, the
-- filters and the argument checks work.  Rate and ETA are in the NOTICE's
-- DETAIL, which terse verbosity hides, so the output is deterministic.
--
SET client_min_messages = warning;
CREATE EXTENSION IF NOT EXISTS revrit;
RESET client_min_messages;
\set VERBOSITY terse

CREATE TABLE conv_cat (
	id integer PRIMARY KEY,
	title text,
	title_heb text,
	year integer
);
INSERT INTO conv_cat
SELECT i,
	   CASE WHEN i = 7 THEN NULL
			WHEN i = 8 THEN ''
			ELSE (ARRAY['Sefer ha-ḥinukh', 'Toldot ha-Yehudim be-Erets Yisraʼel',
						'Shirim ṿe-sipurim', 'Mi-Yerushalayim le-Tel Aviv',
						'ha-Sifrut ha-ʻIvrit ba-dor ha-aḥaron',
						'Ḳovets maʼamarim le-zikhro shel Mosheh'])[i % 6 + 1]
				|| ' ' || i END,
	   NULL, 1900 + i
  FROM generate_series(1, 23) AS i;
CREATE TABLE conv_cat_orig AS SELECT id, title FROM conv_cat;

-- converts, 10 rows per committed batch, with a NOTICE per batch
CALL revrit_convert('conv_cat', 'title', 'title_heb', batch_size => 10);

-- every row equals a one-shot conversion; the source is untouched
SELECT count(*) AS rows,
	   count(*) FILTER (WHERE c.title_heb IS NOT DISTINCT FROM revrit(c.title)) AS converted,
	   count(*) FILTER (WHERE c.title IS NOT DISTINCT FROM o.title) AS source_untouched,
	   count(*) FILTER (WHERE c.title_heb IS NOT NULL) AS not_null
  FROM conv_cat c JOIN conv_cat_orig o USING (id);

-- the work tables are gone
SELECT count(*) AS work_tables FROM pg_class
 WHERE relnamespace::regnamespace::text LIKE 'revrit\_work\_%';

-- a second run writes nothing: every row already holds its conversion
CALL revrit_convert('conv_cat', 'title', 'title_heb');

-- only_null_target: a hand-made value is kept, the empty targets are filled
UPDATE conv_cat SET title_heb = 'ערך ידני' WHERE id = 3;
UPDATE conv_cat SET title_heb = NULL WHERE id IN (4, 5);
CALL revrit_convert('conv_cat', 'title', 'title_heb', only_null_target => true);
SELECT id, title_heb = revrit(title) AS converted, title_heb = 'ערך ידני' AS manual
  FROM conv_cat WHERE id IN (3, 4, 5) ORDER BY id;

-- where_clause: a trusted SQL predicate over the table's columns
UPDATE conv_cat SET title_heb = NULL;
CALL revrit_convert('conv_cat', 'title', 'title_heb', where_clause => 'year > 1915 AND id % 2 = 0');
SELECT count(*) FILTER (WHERE title_heb IS NOT NULL) AS converted,
	   bool_and(title_heb IS NULL OR (year > 1915 AND id % 2 = 0)) AS only_matching
  FROM conv_cat;

-- a varchar target and a unique NOT NULL key instead of a primary key
CREATE TABLE conv_uniq (code text NOT NULL UNIQUE, title varchar(200), heb varchar(400));
INSERT INTO conv_uniq SELECT 'r' || id, title, NULL FROM conv_cat WHERE title <> '';
CALL revrit_convert('conv_uniq', 'title', 'heb', batch_size => 100);
SELECT count(*) AS rows, count(*) FILTER (WHERE heb = revrit(title)) AS converted
  FROM conv_uniq;

-- argument checks, each with its own SQLSTATE
\set VERBOSITY default
\set SHOW_CONTEXT never
CALL revrit_convert('conv_cat', 'no_such', 'title_heb');
CALL revrit_convert('conv_cat', 'title', 'no_such');
CALL revrit_convert('conv_cat', 'title', 'title');
CALL revrit_convert('conv_cat', 'year', 'title_heb');
CALL revrit_convert('conv_cat', 'title', 'year');
CALL revrit_convert('conv_cat', 'title', 'title_heb', batch_size => 0);
CALL revrit_convert('no_such_table', 'title', 'title_heb');
CREATE VIEW conv_view AS SELECT * FROM conv_cat;
CALL revrit_convert('conv_view', 'title', 'title_heb');
CREATE TABLE conv_nokey (title text, heb text);
CALL revrit_convert('conv_nokey', 'title', 'heb');
ALTER TABLE conv_cat ADD COLUMN gen text GENERATED ALWAYS AS (upper(title)) STORED;
CALL revrit_convert('conv_cat', 'title', 'gen');
-- where_clause holds one expression: a second statement is refused
CALL revrit_convert('conv_cat', 'title', 'title_heb', where_clause => 'true; DROP TABLE conv_nokey');
CALL revrit_convert('conv_cat', 'title', 'title_heb', where_clause => 'true); DROP TABLE conv_nokey; SELECT (1');
CALL revrit_convert('conv_cat', 'title', 'title_heb', where_clause => 'no_such_column = 1');
SELECT to_regclass('conv_nokey') IS NOT NULL AS conv_nokey_still_exists;

-- COMMIT per batch: outside a transaction block only, refused at once
BEGIN;
CALL revrit_convert('conv_cat', 'title', 'title_heb');
ROLLBACK;
\set VERBOSITY terse

-- analyze_column: a clear error while revrit_analyze(text) does not exist;
-- once it does, the column is filled with it.  Same output either way.
CREATE TABLE conv_ana (id integer PRIMARY KEY, title text, heb text, analysis jsonb, note text);
INSERT INTO conv_ana (id, title) VALUES (1, 'Sefer ha-ḥinukh'), (2, 'Shirim');
CREATE TEMP TABLE conv_result (outcome text);
DO $$
BEGIN
	IF NOT EXISTS (SELECT FROM pg_proc WHERE proname = 'revrit_analyze') THEN
		BEGIN
			CALL revrit_convert('conv_ana', 'title', 'heb', analyze_column => 'analysis');
			INSERT INTO conv_result VALUES ('no error?');
		EXCEPTION WHEN undefined_function THEN
			INSERT INTO conv_result VALUES ('ok');
		END;
	ELSE
		PERFORM set_config('client_min_messages', 'warning', false);
		CALL revrit_convert('conv_ana', 'title', 'heb', analyze_column => 'analysis');
		PERFORM set_config('client_min_messages', 'notice', false);
		INSERT INTO conv_result
		SELECT CASE WHEN bool_and(analysis = revrit_analyze(title) AND heb = revrit(title))
					THEN 'ok' ELSE 'wrong' END
		  FROM conv_ana;
	END IF;
END
$$;
SELECT outcome AS analyze_column FROM conv_result;
\set VERBOSITY default
CALL revrit_convert('conv_ana', 'title', 'heb', analyze_column => 'note');
\set VERBOSITY terse

DROP TABLE conv_cat, conv_cat_orig, conv_uniq, conv_nokey, conv_ana CASCADE;
