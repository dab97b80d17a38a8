# Databases that can be deleted in one step.
# expect: aws_db_instance.unset
# expect: aws_db_instance.explicit_false
# expect: aws_rds_cluster.unset

resource "aws_db_instance" "unset" {
  identifier                  = "tenken-fixture-unset"
  engine                      = "postgres"
  instance_class              = "db.t3.micro"
  allocated_storage           = 20
  username                    = "app"
  manage_master_user_password = true
  storage_encrypted           = true
  skip_final_snapshot         = true
}

resource "aws_db_instance" "explicit_false" {
  identifier                  = "tenken-fixture-explicit-false"
  engine                      = "mysql"
  instance_class              = "db.t3.micro"
  allocated_storage           = 20
  username                    = "app"
  manage_master_user_password = true
  storage_encrypted           = true
  deletion_protection         = false
  skip_final_snapshot         = true
}

resource "aws_rds_cluster" "unset" {
  cluster_identifier          = "tenken-fixture-aurora"
  engine                      = "aurora-postgresql"
  master_username             = "app"
  manage_master_user_password = true
  storage_encrypted           = true
  skip_final_snapshot         = true
}
