#!/usr/bin/env bash
# auto_overhead.sh — what standard detection costs: conversion with the
# default standard => 'auto' (marker letters, then Hebrew or Yiddish) as a
# ratio to a named standard, on Hebrew text.  Target: auto costs at most
# ~10% more (ratio auto/named <= 1.10).
#
# usage: bench/auto_overhead.sh [--cpu | --wall | --instructions] [FILE...]
#   FILE  one romanized field per line, or a pairs TSV (default:
#         ../shared/data/catalog_dev.tsv and sample/catalog.tsv)
#   --cpu (default)  user CPU seconds of "revrit" converting the input
#         REPEAT times (default: about 100,000 words' worth), auto and --standard $STANDARD
#         (default ala-lc) alternating for ROUNDS rounds (default 5); the
#         ratio of the summed times.  CPU time moves less with the load of
#         a shared machine than wall time; interleaving spreads what is
#         left over both settings alike.
#   --wall  words per second of "revrit bench --seconds $BENCH_SECONDS"
#         (default 1), interleaved; the median of the rounds' ratios.
#   --instructions  instructions counted under valgrind (callgrind): exact
#         and independent of the load; the input converted 1 and 6 times
#         and the difference taken, so start-up (loading the lexicon) does
#         not count.
#   REVRIT (env) the binary (default build/revrit).
set -euo pipefail
cd "$(dirname "$0")/.."

revrit=${REVRIT:-build/revrit}
standard=${STANDARD:-ala-lc}
rounds=${ROUNDS:-5}
seconds=${BENCH_SECONDS:-1}
mode=cpu
case "${1:-}" in
	--cpu | --wall | --instructions)
		mode=${1#--}
		shift
		;;
esac
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

repeated() {					# repeated N FILE: the fields N times
	for ((i = 0; i < $1; i++)); do cat "$2"; done
}

instructions() {				# instructions STANDARD INPUT
	valgrind --tool=callgrind --callgrind-out-file=/dev/null \
		"$revrit" --standard "$1" < "$2" 2>&1 >/dev/null |
		sed -n 's/.*refs: *//p' | tr -d ,
}

cpu_seconds() {					# cpu_seconds STANDARD INPUT: user seconds
	local TIMEFORMAT=%U
	{ time "$revrit" --standard "$1" < "$2" > /dev/null; } 2>&1
}

words_per_second() {			# words_per_second [FLAGS] FILE
	"$revrit" bench --seconds "$seconds" "$@" | sed -n 's/^words_per_second=//p'
}

median() { sort -g | awk '{v[NR]=$1} END {print (NR%2) ? v[(NR+1)/2] : (v[NR/2]+v[NR/2+1])/2}'; }

echo "date: $(date -u '+%Y-%m-%d %H:%M UTC'), load $(cut -d' ' -f1-3 /proc/loadavg), mode $mode"
for f in "${files[@]}"; do
	fields "$f" > "$tmp/one"
	case $mode in
	instructions)
		repeated 6 "$tmp/one" > "$tmp/six"
		a1=$(instructions auto "$tmp/one"); a6=$(instructions auto "$tmp/six")
		n1=$(instructions "$standard" "$tmp/one"); n6=$(instructions "$standard" "$tmp/six")
		awk -v f="$f" -v s="$standard" -v a=$((a6 - a1)) -v n=$((n6 - n1)) 'BEGIN {
			printf "%s: instructions per pass auto %d, %s %d; auto/%s %.3f\n",
				f, a / 5, s, n / 5, s, a / n }'
		;;
	cpu)
		repeat=${REPEAT:-$((100000 / ($(wc -w < "$tmp/one") + 1) + 1))}
		repeated "$repeat" "$tmp/one" > "$tmp/many"
		ta=0 tn=0
		for ((r = 0; r < rounds; r++)); do
			a=$(cpu_seconds auto "$tmp/many")
			n=$(cpu_seconds "$standard" "$tmp/many")
			ta=$(awk -v x="$ta" -v y="$a" 'BEGIN {print x + y}')
			tn=$(awk -v x="$tn" -v y="$n" 'BEGIN {print x + y}')
		done
		awk -v f="$f" -v s="$standard" -v a="$ta" -v n="$tn" -v r="$rounds" \
			-v k="$repeat" 'BEGIN {
			printf "%s (x%d, %d rounds): user CPU auto %.2f s, %s %.2f s; auto/%s %.3f\n",
				f, k, r, a, s, n, s, a / n }'
		;;
	wall)
		: > "$tmp/ratios"
		for ((r = 0; r < rounds; r++)); do
			a=$(words_per_second "$f")
			n=$(words_per_second --standard "$standard" "$f")
			echo "$n $a" | awk '{print $1 / $2}' >> "$tmp/ratios"
		done
		echo "$f: words/s $standard/auto, median of $rounds rounds: $(median < "$tmp/ratios")"
		;;
	esac
done
