# A concurrent writer deadlocks with a batch of revrit_convert: the batch
# alone is rolled back and retried, the CALL succeeds, nothing is lost.
use strict;
use warnings;
use FindBin;
use lib $FindBin::RealBin;
use IPC::Run;
use PostgreSQL::Test::Utils;
use Test::More;
use RevritTap;

# The batch checks for deadlock 1 s after it starts waiting, by when the
# writer has closed the cycle; the writer would check only after 10 s, so
# the batch is the one that finds the deadlock (a backend checks once).
my $node = RevritTap::node('deadlock', "deadlock_timeout = '1s'");
$node->safe_psql('postgres', q{
CREATE TABLE cat (id integer PRIMARY KEY, title text, heb text, note text);
INSERT INTO cat SELECT i, 'Sefer ' || i FROM generate_series(1, 100) AS i;
});

# the writer holds row 2, the batch takes row 1 and waits for row 2 ...
my $writer = $node->background_psql('postgres', on_error_stop => 0);
$writer->query_safe("SET deadlock_timeout = '10s'; BEGIN; UPDATE cat SET note = 'w' WHERE id = 2;");
my ($out, $err) = ('', '');
my $h = IPC::Run::start(
	[ 'psql', '-X', '-d', $node->connstr('postgres'), '-c',
	  "CALL revrit_convert('cat', 'title', 'heb', batch_size => 1000)" ],
	'>', \$out, '2>', \$err);
$node->poll_query_until('postgres',
	"SELECT count(*) > 0 FROM pg_stat_activity
	  WHERE application_name LIKE 'revrit_convert%' AND wait_event_type = 'Lock'");
# ... and the writer now wants row 1: a deadlock, found first by the batch
$writer->query_safe("UPDATE cat SET note = 'w' WHERE id = 1; COMMIT;");
$writer->quit;
ok($h->finish, 'the CALL succeeded');
like($err, qr/deadlock detected.*retry 1 of 5/s, 'the batch was retried after the deadlock');
is($node->safe_psql('postgres',
	"SELECT count(*) FILTER (WHERE heb = revrit(title)), count(note) FROM cat"),
	'100|2', 'every row converted, the writer\'s rows kept its change');

$node->stop;
done_testing();
