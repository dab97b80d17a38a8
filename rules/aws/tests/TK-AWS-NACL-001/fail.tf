# Network ACLs that let the internet reach TCP 22 or 3389.
# expect: aws_network_acl.ssh_v4
# expect: aws_network_acl.all_v6
# expect: aws_network_acl.rdp_not_denied
# expect: aws_default_network_acl.default
# expect: aws_network_acl_rule.rdp_v4
# expect: aws_network_acl_rule.all_v6
# expect: aws_network_acl_rule.deny_too_late

resource "aws_vpc" "main" {
  cidr_block = "10.0.0.0/16"
}

resource "aws_network_acl" "ssh_v4" {
  vpc_id = aws_vpc.main.id
  ingress {
    rule_no    = 100
    action     = "allow"
    protocol   = "tcp"
    from_port  = 22
    to_port    = 22
    cidr_block = "0.0.0.0/0"
  }
}

resource "aws_network_acl" "all_v6" {
  vpc_id = aws_vpc.main.id
  ingress {
    rule_no         = 100
    action          = "allow"
    protocol        = "-1"
    from_port       = 0
    to_port         = 0
    ipv6_cidr_block = "::/0"
  }
}

# SSH is denied first, but RDP is still allowed by the catch-all rule.
resource "aws_network_acl" "rdp_not_denied" {
  vpc_id = aws_vpc.main.id
  ingress {
    rule_no    = 10
    action     = "deny"
    protocol   = "tcp"
    from_port  = 22
    to_port    = 22
    cidr_block = "0.0.0.0/0"
  }
  ingress {
    rule_no    = 100
    action     = "allow"
    protocol   = "all"
    from_port  = 0
    to_port    = 0
    cidr_block = "0.0.0.0/0"
  }
}

resource "aws_default_network_acl" "default" {
  default_network_acl_id = aws_vpc.main.default_network_acl_id
  ingress {
    rule_no    = 100
    action     = "allow"
    protocol   = -1
    from_port  = 0
    to_port    = 0
    cidr_block = "0.0.0.0/0"
  }
}

resource "aws_network_acl_rule" "rdp_v4" {
  network_acl_id = "acl-0123456789abcdef0"
  rule_number    = 100
  egress         = false
  protocol       = "tcp"
  rule_action    = "allow"
  cidr_block     = "0.0.0.0/0"
  from_port      = 3300
  to_port        = 3400
}

resource "aws_network_acl_rule" "all_v6" {
  network_acl_id  = "acl-0123456789abcdef0"
  rule_number     = 110
  protocol        = "-1"
  rule_action     = "allow"
  ipv6_cidr_block = "::/0"
}

# The deny rules come after the allow rule, so they never take effect.
resource "aws_network_acl_rule" "deny_too_late" {
  network_acl_id = "acl-0fedcba9876543210"
  rule_number    = 100
  protocol       = "6"
  rule_action    = "allow"
  cidr_block     = "0.0.0.0/0"
  from_port      = 0
  to_port        = 65535
}

resource "aws_network_acl_rule" "late_deny_ssh" {
  network_acl_id = "acl-0fedcba9876543210"
  rule_number    = 200
  protocol       = "tcp"
  rule_action    = "deny"
  cidr_block     = "0.0.0.0/0"
  from_port      = 22
  to_port        = 22
}

resource "aws_network_acl_rule" "late_deny_rdp" {
  network_acl_id = "acl-0fedcba9876543210"
  rule_number    = 210
  protocol       = "tcp"
  rule_action    = "deny"
  cidr_block     = "0.0.0.0/0"
  from_port      = 3389
  to_port        = 3389
}
