--
-- convert_quoting: table, schema and column names that need quoting, a
-- two-column key of text with quotes in its values, and injection attempts
-- through every argument, which fail cleanly.
--
SET client_min_messages = warning;
CREATE EXTENSION IF NOT EXISTS revrit;
RESET client_min_messages;
\set VERBOSITY terse

CREATE SCHEMA "Bib Data";
CREATE TABLE "Bib Data"."Catalog Table" (
	"Shelf Mark" text,
	"No." integer,
	"Title (rom)" text,
	"Title; Hebrew" text,
	"x""; DROP TABLE conv_victim; --" text,
	PRIMARY KEY ("Shelf Mark", "No.")
);
INSERT INTO "Bib Data"."Catalog Table" ("Shelf Mark", "No.", "Title (rom)")
SELECT (ARRAY['O''Brien "A"', 'Heb. 12/3', 'x''); DROP TABLE conv_victim; --'])[i % 3 + 1],
	   i,
	   (ARRAY['Shirat ha-yam', 'Sefer ha-yovel', 'Bet ha-sefarim ha-leʼumi'])[i % 3 + 1]
  FROM generate_series(1, 12) AS i;
CREATE TABLE conv_victim (a integer);

-- converts, batch by batch through the two-column key
CALL revrit_convert('"Bib Data"."Catalog Table"', 'Title (rom)', 'Title; Hebrew', batch_size => 5);
SELECT count(*) AS rows, count(*) FILTER (WHERE "Title; Hebrew" = revrit("Title (rom)")) AS converted
  FROM "Bib Data"."Catalog Table";

-- a column whose name looks like SQL is only a name
CALL revrit_convert('"Bib Data"."Catalog Table"', 'Title (rom)', 'x"; DROP TABLE conv_victim; --',
					batch_size => 5);
SELECT count(*) FILTER (WHERE "x""; DROP TABLE conv_victim; --" = revrit("Title (rom)")) AS converted
  FROM "Bib Data"."Catalog Table";

-- a crash-restart, whose recompute quotes the key values of the mark
UPDATE "Bib Data"."Catalog Table" SET "Title; Hebrew" = NULL;
CREATE FUNCTION "Bib Data".stop() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
	IF NEW."No." = 9 THEN
		RAISE EXCEPTION 'stopped';
	END IF;
	RETURN NEW;
END
$$;
CREATE TRIGGER stop BEFORE UPDATE ON "Bib Data"."Catalog Table"
	FOR EACH ROW EXECUTE FUNCTION "Bib Data".stop();
CALL revrit_convert('"Bib Data"."Catalog Table"', 'Title (rom)', 'Title; Hebrew', batch_size => 3);
DO $$
DECLARE
	r record;
BEGIN
	FOR r IN SELECT oid::regclass AS t FROM pg_class
			  WHERE relnamespace::regnamespace::text LIKE 'revrit\_work\_%' AND relpersistence = 'u'
				AND relkind = 'r'
	LOOP
		EXECUTE format('TRUNCATE %s', r.t);
	END LOOP;
END
$$;
DROP TRIGGER stop ON "Bib Data"."Catalog Table";
CALL revrit_convert('"Bib Data"."Catalog Table"', 'Title (rom)', 'Title; Hebrew', batch_size => 3);
SELECT count(*) AS rows, count(*) FILTER (WHERE "Title; Hebrew" = revrit("Title (rom)")) AS converted
  FROM "Bib Data"."Catalog Table";

-- injection attempts: each is an error, and the victim survives
\set VERBOSITY default
\set SHOW_CONTEXT never
CALL revrit_convert('"Bib Data"."Catalog Table"', 'Title (rom)', 'x"; DROP TABLE conv_victim; --"');
CALL revrit_convert('"Bib Data"."Catalog Table"', 'Title (rom)); DROP TABLE conv_victim; --', 'Title; Hebrew');
CALL revrit_convert('conv_victim; DROP TABLE conv_victim', 'a', 'a');
CALL revrit_convert('"Bib Data"."Catalog Table"', 'Title (rom)', 'Title; Hebrew',
					where_clause => 'true) AS x; DROP TABLE conv_victim; --');
CALL revrit_convert('"Bib Data"."Catalog Table"', 'Title (rom)', 'Title; Hebrew',
					analyze_column => '"; DROP TABLE conv_victim; --');
\set VERBOSITY terse
SELECT to_regclass('conv_victim') IS NOT NULL AS victim_exists;
SELECT count(*) AS work_tables FROM pg_class
 WHERE relnamespace::regnamespace::text LIKE 'revrit\_work\_%';

DROP SCHEMA "Bib Data" CASCADE;
DROP TABLE conv_victim;
