# Default security groups without any rule: no blocks, or explicitly empty lists.
resource "aws_vpc" "a" {
  cidr_block = "10.0.0.0/16"
}

resource "aws_vpc" "b" {
  cidr_block = "10.1.0.0/16"
}

resource "aws_default_security_group" "no_blocks" {
  vpc_id = aws_vpc.a.id
}

resource "aws_default_security_group" "empty_lists" {
  vpc_id  = aws_vpc.b.id
  ingress = []
  egress  = []
}
