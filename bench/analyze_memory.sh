#!/usr/bin/env bash
# bench/analyze_memory.sh — peak backend memory of revrit_analyze, and how
# fast a cancel stops the issue's worst-case search.  Each figure comes from
# a fresh backend: its peak resident set (VmHWM in /proc/PID/status, which
# includes the mapped lexicon pages it touched) after one call.
# Targets (issue 9): 1 MB at n=3 < 200 MB; 300 kB at n=1000 < 500 MB;
# 8 MB of one-letter words (its 54000 error) < 400 MB;
# statement_timeout honoured within 100 ms.  Needs `make install`.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/common.sh
source scripts/pgcluster.sh

PGCLUSTER_PORT=${PGCLUSTER_PORT:-54336} pgcluster_start >/dev/null
trap pgcluster_stop EXIT
psql -X -q -v ON_ERROR_STOP=1 -c "CREATE EXTENSION revrit" -f bench/catalog_gen.sql

# peak_rss BYTES N: VmHWM of a backend after revrit_analyze of BYTES of
# catalogue titles (bench/catalog_gen.sql) with n alternatives.
peak_rss() {
	psql -X -q -At <<SQL 2>&1
CREATE TEMP TABLE pid AS SELECT pg_backend_pid() AS p;
CREATE TEMP TABLE input AS
  SELECT left(string_agg(title, ' . '), $1) AS t FROM revrit_bench_catalog(($1 / 20)::int);
SELECT format('%s characters (%s bytes), n=%s: jsonb %s kB, ', length(t), octet_length(t), $2,
              pg_column_size(revrit_analyze(t, n => $2)) / 1024) FROM input;
SELECT 'peak RSS ' || (regexp_match(pg_read_file('/proc/' || p || '/status'),
                                    'VmHWM:\s+(\d+) kB'))[1]::bigint / 1024 || ' MB'
  FROM pid;
SQL
}
echo "revrit_analyze, backend peak memory:"
peak_rss 1000000 3 | paste -sd ''
peak_rss 300000 1000 | paste -sd ''
# the 8 MB limit at n=3: the jsonb would pass its 256 MB limit (54000)
peak_rss 7500000 3 | paste -sd ''
# the densest near-limit input: one-letter words, ~172 jsonb bytes each, so
# the 256 MB error comes a third of the way in (target < 400 MB; was 697 MB
# before jsonb_sink.c freed its keys and stopped copying closed objects)
psql -X -q -At <<'SQL' 2>&1 | sed 's/HINT: .*//' | paste -sd ' '
CREATE TEMP TABLE pid AS SELECT pg_backend_pid() AS p;
SELECT pg_column_size(revrit_analyze(repeat('a ', 4190000)));
SELECT '  repeat(''a '', 4190000), n=3: peak RSS ' ||
       (regexp_match(pg_read_file('/proc/' || p || '/status'),
                     'VmHWM:\s+(\d+) kB'))[1]::bigint / 1024 || ' MB' FROM pid;
SQL

echo "cancel latency (statement_timeout = 200ms; n = 1000 on a 16 x 64-letter word, or 7 MB of titles):"
for f in "count(*) FROM revrit_candidates" "revrit_analyze"; do
	psql -X -q -At <<SQL 2>&1 | grep -v '^ERROR' | paste -sd ' '
SET statement_timeout = '200ms';
CREATE TEMP TABLE t0 AS SELECT clock_timestamp() AS t;
SELECT $f(array_to_string(array_fill(repeat('ae', 32), ARRAY[16]), '-'), 1000);
SELECT '  $f: stopped after ' ||
       round(extract(epoch FROM clock_timestamp() - t) * 1000) || ' ms' FROM t0;
SQL
done
psql -X -q -At <<'SQL' 2>&1 | grep -v '^ERROR' | paste -sd ' '
SET statement_timeout = '200ms';
CREATE TEMP TABLE t0 AS SELECT clock_timestamp() AS t;
SELECT length(revrit(repeat('Sefer ha-ḥinukh ', 450000)));
SELECT '  revrit, 7 MB: stopped after ' ||
       round(extract(epoch FROM clock_timestamp() - t) * 1000) || ' ms' FROM t0;
SQL
