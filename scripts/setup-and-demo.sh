#!/usr/bin/env bash
# setup-and-demo.sh — on a fresh Debian 12 machine: install what revrit
# needs, build and install it, start a throwaway PostgreSQL cluster and show
# revrit converting the sample catalogue in sample/catalog.tsv.
set -euo pipefail
cd "$(dirname "$0")/.."

source scripts/common.sh
source scripts/pgcluster.sh

revrit_install_packages
revrit_build_install
pgcluster_start

psql -X -v ON_ERROR_STOP=1 -q <<'SQL'
CREATE EXTENSION revrit;
CREATE TABLE catalog (id int PRIMARY KEY, field text, romanized text,
					  hebrew text);
\copy catalog FROM 'sample/catalog.tsv' WITH (FORMAT text, HEADER true)

\echo
\echo revrit_info():
SELECT jsonb_pretty(revrit_info()) AS revrit_info;

\echo The sample catalogue converted:
SELECT id, field, romanized, revrit(romanized) FROM catalog ORDER BY id;

\echo How many fields match the Hebrew form in the sample, and which do not:
SELECT count(*) FILTER (WHERE revrit(romanized) = hebrew) AS identical,
	   count(*) AS fields
  FROM catalog;
SELECT id, revrit(romanized) AS revrit, hebrew AS expected
  FROM catalog WHERE revrit(romanized) <> hebrew ORDER BY id;

\echo Candidates for one title:
SELECT word, rank, romanized, hebrew, round(score::numeric, 2) AS score,
	   in_lexicon
  FROM revrit_candidates('Sefer ha-ḥinukh', 3);
SQL

echo "revrit: demo done; the throwaway cluster is being stopped."
