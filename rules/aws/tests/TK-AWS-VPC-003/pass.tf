# Every VPC's default security group is adopted (its rules are checked by TK-AWS-SG-004).
resource "aws_vpc" "main" {
  cidr_block = "10.0.0.0/16"
}

resource "aws_default_security_group" "main" {
  vpc_id = aws_vpc.main.id
}

resource "aws_vpc" "per_env" {
  count      = 2
  cidr_block = "10.${count.index + 10}.0.0/16"
}

resource "aws_default_security_group" "per_env" {
  count  = 2
  vpc_id = aws_vpc.per_env[count.index].id
}
