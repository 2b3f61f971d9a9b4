--
-- convert_key_types: single-column keys of types that sort (btree) but
-- have no max() aggregate -- uuid, bytea, boolean -- convert in several
-- batches like any other key.
--
SET client_min_messages = warning;
CREATE EXTENSION IF NOT EXISTS revrit;
\set VERBOSITY terse

CREATE TABLE conv_uuid (id uuid PRIMARY KEY, rom text, heb text);
INSERT INTO conv_uuid
SELECT md5(i::text)::uuid, 'Sefer ha-yovel', NULL FROM generate_series(1, 12) AS i;
CALL revrit_convert('conv_uuid', 'rom', 'heb', batch_size => 5);
SELECT count(*) AS rows, count(*) FILTER (WHERE heb = revrit(rom)) AS converted FROM conv_uuid;

CREATE TABLE conv_bytea (id bytea PRIMARY KEY, rom text, heb text);
INSERT INTO conv_bytea
SELECT decode(md5(i::text), 'hex'), 'Shirat ha-yam', NULL FROM generate_series(1, 12) AS i;
CALL revrit_convert('conv_bytea', 'rom', 'heb', batch_size => 5);
SELECT count(*) AS rows, count(*) FILTER (WHERE heb = revrit(rom)) AS converted FROM conv_bytea;

CREATE TABLE conv_bool (id boolean PRIMARY KEY, rom text, heb text);
INSERT INTO conv_bool VALUES (true, 'Torah', NULL), (false, 'Shirat ha-yam', NULL);
CALL revrit_convert('conv_bool', 'rom', 'heb', batch_size => 1);
SELECT count(*) AS rows, count(*) FILTER (WHERE heb = revrit(rom)) AS converted FROM conv_bool;

DROP TABLE conv_uuid, conv_bytea, conv_bool;
