# A small, deliberately insecure configuration: an example input for `tenken scan`.
# Its plan (plan.json beside it) was made with `terraform plan` + `terraform show -json`.

resource "aws_s3_bucket" "customer_data" {
  bucket = "example-customer-data"
}

resource "aws_s3_bucket_acl" "customer_data" {
  bucket = aws_s3_bucket.customer_data.id
  acl    = "public-read"
}

resource "aws_iam_policy" "admin" {
  name = "everything"
  policy = jsonencode({
    Version   = "2012-10-17"
    Statement = [{ Effect = "Allow", Action = "*", Resource = "*" }]
  })
}

resource "aws_iam_user" "batch" {
  name = "batch-job"
}

resource "aws_iam_access_key" "batch" {
  user = aws_iam_user.batch.name
}

resource "aws_iam_account_password_policy" "weak" {
  minimum_password_length = 8
}

resource "aws_vpc" "main" {
  cidr_block = "10.0.0.0/16"
}

resource "aws_security_group" "admin" {
  name   = "admin-access"
  vpc_id = aws_vpc.main.id

  ingress {
    from_port   = 22
    to_port     = 22
    protocol    = "tcp"
    cidr_blocks = ["0.0.0.0/0"]
  }

  ingress {
    from_port   = 3389
    to_port     = 3389
    protocol    = "tcp"
    cidr_blocks = ["0.0.0.0/0"]
  }
}

resource "aws_instance" "web" {
  ami                         = "ami-0123456789abcdef0"
  instance_type               = "t3.micro"
  associate_public_ip_address = true
  vpc_security_group_ids      = [aws_security_group.admin.id]

  root_block_device {
    encrypted = false
  }
}

resource "aws_ebs_volume" "data" {
  availability_zone = "ap-northeast-1a"
  size              = 100
}

resource "aws_db_instance" "orders" {
  identifier          = "orders"
  engine              = "mysql"
  instance_class      = "db.t3.micro"
  allocated_storage   = 20
  username            = "admin"
  password            = "change-me-please"
  publicly_accessible = true
  skip_final_snapshot = true
}

resource "aws_kms_key" "app" {
  description = "application data"
}

resource "aws_cloudtrail" "single_region" {
  name                          = "audit"
  s3_bucket_name                = aws_s3_bucket.customer_data.id
  is_multi_region_trail         = false
  enable_log_file_validation    = false
}

resource "aws_cloudwatch_log_group" "app" {
  name              = "/app/web"
  retention_in_days = 7
}

resource "aws_lambda_function_url" "api" {
  function_name      = "orders-api"
  authorization_type = "NONE"
}

resource "aws_ecr_repository" "app" {
  name                 = "app"
  image_tag_mutability = "MUTABLE"
}

resource "aws_dynamodb_table" "sessions" {
  name         = "sessions"
  billing_mode = "PAY_PER_REQUEST"
  hash_key     = "id"

  attribute {
    name = "id"
    type = "S"
  }
}
