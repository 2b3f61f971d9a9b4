--
-- learned: the learned layer — aligning parallel fields, revrit_learn,
-- editing revrit.learned by hand, revrit.learning, revrit_evaluate, bad
-- arguments, and a table whose names need quoting.  (Other sessions seeing
-- a change: learned_sessions.)
--
SET client_min_messages = warning;
CREATE EXTENSION IF NOT EXISTS revrit;
RESET client_min_messages;
\set VERBOSITY terse
TRUNCATE revrit.learned;

-- the word pairs a field teaches; a translation teaches nothing
SELECT * FROM revrit_align(romanized => 'Sipure ha-ḥasidim / Aharon Barak',
						   hebrew => 'ספורי החסידים / אהרן ברק');
SELECT * FROM revrit_align(romanized => 'The Hasidic tales', hebrew => 'ספורי החסידים');
-- a Hebrew year for a Gregorian one, and an added word, are skipped
SELECT * FROM revrit_align(romanized => 'Torat ha-ḥinukh, 1948', hebrew => 'תורת החנוך החדשה, תש"ח');

-- a catalogue whose table and columns need quoting
CREATE SCHEMA "Bib Data";
CREATE TABLE "Bib Data"."Parallel Records" (
	id int PRIMARY KEY,
	"Title (rom)" text,
	"Title; Hebrew" varchar,
	"Field kind" text,
	year int
);
INSERT INTO "Bib Data"."Parallel Records" VALUES
	(1, 'Sipure ha-ḥasidim / Aharon Barak', 'ספורי החסידים / אהרן ברק', 'title', 1950),
	(2, 'Torat ha-ḥinukh / Aharon Kohen', 'תורת החנוך / אהרן כהן', 'title', 1951),
	(3, 'Barak, Aharon', 'ברק, אהרן', 'name', NULL),
	(4, 'The Hasidic tales', 'ספורי החסידים', 'title', NULL),
	(5, 'Sefer ha-ḥinukh', NULL, 'title', NULL),
	(6, NULL, 'ספר', 'title', NULL);

SELECT revrit(text => 'Torat ha-ḥinukh / Aharon Kohen') AS before_learning;
SELECT revrit_learn(tbl => '"Bib Data"."Parallel Records"', romanized => 'Title (rom)',
					hebrew => 'Title; Hebrew');
SELECT romanized, hebrew, count, kind, source FROM revrit.learned ORDER BY romanized, hebrew;
-- the same session converts with it at once
SELECT revrit(text => 'Torat ha-ḥinukh / Aharon Kohen') AS after_learning;
SELECT revrit(text => 'Mishle Aharon') AS learned_word_elsewhere;

-- learning again from the same column replaces, it does not add up
SELECT revrit_learn(tbl => '"Bib Data"."Parallel Records"', romanized => 'Title (rom)',
					hebrew => 'Title; Hebrew');
SELECT sum(count) AS total FROM revrit.learned;
-- ... and only what it taught: another column's pairs and a cataloguer's
-- entry for the same words keep their counts
CREATE TABLE "Bib Data".copy AS
	SELECT "Title (rom)" AS rom, "Title; Hebrew" AS heb FROM "Bib Data"."Parallel Records";
SELECT revrit_learn(tbl => '"Bib Data".copy', romanized => 'rom', hebrew => 'heb');
INSERT INTO revrit.learned (romanized, hebrew) VALUES ('ha-ḥasidim', 'החסידים');
SELECT revrit_learn(tbl => '"Bib Data"."Parallel Records"', romanized => 'Title (rom)',
					hebrew => 'Title; Hebrew');
SELECT revrit_learn(tbl => '"Bib Data"."Parallel Records"', romanized => 'Title (rom)',
					hebrew => 'Title; Hebrew');
SELECT source, sum(count) AS total FROM revrit.learned GROUP BY source ORDER BY source;
DELETE FROM revrit.learned WHERE source <> '"Bib Data"."Parallel Records"."Title (rom)"';
DROP TABLE "Bib Data".copy;

-- rules and lexicon only
SET revrit.learning = off;
SELECT revrit(text => 'Torat ha-ḥinukh / Aharon Kohen') AS learning_off;
RESET revrit.learning;

-- a role that may not read revrit.learned is told how to convert without it
CREATE ROLE regress_revrit_no_learned;
REVOKE SELECT ON revrit.learned FROM PUBLIC;
SET ROLE regress_revrit_no_learned;
\set VERBOSITY default
SELECT revrit(text => 'Torat ha-ḥinukh / Aharon Kohen') AS not_readable;
\set VERBOSITY terse
SET revrit.learning = off;
SELECT revrit(text => 'Torat ha-ḥinukh / Aharon Kohen') AS learning_off;
RESET revrit.learning;
RESET ROLE;
GRANT SELECT ON revrit.learned TO PUBLIC;
DROP ROLE regress_revrit_no_learned;

-- a field too long to align: the detail names the alignment limit, not
-- the input size of revrit()
\set VERBOSITY default
SELECT count(*) FROM revrit_align(romanized => repeat('Sefer ', 600), hebrew => repeat('ספר ', 2000));
\set VERBOSITY terse

-- a cataloguer's edits take effect on the next call: insert, update, delete
INSERT INTO revrit.learned (romanized, hebrew) VALUES ('Mishle', 'משלי־');
SELECT revrit(text => 'Mishle Aharon') AS inserted;
UPDATE revrit.learned SET hebrew = 'מִשְׁלֵי' WHERE romanized = 'Mishle';
SELECT revrit(text => 'Mishle Aharon') AS updated;
DELETE FROM revrit.learned WHERE romanized = 'Mishle';
SELECT revrit(text => 'Mishle Aharon') AS deleted;
-- case and apostrophe look-alikes do not matter in a hand-made entry
INSERT INTO revrit.learned (romanized, hebrew) VALUES ('MISHLE', 'משלי');
SELECT revrit(text => 'Mishle Aharon') AS any_case;
-- an edit rolled back is forgotten again
BEGIN;
DELETE FROM revrit.learned;
SELECT revrit(text => 'Mishle Aharon') AS in_transaction;
ROLLBACK;
SELECT revrit(text => 'Mishle Aharon') AS after_rollback;

-- revrit.learned is extension configuration: pg_dump keeps its rows
SELECT extconfig::regclass[] FROM pg_extension WHERE extname = 'revrit';

-- evaluation: k-fold, by kind; revrit.learned is neither used nor changed
SELECT count(*) AS entries_before FROM revrit.learned;
SELECT jsonb_pretty(revrit_evaluate(tbl => '"Bib Data"."Parallel Records"',
									romanized => 'Title (rom)', hebrew => 'Title; Hebrew',
									folds => 2, kind_column => 'Field kind'));
SELECT revrit_evaluate(tbl => '"Bib Data"."Parallel Records"', romanized => 'Title (rom)',
					   hebrew => 'Title; Hebrew', folds => 1)
	   - 'by_kind' AS learned_from_all;
-- a view of the records gives the same figures as its table
CREATE VIEW "Bib Data".records_view AS SELECT * FROM "Bib Data"."Parallel Records";
SELECT revrit_evaluate(tbl => '"Bib Data".records_view', romanized => 'Title (rom)',
					   hebrew => 'Title; Hebrew', folds => 2, kind_column => 'Field kind')
	 = revrit_evaluate(tbl => '"Bib Data"."Parallel Records"', romanized => 'Title (rom)',
					   hebrew => 'Title; Hebrew', folds => 2, kind_column => 'Field kind')
	   AS view_same_as_table;
DROP VIEW "Bib Data".records_view;
SELECT count(*) AS entries_after FROM revrit.learned;

-- bad arguments: each error with its SQLSTATE
CREATE FUNCTION pg_temp.error_of(q text) RETURNS text LANGUAGE plpgsql AS $f$
BEGIN
	EXECUTE q;
	RETURN 'no error';
EXCEPTION WHEN OTHERS THEN
	RETURN SQLSTATE || ': ' || SQLERRM;
END
$f$;
SELECT pg_temp.error_of($$SELECT revrit_learn(tbl => '"Bib Data"."Parallel Records"', romanized => 'title', hebrew => 'Title; Hebrew')$$);
SELECT pg_temp.error_of($$SELECT revrit_learn(tbl => '"Bib Data"."Parallel Records"', romanized => 'Title (rom)', hebrew => 'year')$$);
SELECT pg_temp.error_of($$SELECT revrit_learn(tbl => 'no_such_table', romanized => 'a', hebrew => 'b')$$);
SELECT pg_temp.error_of($$SELECT revrit_evaluate(tbl => '"Bib Data"."Parallel Records"', romanized => 'id', hebrew => 'Title; Hebrew')$$);
SELECT pg_temp.error_of($$SELECT revrit_evaluate(tbl => '"Bib Data"."Parallel Records"', romanized => 'Title (rom)',
					   hebrew => 'Title; Hebrew', kind_column => 'kind')$$);
SELECT pg_temp.error_of($$SELECT revrit_evaluate(tbl => '"Bib Data"."Parallel Records"', romanized => 'Title (rom)',
					   hebrew => 'Title; Hebrew', folds => 0)$$);
SELECT pg_temp.error_of($$SELECT revrit_evaluate(tbl => '"Bib Data"."Parallel Records"', romanized => 'Title (rom)',
					   hebrew => 'Title; Hebrew', standard => 'klingon')$$);
SELECT revrit_learn(tbl => '"Bib Data"."Parallel Records"', romanized => NULL, hebrew => 'x') IS NULL AS strict;
SELECT pg_temp.error_of($$SELECT revrit_learn(tbl => '"Bib Data"."Parallel Records"', romanized => 'Title (rom)',
					   hebrew => 'Title; Hebrew', kind => 'titel')$$);
CREATE TABLE "Empty records" (rom text, heb text);
SELECT revrit_learn(tbl => '"Empty records"', romanized => 'rom', hebrew => 'heb') AS learned_from_empty;
SELECT pg_temp.error_of($$SELECT revrit_evaluate(tbl => '"Empty records"', romanized => 'rom', hebrew => 'heb')$$);
SELECT pg_temp.error_of($$SELECT revrit.learned_changed()$$);
SELECT pg_temp.error_of($$INSERT INTO revrit.learned (romanized, hebrew, count) VALUES ('Mishle', 'משלי', 0)$$);

-- a table larger than one read batch is read whole: the last row counts
TRUNCATE revrit.learned;
INSERT INTO revrit.learned (romanized, hebrew, source)
	SELECT 'x' || translate(g::text, '0123456789', 'abcdefghij'), 'ק' || g, 'filler'
	  FROM generate_series(1, 25000) g;
INSERT INTO revrit.learned (romanized, hebrew) VALUES ('Mishle', 'משלי־');
SELECT revrit(text => 'Mishle Aharon') AS after_25000_rows;

DROP TABLE "Empty records";
DROP SCHEMA "Bib Data" CASCADE;
TRUNCATE revrit.learned;
