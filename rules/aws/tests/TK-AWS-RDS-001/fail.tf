# DB instances whose storage is not encrypted.
# expect: aws_db_instance.unset
# expect: aws_db_instance.explicit_false

resource "aws_db_instance" "unset" {
  identifier                  = "tenken-fixture-unset"
  engine                      = "postgres"
  instance_class              = "db.t3.micro"
  allocated_storage           = 20
  username                    = "app"
  manage_master_user_password = true
  skip_final_snapshot         = true
}

resource "aws_db_instance" "explicit_false" {
  identifier                  = "tenken-fixture-explicit-false"
  engine                      = "mysql"
  instance_class              = "db.t3.micro"
  allocated_storage           = 20
  username                    = "app"
  manage_master_user_password = true
  storage_encrypted           = false
  skip_final_snapshot         = true
}
