--
-- Converting whole tables of MARC records in parallel (docs/marc.md):
-- a FOLIO-like jsonb table and an Evergreen-like MARCXML text table, from
-- sample/marc_sample.sql.  The conversions are computed by a parallel
-- CREATE TABLE AS, then applied by key to the rows that change.
--
SET client_min_messages = warning;
CREATE EXTENSION IF NOT EXISTS revrit;
RESET client_min_messages;
-- (pg_regress runs psql in the repository root)
\i sample/marc_sample.sql
ANALYZE marc_sample_folio;
ANALYZE marc_sample_evergreen;

-- the functions are declared for parallel plans
SELECT proname, proisstrict, provolatile, proparallel, procost >= 100 AS costly
  FROM pg_proc WHERE proname LIKE 'revrit_marc%' ORDER BY proname;

SET parallel_setup_cost = 0;
SET parallel_tuple_cost = 0;
SET min_parallel_table_scan_size = 0;
SET max_parallel_workers_per_gather = 2;

-- 1. compute: one parallel CREATE TABLE AS per table
EXPLAIN (COSTS OFF)
CREATE UNLOGGED TABLE folio_880 AS
SELECT id, revrit_marc(content) AS content FROM marc_sample_folio;
CREATE UNLOGGED TABLE folio_880 AS
SELECT id, revrit_marc(content) AS content FROM marc_sample_folio;
EXPLAIN (COSTS OFF)
CREATE UNLOGGED TABLE evergreen_880 AS
SELECT id, revrit_marcxml(marc) AS marc FROM marc_sample_evergreen;
CREATE UNLOGGED TABLE evergreen_880 AS
SELECT id, revrit_marcxml(marc) AS marc FROM marc_sample_evergreen;

-- the same without workers
SET max_parallel_workers_per_gather = 0;
SELECT count(*) AS rows,
       count(*) FILTER (WHERE c.content = revrit_marc(t.content)) AS same_serially
  FROM folio_880 c JOIN marc_sample_folio t USING (id);
SELECT count(*) AS rows,
       count(*) FILTER (WHERE c.marc = revrit_marcxml(t.marc)) AS same_serially
  FROM evergreen_880 c JOIN marc_sample_evergreen t USING (id);

-- 2. apply: only the rows that change (the Hebrew records) are written
UPDATE marc_sample_folio t SET content = c.content
  FROM folio_880 c WHERE t.id = c.id AND t.content <> c.content;
UPDATE marc_sample_evergreen t SET marc = c.marc
  FROM evergreen_880 c WHERE t.id = c.id AND t.marc <> c.marc;

-- 880 fields per record after the update, in both tables alike
SELECT f.content->'fields'->0->>'001' AS record, f.content->'fields'->1->>'008' AS f008,
       (SELECT count(*) FROM jsonb_array_elements(f.content->'fields') x WHERE x ? '880') AS json_880s,
       array_length(xpath('//m:datafield[@tag="880"]', e.marc::xml,
                          '{{m,http://www.loc.gov/MARC21/slim}}'), 1) AS xml_880s
  FROM marc_sample_folio f
  JOIN marc_sample_evergreen e
    ON e.id = substring(f.content->'fields'->0->>'001' from '\d+')::int
 ORDER BY 1;

-- a second pass finds nothing to do
SELECT count(*) FILTER (WHERE revrit_marc(content) <> content) AS folio_changes
  FROM marc_sample_folio;
SELECT count(*) FILTER (WHERE revrit_marcxml(marc) <> marc) AS evergreen_changes
  FROM marc_sample_evergreen;

-- workers convert as the leader does, on a table big enough for two
CREATE TABLE folio_many AS
SELECT gen_random_uuid() AS id, content FROM marc_sample_folio, generate_series(1, 200);
ANALYZE folio_many;
SET max_parallel_workers_per_gather = 2;
SET parallel_leader_participation = off;
EXPLAIN (COSTS OFF)
CREATE UNLOGGED TABLE folio_many_880 AS SELECT id, revrit_marc(content) AS c FROM folio_many;
CREATE UNLOGGED TABLE folio_many_880 AS SELECT id, revrit_marc(content) AS c FROM folio_many;
RESET parallel_leader_participation;
SET max_parallel_workers_per_gather = 0;
SELECT count(*) AS rows, count(*) FILTER (WHERE c = revrit_marc(content)) AS same_serially
  FROM folio_many_880 JOIN folio_many USING (id);

DROP TABLE folio_880, evergreen_880, folio_many, folio_many_880,
           marc_sample_folio, marc_sample_evergreen;
