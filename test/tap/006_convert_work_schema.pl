# A role's work schema (revrit_work_<oid>) being made by a concurrent,
# still uncommitted call: revrit_convert waits for it and uses it (it used
# to fail with the catalogue's raw unique violation, 23505, after waiting
# for the other call's whole compute phase).  A schema of that name owned
# by another role does not block the conversion (it used to fail with
# 42501 until a superuser dropped it): the role gets a schema of its own.
use strict;
use warnings;
use FindBin;
use lib $FindBin::RealBin;
use IPC::Run;
use PostgreSQL::Test::Utils;
use Test::More;
use RevritTap;

my $node = RevritTap::node('workschema');
$node->safe_psql('postgres', q{
CREATE ROLE carol LOGIN;
CREATE ROLE mallory LOGIN;
GRANT CREATE ON DATABASE postgres TO mallory;
CREATE TABLE cat (id integer PRIMARY KEY, title text, heb text);
INSERT INTO cat SELECT i, 'Sefer ' || i FROM generate_series(1, 50) AS i;
ALTER TABLE cat OWNER TO carol;
});
my $oid = $node->safe_psql('postgres', "SELECT 'carol'::regrole::oid");

# another session is making carol's schema and has not committed yet
my $other = $node->background_psql('postgres');
$other->query_safe("BEGIN; SELECT revrit_work_schema('carol');");
my ($out, $err) = ('', '');
my $h = IPC::Run::start(
	[ 'psql', '-X', '-d', $node->connstr('postgres'), '-U', 'carol', '-c',
	  "CALL revrit_convert('cat', 'title', 'heb', batch_size => 20)" ],
	'>', \$out, '2>', \$err);
$node->poll_query_until('postgres',
	"SELECT count(*) > 0 FROM pg_stat_activity WHERE wait_event_type = 'Lock' AND usename = 'carol'");
$other->query_safe('COMMIT');
$other->quit;
ok($h->finish, 'the waiting CALL succeeded') or diag($err);
is($node->safe_psql('postgres', "SELECT count(*) FILTER (WHERE heb = revrit(title)) FROM cat"),
	'50', 'every row converted');

# squatting: mallory makes the schema carol's conversions would use;
# carol's conversion works in a schema of her own instead
$node->safe_psql('postgres', "DROP SCHEMA revrit_work_$oid CASCADE");
$node->safe_psql('postgres', "CREATE SCHEMA revrit_work_$oid", extra_params => [ '-U', 'mallory' ]);
$node->safe_psql('postgres', "UPDATE cat SET heb = NULL");
my ($rc, $o, $e) = $node->psql('postgres',
	"CALL revrit_convert('cat', 'title', 'heb', batch_size => 20)",
	extra_params => [ '-U', 'carol' ]);
is($rc, 0, 'a schema of that name owned by another role does not block the conversion');
like($e, qr/schema revrit_work_$oid belongs to role mallory, not to carol; using revrit_work_${oid}_/,
	'and says so');
is($node->safe_psql('postgres', "SELECT count(*) FILTER (WHERE heb = revrit(title)) FROM cat"),
	'50', 'every row converted again');
is($node->safe_psql('postgres', "SELECT string_agg(pg_get_userbyid(nspowner), ',' ORDER BY nspname)
	FROM pg_namespace WHERE nspname LIKE 'revrit_work_$oid%'"),
	'mallory,carol', 'carol\'s own schema, found again by owner');
($rc, $o, $e) = $node->psql('postgres', "CALL revrit_convert('cat', 'title', 'heb')",
	extra_params => [ '-U', 'carol' ]);
is($rc, 0, 'a second conversion uses it');
is($node->safe_psql('postgres', "SELECT count(*) FROM pg_namespace WHERE nspname LIKE 'revrit_work_$oid%'"),
	'2', 'no further schema');
# another role may not make or use carol's
($rc, $o, $e) = $node->psql('postgres', "\\set VERBOSITY verbose\nSELECT revrit_work_schema('carol')",
	extra_params => [ '-U', 'mallory' ]);
like($e, qr/42501: revrit_convert: role mallory may not use the work schema of role carol/,
	'mallory may not ask for carol\'s schema');

$node->stop;
done_testing();
