#!/usr/bin/env bash
# pgcluster.sh — a throwaway PostgreSQL cluster for the demo, the tests and
# the benchmarks: fresh data directory, Unix socket only, stopped and
# deleted on exit.
#
# Sourced:    source scripts/pgcluster.sh; pgcluster_start
#             (exports PGHOST, PGPORT, PGUSER, PGDATABASE and stops the
#             cluster in an EXIT trap; pgcluster_stop stops it earlier)
# Executed:   bash scripts/pgcluster.sh [COMMAND ARGS...]
#             starts a cluster, runs COMMAND (default: psql -c 'SELECT
#             version()') against it, stops it and exits with its status.
#
# Settings:   PGCLUSTER_PORT (default 54329), PGCLUSTER_OPTS (extra
#             "-c name=value" server options).
#
# initdb refuses to run as root, so as root the server runs as the
# postgres user (created by the postgresql-15 package).

PGCLUSTER_PORT=${PGCLUSTER_PORT:-54329}
PGCLUSTER_DIR=""

_pgcluster_as_owner() {
	if [ "$(id -u)" -eq 0 ]; then
		runuser -u postgres -- "$@"
	else
		"$@"
	fi
}

pgcluster_start() {
	local bindir
	bindir=$(pg_config --bindir) || return 1

	PGCLUSTER_DIR=$(mktemp -d "${TMPDIR:-/tmp}/revrit-pg.XXXXXX") || return 1
	if [ "$(id -u)" -eq 0 ]; then
		chown postgres: "$PGCLUSTER_DIR"
	fi
	trap pgcluster_stop EXIT

	if ! _pgcluster_as_owner "$bindir/initdb" -D "$PGCLUSTER_DIR/data" \
		-U postgres --auth=trust --encoding=UTF8 --locale=C.UTF-8 \
		--no-sync >"$PGCLUSTER_DIR/initdb.log" 2>&1; then
		echo "pgcluster: initdb failed:" >&2
		cat "$PGCLUSTER_DIR/initdb.log" >&2
		return 1
	fi

	# fsync off: the cluster is thrown away anyway.
	if ! _pgcluster_as_owner "$bindir/pg_ctl" -D "$PGCLUSTER_DIR/data" \
		-l "$PGCLUSTER_DIR/server.log" -w -t 60 \
		-o "-k $PGCLUSTER_DIR -c listen_addresses='' -p $PGCLUSTER_PORT -c fsync=off ${PGCLUSTER_OPTS:-}" \
		start >/dev/null; then
		echo "pgcluster: server did not start:" >&2
		cat "$PGCLUSTER_DIR/server.log" >&2
		return 1
	fi

	export PGHOST=$PGCLUSTER_DIR PGPORT=$PGCLUSTER_PORT PGUSER=postgres
	export PGDATABASE=postgres
	echo "pgcluster: PostgreSQL running, PGHOST=$PGHOST PGPORT=$PGPORT"
}

pgcluster_stop() {
	[ -n "$PGCLUSTER_DIR" ] || return 0
	if [ -f "$PGCLUSTER_DIR/data/postmaster.pid" ]; then
		_pgcluster_as_owner "$(pg_config --bindir)/pg_ctl" \
			-D "$PGCLUSTER_DIR/data" -m fast -w stop >/dev/null 2>&1 || true
	fi
	rm -rf "$PGCLUSTER_DIR"
	PGCLUSTER_DIR=""
}

# The server log, for diagnosing failures while the cluster runs.
pgcluster_log() {
	[ -n "$PGCLUSTER_DIR" ] && cat "$PGCLUSTER_DIR/server.log"
}

if [ "${BASH_SOURCE[0]}" = "$0" ]; then
	set -u
	pgcluster_start || exit 1
	if [ $# -eq 0 ]; then
		set -- psql -X -c 'SELECT version()'
	fi
	"$@"
	exit $?
fi
