#!/bin/sh
# accuracy.sh — the project's accuracy on romanized/Hebrew pair files.
#
# usage: bench/accuracy.sh [PAIRS.tsv ...]
#
# Runs "revrit eval FILE --by-field" on each file (default: the development
# sets in ../shared/data beside the repository).  When python3 and the
# reference scorer ../shared/eval/score.py are there, the predictions are
# also scored by the reference and the two reports must agree byte for
# byte: that is what makes revrit's numbers the reference's numbers.
#
# Environment:
#   REVRIT       the binary (default: build/revrit in the repository)
#   REVRIT_ARGS  engine flags passed to eval (--rules, --lexicon, ...)
#   ERRORS       also list this many mismatching fields (default 0)
#   CV           no: skip the cross-validated figure (about 10 s)
#
# Exit status: 0 all well; 1 an eval failed or the reports differ.

set -u

root=$(cd "$(dirname "$0")/.." && pwd)
shared=$(dirname "$root")/shared
revrit=${REVRIT:-$root/build/revrit}
reference=$shared/eval/score.py
errors=${ERRORS:-0}

if [ ! -x "$revrit" ]; then
	echo "accuracy.sh: $revrit not found; build it first" >&2
	exit 1
fi

if [ $# -eq 0 ]; then
	for f in "$shared"/data/catalog_dev.tsv "$shared"/data/places_dev.tsv; do
		[ -f "$f" ] && set -- "$@" "$f"
	done
	if [ $# -eq 0 ]; then
		echo "accuracy.sh: no pair files given and none found in ../shared/data" >&2
		exit 1
	fi
fi

check=no
if command -v python3 >/dev/null 2>&1 && [ -f "$reference" ]; then
	check=yes
fi

tmp=$(mktemp -d "${TMPDIR:-/tmp}/revrit-accuracy.XXXXXX") || exit 1
trap 'rm -rf "$tmp"' EXIT INT TERM

status=0
for f in "$@"; do
	echo "== $f"
	# shellcheck disable=SC2086  # REVRIT_ARGS is a list of flags
	if ! "$revrit" eval "$f" --by-field --errors "$errors" \
		--out "$tmp/pred.txt" ${REVRIT_ARGS:-} >"$tmp/revrit.out"; then
		echo "accuracy.sh: revrit eval failed on $f" >&2
		status=1
		continue
	fi
	cat "$tmp/revrit.out"
	[ $check = yes ] || continue
	if ! python3 "$reference" "$f" "$tmp/pred.txt" --by-field \
		--errors "$errors" >"$tmp/reference.out"; then
		echo "accuracy.sh: score.py failed on $f" >&2
		status=1
	elif ! diff -u "$tmp/reference.out" "$tmp/revrit.out" >"$tmp/diff"; then
		echo "########################################################" >&2
		echo "accuracy.sh: FAIL: revrit's report differs from score.py's" >&2
		echo "on $f (- score.py, + revrit):" >&2
		cat "$tmp/diff" >&2
		echo "########################################################" >&2
		status=1
	else
		echo "(identical to score.py)"
	fi
done

if [ $check = no ]; then
	echo "accuracy.sh: python3 or $reference missing; not cross-checked" >&2
fi

# The ranking weights were fitted on catalog_dev: its figure above is a
# training figure.  The honest one is cross-validated (bench/fit_ranking.py:
# refit on 4/5 of the records, convert the other 1/5, five times).
cv_pairs=$shared/data/catalog_dev.tsv
if [ "${CV:-yes}" = yes ] && command -v python3 >/dev/null 2>&1 && [ -f "$cv_pairs" ]; then
	echo "== $cv_pairs, 5-fold record-level cross-validation of the fitted ranking"
	if ! REVRIT=$revrit python3 "$root/bench/fit_ranking.py" "$cv_pairs" >"$tmp/cv.out"; then
		echo "accuracy.sh: bench/fit_ranking.py failed" >&2
		status=1
	else
		grep -A1 'cross-validation' "$tmp/cv.out" | grep -v '^--$'
	fi
fi
exit $status
