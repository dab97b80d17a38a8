# No automatic snapshots: left out (0 by default), set to 0, on a group and a standalone node.
# expect: aws_elasticache_replication_group.left_out
# expect: aws_elasticache_replication_group.zero
# expect: aws_elasticache_cluster.standalone

resource "aws_elasticache_replication_group" "left_out" {
  replication_group_id = "tenken-left-out"
  description          = "tenken fixture"
  node_type            = "cache.t3.micro"
  num_cache_clusters   = 2
}

resource "aws_elasticache_replication_group" "zero" {
  replication_group_id     = "tenken-zero"
  description              = "tenken fixture"
  engine                   = "valkey"
  node_type                = "cache.t3.micro"
  num_cache_clusters       = 2
  snapshot_retention_limit = 0
}

resource "aws_elasticache_cluster" "standalone" {
  cluster_id      = "tenken-standalone"
  engine          = "redis"
  node_type       = "cache.t3.micro"
  num_cache_nodes = 1
}
