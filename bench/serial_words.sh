#!/usr/bin/env bash
# serial_words.sh — serial revrit() throughput in PostgreSQL on real titles:
# words converted per second by one backend, no parallel workers.
#
# usage: bench/serial_words.sh [COPIES]
#
# Loads the romanized column of ../shared/data/catalog_dev.tsv COPIES times
# (default 200) into a table, then times
#   SELECT sum(length(revrit(r))) FROM t   (max_parallel_workers_per_gather = 0)
# three times on a throwaway cluster (scripts/pgcluster.sh) and prints the
# fastest as words/s (words: white-space tokens of the input) against the
# target of issue 10 (>= 150,000 words/s).  LEXICON=/abs/path.rvlex (or
# none) measures another lexicon in the same way, for a ratio on a busy
# machine.
set -euo pipefail
cd "$(dirname "$0")/.."
copies=${1:-200}
pairs=../shared/data/catalog_dev.tsv
[ -f "$pairs" ] || { echo "serial_words.sh: $pairs not found" >&2; exit 1; }

# shellcheck source=scripts/pgcluster.sh
source scripts/pgcluster.sh
pgcluster_start >/dev/null

tmp=$(mktemp)
trap 'rm -f "$tmp"' EXIT
tail -n +2 "$pairs" | cut -f3 >"$tmp"
psql -X -q -v ON_ERROR_STOP=1 <<SQL
CREATE EXTENSION IF NOT EXISTS revrit;
CREATE TABLE titles (r text);
\copy titles FROM '$tmp' WITH (FORMAT text)
INSERT INTO titles SELECT r FROM titles, generate_series(2, $copies);
VACUUM ANALYZE titles;
SQL
words=$(psql -X -At -c "SELECT sum(array_length(regexp_split_to_array(trim(r), '\s+'), 1)) FROM titles")
best=
for run in 1 2 3; do
	ms=$(psql -X -At <<SQL | tail -1
SET max_parallel_workers_per_gather = 0;
SET revrit.lexicon = '${LEXICON:-hebrew}';
SELECT revrit('warm up');
\timing on
SELECT sum(length(revrit(r))) FROM titles;
SQL
)
	ms=${ms#Time: }
	ms=${ms%% ms*}
	echo "run $run: $ms ms"
	if [ -z "$best" ] || awk -v a="$ms" -v b="$best" 'BEGIN { exit !(a < b) }'; then
		best=$ms
	fi
done
rate=$(awk -v w="$words" -v ms="$best" 'BEGIN { printf "%.0f", w / (ms / 1000) }')
echo "serial revrit(): $words words in $best ms = $rate words/s (target >= 150000)"
