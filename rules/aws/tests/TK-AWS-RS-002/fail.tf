# Redshift clusters with a public endpoint: explicitly, and by the provider
# default (true in hashicorp/aws v5).
# expect: aws_redshift_cluster.unset
# expect: aws_redshift_cluster.public

resource "aws_redshift_cluster" "unset" {
  cluster_identifier     = "tenken-fixture-unset"
  node_type              = "ra3.xlplus"
  master_username        = "admin"
  manage_master_password = true
  encrypted              = true
  skip_final_snapshot    = true
}

resource "aws_redshift_cluster" "public" {
  cluster_identifier     = "tenken-fixture-public"
  node_type              = "ra3.xlplus"
  master_username        = "admin"
  manage_master_password = true
  encrypted              = true
  publicly_accessible    = true
  skip_final_snapshot    = true
}
