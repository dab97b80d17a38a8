# Instances that do not take minor engine upgrades automatically.
# expect: aws_db_instance.no_upgrade
# expect: aws_rds_cluster_instance.no_upgrade

resource "aws_db_instance" "no_upgrade" {
  identifier                  = "tenken-fixture-no-upgrade"
  engine                      = "postgres"
  instance_class              = "db.t3.micro"
  allocated_storage           = 20
  username                    = "app"
  manage_master_user_password = true
  storage_encrypted           = true
  auto_minor_version_upgrade  = false
  skip_final_snapshot         = true
}

resource "aws_rds_cluster" "aurora" {
  cluster_identifier          = "tenken-fixture-aurora"
  engine                      = "aurora-mysql"
  master_username             = "app"
  manage_master_user_password = true
  storage_encrypted           = true
  skip_final_snapshot         = true
}

resource "aws_rds_cluster_instance" "no_upgrade" {
  identifier                 = "tenken-fixture-aurora-1"
  cluster_identifier         = aws_rds_cluster.aurora.id
  engine                     = aws_rds_cluster.aurora.engine
  instance_class             = "db.r6g.large"
  publicly_accessible        = false
  auto_minor_version_upgrade = false
}
