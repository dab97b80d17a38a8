# Default security groups that keep inbound or outbound rules.
# expect: aws_default_security_group.self_ingress
# expect: aws_default_security_group.egress_only

resource "aws_vpc" "a" {
  cidr_block = "10.0.0.0/16"
}

resource "aws_vpc" "b" {
  cidr_block = "10.1.0.0/16"
}

# The rules AWS puts in a new default group, written out again.
resource "aws_default_security_group" "self_ingress" {
  vpc_id = aws_vpc.a.id
  ingress {
    from_port = 0
    to_port   = 0
    protocol  = "-1"
    self      = true
  }
  egress {
    from_port   = 0
    to_port     = 0
    protocol    = "-1"
    cidr_blocks = ["0.0.0.0/0"]
  }
}

resource "aws_default_security_group" "egress_only" {
  vpc_id = aws_vpc.b.id
  egress {
    from_port   = 443
    to_port     = 443
    protocol    = "tcp"
    cidr_blocks = ["10.1.0.0/16"]
  }
}
