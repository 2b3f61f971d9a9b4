#!/usr/bin/env bash
# learned.sh — the learned layer on a pairs file, inside PostgreSQL:
#   1. revrit_evaluate, 5-fold: accuracy without and with learning (the same
#      metrics as "revrit eval"; "revrit eval PAIRS --learn-folds 5" prints
#      the same figures from the command line);
#   2. revrit_learn from the table, then revrit() on the same romanized
#      fields: the share of learned word pairs whose Hebrew word the
#      conversion reproduces (target >= 0.97);
#   3. what learning costs a call: SELECT count(revrit(t)) over ROWS titles
#      with revrit.learning off, on with revrit.learned empty, and on with
#      what step 2 learned (ratios measured in one run; best of REPEAT).
#
# usage: bench/learned.sh [PAIRS.tsv]   (default ../shared/data/catalog_dev.tsv)
# Environment: PGCLUSTER_PORT (default 54334), ROWS (default 100000),
# REPEAT (default 3).
set -euo pipefail
cd "$(dirname "$0")/.."

PAIRS=${1:-../shared/data/catalog_dev.tsv}
ROWS=${ROWS:-100000}
REPEAT=${REPEAT:-3}
export PGCLUSTER_PORT=${PGCLUSTER_PORT:-54334}

# shellcheck source=../scripts/pgcluster.sh
source scripts/pgcluster.sh
pgcluster_start >/dev/null

psql -X -q -v ON_ERROR_STOP=1 -v pairs="$PAIRS" -v rows="$ROWS" <<'SQL'
CREATE EXTENSION revrit;
-- the pairs file as it is: one line per row, no COPY escapes
CREATE TABLE raw_lines (n serial, line text);
\set copy_pairs '\\copy raw_lines (line) FROM ' :'pairs' ' WITH (FORMAT csv, DELIMITER E''\\x01'', QUOTE E''\\x02'')'
:copy_pairs
CREATE TABLE pairs AS
SELECT n AS id, split_part(line, E'\t', 2) AS field,
	   split_part(line, E'\t', 3) AS romanized, split_part(line, E'\t', 4) AS hebrew
  FROM raw_lines WHERE n > 1 AND line <> '';
CREATE TABLE titles AS
SELECT p.romanized AS t FROM generate_series(1, :rows) g
  JOIN pairs p ON p.id = 2 + g % (SELECT count(*) FROM pairs);
SQL

echo "== 1. 5-fold evaluation (revrit_evaluate)"
psql -X -At -c "SELECT jsonb_pretty(revrit_evaluate('pairs', 'romanized', 'hebrew', folds => 5, kind_column => 'field') - 'by_kind')"

echo "== 2. learn, then convert the same fields"
psql -X -At <<'SQL'
SELECT 'word pairs learned: ' || revrit_learn('pairs', 'romanized', 'hebrew');
WITH taught AS (
	SELECT p.id, a.hebrew, revrit(p.romanized) AS converted
	  FROM pairs p, revrit_align(p.romanized, p.hebrew) a)
SELECT format('learned words reproduced: %s of %s (%s)',
			  count(*) FILTER (WHERE converted ~ ('(^|[^א-ת])' || hebrew || '($|[^א-ת])')),
			  count(*),
			  round(count(*) FILTER (WHERE converted ~ ('(^|[^א-ת])' || hebrew || '($|[^א-ת])'))::numeric
					/ count(*), 3))
  FROM taught;
SQL

echo "== 3. cost per call: $ROWS titles, best of $REPEAT"
for i in $(seq 1 "$REPEAT"); do
	psql -X -q -At <<'SQL'
SET client_min_messages = warning;
CREATE TABLE IF NOT EXISTS runs (mode text, ms float8);
CREATE TABLE IF NOT EXISTS learned_saved AS SELECT * FROM revrit.learned;
-- off
SET revrit.learning = off;
SELECT count(revrit(t)) FROM titles \g /dev/null
SELECT clock_timestamp() AS t0 \gset
SELECT count(revrit(t)) FROM titles \g /dev/null
INSERT INTO runs SELECT 'off', extract(epoch FROM clock_timestamp() - :'t0'::timestamptz) * 1000;
-- on, what was learned
SET revrit.learning = on;
SELECT count(revrit(t)) FROM titles \g /dev/null
SELECT clock_timestamp() AS t0 \gset
SELECT count(revrit(t)) FROM titles \g /dev/null
INSERT INTO runs SELECT 'on, learned', extract(epoch FROM clock_timestamp() - :'t0'::timestamptz) * 1000;
-- on, nothing learned
TRUNCATE revrit.learned;
SELECT count(revrit(t)) FROM titles \g /dev/null
SELECT clock_timestamp() AS t0 \gset
SELECT count(revrit(t)) FROM titles \g /dev/null
INSERT INTO runs SELECT 'on, empty', extract(epoch FROM clock_timestamp() - :'t0'::timestamptz) * 1000;
INSERT INTO revrit.learned SELECT * FROM learned_saved;
SQL
done
psql -X <<'SQL'
SELECT mode, round(min(ms)::numeric) AS best_ms,
	   round((min(ms) / (SELECT min(ms) FROM runs WHERE mode = 'off'))::numeric, 3) AS ratio_to_off
  FROM runs GROUP BY mode ORDER BY mode;
SELECT pg_read_file('/proc/loadavg') AS loadavg;
SQL
