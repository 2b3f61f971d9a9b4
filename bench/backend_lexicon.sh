#!/usr/bin/env bash
# backend_lexicon.sh — what the lexicon costs a backend: the latency of the
# first revrit() call in a fresh backend against its second, and the private
# resident memory a backend gains by loading it (the .rvlex is mapped
# read-only, so it should be shared page cache, not a private copy).
#
# usage: bench/backend_lexicon.sh
#
# Starts a throwaway cluster (scripts/pgcluster.sh), CREATE EXTENSION revrit,
# then in one run:
#   1. one fresh backend while no other process maps the lexicon (context:
#      smaps counts a file page mapped by one process only as "private");
#   2. a holder backend that keeps the lexicon mapped, as any busy server has;
#   3. M fresh backends with revrit.lexicon = hebrew (the default) and M with
#      'none', interleaved.  In each, one plpgsql call times the first and
#      the second revrit() with clock_timestamp(), and /proc/self/smaps_rollup
#      is read (pg_read_file) before and after; a 'none' backend then
#      switches to the lexicon, which gives the lexicon's own cost;
#   4. a parallel query, sampling /proc/PID/smaps of the leader and every
#      worker for the .rvlex mapping while they run.
# Reading smaps: a page of the mapping counts as Shared_* once two processes
# (of any cluster on the machine) map it and as Private_* while only one
# does, clean or dirty as the page cache has it; either way it is the page
# cache's one copy.  A private copy would show as Anonymous in the mapping.
# "alone" is alone in this cluster only.
#
# Prints the medians and PASS/FAIL against the targets of issue 3:
#   first call minus second call  <= 10 ms
#   private memory growth per backend with the lexicon loaded  < 5 MB
#
# Environment: M (backends per mode, default 20), PGCLUSTER_PORT (default
# 54332), ROWS (rows for the parallel query, default 400000), WORKERS
# (default 4).  Linux only (/proc).  Exit status 0 if both targets pass.
set -euo pipefail
cd "$(dirname "$0")/.."

M=${M:-20}
ROWS=${ROWS:-400000}
WORKERS=${WORKERS:-4}
export PGCLUSTER_PORT=${PGCLUSTER_PORT:-54332}
TITLE='Toldot ha-Yehudim be-Erets Yisraʼel'

source scripts/pgcluster.sh

lexfile="$(pg_config --sharedir)/revrit/hebrew.rvlex"
if [ ! -f "$lexfile" ]; then
	echo "backend_lexicon.sh: $lexfile is not installed (make && make install)" >&2
	exit 1
fi

PGCLUSTER_OPTS="-c max_worker_processes=$((WORKERS + 4)) -c max_parallel_workers=$WORKERS" \
	pgcluster_start >/dev/null
holder_pid=""
parallel_pid=""
cleanup() {
	[ -n "$holder_pid" ] && kill "$holder_pid" 2>/dev/null || true
	[ -n "$parallel_pid" ] && kill "$parallel_pid" 2>/dev/null || true
	pgcluster_stop
}
trap cleanup EXIT

PSQL=(psql -X -q -v ON_ERROR_STOP=1 -At)

"${PSQL[@]}" <<'SQL'
CREATE EXTENSION revrit;

-- kB value of one field of a /proc smaps block.
CREATE FUNCTION bench_kb(block text, field text) RETURNS int8
LANGUAGE sql IMMUTABLE AS $$
	SELECT coalesce((regexp_match(block, '(?:^|\n)' || field || ':\s+(\d+) kB'))[1]::int8, 0)
$$;

-- The whole process: /proc/PID/smaps_rollup.
CREATE FUNCTION bench_rollup(pid int DEFAULT pg_backend_pid(),
	OUT rss int8, OUT pss int8, OUT shared int8, OUT private int8,
	OUT private_dirty int8)
LANGUAGE sql AS $$
	SELECT bench_kb(t, 'Rss'), bench_kb(t, 'Pss'),
		   bench_kb(t, 'Shared_Clean') + bench_kb(t, 'Shared_Dirty'),
		   bench_kb(t, 'Private_Clean') + bench_kb(t, 'Private_Dirty'),
		   bench_kb(t, 'Private_Dirty')
	  FROM pg_read_file('/proc/' || pid || '/smaps_rollup') AS t
$$;

-- The .rvlex mappings of a process (none if it has gone meanwhile).
CREATE FUNCTION bench_rvlex(pid int DEFAULT pg_backend_pid())
RETURNS TABLE(file text, size int8, rss int8, pss int8, shared int8,
			  private_clean int8, private_dirty int8, anonymous int8)
LANGUAGE plpgsql AS $$
DECLARE
	smaps text;
BEGIN
	BEGIN
		smaps := pg_read_file('/proc/' || pid || '/smaps');
	EXCEPTION WHEN OTHERS THEN
		RETURN;
	END;
	RETURN QUERY
	SELECT regexp_replace(split_part(b, E'\n', 1), '^.* ', ''),
		   bench_kb(b, 'Size'), bench_kb(b, 'Rss'), bench_kb(b, 'Pss'),
		   bench_kb(b, 'Shared_Clean') + bench_kb(b, 'Shared_Dirty'),
		   bench_kb(b, 'Private_Clean'), bench_kb(b, 'Private_Dirty'),
		   bench_kb(b, 'Anonymous')
	  FROM regexp_split_to_table(smaps, E'\n(?=[0-9a-f]+-[0-9a-f]+ )') AS b
	 WHERE split_part(b, E'\n', 1) LIKE '%.rvlex';
END $$;

-- The first and the second revrit() of this backend, in ms.  With
-- go = false it only loads plpgsql, so that is not counted.
CREATE FUNCTION bench_calls(txt text, go bool,
	OUT first_ms float8, OUT second_ms float8)
LANGUAGE plpgsql AS $$
DECLARE
	t0 timestamptz;
	t1 timestamptz;
	t2 timestamptz;
BEGIN
	IF NOT go THEN
		RETURN;
	END IF;
	t0 := clock_timestamp();
	PERFORM revrit(txt);
	t1 := clock_timestamp();
	PERFORM revrit(txt);
	t2 := clock_timestamp();
	first_ms := extract(epoch FROM t1 - t0) * 1000;
	second_ms := extract(epoch FROM t2 - t1) * 1000;
END $$;

CREATE TABLE bench_backend (
	mode text,					-- hebrew, none, alone (hebrew, no holder)
	pid int,
	first_ms float8,
	second_ms float8,
	rss_before int8, private_before int8,
	rss_after int8, private_after int8, private_dirty_after int8,
	private_after_lexicon int8,	-- 'none' backends, after switching to it
	lex_rss int8, lex_pss int8, lex_shared int8,
	lex_private_clean int8, lex_private_dirty int8, lex_anonymous int8
);
SQL

# One fresh backend: $1 = mode (hebrew | none | alone).
measure_backend() {
	local mode=$1 lexicon=hebrew
	[ "$mode" = none ] && lexicon=none
	PGOPTIONS="-c revrit.lexicon=$lexicon" "${PSQL[@]}" -v mode="$mode" \
		-v title="$TITLE" <<'SQL'
SELECT * FROM bench_calls('', false) \g /dev/null
SELECT * FROM bench_rollup() \g /dev/null
SELECT rss AS rss_before, private AS private_before FROM bench_rollup() \gset
SELECT first_ms, second_ms FROM bench_calls(:'title', true) \gset
SELECT rss AS rss_after, private AS private_after,
	   private_dirty AS private_dirty_after FROM bench_rollup() \gset
SELECT '' AS private_after_lexicon \gset
SELECT current_setting('revrit.lexicon') = 'none' AS is_none \gset
\if :is_none
SET revrit.lexicon = 'hebrew';
SELECT revrit(:'title') IS NULL AS dummy \gset
SELECT private AS private_after_lexicon FROM bench_rollup() \gset
\endif
INSERT INTO bench_backend
SELECT :'mode', pg_backend_pid(), :first_ms, :second_ms,
	   :rss_before, :private_before, :rss_after, :private_after,
	   :private_dirty_after, nullif(:'private_after_lexicon', '')::int8,
	   r.rss, r.pss, r.shared, r.private_clean, r.private_dirty, r.anonymous
  FROM (SELECT 1) AS one LEFT JOIN bench_rvlex() AS r ON true;
SQL
}

echo "backend_lexicon: lexicon $lexfile ($(stat -c %s "$lexfile") bytes), M=$M"

# 1. alone: nobody else maps the lexicon (after one warm-up backend, which
# also writes the relation cache init file for the others)
"${PSQL[@]}" -c "SELECT count(*) FROM pg_class" >/dev/null
measure_backend alone

# 2. a holder keeps it mapped, as the other backends of a busy server do
PGOPTIONS="-c revrit.lexicon=hebrew" psql -X -q -At \
	-c "SELECT revrit('Sefer') IS NULL" -c "SELECT pg_sleep(3600)" \
	>/dev/null 2>&1 &
holder_pid=$!
for _ in $(seq 100); do
	n=$("${PSQL[@]}" -c "SELECT count(*) FROM pg_stat_activity a, bench_rvlex(a.pid) r
						  WHERE a.query LIKE 'SELECT pg_sleep(3600)%'")
	[ "$n" -ge 1 ] && break
	sleep 0.1
done

# 3. M fresh backends per mode, interleaved
for i in $(seq "$M"); do
	measure_backend hebrew
	measure_backend none
done

# 4. a parallel query: do the workers share the mapping?
"${PSQL[@]}" <<SQL
CREATE TABLE bench_titles AS
SELECT (ARRAY['Sefer ha-ḥinukh', 'Biḳoret u-farshanut', 'Universiṭat Bar-Ilan',
			  'Toldot ha-Yehudim be-Erets Yisraʼel', 'Mah she-raʼiti'])[i % 5 + 1]
	   || ' ' || i AS title
  FROM generate_series(1, $ROWS) AS i;
ANALYZE bench_titles;
CREATE TABLE bench_parallel (pid int, backend_type text, file text, size int8,
	rss int8, pss int8, shared int8, private_clean int8, private_dirty int8,
	anonymous int8, private int8);
SQL

PGOPTIONS="-c max_parallel_workers_per_gather=$WORKERS -c parallel_setup_cost=0 -c parallel_tuple_cost=0 -c min_parallel_table_scan_size=0" \
	"${PSQL[@]}" -c "SELECT /* bench_parallel */ count(*) FROM bench_titles WHERE revrit(title) <> ''" \
	>/dev/null &
parallel_pid=$!
sampled=0
while kill -0 "$parallel_pid" 2>/dev/null; do
	# every worker must have loaded the lexicon
	n=$("${PSQL[@]}" -c "
		SELECT count(*) FILTER (WHERE r.file IS NOT NULL) || ' ' || count(*)
		  FROM pg_stat_activity a LEFT JOIN LATERAL bench_rvlex(a.pid) r ON true
		 WHERE a.backend_type = 'parallel worker'")
	if [ "${n% *}" -ge 1 ] && [ "${n% *}" = "${n#* }" ]; then
		"${PSQL[@]}" -c "
			INSERT INTO bench_parallel
			SELECT a.pid, a.backend_type, r.*, m.private
			  FROM pg_stat_activity a, bench_rvlex(a.pid) r, bench_rollup(a.pid) m
			 WHERE a.backend_type = 'parallel worker'
				OR a.query LIKE 'SELECT /* bench_parallel */%'"
		sampled=1
		break
	fi
	sleep 0.05
done
wait "$parallel_pid"
parallel_pid=""

# ---- report -------------------------------------------------------------------
if [ -n "${RAW:-}" ]; then
	"${PSQL[@]}" -P format=aligned -c "SELECT * FROM bench_backend ORDER BY mode, pid"
fi
"${PSQL[@]}" -P footer=off -P format=aligned -v sampled=$sampled <<'SQL'
\pset tuples_only off
\echo
\echo == first vs second revrit() call in a fresh backend (ms; medians over backends)
SELECT mode, count(*) AS backends,
	   round(percentile_cont(0.5) WITHIN GROUP (ORDER BY first_ms)::numeric, 3) AS first,
	   round(percentile_cont(0.5) WITHIN GROUP (ORDER BY second_ms)::numeric, 3) AS second,
	   round(percentile_cont(0.5) WITHIN GROUP (ORDER BY first_ms - second_ms)::numeric, 3) AS "first-second",
	   round(max(first_ms - second_ms)::numeric, 3) AS "max first-second"
  FROM bench_backend GROUP BY mode ORDER BY mode;

\echo == private resident memory (Private_Clean + Private_Dirty, kB; medians)
\echo    growth = after the first two calls minus before them, same backend;
\echo    lexicon only = a 'none' backend switching to the lexicon
SELECT mode,
	   percentile_cont(0.5) WITHIN GROUP (ORDER BY private_before) AS private_before,
	   percentile_cont(0.5) WITHIN GROUP (ORDER BY private_after) AS private_after,
	   percentile_cont(0.5) WITHIN GROUP (ORDER BY private_after - private_before) AS growth,
	   percentile_cont(0.5) WITHIN GROUP (ORDER BY private_dirty_after) AS private_dirty,
	   percentile_cont(0.5) WITHIN GROUP (ORDER BY rss_after - rss_before) AS rss_growth,
	   percentile_cont(0.5) WITHIN GROUP (ORDER BY private_after_lexicon - private_after) AS "lexicon only"
  FROM bench_backend GROUP BY mode ORDER BY mode;

\echo == the .rvlex mapping in each backend (kB; medians)
SELECT mode, max(file_size) AS size,
	   percentile_cont(0.5) WITHIN GROUP (ORDER BY lex_rss) AS rss,
	   percentile_cont(0.5) WITHIN GROUP (ORDER BY lex_pss) AS pss,
	   percentile_cont(0.5) WITHIN GROUP (ORDER BY lex_shared) AS shared,
	   percentile_cont(0.5) WITHIN GROUP (ORDER BY lex_private_clean) AS private_clean,
	   max(lex_private_dirty) AS "max private_dirty",
	   max(lex_anonymous) AS "max anonymous"
  FROM (SELECT *, (SELECT (pg_stat_file(setting || '/revrit/hebrew.rvlex')).size / 1024
					 FROM pg_config WHERE name = 'SHAREDIR') AS file_size
		  FROM bench_backend) AS b
 WHERE lex_rss IS NOT NULL GROUP BY mode ORDER BY mode;

\echo == parallel query: the .rvlex mapping in the leader and its workers (kB)
SELECT backend_type, pid, rss, pss, shared, private_clean, private_dirty,
	   anonymous, private AS "process private"
  FROM bench_parallel ORDER BY backend_type, pid;

\echo
WITH t AS (
	SELECT percentile_cont(0.5) WITHIN GROUP (ORDER BY first_ms - second_ms)
			 FILTER (WHERE mode = 'hebrew') AS first_extra_ms,
		   percentile_cont(0.5) WITHIN GROUP (ORDER BY private_after - private_before)
			 FILTER (WHERE mode = 'hebrew') AS growth_kb,
		   max(lex_anonymous) FILTER (WHERE mode = 'hebrew') AS lex_anon
	  FROM bench_backend),
p AS (
	SELECT count(*) FILTER (WHERE backend_type = 'parallel worker') AS workers,
		   coalesce(bool_and(shared >= rss AND anonymous = 0), false) AS shared
	  FROM bench_parallel)
SELECT format('first call - second call: median %s ms (target <= 10 ms): %s',
			  round(first_extra_ms::numeric, 3),
			  CASE WHEN first_extra_ms <= 10 THEN 'PASS' ELSE 'FAIL' END) AS result
  FROM t
UNION ALL
SELECT format('private memory growth per backend with the lexicon: median %s kB = %s MB (target < 5 MB): %s',
			  growth_kb, round((growth_kb / 1024)::numeric, 2),
			  CASE WHEN growth_kb < 5 * 1024 THEN 'PASS' ELSE 'FAIL' END)
  FROM t
UNION ALL
SELECT format('.rvlex mapping: max Anonymous %s kB (0 = never copied); parallel workers sampled: %s, all share every resident page: %s',
			  lex_anon, workers, CASE WHEN shared THEN 'yes' ELSE 'NO' END)
  FROM t, p;
SQL

verdict=$("${PSQL[@]}" -c "
	SELECT percentile_cont(0.5) WITHIN GROUP (ORDER BY first_ms - second_ms) <= 10
	   AND percentile_cont(0.5) WITHIN GROUP (ORDER BY private_after - private_before) < 5 * 1024
	  FROM bench_backend WHERE mode = 'hebrew'")
if [ "$verdict" = t ]; then
	echo "backend_lexicon: PASS"
	exit 0
fi
echo "backend_lexicon: FAIL"
exit 1
