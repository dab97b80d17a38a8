# storage_encrypted left out: the provider leaves it to AWS, so the plan shows it as
# known only after apply (AWS creates a provisioned Aurora cluster unencrypted).
# expect-not-evaluated: aws_rds_cluster.unset

resource "aws_rds_cluster" "unset" {
  cluster_identifier          = "tenken-fixture-aurora"
  engine                      = "aurora-postgresql"
  master_username             = "app"
  manage_master_user_password = true
  skip_final_snapshot         = true
}
