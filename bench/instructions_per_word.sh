#!/usr/bin/env bash
# instructions_per_word.sh — conversion cost in instructions per word,
# counted by valgrind (callgrind): exact and independent of the load of a
# shared machine, so two builds compare in one run.  Each input is
# converted 1 and 6 times and the difference taken, so start-up (loading
# rules and the lexicon) does not count.
#
# usage: bench/instructions_per_word.sh [FILE...]
#   FILE  one romanized field per line, or a pairs TSV (default:
#         ../shared/data/catalog_dev.tsv and sample/catalog.tsv)
#   NEW (env)         the binary measured (default build/revrit)
#   NEW_FLAGS (env)   its flags (default none: its own rules and lexicon)
#   BASE (env)        the binary compared with, if set and executable
#                     (e.g. /work/wt-base/build/revrit)
#   BASE_FLAGS (env)  its flags, e.g. "--rules DIR --lexicon FILE"
#   STANDARDS (env)   standards measured (default "auto ala-lc")
# Prints, per file and standard, instructions per word of each binary and
# new/base.  The CLI target (>= 200,000 words/s on one idle core) is about
# 15,000 instructions per word at ~3 instructions per ns.
set -euo pipefail
cd "$(dirname "$0")/.."

new=${NEW:-build/revrit}
base=${BASE:-}
read -r -a new_flags <<< "${NEW_FLAGS:-}"
read -r -a base_flags <<< "${BASE_FLAGS:-}"
files=("$@")
[ ${#files[@]} -gt 0 ] || files=(../shared/data/catalog_dev.tsv sample/catalog.tsv)
[ -x "$new" ] || { echo "instructions_per_word.sh: build $new first" >&2; exit 2; }
command -v valgrind > /dev/null ||
	{ echo "instructions_per_word.sh: needs valgrind (apt-get install -y valgrind)" >&2; exit 2; }

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

fields() {						# the romanized column of a pairs TSV, or the lines
	if head -1 "$1" | grep -q $'\tromanized\t'; then
		tail -n +2 "$1" | cut -f3
	else
		cat "$1"
	fi
}

instructions() {				# instructions BINARY STANDARD INPUT FLAGS...
	local bin=$1 standard=$2 input=$3
	shift 3
	valgrind --tool=callgrind --callgrind-out-file=/dev/null \
		"$bin" "$@" --standard "$standard" < "$input" 2>&1 >/dev/null |
		sed -n 's/.*refs: *//p' | tr -d ,
}

per_word() {					# per_word BINARY STANDARD FLAGS...: instructions/word
	local bin=$1 standard=$2 one six
	shift 2
	one=$(instructions "$bin" "$standard" "$tmp/one" "$@")
	six=$(instructions "$bin" "$standard" "$tmp/six" "$@")
	echo $(((six - one) / (5 * words)))
}

echo "date: $(date -u '+%Y-%m-%d %H:%M UTC'), new $new${base:+, base $base}"
for f in "${files[@]}"; do
	fields "$f" > "$tmp/one"
	for _ in 1 2 3 4 5 6; do cat "$tmp/one"; done > "$tmp/six"
	words=$(wc -w < "$tmp/one")
	for s in ${STANDARDS:-auto ala-lc}; do
		n=$(per_word "$new" "$s" ${new_flags[@]+"${new_flags[@]}"})
		if [ -n "$base" ] && [ -x "$base" ]; then
			b=$(per_word "$base" "$s" ${base_flags[@]+"${base_flags[@]}"})
			awk -v f="$f" -v s="$s" -v w="$words" -v n="$n" -v b="$b" 'BEGIN {
				printf "%s (%d words) %s: instructions/word new %d, base %d; new/base %.3f\n",
					f, w, s, n, b, n / b }'
		else
			echo "$f ($words words) $s: instructions/word $n"
		fi
	done
done
