#!/usr/bin/env bash
# words_per_second.sh — conversion speed of the core on one core, rules
# only and with the lexicon, measured in one run on one named input, with
# the date and the machine: the figures of README's "Performance" table.
#
# usage: bench/words_per_second.sh [FILE] [SECONDS]
#   FILE     one romanized field per line, or a pairs TSV (default:
#            sample/catalog.tsv, the demo catalogue)
#   SECONDS  per setting (default 3)
# Uses build/revrit (make first).  On a shared machine the figures move
# with the load; run it twice and compare before quoting one.
set -euo pipefail
cd "$(dirname "$0")/.."

file=${1:-sample/catalog.tsv}
seconds=${2:-3}
revrit=build/revrit

[ -x "$revrit" ] || { echo "words_per_second.sh: build $revrit first" >&2; exit 2; }
echo "date: $(date -u '+%Y-%m-%d %H:%M UTC')"
echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //'), load $(cut -d' ' -f1-3 /proc/loadavg)"
echo "input: $file"
for setting in "rules only:--lexicon none" "with the lexicon:"; do
	name=${setting%%:*}
	flags=${setting#*:}
	# shellcheck disable=SC2086
	out=$("$revrit" bench --seconds "$seconds" $flags "$file")
	echo "$name: $(echo "$out" | sed -n 's/^words_per_second=//p') words/s ($(echo "$out" | head -1))"
done
