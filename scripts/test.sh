#!/usr/bin/env bash
# test.sh — run every revrit test on this machine: install what is needed,
# build and install, run the core unit tests (no PostgreSQL), the pg_regress
# suite and the SQL examples of the documentation (scripts/test-docs.py)
# against a throwaway cluster, and the installation tests (missing or
# damaged rule and lexicon files, scripts/test-install.sh), and the
# command-line tool (scripts/test-cli.sh).  The last line
# printed is "N passed, M failed" over all of them; the exit status is
# nonzero if anything failed.  .ci/run calls this.
set -uo pipefail
cd "$(dirname "$0")/.."

source scripts/common.sh
source scripts/pgcluster.sh

passed=0
failed=0
mkdir -p build
rm -f build/known-failures.log

finish() {
	echo
	[ -f build/known-failures.log ] && tail -1 build/known-failures.log
	echo "$passed passed, $failed failed"
	[ "$failed" -eq 0 ] && [ "$passed" -gt 0 ]
	exit $?
}

if ! revrit_install_packages; then
	echo "revrit: could not install the required packages"
	failed=$((failed + 1))
	finish
fi
if ! revrit_build_install; then
	echo "revrit: build or installation failed"
	failed=$((failed + 1))
	finish
fi

# The "N passed, M failed" lines of a log, summed: "N M".
counts_in() {
	awk '/^[0-9]+ passed, [0-9]+ failed$/ { p += $1; f += $3 }
		 END { print p + 0, f + 0 }' "$1"
}

# Add one suite's counts to the totals and report them.  A suite that
# exited nonzero without counting a failure (it crashed or did not build)
# counts one.
tally() {
	local name=$1 rc=$2 p=$3 f=$4
	if [ "$rc" -ne 0 ] && [ "$f" -eq 0 ]; then
		f=1
	fi
	passed=$((passed + p))
	failed=$((failed + f))
	echo "$name: $p passed, $f failed"
	[ "$f" -eq 0 ]
}

# ---- core unit tests ------------------------------------------------------
echo
echo "== core unit tests (make unit)"
make unit 2>&1 | tee build/unit.log
unit_rc=${PIPESTATUS[0]}
tally "unit tests" "$unit_rc" $(counts_in build/unit.log)

# ---- known failures: reported, not counted ----------------------------------
echo
echo "== known failures (test/known_failures.tsv; not counted)"
bash scripts/test-known-failures.sh 2>&1 | tee build/known-failures.log

# ---- pg_regress -----------------------------------------------------------
echo
echo "== SQL regression tests (make installcheck)"
if ! pgcluster_start; then
	failed=$((failed + 1))
	finish
fi
rm -f regression.diffs regression.out
make installcheck 2>&1 | tee build/installcheck.log
regress_rc=${PIPESTATUS[0]}

# pg_regress ends with "All N tests passed." or "M of N tests failed."
summary=$(grep -Eo '(All [0-9]+ tests passed|[0-9]+ of [0-9]+ tests failed)' \
	build/installcheck.log | tail -1)
if [[ $summary =~ ^All\ ([0-9]+) ]]; then
	regress_passed=${BASH_REMATCH[1]}
	regress_failed=0
elif [[ $summary =~ ^([0-9]+)\ of\ ([0-9]+) ]]; then
	regress_failed=${BASH_REMATCH[1]}
	regress_passed=$((BASH_REMATCH[2] - BASH_REMATCH[1]))
else
	regress_passed=0
	regress_failed=1
fi
if ! tally "regression tests" "$regress_rc" "$regress_passed" "$regress_failed"; then
	if [ -f regression.diffs ]; then
		echo "== regression.diffs"
		cat regression.diffs
	fi
	echo "== server log (last 50 lines)"
	pgcluster_log | tail -50
fi

# ---- documentation examples (same cluster) -----------------------------------
echo
echo "== documentation examples (scripts/test-docs.py)"
python3 scripts/test-docs.py 2>&1 | tee build/docs.log
docs_rc=${PIPESTATUS[0]}
tally "documentation examples" "$docs_rc" $(counts_in build/docs.log)

pgcluster_stop

# ---- MARC: the CLI on made-up files; records rebuilt from the development
# pairs (skipped without them)
echo
echo "== MARC command line (test/marc/cli_check.sh)"
bash test/marc/cli_check.sh 2>&1 | tee build/marc_cli.log
marc_rc=${PIPESTATUS[0]}
tally "MARC command line" "$marc_rc" $(counts_in build/marc_cli.log)
echo
echo "== MARC dev records (test/marc/dev_check.sh)"
bash test/marc/dev_check.sh 2>&1 | tee build/marc_dev.log
marc_rc=${PIPESTATUS[0]}
tally "MARC dev records" "$marc_rc" $(counts_in build/marc_dev.log)

# ---- installation tests -----------------------------------------------------
echo
echo "== installation tests (scripts/test-install.sh)"
bash scripts/test-install.sh 2>&1 | tee build/install.log
install_rc=${PIPESTATUS[0]}
tally "installation tests" "$install_rc" $(counts_in build/install.log)

# ---- command-line tool and exported symbols -----------------------------------
echo
echo "== command-line tool (scripts/test-cli.sh)"
bash scripts/test-cli.sh 2>&1 | tee build/cli.log
cli_rc=${PIPESTATUS[0]}
tally "command-line tests" "$cli_rc" $(counts_in build/cli.log)

# ---- fuzzer (bench/fuzz.sh: libFuzzer + ASan/UBSan, n up to 1000, analyze) ----
# A bounded, repeatable run: fresh corpus, fixed seed, FUZZ_RUNS inputs
# (2,500, about 20 s; at most FUZZ_SECONDS), with the lexicon when there is
# one, so a failure here is the same on every machine.  It counts as one
# test, failed by any crash, sanitizer report or broken invariant.  Longer,
# exploring runs: bench/fuzz.sh SECONDS.
echo
echo "== fuzzer (bench/fuzz.sh, seed 1, ${FUZZ_RUNS:-2500} runs)"
rm -rf build/fuzz/corpus
REVRIT_LEXICON=$([ -f build/hebrew.rvlex ] && echo "$PWD/build/hebrew.rvlex") \
	bash bench/fuzz.sh "${FUZZ_SECONDS:-120}" -seed=1 -runs="${FUZZ_RUNS:-2500}" \
	> build/fuzz.log 2>&1
fuzz_rc=$?
grep -E '^(Done|fuzz_convert:)|runtime error|SUMMARY' build/fuzz.log
if [ "$fuzz_rc" -eq 0 ]; then
	tally "fuzzer" 0 1 0
else
	tail -30 build/fuzz.log
	tally "fuzzer" "$fuzz_rc" 0 1
fi

# ---- TAP tests (test/tap, PostgreSQL::Test::Cluster) -------------------------
# kill -9 during a conversion, deadlock retry, cancel latency, lexicon
# replaced under load.  prove ends with "Files=F, Tests=N"; failed subtests
# are in its "Failed X/Y subtests" lines.
echo
echo "== TAP tests (scripts/run-tap.sh)"
bash scripts/run-tap.sh 2>&1 | tee build/tap.log
tap_rc=${PIPESTATUS[0]}
tap_total=$(grep -Eo 'Tests=[0-9]+' build/tap.log | tail -1 | cut -d= -f2)
tap_failed=$(awk '/^Failed [0-9]+\/[0-9]+ subtests/ { split($2, a, "/"); f += a[1] } END { print f + 0 }' build/tap.log)
tally "TAP tests" "$tap_rc" $(( ${tap_total:-0} - tap_failed )) "$tap_failed"

finish
