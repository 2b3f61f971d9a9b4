#!/usr/bin/env bash
# bench/parallel_plan.sh [N] — shows that SELECT revrit(title) over N rows
# (default 1,000,000) gets a parallel plan with workers launched on a fresh
# cluster with PostgreSQL's default settings (initdb's; only the throwaway
# cluster's socket, port and fsync=off are set).  Needs `make install`.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/common.sh
source scripts/pgcluster.sh

N=${1:-1000000}
PGCLUSTER_PORT=${PGCLUSTER_PORT:-54335} pgcluster_start >/dev/null
trap pgcluster_stop EXIT
psql -X -q -v ON_ERROR_STOP=1 -c "CREATE EXTENSION revrit" -f bench/catalog_gen.sql \
	-c "CREATE TABLE catalog AS SELECT id, title FROM revrit_bench_catalog($N)" \
	-c "VACUUM ANALYZE catalog"
echo "settings not at their defaults:"
psql -X -At -c "SELECT '  ' || name || ' = ' || setting FROM pg_settings
                 WHERE source NOT IN ('default', 'override', 'client')
                   AND name NOT IN ('application_name') ORDER BY 1"
psql -X -c "EXPLAIN (ANALYZE, COSTS OFF) SELECT revrit(title) FROM catalog"
