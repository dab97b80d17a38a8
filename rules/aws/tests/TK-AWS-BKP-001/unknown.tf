# The retention is set, but from a value known only after apply (terraform_data stands for
# any such source): it must not be mistaken for the one-day default of a left-out setting.
# expect-not-evaluated: aws_db_instance.from_apply
# expect-not-evaluated: aws_rds_cluster.from_apply

resource "terraform_data" "retention_days" {
  input = 14
}

resource "aws_db_instance" "from_apply" {
  identifier              = "tenken-fixture-from-apply"
  engine                  = "mysql"
  instance_class          = "db.t3.micro"
  allocated_storage       = 20
  username                = "admin"
  password                = "fixture-only-password"
  backup_retention_period = terraform_data.retention_days.output
  skip_final_snapshot     = true
}

resource "aws_rds_cluster" "from_apply" {
  cluster_identifier      = "tenken-fixture-cluster-from-apply"
  engine                  = "aurora-mysql"
  master_username         = "admin"
  master_password         = "fixture-only-password"
  backup_retention_period = terraform_data.retention_days.output
  skip_final_snapshot     = true
}
