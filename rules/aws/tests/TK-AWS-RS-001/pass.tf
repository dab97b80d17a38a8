# Encrypted Redshift clusters, and a restore (encryption comes from the snapshot).
resource "aws_kms_key" "redshift" {
  description         = "tenken fixture Redshift key"
  enable_key_rotation = true
}

resource "aws_redshift_cluster" "aws_key" {
  cluster_identifier     = "tenken-fixture-aws-key"
  node_type              = "ra3.xlplus"
  master_username        = "admin"
  manage_master_password = true
  encrypted              = true
  publicly_accessible    = false
  skip_final_snapshot    = true
}

resource "aws_redshift_cluster" "cmk" {
  cluster_identifier     = "tenken-fixture-cmk"
  node_type              = "ra3.xlplus"
  master_username        = "admin"
  manage_master_password = true
  encrypted              = true
  kms_key_id             = aws_kms_key.redshift.arn
  publicly_accessible    = false
  skip_final_snapshot    = true
}

resource "aws_redshift_cluster" "restored" {
  cluster_identifier  = "tenken-fixture-restored"
  snapshot_identifier = "tenken-fixture-snapshot"
  node_type           = "ra3.xlplus"
  publicly_accessible = false
  skip_final_snapshot = true
}
