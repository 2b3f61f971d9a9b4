#!/usr/bin/env bash
# test.sh — run every revrit test on this machine: install what is needed,
# build and install, run the core unit tests (no PostgreSQL), the pg_regress
# suite against a throwaway cluster, and the installation tests (missing or
# damaged rule and lexicon files, scripts/test-install.sh).  The last line
# printed is "N passed, M failed" over all of them; the exit status is
# nonzero if anything failed.  .ci/run calls this.
set -uo pipefail
cd "$(dirname "$0")/.."

source scripts/common.sh
source scripts/pgcluster.sh

passed=0
failed=0
mkdir -p build

finish() {
	echo
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

# ---- core unit tests ------------------------------------------------------
echo
echo "== core unit tests (make unit)"
make unit 2>&1 | tee build/unit.log
unit_rc=${PIPESTATUS[0]}
read -r unit_passed unit_failed < <(
	awk '/^[0-9]+ passed, [0-9]+ failed$/ { p += $1; f += $3 }
		 END { print p + 0, f + 0 }' build/unit.log)
# A test that crashed or did not build printed no failure count of its own.
if [ "$unit_rc" -ne 0 ] && [ "$unit_failed" -eq 0 ]; then
	unit_failed=1
fi
passed=$((passed + unit_passed))
failed=$((failed + unit_failed))
echo "unit tests: $unit_passed passed, $unit_failed failed"

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
if [ "$regress_rc" -ne 0 ] && [ "$regress_failed" -eq 0 ]; then
	regress_failed=1
fi
if [ "$regress_failed" -ne 0 ]; then
	if [ -f regression.diffs ]; then
		echo "== regression.diffs"
		cat regression.diffs
	fi
	echo "== server log (last 50 lines)"
	pgcluster_log | tail -50
fi
passed=$((passed + regress_passed))
failed=$((failed + regress_failed))
echo "regression tests: $regress_passed passed, $regress_failed failed"

pgcluster_stop

# ---- installation tests -----------------------------------------------------
echo
echo "== installation tests (scripts/test-install.sh)"
bash scripts/test-install.sh 2>&1 | tee build/install.log
install_rc=${PIPESTATUS[0]}
read -r inst_passed inst_failed < <(
	awk '/^[0-9]+ passed, [0-9]+ failed$/ { p = $1; f = $3 }
		 END { print p + 0, f + 0 }' build/install.log)
if [ "$install_rc" -ne 0 ] && [ "$inst_failed" -eq 0 ]; then
	inst_failed=1
fi
passed=$((passed + inst_passed))
failed=$((failed + inst_failed))
echo "installation tests: $inst_passed passed, $inst_failed failed"

finish
