# Redshift clusters whose data is not encrypted.
# expect: aws_redshift_cluster.unset
# expect: aws_redshift_cluster.explicit_false

resource "aws_redshift_cluster" "unset" {
  cluster_identifier     = "tenken-fixture-unset"
  node_type              = "ra3.xlplus"
  master_username        = "admin"
  manage_master_password = true
  publicly_accessible    = false
  skip_final_snapshot    = true
}

resource "aws_redshift_cluster" "explicit_false" {
  cluster_identifier     = "tenken-fixture-explicit-false"
  node_type              = "ra3.xlplus"
  master_username        = "admin"
  manage_master_password = true
  encrypted              = false
  publicly_accessible    = false
  skip_final_snapshot    = true
}
