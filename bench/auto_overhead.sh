#!/usr/bin/env bash
# auto_overhead.sh — what standard detection costs: conversion speed with
# the default standard => 'auto' (marker letters, Hebrew or Yiddish) as a
# ratio to a named standard, on Hebrew text.  Target: auto costs at most
# ~10% more (ratio named/auto of words per second <= 1.10).
#
# usage: bench/auto_overhead.sh [--instructions] [FILE...]
#   FILE  one romanized field per line, or a pairs TSV (default:
#         ../shared/data/catalog_dev.tsv and sample/catalog.tsv)
#   ROUNDS (env, default 5), BENCH_SECONDS (env, default 1): interleaved rounds
#         of "revrit bench" auto then --standard $STANDARD (default ala-lc);
#         a shared machine moves both alike within a round, so the median
#         of the rounds' ratios is the figure.
#   --instructions  instead count instructions under valgrind (callgrind):
#         exact and independent of the load; the input converted 1 and 6
#         times, the difference taken, so start-up (loading the lexicon)
#         does not count.
set -euo pipefail
cd "$(dirname "$0")/.."

revrit=build/revrit
standard=${STANDARD:-ala-lc}
rounds=${ROUNDS:-5}
seconds=${BENCH_SECONDS:-1}
instructions=0
if [ "${1:-}" = "--instructions" ]; then
	instructions=1
	shift
fi
files=("$@")
[ ${#files[@]} -gt 0 ] || files=(../shared/data/catalog_dev.tsv sample/catalog.tsv)
[ -x "$revrit" ] || { echo "auto_overhead.sh: build $revrit first" >&2; exit 2; }

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

# the romanized column of a pairs TSV, or the lines of a plain file
fields() {
	if head -1 "$1" | grep -q $'\tromanized\t'; then
		tail -n +2 "$1" | cut -f3
	else
		cat "$1"
	fi
}

count() {						# count STANDARD INPUT -> instructions
	valgrind --tool=callgrind --callgrind-out-file=/dev/null \
		"$revrit" --standard "$1" < "$2" 2>&1 >/dev/null |
		sed -n 's/.*refs: *//p' | tr -d ,
}

median() { sort -g | awk '{v[NR]=$1} END {print (NR%2) ? v[(NR+1)/2] : (v[NR/2]+v[NR/2+1])/2}'; }

echo "date: $(date -u '+%Y-%m-%d %H:%M UTC'), load $(cut -d' ' -f1-3 /proc/loadavg)"
for f in "${files[@]}"; do
	if [ $instructions = 1 ]; then
		fields "$f" > "$tmp/one"
		for _ in 1 2 3 4 5 6; do cat "$tmp/one"; done > "$tmp/six"
		a1=$(count auto "$tmp/one"); a6=$(count auto "$tmp/six")
		n1=$(count "$standard" "$tmp/one"); n6=$(count "$standard" "$tmp/six")
		awk -v f="$f" -v s="$standard" -v a=$((a6 - a1)) -v n=$((n6 - n1)) 'BEGIN {
			printf "%s: instructions per pass auto %d, %s %d, auto/%s %.3f\n",
				f, a / 5, s, n / 5, s, a / n }'
		continue
	fi
	: > "$tmp/ratios"
	for ((r = 0; r < rounds; r++)); do
		a=$("$revrit" bench --seconds "$seconds" "$f" | sed -n 's/^words_per_second=//p')
		n=$("$revrit" bench --seconds "$seconds" --standard "$standard" "$f" |
			sed -n 's/^words_per_second=//p')
		echo "$n $a" | awk '{print $1 / $2}' >> "$tmp/ratios"
		echo "  round $r: auto $a words/s, $standard $n words/s"
	done
	echo "$f: $standard/auto words-per-second ratio, median of $rounds rounds: $(median < "$tmp/ratios")"
done
