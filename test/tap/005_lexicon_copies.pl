# $PGDATA/pg_revrit holds one private copy per configured lexicon path:
# replacing the file by rename (mv, make install, a package upgrade) makes
# a new copy and removes the old one (it used to keep every old copy, one
# lexicon's size per replacement), and a temporary copy left by a backend
# that died is removed too.
use strict;
use warnings;
use File::Copy;
use FindBin;
use lib $FindBin::RealBin;
use PostgreSQL::Test::Utils;
use Test::More;
use RevritTap;

my $share = `pg_config --sharedir`;
chomp $share;
my $installed = "$share/revrit/hebrew.rvlex";
plan skip_all => 'no lexicon installed' unless -f $installed;

my $dir = PostgreSQL::Test::Utils::tempdir();
my $lex = "$dir/lex.rvlex";
copy($installed, $lex) or die "copy: $!";
my $node = RevritTap::node('copies', "revrit.lexicon = '$lex'");
my $copies = $node->data_dir . '/pg_revrit';

is($node->safe_psql('postgres', "SELECT revrit('Sefer')"), 'ספר', 'converts');
# one copy per lexicon loaded (hebrew here, the named yiddish one too)
my @first = glob("$copies/*.rvlex");
ok(scalar @first >= 1, 'private copies made');

# a temporary copy of a backend that died (pid 2^22+1 does not exist)
my $stale = $first[0] . '.tmp.4194305';
open(my $fh, '>', $stale) or die;
close $fh;

for my $i (1 .. 5)
{
	copy($installed, "$dir/new") or die "copy: $!";
	link($lex, "$dir/keep$i") or die "link: $!";    # the old inode lives on
	rename("$dir/new", $lex) or die "rename: $!";
	is($node->safe_psql('postgres', "SELECT revrit('Sefer')"), 'ספר',
		"converts after replacement $i");
}
my @now = glob("$copies/*");
is(scalar @now, scalar @first, 'no more copies after five replacements')
  or diag(join("\n", glob("$copies/*")));
ok(!-e $stale, 'the dead backend\'s temporary copy is gone');

$node->stop;
done_testing();
