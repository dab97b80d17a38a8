# Aurora clusters without storage encryption: left out (the API default is
# unencrypted) and explicitly off, also in a global database.
# expect: aws_rds_cluster.unset
# expect: aws_rds_cluster.explicit_false
# expect: aws_rds_cluster.global_explicit_false

resource "aws_rds_cluster" "unset" {
  cluster_identifier          = "tenken-fixture-aurora-unset"
  engine                      = "aurora-postgresql"
  master_username             = "app"
  manage_master_user_password = true
  skip_final_snapshot         = true
}

resource "aws_rds_cluster" "explicit_false" {
  cluster_identifier          = "tenken-fixture-aurora"
  engine                      = "aurora-mysql"
  master_username             = "app"
  manage_master_user_password = true
  storage_encrypted           = false
  skip_final_snapshot         = true
}

resource "aws_rds_global_cluster" "global" {
  global_cluster_identifier = "tenken-fixture-global"
  engine                    = "aurora-postgresql"
}

resource "aws_rds_cluster" "global_explicit_false" {
  cluster_identifier          = "tenken-fixture-aurora-global"
  engine                      = aws_rds_global_cluster.global.engine
  global_cluster_identifier   = aws_rds_global_cluster.global.id
  master_username             = "app"
  manage_master_user_password = true
  storage_encrypted           = false
  skip_final_snapshot         = true
}
