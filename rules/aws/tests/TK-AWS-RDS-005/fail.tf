# An Aurora cluster with storage encryption explicitly off.
# expect: aws_rds_cluster.explicit_false

resource "aws_rds_cluster" "explicit_false" {
  cluster_identifier          = "tenken-fixture-aurora"
  engine                      = "aurora-mysql"
  master_username             = "app"
  manage_master_user_password = true
  storage_encrypted           = false
  skip_final_snapshot         = true
}
