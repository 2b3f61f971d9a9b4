# kill -9 during revrit_convert, then resume: crash recovery empties the
# unlogged scratch, the rerun recomputes what is missing, and every row
# ends converted exactly as a one-shot revrit() would; the source and the
# hand-entered targets of NULL sources are untouched.
use strict;
use warnings;
use FindBin;
use lib $FindBin::RealBin;
use IPC::Run;
use PostgreSQL::Test::Utils;
use Test::More;
use RevritTap;

my $node = RevritTap::node('crash', 'restart_after_crash = on');
$node->safe_psql('postgres', q{
CREATE TABLE cat (id integer PRIMARY KEY, title text, heb text);
INSERT INTO cat SELECT i, CASE WHEN i % 100 = 0 THEN NULL
                               ELSE 'Sefer ha-zikaron ' || i END,
                       CASE WHEN i % 100 = 0 THEN 'ידני' END
  FROM generate_series(1, 20000) AS i;
-- every row takes a moment in its batch, so the kill lands mid-run
CREATE FUNCTION slow() RETURNS trigger LANGUAGE plpgsql AS
  $$BEGIN PERFORM pg_sleep(0.0005); RETURN NEW; END$$;
CREATE TRIGGER slow BEFORE UPDATE ON cat FOR EACH ROW EXECUTE FUNCTION slow();
});

my ($out, $err) = ('', '');
my $h = IPC::Run::start(
	[ 'psql', '-X', '-d', $node->connstr('postgres'), '-c',
	  "CALL revrit_convert('cat', 'title', 'heb', batch_size => 500)" ],
	'>', \$out, '2>', \$err);
# wait until some batches committed, then kill -9 the converting backend
$node->poll_query_until('postgres',
	"SELECT count(heb) > 3000 FROM cat");
my $pid = $node->safe_psql('postgres',
	"SELECT pid FROM pg_stat_activity WHERE query LIKE 'CALL revrit_convert%' LIMIT 1");
ok($pid, "converting backend $pid found");
kill 'KILL', $pid;
$h->finish;
$node->poll_query_until('postgres', 'SELECT true');
my $before = $node->safe_psql('postgres', 'SELECT count(heb) FROM cat WHERE title IS NOT NULL');
cmp_ok($before, '<', 19800, "killed mid-run: $before rows converted");

# and a reset target on top: the rerun must redo those rows too
$node->safe_psql('postgres', 'UPDATE cat SET heb = NULL WHERE id <= 1000 AND title IS NOT NULL');
$node->safe_psql('postgres', 'ALTER TABLE cat DISABLE TRIGGER slow');
my ($rc, $o2, $e2) = $node->psql('postgres',
	"CALL revrit_convert('cat', 'title', 'heb', batch_size => 500)");
is($rc, 0, 'the rerun succeeds');
like($e2, qr/after a crash/, 'the rerun saw the crash');
is($node->safe_psql('postgres',
	"SELECT count(*) FILTER (WHERE heb IS NOT DISTINCT FROM revrit(title)),
	        count(*) FILTER (WHERE title IS NULL AND heb = 'ידני')
	   FROM cat WHERE title IS NOT NULL OR heb = 'ידני'"),
	"19800|200", 'every row converted, every NULL source kept its target');
is($node->safe_psql('postgres',
	"SELECT count(*) FROM pg_class WHERE relnamespace::regnamespace::text LIKE 'revrit\\_work\\_%'"),
	'0', 'no work tables left');

$node->stop;
done_testing();
