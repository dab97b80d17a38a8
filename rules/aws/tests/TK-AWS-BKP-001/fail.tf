# Retention left out (one day by default), disabled, too short; the same for a cluster.
# expect: aws_db_instance.left_out
# expect: aws_db_instance.disabled
# expect: aws_db_instance.short
# expect: aws_rds_cluster.left_out
# expect: aws_rds_cluster.short

resource "aws_db_instance" "left_out" {
  identifier          = "tenken-fixture-left-out"
  engine              = "mysql"
  instance_class      = "db.t3.micro"
  allocated_storage   = 20
  username            = "admin"
  password            = "fixture-only-password"
  skip_final_snapshot = true
}

resource "aws_db_instance" "disabled" {
  identifier              = "tenken-fixture-disabled"
  engine                  = "postgres"
  instance_class          = "db.t3.micro"
  allocated_storage       = 20
  username                = "app"
  password                = "fixture-only-password"
  backup_retention_period = 0
  skip_final_snapshot     = true
}

resource "aws_db_instance" "short" {
  identifier              = "tenken-fixture-short"
  engine                  = "mysql"
  instance_class          = "db.t3.micro"
  allocated_storage       = 20
  username                = "admin"
  password                = "fixture-only-password"
  backup_retention_period = 3
  skip_final_snapshot     = true
}

resource "aws_rds_cluster" "left_out" {
  cluster_identifier  = "tenken-fixture-cluster-left-out"
  engine              = "aurora-mysql"
  master_username     = "admin"
  master_password     = "fixture-only-password"
  skip_final_snapshot = true
}

resource "aws_rds_cluster" "short" {
  cluster_identifier      = "tenken-fixture-cluster-short"
  engine                  = "aurora-postgresql"
  master_username         = "app"
  master_password         = "fixture-only-password"
  backup_retention_period = 1
  skip_final_snapshot     = true
}
