--
-- convert_orphans: the work tables of an unfinished conversion whose table
-- (or target column) was dropped are removed by the next revrit_convert of
-- the same role; those of a table that still exists are kept for resuming.
--
SET client_min_messages = warning;
CREATE EXTENSION IF NOT EXISTS revrit;
RESET client_min_messages;
\set VERBOSITY terse

CREATE FUNCTION conv_orphan_fail() RETURNS trigger LANGUAGE plpgsql AS
$$BEGIN RAISE EXCEPTION 'refused' USING ERRCODE = 'P0042'; END$$;
CREATE TABLE conv_gone (id integer PRIMARY KEY, rom text, heb text);
CREATE TABLE conv_col (id integer PRIMARY KEY, rom text, heb text);
CREATE TABLE conv_kept (id integer PRIMARY KEY, rom text, heb text);
INSERT INTO conv_gone SELECT i, 'Torah', NULL FROM generate_series(1, 5) AS i;
INSERT INTO conv_col SELECT * FROM conv_gone;
INSERT INTO conv_kept SELECT * FROM conv_gone;
CREATE TRIGGER t BEFORE UPDATE ON conv_gone FOR EACH ROW EXECUTE FUNCTION conv_orphan_fail();
CREATE TRIGGER t BEFORE UPDATE ON conv_col FOR EACH ROW EXECUTE FUNCTION conv_orphan_fail();
CREATE TRIGGER t BEFORE UPDATE ON conv_kept FOR EACH ROW EXECUTE FUNCTION conv_orphan_fail();
SET client_min_messages = warning;
CALL revrit_convert('conv_gone', 'rom', 'heb');
CALL revrit_convert('conv_col', 'rom', 'heb');
CALL revrit_convert('conv_kept', 'rom', 'heb');
RESET client_min_messages;
CREATE TEMP TABLE conv_work AS
SELECT c.oid AS relid, format('convert_%s_3', c.oid) AS scratch
  FROM pg_class c WHERE c.relname IN ('conv_gone', 'conv_col', 'conv_kept');
-- two work tables (scratch, state) for each unfinished conversion
SELECT count(*) FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
 WHERE n.nspname LIKE 'revrit_work\_%' AND c.relkind = 'r'
   AND c.relname IN (SELECT scratch FROM conv_work UNION ALL SELECT scratch || '_state' FROM conv_work);
DROP TABLE conv_gone;
ALTER TABLE conv_col DROP COLUMN heb;
CREATE TABLE conv_other (id integer PRIMARY KEY, rom text, heb text);
INSERT INTO conv_other VALUES (1, 'Torah', NULL);
SET client_min_messages = warning;   -- (the NOTICE counts other tests' leftovers too)
CALL revrit_convert('conv_other', 'rom', 'heb');
RESET client_min_messages;
-- only conv_kept's are left
SELECT count(*) FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
 WHERE n.nspname LIKE 'revrit_work\_%' AND c.relkind = 'r'
   AND c.relname IN (SELECT scratch FROM conv_work UNION ALL SELECT scratch || '_state' FROM conv_work);
DROP TRIGGER t ON conv_kept;
CALL revrit_convert('conv_kept', 'rom', 'heb');
SELECT count(*) FILTER (WHERE heb = revrit(rom)) AS converted FROM conv_kept;
DROP TABLE conv_col, conv_kept, conv_other, conv_work;
DROP FUNCTION conv_orphan_fail();
