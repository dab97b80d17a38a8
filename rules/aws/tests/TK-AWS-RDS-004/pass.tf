# Deletion protection on the instance and on the Aurora cluster (cluster members
# have no setting of their own: the cluster's protects them).
resource "aws_db_instance" "protected" {
  identifier                  = "tenken-fixture-protected"
  engine                      = "postgres"
  instance_class              = "db.t3.micro"
  allocated_storage           = 20
  username                    = "app"
  manage_master_user_password = true
  storage_encrypted           = true
  deletion_protection         = true
  final_snapshot_identifier   = "tenken-fixture-protected-final"
}

resource "aws_rds_cluster" "protected" {
  cluster_identifier          = "tenken-fixture-aurora"
  engine                      = "aurora-postgresql"
  master_username             = "app"
  manage_master_user_password = true
  storage_encrypted           = true
  deletion_protection         = true
  final_snapshot_identifier   = "tenken-fixture-aurora-final"
}

resource "aws_rds_cluster_instance" "member" {
  identifier          = "tenken-fixture-aurora-1"
  cluster_identifier  = aws_rds_cluster.protected.id
  engine              = aws_rds_cluster.protected.engine
  instance_class      = "db.r6g.large"
  publicly_accessible = false
}
