# Automatic snapshots kept; Memcached and clusters joining a group are not checked.

resource "aws_elasticache_replication_group" "redis" {
  replication_group_id     = "tenken-redis"
  description              = "tenken fixture"
  node_type                = "cache.t3.micro"
  num_cache_clusters       = 2
  snapshot_retention_limit = 7
  snapshot_window          = "17:00-18:00"
}

resource "aws_elasticache_cluster" "member" {
  cluster_id           = "tenken-member"
  replication_group_id = aws_elasticache_replication_group.redis.id
}

resource "aws_elasticache_replication_group" "valkey" {
  replication_group_id     = "tenken-valkey"
  description              = "tenken fixture"
  engine                   = "valkey"
  node_type                = "cache.t3.micro"
  num_cache_clusters       = 2
  snapshot_retention_limit = 1
}

resource "aws_elasticache_cluster" "standalone" {
  cluster_id               = "tenken-standalone"
  engine                   = "redis"
  node_type                = "cache.t3.micro"
  num_cache_nodes          = 1
  snapshot_retention_limit = 3
}

resource "aws_elasticache_cluster" "memcached" {
  cluster_id      = "tenken-memcached"
  engine          = "memcached"
  node_type       = "cache.t3.micro"
  num_cache_nodes = 2
}
