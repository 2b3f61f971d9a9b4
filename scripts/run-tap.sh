#!/usr/bin/env bash
# run-tap.sh — run the TAP tests of test/tap/ (PostgreSQL::Test::Cluster,
# from the server-dev package) with prove, against the installed revrit.
# initdb refuses root, so under root they run as the postgres user in a
# scratch directory.  Extra arguments go to prove (e.g. a single file).
set -uo pipefail
cd "$(dirname "$0")/.."
perl5=$(pg_config --pkglibdir)/pgxs/src/test/perl
work=$(mktemp -d "${TMPDIR:-/tmp}/revrit-tap.XXXXXX")
cp -r test/tap "$work/"
files=("$@")
[ ${#files[@]} -gt 0 ] || files=(tap/*.pl)
cmd="cd '$work' && PATH='$(dirname "$(command -v pg_config)"):$PATH' PERL5LIB='$perl5:$work/tap' TESTDIR='$work' PG_REGRESS='$(pg_config --pkglibdir)/pgxs/src/test/regress/pg_regress' prove ${files[*]}"
if [ "$(id -u)" -eq 0 ]; then
	chown -R postgres: "$work"
	su postgres -s /bin/bash -c "$cmd"
else
	bash -c "$cmd"
fi
rc=$?
[ $rc -eq 0 ] && rm -rf "$work" || echo "run-tap.sh: logs kept in $work/tmp_check/log"
exit $rc
