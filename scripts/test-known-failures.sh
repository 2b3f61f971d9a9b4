#!/usr/bin/env bash
# test-known-failures.sh — run the cases of test/known_failures.tsv through
# build/revrit and report each: "still wrong" (expected, not a failure) or
# "now right" (move it into a real test).  Never fails, and adds nothing to
# the passed/failed totals of scripts/test.sh: it ends with
# "known failures: S still wrong, R now right".
set -uo pipefail
cd "$(dirname "$0")/.."

list=test/known_failures.tsv
revrit=${REVRIT:-build/revrit}
still=0
fixed=0

while IFS=$'\t' read -r standard roman want why; do
	case $standard in '#'* | '') continue ;; esac
	got=$(printf '%s\n' "$roman" | "$revrit" --standard "$standard" 2>&1)
	if [ "$got" == "$want" ]; then
		fixed=$((fixed + 1))
		printf 'NOW RIGHT  %s (%s) -> %s: move it into a test\n' "$roman" "$standard" "$got"
	else
		still=$((still + 1))
		printf 'known      %s (%s) -> %s, should be %s: %s\n' "$roman" "$standard" "$got" "$want" "$why"
	fi
done <"$list"

echo "known failures: $still still wrong, $fixed now right"
