# An Aurora instance that leaves publicly_accessible out: AWS decides it at creation
# from the subnet group, so the plan shows it as known only after apply.
# expect-not-evaluated: aws_rds_cluster_instance.unset

resource "aws_rds_cluster" "aurora" {
  cluster_identifier          = "tenken-fixture-aurora"
  engine                      = "aurora-postgresql"
  master_username             = "app"
  manage_master_user_password = true
  storage_encrypted           = true
  skip_final_snapshot         = true
}

resource "aws_rds_cluster_instance" "unset" {
  identifier         = "tenken-fixture-aurora-1"
  cluster_identifier = aws_rds_cluster.aurora.id
  engine             = aws_rds_cluster.aurora.engine
  instance_class     = "db.r6g.large"
}
