# Database instances reachable from the internet.
# expect: aws_db_instance.public
# expect: aws_rds_cluster_instance.public

resource "aws_db_instance" "public" {
  identifier                  = "tenken-fixture-public"
  engine                      = "postgres"
  instance_class              = "db.t3.micro"
  allocated_storage           = 20
  username                    = "app"
  manage_master_user_password = true
  storage_encrypted           = true
  publicly_accessible         = true
  skip_final_snapshot         = true
}

resource "aws_rds_cluster" "aurora" {
  cluster_identifier          = "tenken-fixture-aurora"
  engine                      = "aurora-postgresql"
  master_username             = "app"
  manage_master_user_password = true
  storage_encrypted           = true
  skip_final_snapshot         = true
}

resource "aws_rds_cluster_instance" "public" {
  identifier          = "tenken-fixture-aurora-1"
  cluster_identifier  = aws_rds_cluster.aurora.id
  engine              = aws_rds_cluster.aurora.engine
  instance_class      = "db.r6g.large"
  publicly_accessible = true
}
