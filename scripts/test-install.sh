#!/usr/bin/env bash
# test-install.sh — what pg_regress cannot set up: revrit's installed rule
# and lexicon files missing or damaged.
#
# PostgreSQL finds its share directory relative to its own executable, so
# a copy of the server binary placed in a scratch tree reads a scratch
# $sharedir/revrit that each case fills as it needs; the real installation
# is never touched.  Needs revrit built and installed (make install).
# Prints "N passed, M failed" last; exits nonzero if a case failed.
# VERBOSE=1 shows what every case saw.
set -uo pipefail
cd "$(dirname "$0")/.."

bindir=$(pg_config --bindir)
sharedir=$(pg_config --sharedir)
pkglibdir=$(pg_config --pkglibdir)
port=${PGCLUSTER_PORT:-54329}
port=$((port + 1))
lexicon=$sharedir/revrit/hebrew.rvlex

passed=0
failed=0

as_owner() {
	if [ "$(id -u)" -eq 0 ]; then
		runuser -u postgres -- "$@"
	else
		"$@"
	fi
}

root=$(mktemp -d "${TMPDIR:-/tmp}/revrit-inst.XXXXXX")
chmod 755 "$root"
cleanup() {
	if [ -f "$root/data/postmaster.pid" ]; then
		as_owner "$root$bindir/pg_ctl" -D "$root/data" -m fast -w stop >/dev/null 2>&1
	fi
	rm -rf "$root"
}
trap cleanup EXIT

# The scratch installation: real copies of the binaries (their location
# decides the share directory), links to everything else.
mkdir -p "$root$bindir" "$root$sharedir" "$(dirname "$root$pkglibdir")"
cp "$bindir/postgres" "$bindir/pg_ctl" "$root$bindir/"
[ -e "$root$pkglibdir" ] || ln -s "$pkglibdir" "$root$pkglibdir"
for f in "$sharedir"/*; do
	[ "$(basename "$f")" = revrit ] || ln -s "$f" "$root$sharedir/"
done
share=$root$sharedir/revrit
chmod -R a+rX "$root"

# data directory, socket and log belong to the server's user
mkdir "$root/data" "$root/run"
[ "$(id -u)" -ne 0 ] || chown postgres: "$root/data" "$root/run"
log=$root/run/server.log
if ! as_owner "$bindir/initdb" -D "$root/data" -U postgres --auth=trust \
	--encoding=UTF8 --locale=C.UTF-8 --no-sync >"$root/initdb.log" 2>&1; then
	cat "$root/initdb.log"
	echo "0 passed, 1 failed"
	exit 1
fi
if ! as_owner "$root$bindir/pg_ctl" -D "$root/data" -l "$log" -w \
	-o "-k $root/run -c listen_addresses='' -p $port -c fsync=off" start >/dev/null; then
	cat "$log"
	echo "0 passed, 1 failed"
	exit 1
fi
export PGHOST=$root/run PGPORT=$port PGUSER=postgres PGDATABASE=postgres
psql -X -q -c 'CREATE EXTENSION revrit' || exit 1

# Each case starts from the installed rule files and nothing else.
reset_share() {
	rm -rf "$share"
	mkdir -p "$share"
	cp "$sharedir"/revrit/*.rules "$share/"
	chmod -R a+rX "$share"
}

# run SQL in a new session (so the engine is loaded afresh), errors verbose
sql() {
	psql -X -At -v VERBOSITY=verbose -v SHOW_CONTEXT=never -c "$1" 2>&1
}

# check NAME PATTERN OUTPUT: pass when OUTPUT matches the extended regex.
check() {
	if grep -Eq -- "$2" <<<"$3"; then
		passed=$((passed + 1))
		echo "ok      $1"
		if [ -n "${VERBOSE:-}" ]; then
			printf '%s\n' "$3" | sed 's/^/        /'
		fi
	else
		failed=$((failed + 1))
		echo "FAILED  $1"
		echo "        expected /$2/, got:"
		printf '%s\n' "$3" | sed 's/^/        /'
	fi
}

log_count() {
	grep -c "$1" "$log"
}

missing='not found, converting with rules only'

# -- no lexicon installed: rules only, said once per backend
reset_share
before=$(log_count "$missing")
out=$(sql "SELECT revrit('Sefer ha-ḥinukh'); SELECT revrit('Torah');
		   SELECT revrit_info()->'lexicon'")
check "no lexicon: converts with rules only" '^ספר החינוך$' "$out"
check "no lexicon: revrit_info says null" '^null$' "$out"
check "no lexicon: logged once per backend" "^$((before + 1))$" "$(log_count "$missing")"
out=$(sql "SET revrit.lexicon = 'none'; SELECT revrit('Sefer');
		   RESET revrit.lexicon; SELECT revrit('Sefer')")
check "no lexicon: still once after a reload" "^$((before + 2))$" "$(log_count "$missing")"

# -- a lexicon named explicitly must exist
out=$(sql "SET revrit.lexicon = 'other'; SELECT revrit('Sefer')")
check "explicit missing lexicon: 58P01" 'ERROR: +58P01: .*other\.rvlex" does not exist' "$out"

# -- no rule files, no rule directory
rm -f "$share"/*.rules
out=$(sql "SELECT revrit('Sefer')")
check "no rule files: 58P01" 'ERROR: +58P01: revrit: no rule files' "$out"
rm -rf "$share"
out=$(sql "SELECT revrit('Sefer')")
check "no rule directory: clear error" 'ERROR: +58P01: revrit: could not open rule directory' "$out"

# -- a malformed rule file: F0000 naming the file
reset_share
printf 'standard broken\nthis is not a rule\n' >"$share/broken.rules"
out=$(sql "SELECT revrit('Sefer')")
check "malformed rule file: F0000 with its name" 'ERROR: +F0000: .*broken\.rules' "$out"

if [ -f "$lexicon" ]; then
	# -- the real lexicon by default name and by absolute path
	reset_share
	cp "$lexicon" "$share/"
	out=$(sql "SELECT revrit_info()->>'lexicon'")
	check "default lexicon loaded" "^$share/hebrew\.rvlex$" "$out"
	out=$(sql "SET revrit.lexicon = '$lexicon'; SELECT revrit_info()->>'lexicon'")
	check "lexicon by absolute path" "^$lexicon$" "$out"

	# -- damaged lexicons: clear errors, never a crash
	size=$(stat -c %s "$lexicon")
	head -c $((size / 2)) "$lexicon" >"$share/hebrew.rvlex"
	out=$(sql "SELECT revrit('Sefer')")
	check "truncated lexicon: F0000 with its name" 'ERROR: +F0000: .*hebrew\.rvlex' "$out"

	cp "$lexicon" "$share/hebrew.rvlex"
	printf '\377\377\377\377' | dd of="$share/hebrew.rvlex" bs=1 \
		seek=$((size - 100)) conv=notrunc status=none
	out=$(sql "SELECT revrit('Sefer')")
	check "corrupt lexicon: F0000 with its name" 'ERROR: +F0000: .*hebrew\.rvlex' "$out"

	printf 'RVLEX' >"$share/hebrew.rvlex"
	out=$(sql "SELECT revrit('Sefer')")
	check "5-byte lexicon: F0000" 'ERROR: +F0000: ' "$out"

	: >"$share/hebrew.rvlex"
	out=$(sql "SELECT revrit('Sefer')")
	check "empty lexicon: F0000" 'ERROR: +F0000: ' "$out"

	# -- the session recovers once the file is repaired
	head -c 1000 "$lexicon" >"$share/hebrew.rvlex"
	out=$(psql -X -At -c "SELECT revrit('Sefer')" \
		-c "\\! cp '$lexicon' '$share/hebrew.rvlex'" \
		-c "SELECT revrit('Sefer'), revrit_info()->>'lexicon'" 2>&1)
	check "session recovers after repair" "^ספר\|$share/hebrew\.rvlex$" "$out"

	# -- the Yiddish lexicon a rule file names (lexicon yiddish): missing
	# means rules only for that standard, damaged is an error naming it
	yiddish_lexicon=$sharedir/revrit/yiddish.rvlex
	if [ -f "$yiddish_lexicon" ]; then
		reset_share
		cp "$lexicon" "$yiddish_lexicon" "$share/"
		out=$(sql "SELECT revrit('Dos bukh fun mayn lebn', standard => 'yiddish')")
		check "yiddish lexicon loaded" '^דאס בוך פון מיין לעבן$' "$out"
		rm "$share/yiddish.rvlex"
		out=$(sql "SELECT revrit('Dos bukh fun mayn lebn', standard => 'yiddish')")
		check "yiddish lexicon missing: rules only" '^דאס בוך פון מיין לעבן$' "$out"
		size=$(stat -c %s "$yiddish_lexicon")
		head -c $((size / 2)) "$yiddish_lexicon" >"$share/yiddish.rvlex"
		out=$(sql "SELECT revrit('Sefer')")
		check "truncated yiddish lexicon: F0000 with its name" 'ERROR: +F0000: .*yiddish\.rvlex' "$out"
	fi

	out=$(psql -X -At -c "SELECT count(*) FROM pg_stat_activity" 2>&1)
	check "server still up" '^[0-9]+$' "$out"
else
	echo "skipped lexicon cases: $lexicon is not installed"
fi

echo
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
