# Encrypted DB instances (AWS managed key or customer managed key), and instances that
# inherit their encryption: a read replica, a snapshot restore and a point-in-time restore.
resource "aws_kms_key" "rds" {
  description         = "tenken fixture RDS key"
  enable_key_rotation = true
}

resource "aws_db_instance" "aws_key" {
  identifier                  = "tenken-fixture-aws-key"
  engine                      = "postgres"
  instance_class              = "db.t3.micro"
  allocated_storage           = 20
  username                    = "app"
  manage_master_user_password = true
  storage_encrypted           = true
  skip_final_snapshot         = true
}

resource "aws_db_instance" "cmk" {
  identifier                  = "tenken-fixture-cmk"
  engine                      = "mysql"
  instance_class              = "db.t3.micro"
  allocated_storage           = 20
  username                    = "app"
  manage_master_user_password = true
  storage_encrypted           = true
  kms_key_id                  = aws_kms_key.rds.arn
  skip_final_snapshot         = true
}

resource "aws_db_instance" "replica" {
  identifier          = "tenken-fixture-replica"
  replicate_source_db = aws_db_instance.aws_key.identifier
  instance_class      = "db.t3.micro"
  skip_final_snapshot = true
}

resource "aws_db_instance" "restored" {
  identifier          = "tenken-fixture-restored"
  snapshot_identifier = "tenken-fixture-snapshot"
  instance_class      = "db.t3.micro"
  storage_encrypted   = true
  skip_final_snapshot = true
}

resource "aws_db_instance" "restored_unset" {
  identifier          = "tenken-fixture-restored-unset"
  snapshot_identifier = "tenken-fixture-snapshot"
  instance_class      = "db.t3.micro"
  skip_final_snapshot = true
}

resource "aws_db_instance" "point_in_time" {
  identifier          = "tenken-fixture-point-in-time"
  instance_class      = "db.t3.micro"
  skip_final_snapshot = true

  restore_to_point_in_time {
    source_db_instance_identifier = "tenken-fixture-source"
    use_latest_restorable_time    = true
  }
}
