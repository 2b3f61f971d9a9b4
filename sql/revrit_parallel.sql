--
-- revrit_parallel: revrit() is declared so that the planner parallelizes
-- it, and workers convert exactly as the leader does.
--
SET client_min_messages = warning;
CREATE EXTENSION IF NOT EXISTS revrit;
RESET client_min_messages;

-- STRICT, STABLE, PARALLEL SAFE, with a cost well above 100
SELECT proname, proisstrict, provolatile, proparallel, procost >= 100 AS costly
  FROM pg_proc WHERE proname IN ('revrit', 'revrit_candidates')
 ORDER BY proname;
SELECT proisstrict, provolatile, proparallel
  FROM pg_proc WHERE proname = 'revrit_info';

CREATE TABLE revrit_par AS
SELECT i AS id,
	   (ARRAY['Sefer ha-ḥinukh', 'Biḳoret u-farshanut', 'Universiṭat Bar-Ilan',
			  'Toldot ha-Yehudim be-Erets Yisraʼel', 'Mah she-raʼiti'])[i % 5 + 1]
	   || ' ' || i AS title
  FROM generate_series(1, 5000) AS i;
ANALYZE revrit_par;

SET parallel_setup_cost = 0;
SET parallel_tuple_cost = 0;
SET min_parallel_table_scan_size = 0;
SET max_parallel_workers_per_gather = 2;

EXPLAIN (COSTS OFF) SELECT id, revrit(title) FROM revrit_par;
EXPLAIN (COSTS OFF) SELECT count(*) FROM revrit_par WHERE revrit(title) LIKE '%־%';

-- workers really start and run revrit (the plan's row counts per worker
-- vary, so only the worker lines are shown)
CREATE FUNCTION pg_temp.workers(query text) RETURNS SETOF text
LANGUAGE plpgsql AS $$
DECLARE
	line text;
BEGIN
	FOR line IN EXECUTE 'EXPLAIN (ANALYZE, COSTS OFF, TIMING OFF, SUMMARY OFF) ' || query
	LOOP
		IF line ~ 'Workers (Planned|Launched)' THEN
			RETURN NEXT btrim(line);
		END IF;
	END LOOP;
END $$;
SELECT pg_temp.workers('SELECT revrit(title) FROM revrit_par');

-- the same answers with and without workers, settings passed to workers
SET parallel_leader_participation = off;
CREATE TABLE revrit_par_parallel AS
SELECT id, revrit(title) AS heb FROM revrit_par;
SET revrit.hyphen = 'ascii';
SELECT count(*) FILTER (WHERE revrit(title) LIKE '%בר-אילן%') AS ascii_hyphens
  FROM revrit_par;
RESET revrit.hyphen;
RESET parallel_leader_participation;
SET max_parallel_workers_per_gather = 0;
SELECT count(*) AS rows,
	   count(*) FILTER (WHERE p.heb = revrit(s.title)) AS same
  FROM revrit_par s JOIN revrit_par_parallel p USING (id);

DROP TABLE revrit_par, revrit_par_parallel;
