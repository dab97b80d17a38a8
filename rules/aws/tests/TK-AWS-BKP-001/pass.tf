# Retention of 7 days or more; read replicas (by identifier or by ARN) are not checked.

resource "aws_db_instance" "primary" {
  identifier              = "tenken-fixture-primary"
  engine                  = "mysql"
  instance_class          = "db.t3.micro"
  allocated_storage       = 20
  username                = "admin"
  password                = "fixture-only-password"
  backup_retention_period = 7
  skip_final_snapshot     = true
}

resource "aws_db_instance" "long" {
  identifier              = "tenken-fixture-long"
  engine                  = "postgres"
  instance_class          = "db.t3.micro"
  allocated_storage       = 20
  username                = "app"
  password                = "fixture-only-password"
  backup_retention_period = 35
  skip_final_snapshot     = true
}

resource "aws_db_instance" "replica" {
  identifier          = "tenken-fixture-replica"
  instance_class      = "db.t3.micro"
  replicate_source_db = aws_db_instance.primary.identifier
  skip_final_snapshot = true
}

resource "aws_db_instance" "replica_by_arn" {
  identifier          = "tenken-fixture-replica-arn"
  instance_class      = "db.t3.micro"
  replicate_source_db = aws_db_instance.primary.arn
  skip_final_snapshot = true
}

resource "aws_rds_cluster" "aurora" {
  cluster_identifier      = "tenken-fixture-cluster"
  engine                  = "aurora-postgresql"
  master_username         = "app"
  master_password         = "fixture-only-password"
  backup_retention_period = 14
  skip_final_snapshot     = true
}
