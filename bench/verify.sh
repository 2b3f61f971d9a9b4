#!/usr/bin/env bash
# verify.sh — precision, recall and speed of revrit_verify against a
# reference table of >= 100,000 Hebrew-script titles.
#
# usage: bench/verify.sh [PAIRS.tsv]      (default ../shared/data/catalog_dev.tsv)
#
# The queries are the romanized titles, series and other title fields of
# PAIRS.tsv; their gold Hebrew goes into the reference with a year (made
# up, fixed per record).  Distractors are generated around every gold
# title (bench/verify_ref.sql, seeded, so every run builds the same table):
#   * 20 near-duplicates with one word replaced by a random Hebrew word,
#     same year;
#   * 5 copies with other years;
#   * 5 other spellings (a vav added after a word's first letter, or a vav
#     or yod removed), with other years (the same title spelled otherwise
#     in the same year is not a different record one could tell apart);
# and random titles of 2-6 words from Tesseract's Hebrew word list
# (build/hebrew-common.txt) fill the table to 100,000 rows.  Trigram GiST
# indexes are built on left(title, 1000), alone and with the year, as the
# README recommends.
#
# Each query calls revrit_verify(romanized, 'verify_ref', year => its year).
# precision = right records returned / records returned; recall = right
# records returned / queries.  Also reported: the same without the year, the
# average time per lookup, and the plan of the trigram lookup (EXPLAIN).
# Targets (issue 12): precision >= 0.99, recall >= 0.90, < 5 ms per lookup,
# the lookup using the trigram index.  Exit status 0 if all are met.
#
# Environment: PGCLUSTER_PORT (default 54333), ROWS (default 100000).
set -euo pipefail
cd "$(dirname "$0")/.."

PAIRS=${1:-../shared/data/catalog_dev.tsv}
ROWS=${ROWS:-100000}
WORDS=build/hebrew-common.txt
export PGCLUSTER_PORT=${PGCLUSTER_PORT:-54333}

[ -f "$WORDS" ] || { echo "verify.sh: $WORDS missing (run make)" >&2; exit 2; }
# shellcheck source=../scripts/pgcluster.sh
source scripts/pgcluster.sh
pgcluster_start >/dev/null

psql -X -q -v ON_ERROR_STOP=1 -v pairs="$PAIRS" -v words="$WORDS" -v rows="$ROWS" \
	-f bench/verify_ref.sql
psql -X -v ON_ERROR_STOP=1 -f bench/verify_run.sql | tee build/verify-bench.txt
grep -q '^ *PASS' build/verify-bench.txt
