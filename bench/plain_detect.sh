#!/usr/bin/env bash
# plain_detect.sh — the cost and the gain of telling the Israeli place-name
# romanization from plain ALA-LC (src/core/detect_plain.c) in one run:
#   cost  instructions of standard 'auto' over a named standard (callgrind,
#         exact and load-independent: bench/auto_overhead.sh --instructions)
#         on catalogue text, ../shared/data/catalog_dev.tsv and
#         sample/catalog.tsv; target auto/named <= 1.10 for all of auto
#         (letters, Hebrew or Yiddish, plain script);
#   gain  Hebrew-word accuracy of the places with 'auto' and with
#         --standard israeli, and of the catalogue (whole, names), which
#         the gate must not lower.
# usage: bench/plain_detect.sh   (REVRIT: the binary, default build/revrit)
set -euo pipefail
cd "$(dirname "$0")/.."

revrit=${REVRIT:-build/revrit}
data=../shared/data
[ -x "$revrit" ] || { echo "plain_detect.sh: build $revrit first" >&2; exit 2; }

# heb_word_acc of the line of field F (all, name, ...) of an eval
field_acc() { awk -v f="$1" '$1 == f { for (i = 2; i <= NF; i++) if (sub(/^heb_word_acc=/, "", $i)) print $i }'; }
acc() { "$revrit" eval "$@" | field_acc all; }

REVRIT=$revrit bash bench/auto_overhead.sh --instructions \
	"$data/catalog_dev.tsv" sample/catalog.tsv
echo "places_dev auto $(acc "$data/places_dev.tsv"), israeli $(acc "$data/places_dev.tsv" --standard israeli)"
echo "catalog_dev $(acc "$data/catalog_dev.tsv"), names $("$revrit" eval "$data/catalog_dev.tsv" --by-field | field_acc name)"
