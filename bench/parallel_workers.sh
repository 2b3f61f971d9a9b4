#!/usr/bin/env bash
# bench/parallel_workers.sh [N] — how many parallel workers revrit gets
# over an N-row table (default 200,000) with max_parallel_workers_per_gather
# = 8: an ad-hoc CREATE TABLE AS as PostgreSQL plans it (workers sized by
# the table's pages), the same after ALTER TABLE ... SET (parallel_workers
# = 8), and revrit_convert (which sets it on its own input table).  Times
# are from one run on this machine; on 2 cores more than one worker can
# only share them, the figure to read is the count.  Needs `make install`.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/common.sh
source scripts/pgcluster.sh

N=${1:-200000}
PGCLUSTER_OPTS="-c max_worker_processes=16 -c max_parallel_workers=16" \
	PGCLUSTER_PORT=${PGCLUSTER_PORT:-54337} pgcluster_start >/dev/null
trap pgcluster_stop EXIT
psql -X -q -v ON_ERROR_STOP=1 -c "CREATE EXTENSION revrit" -f bench/catalog_gen.sql \
	-c "CREATE TABLE catalog AS SELECT id, title, NULL::text AS title_heb FROM revrit_bench_catalog($N)" \
	-c "ALTER TABLE catalog ADD PRIMARY KEY (id)" -c "VACUUM ANALYZE catalog"
echo "$N rows, $(psql -X -At -c "SELECT pg_size_pretty(pg_table_size('catalog'))"), max_parallel_workers_per_gather = 8, $(nproc) cores"

run_ctas() {
	psql -X -q -At -v ON_ERROR_STOP=1 <<SQL
SET max_parallel_workers_per_gather = 8;
SET client_min_messages = warning;
DROP TABLE IF EXISTS out;
EXPLAIN (ANALYZE, TIMING OFF, SUMMARY ON, FORMAT JSON)
  CREATE TABLE out AS SELECT id, revrit(title) AS title_heb FROM catalog;
SQL
}
report() {
	python3 -c 'import json,sys
p = json.load(sys.stdin)[0]
def find(n, k):
    if k in n: return n[k]
    for c in n.get("Plans", []):
        v = find(c, k)
        if v is not None: return v
print("%s: %s workers planned, %s launched, %.1f s" % (sys.argv[1],
      find(p["Plan"], "Workers Planned") or 0, find(p["Plan"], "Workers Launched") or 0,
      p["Execution Time"] / 1000))' "$1"
}
run_ctas | report "CREATE TABLE AS, as planned     "
psql -X -q -c "ALTER TABLE catalog SET (parallel_workers = 8)"
run_ctas | report "CREATE TABLE AS, parallel_workers = 8"
psql -X -q -c "ALTER TABLE catalog RESET (parallel_workers)"
psql -X -q -c "SET max_parallel_workers_per_gather = 8" \
	-c "CALL revrit_convert('catalog', 'title', 'title_heb', batch_size => 50000)" 2>&1 |
	grep -E 'done' | sed 's/^NOTICE:  //'
