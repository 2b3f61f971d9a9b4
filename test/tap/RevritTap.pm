# RevritTap.pm — a started PostgreSQL::Test::Cluster node with revrit
# created, for the TAP tests in this directory (run by scripts/test.sh).
package RevritTap;

use strict;
use warnings;
use PostgreSQL::Test::Cluster;

sub node
{
	my ($name, $conf) = @_;
	my $node = PostgreSQL::Test::Cluster->new($name);
	$node->init(extra => [ '--encoding=UTF8', '--locale=C.UTF-8' ]);
	$node->append_conf('postgresql.conf', $conf) if $conf;
	$node->start;
	$node->safe_psql('postgres', 'CREATE EXTENSION revrit');
	return $node;
}

1;
