# A private Redshift cluster.
resource "aws_redshift_cluster" "private" {
  cluster_identifier     = "tenken-fixture-private"
  node_type              = "ra3.xlplus"
  master_username        = "admin"
  manage_master_password = true
  encrypted              = true
  publicly_accessible    = false
  skip_final_snapshot    = true
}
