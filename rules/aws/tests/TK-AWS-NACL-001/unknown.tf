# expect-not-evaluated: aws_network_acl.vpc_v6
# expect-not-evaluated: aws_network_acl_rule.allow_all

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

# Whether the deny rules belong to the same ACL as the allow rule depends on an ID that
# is known only after apply.
resource "aws_network_acl" "new" {
  vpc_id = aws_vpc.main.id
}

resource "aws_network_acl_rule" "deny_ssh" {
  network_acl_id = aws_network_acl.new.id
  rule_number    = 10
  protocol       = "tcp"
  rule_action    = "deny"
  cidr_block     = "0.0.0.0/0"
  from_port      = 22
  to_port        = 22
}

resource "aws_network_acl_rule" "deny_rdp" {
  network_acl_id = aws_network_acl.new.id
  rule_number    = 20
  protocol       = "tcp"
  rule_action    = "deny"
  cidr_block     = "0.0.0.0/0"
  from_port      = 3389
  to_port        = 3389
}

resource "aws_network_acl_rule" "allow_all" {
  network_acl_id = aws_network_acl.new.id
  rule_number    = 100
  protocol       = "-1"
  rule_action    = "allow"
  cidr_block     = "0.0.0.0/0"
}
