# Encrypted Aurora clusters (AWS managed key or customer managed key), and
# Aurora Serverless v1, whose storage is always encrypted.
resource "aws_kms_key" "aurora" {
  description         = "tenken fixture Aurora key"
  enable_key_rotation = true
}

resource "aws_rds_cluster" "aws_key" {
  cluster_identifier          = "tenken-fixture-aurora"
  engine                      = "aurora-postgresql"
  master_username             = "app"
  manage_master_user_password = true
  storage_encrypted           = true
  skip_final_snapshot         = true
}

resource "aws_rds_cluster" "cmk" {
  cluster_identifier          = "tenken-fixture-aurora-cmk"
  engine                      = "aurora-mysql"
  master_username             = "app"
  manage_master_user_password = true
  storage_encrypted           = true
  kms_key_id                  = aws_kms_key.aurora.arn
  skip_final_snapshot         = true
}

resource "aws_rds_cluster" "serverless_v1" {
  cluster_identifier          = "tenken-fixture-serverless"
  engine                      = "aurora-mysql"
  engine_mode                 = "serverless"
  master_username             = "app"
  manage_master_user_password = true
  skip_final_snapshot         = true
}

# Clusters that inherit the encryption of their source.
resource "aws_rds_cluster" "restored" {
  cluster_identifier  = "tenken-fixture-restored"
  engine              = "aurora-postgresql"
  snapshot_identifier = "tenken-fixture-snapshot"
  skip_final_snapshot = true
}

resource "aws_rds_cluster" "replica" {
  cluster_identifier            = "tenken-fixture-replica"
  engine                        = "aurora-mysql"
  replication_source_identifier = "arn:aws:rds:ap-northeast-3:123456789012:cluster:tenken-fixture-source"
  skip_final_snapshot           = true
}

resource "aws_rds_cluster" "global_secondary" {
  cluster_identifier        = "tenken-fixture-secondary"
  engine                    = "aurora-postgresql"
  global_cluster_identifier = "tenken-fixture-global"
  skip_final_snapshot       = true
}
