# A VPC whose default security group is left with the rules AWS creates.
# expect: aws_vpc.unmanaged

resource "aws_vpc" "unmanaged" {
  cidr_block = "10.0.0.0/16"
}

resource "aws_vpc" "managed" {
  cidr_block = "10.1.0.0/16"
}

resource "aws_default_security_group" "managed" {
  vpc_id = aws_vpc.managed.id
}
