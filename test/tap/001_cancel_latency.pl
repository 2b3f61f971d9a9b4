# Cancel latency: statement_timeout and pg_cancel_backend stop the issue's
# worst case (n = 1000 on 16 hyphenated 64-letter words, minutes of work)
# and a 7 MB text within 100 ms of being asked.
use strict;
use warnings;
use FindBin;
use lib $FindBin::RealBin;
use PostgreSQL::Test::Utils;
use Test::More;
use Time::HiRes qw(time);
use RevritTap;

my $node = RevritTap::node('cancel');
my $word = q{array_to_string(array_fill(repeat('ae', 32), ARRAY[16]), '-')};

# Times are taken by the server (clock_timestamp), not by the client.
# and a 7 MB text, whose standard and language detection run over the
# whole text before the first word (seconds, deaf to cancel before)
my $big = q{repeat('Sefer ha-ḥinukh ', 450000)};
for my $call ("SELECT count(*) FROM revrit_candidates($word, 1000)",
	"SELECT revrit_analyze($word, 1000) IS NULL",
	"SELECT length(revrit($big))", "SELECT revrit_analyze($big) IS NULL")
{
	my ($rc, $out, $err) = $node->psql('postgres', qq{
SET statement_timeout = '200ms';
CREATE TEMP TABLE t0 AS SELECT clock_timestamp() AS t;
$call;
SELECT round(extract(epoch FROM clock_timestamp() - t) * 1000) FROM t0;
});
	like($err, qr/canceling statement due to statement timeout/,
		"statement_timeout stops: $call");
	cmp_ok($out, '<', 200 + 100, "stopped $out ms after it started (timeout 200 ms)");
}

# pg_cancel_backend from another session: from the cancel to the moment the
# cancelled backend reported itself idle
my $bg = $node->background_psql('postgres', on_error_stop => 0);
my $pid = $bg->query_safe('SELECT pg_backend_pid()');
$bg->query_until(qr/started/,
	"\\echo started\nSELECT count(*) FROM revrit_candidates($word, 1000);\n");
$node->poll_query_until('postgres',
	"SELECT state = 'active' FROM pg_stat_activity WHERE pid = $pid");
my $t_cancel = $node->safe_psql('postgres',
	"SELECT clock_timestamp() FROM pg_cancel_backend($pid)");
$node->poll_query_until('postgres',
	"SELECT state <> 'active' FROM pg_stat_activity WHERE pid = $pid");
my $ms = $node->safe_psql('postgres',
	"SELECT round(extract(epoch FROM state_change - '$t_cancel'::timestamptz) * 1000)
	   FROM pg_stat_activity WHERE pid = $pid");
cmp_ok($ms, '<', 100, "pg_cancel_backend acted within $ms ms");
$bg->quit;

$node->stop;
done_testing();
