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
