# The source range of an all-traffic rule is known only after apply.
# expect-not-evaluated: aws_security_group.from_vpc_v6
# expect-not-evaluated: aws_vpc_security_group_ingress_rule.from_vpc_v6

resource "aws_vpc" "main" {
  cidr_block                       = "10.0.0.0/16"
  assign_generated_ipv6_cidr_block = true
}

resource "aws_security_group" "from_vpc_v6" {
  name   = "from-vpc-v6"
  vpc_id = aws_vpc.main.id
  ingress {
    from_port        = 0
    to_port          = 0
    protocol         = "-1"
    ipv6_cidr_blocks = [aws_vpc.main.ipv6_cidr_block]
  }
}

resource "aws_vpc_security_group_ingress_rule" "from_vpc_v6" {
  security_group_id = aws_security_group.from_vpc_v6.id
  ip_protocol       = "-1"
  cidr_ipv6         = aws_vpc.main.ipv6_cidr_block
}
