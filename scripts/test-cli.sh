#!/usr/bin/env bash
# test-cli.sh — the command-line tool as installed and as built, and what
# revrit.so exports: `revrit` from any directory finds the installed rules
# and lexicon, --help names them, a bad option is one error (not one per
# input line), candidates numbers lines and words, and revrit.so exports
# only the PostgreSQL entry points.  Needs `make install`.
# Prints "N passed, M failed" last; exits nonzero if a case failed.
set -uo pipefail
cd "$(dirname "$0")/.."
repo=$(pwd)

bindir=$(pg_config --bindir)
sharedir=$(pg_config --sharedir)
pkglibdir=$(pg_config --pkglibdir)
installed=$bindir/revrit
built=$repo/build/revrit

passed=0
failed=0

# check NAME EXPECTED ACTUAL
check() {
	if [ "$2" == "$3" ]; then
		passed=$((passed + 1))
	else
		failed=$((failed + 1))
		printf 'FAIL %s\n  expected: %s\n  got:      %s\n' "$1" "$2" "$3"
	fi
}

tmp=$(mktemp -d "${TMPDIR:-/tmp}/revrit-cli.XXXXXX")
trap 'rm -rf "$tmp"' EXIT

# ---- installed, run from / ---------------------------------------------------
check "installed revrit exists" yes "$([ -x "$installed" ] && echo yes)"
help=$(cd / && "$installed" --help)
check "--help works from /" 0 $?
check "--help names the installed rules" yes \
	"$(grep -qF "$sharedir/revrit" <<<"$help" && echo yes)"
check "converts from /" "ספר החינוך" \
	"$(cd / && echo 'Sefer ha-ḥinukh' | env -u REVRIT_RULES -u REVRIT_LEXICON "$installed")"
check "uses the installed lexicon" 'yes' \
	"$(cd / && echo 'sefer' | env -u REVRIT_LEXICON "$installed" candidates -n 1 | tail -1 | cut -f10)"

# ---- build/revrit reads this source tree, from anywhere ----------------------
check "build/revrit --help names the source tree" yes \
	"$(cd / && "$built" --help | grep -qF "$repo/rules" && echo yes)"
check "build/revrit converts from /" "ספר החינוך" \
	"$(cd / && echo 'Sefer ha-ḥinukh' | env -u REVRIT_RULES "$built")"

# ---- a bad option: one error, before any input is read -------------------------
bad() {							# bad NAME ARGS...: 3 input lines
	local name=$1
	shift
	printf 'sefer\nsefer\nsefer\n' | "$installed" "$@" >"$tmp/out" 2>"$tmp/err"
	local rc=$?
	check "$name: exit status" 2 "$rc"
	check "$name: one error line" 1 "$(wc -l <"$tmp/err")"
	check "$name: no output" 0 "$(wc -c <"$tmp/out")"
}
bad "unknown standard" --standard nosuch
bad "unknown flag" --nosuch
bad "stray argument" convert extra
bad "-n not a number" candidates -n x
bad "-n out of range" candidates -n 0
bad "analyze -n out of range" analyze -n 0
bad "--hyphen value" --hyphen dash
printf 'sefer\n' | "$installed" eval /dev/null --standard nosuch >/dev/null 2>"$tmp/err"
check "eval: unknown standard is one error" 1 "$(wc -l <"$tmp/err")"

# ---- candidates: a line column, word numbers within the line -----------------
printf 'sefer ha-ḥinukh\nsefer\n' | "$installed" candidates -n 1 >"$tmp/cand"
check "candidates header" "line	word	rank	romanized	hebrew" \
	"$(head -1 "$tmp/cand" | cut -f1-5)"
check "candidates rows" "1 1 1 sefer|1 2 1 ha-ḥinukh|2 1 1 sefer" \
	"$(tail -n +2 "$tmp/cand" | cut -f1-4 | tr '\t' ' ' | paste -sd'|')"

# ---- eval --learn-folds: learning beside no learning (src/cli/eval_learn.c) ----
printf 'source\tfield\tromanized\thebrew\nx\ttitle\tTorat ha-ḥinukh / Aharon Kohen\tתורת החנוך / אהרן כהן\nx\ttitle\tSefer ha-ḥinukh\tספר החנוך\n' >"$tmp/pairs.tsv"
check "eval --learn-folds 1 reproduces what it learned" "learned words reproduced: 6 of 6 (1.000)" \
	"$("$installed" eval "$tmp/pairs.tsv" --learn-folds 1 | tail -1)"
check "eval --learn-folds 2 reports both" "without learning|with learning, 2 folds" \
	"$("$installed" eval "$tmp/pairs.tsv" --learn-folds 2 | grep -v '^all' | paste -sd'|')"
"$installed" eval "$tmp/pairs.tsv" --learn-folds 0 >/dev/null 2>&1
check "eval --learn-folds 0 is refused" 2 $?

# ---- revrit.so exports the PostgreSQL entry points and nothing else -------------
so=$pkglibdir/revrit.so
want=$( (echo Pg_magic_func; echo _PG_init
	cat src/sql/*.sql | tr '\n' ' ' |
		grep -o "'MODULE_PATHNAME' *, *'[A-Za-z0-9_]*'" |
		sed "s/.*, *'\(.*\)'/\1/" | while read -r f; do echo "$f"; echo "pg_finfo_$f"; done
	) | sort -u | paste -sd' ')
got=$(nm -D --defined-only "$so" | awk '{ print $3 }' | sort -u | paste -sd' ')
check "nm -D revrit.so: only the entry points" "$want" "$got"
check "revrit.so has no lexicon compiler" 0 "$(nm "$so" | grep -c rv_lexicon_build)"

echo
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
