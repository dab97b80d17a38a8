# Automatic minor version upgrades left at the default (on) or set explicitly.
resource "aws_db_instance" "default" {
  identifier                  = "tenken-fixture-default"
  engine                      = "postgres"
  instance_class              = "db.t3.micro"
  allocated_storage           = 20
  username                    = "app"
  manage_master_user_password = true
  storage_encrypted           = true
  skip_final_snapshot         = true
}

resource "aws_db_instance" "explicit" {
  identifier                  = "tenken-fixture-explicit"
  engine                      = "mysql"
  instance_class              = "db.t3.micro"
  allocated_storage           = 20
  username                    = "app"
  manage_master_user_password = true
  storage_encrypted           = true
  auto_minor_version_upgrade  = true
  maintenance_window          = "sun:18:00-sun:19:00"
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

resource "aws_rds_cluster_instance" "default" {
  identifier          = "tenken-fixture-aurora-1"
  cluster_identifier  = aws_rds_cluster.aurora.id
  engine              = aws_rds_cluster.aurora.engine
  instance_class      = "db.r6g.large"
  publicly_accessible = false
}
