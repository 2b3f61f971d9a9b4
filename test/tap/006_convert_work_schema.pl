# A role's work schema (revrit_work_<oid>) being made by a concurrent,
# still uncommitted call: revrit_convert waits for it and uses it (it used
# to fail with the catalogue's raw unique violation, 23505, after waiting
# for the other call's whole compute phase).  A schema of that name owned
# by another role is refused with 42501.
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

# squatting: mallory makes the schema carol's conversions would use
$node->safe_psql('postgres', "DROP SCHEMA revrit_work_$oid CASCADE");
$node->safe_psql('postgres', "CREATE SCHEMA revrit_work_$oid", extra_params => [ '-U', 'mallory' ]);
my ($rc, $o, $e) = $node->psql('postgres',
	"\\set VERBOSITY verbose\nCALL revrit_convert('cat', 'title', 'heb')",
	extra_params => [ '-U', 'carol' ]);
like($e, qr/42501: revrit_convert: schema revrit_work_$oid belongs to role mallory/,
	'a schema of that name owned by another role is refused');

$node->stop;
done_testing();
