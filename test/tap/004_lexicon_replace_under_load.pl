# The lexicon overwritten in place (cp, truncation) while sessions convert
# with it: no backend crashes (it used to die of SIGBUS and take the
# cluster down), running sessions go on with what they loaded, new ones
# get F0000 while the file is broken and the new lexicon once it is whole.
use strict;
use warnings;
use File::Copy;
use FindBin;
use lib $FindBin::RealBin;
use IPC::Run;
use PostgreSQL::Test::Utils;
use Test::More;
use RevritTap;

my $share = `pg_config --sharedir`;
chomp $share;
my $installed = "$share/revrit/hebrew.rvlex";
plan skip_all => 'no lexicon installed' unless -f $installed;

my $lex = PostgreSQL::Test::Utils::tempdir() . '/lex.rvlex';
copy($installed, $lex) or die "copy: $!";
my $node = RevritTap::node('lexicon', "revrit.lexicon = '$lex'");

# four sessions converting for a few seconds each, the lexicon loaded
# (all at once: concurrent first copies must not trip over each other)
my @h;
for my $i (1 .. 4)
{
	my ($o, $e) = ('', '');
	push @h, [ IPC::Run::start(
		[ 'psql', '-X', '-At', '-d', $node->connstr('postgres'), '-c',
		  "SELECT revrit('Sefer'); SELECT pg_sleep(1); SELECT count(revrit('Sefer ha-ḥinukh ' || g)) FROM generate_series(1, 30000) g" ],
		'>', \$o, '2>', \$e), \$o, \$e ];
}
$node->poll_query_until('postgres',
	"SELECT count(*) = 4 FROM pg_stat_activity WHERE wait_event = 'PgSleep'");

# overwrite in place: truncated, then garbage, then the real file again
open(my $fh, '+<', $lex) or die;
truncate($fh, 100000);
close $fh;
my ($rc, $o, $e) = $node->psql('postgres', "SELECT revrit('Sefer')");
like($e, qr/truncated/, 'a new session gets an error while the file is truncated');
copy($installed, $lex) or die "copy: $!";
is($node->safe_psql('postgres', "SELECT revrit('Sefer')"), 'ספר',
	'and converts once it is whole again');

for my $r (@h)
{
	$r->[0]->finish;
	my @lines = split /\n/, ${ $r->[1] };
	is($lines[-1], '30000', 'a session converting throughout finished');
}
my $log = slurp_file($node->logfile);
unlike($log, qr/terminated by signal/, 'no backend crashed');

$node->stop;
done_testing();
