# expect-not-evaluated: aws_network_acl.vpc_v6

resource "aws_vpc" "main" {
  cidr_block                       = "10.0.0.0/16"
  assign_generated_ipv6_cidr_block = true
}

# The IPv6 source range is assigned by AWS: known only after apply.
resource "aws_network_acl" "vpc_v6" {
  vpc_id = aws_vpc.main.id
  ingress {
    rule_no         = 100
    action          = "allow"
    protocol        = "tcp"
    from_port       = 22
    to_port         = 22
    ipv6_cidr_block = aws_vpc.main.ipv6_cidr_block
  }
}
