#!/usr/bin/env bash
# test/marc/dev_check.sh [PAIRS.tsv] — MARC records rebuilt from the
# development pairs (default ../shared/data/catalog_dev.tsv) go through
# revrit_marc on a throwaway cluster; every added 880 must hold exactly what
# revrit() makes of its field's text, and a second run must add nothing.
# Prints "N passed, M failed".  Without the pairs file it says so and
# passes: the committed pg_regress tests (sql/marc_*.sql) need no dev data.
# The extension must be installed (make install).
set -euo pipefail
cd "$(dirname "$0")/../.."
TSV=${1:-../shared/data/catalog_dev.tsv}
if [ ! -r "$TSV" ]; then
	echo "marc dev check: $TSV not found, skipped"
	echo "0 passed, 0 failed"
	exit 0
fi
TSV=$(cd "$(dirname "$TSV")" && pwd)/$(basename "$TSV")
source scripts/pgcluster.sh
PGCLUSTER_PORT=${PGCLUSTER_PORT:-54329}
pgcluster_start >/dev/null
out=$(psql -X -q -v tsv="$TSV" -f test/marc/dev_records.sql 2>&1) || {
	echo "$out"
	echo "0 passed, 1 failed"
	exit 1
}
echo "$out"
result=$(echo "$out" | grep -Eo '[0-9]+ passed, [0-9]+ failed' | tail -1)
echo "$result"
[[ $result =~ ,\ 0\ failed ]]
