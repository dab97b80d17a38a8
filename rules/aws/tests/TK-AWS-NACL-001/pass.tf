# Network ACLs that keep TCP 22 and 3389 closed to the internet.
resource "aws_vpc" "main" {
  cidr_block = "10.0.0.0/16"
}

resource "aws_network_acl" "public" {
  vpc_id = aws_vpc.main.id
  ingress {
    rule_no    = 100
    action     = "allow"
    protocol   = "tcp"
    from_port  = 443
    to_port    = 443
    cidr_block = "0.0.0.0/0"
  }
  ingress {
    rule_no         = 110
    action          = "allow"
    protocol        = "tcp"
    from_port       = 32768
    to_port         = 65535
    ipv6_cidr_block = "::/0"
  }
  ingress {
    rule_no    = 120
    action     = "allow"
    protocol   = "-1"
    from_port  = 0
    to_port    = 0
    cidr_block = "10.0.0.0/16"
  }
  ingress {
    rule_no    = 130
    action     = "allow"
    protocol   = "tcp"
    from_port  = 22
    to_port    = 22
    cidr_block = "203.0.113.0/24"
  }
  ingress {
    rule_no    = 140
    action     = "allow"
    protocol   = "udp"
    from_port  = 3389
    to_port    = 3389
    cidr_block = "0.0.0.0/0"
  }
}

# Administration ports denied first, everything else allowed.
resource "aws_network_acl" "deny_first" {
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
    rule_no    = 20
    action     = "deny"
    protocol   = "tcp"
    from_port  = 3389
    to_port    = 3389
    cidr_block = "0.0.0.0/0"
  }
  ingress {
    rule_no         = 30
    action          = "deny"
    protocol        = "tcp"
    from_port       = 22
    to_port         = 3389
    ipv6_cidr_block = "::/0"
  }
  ingress {
    rule_no    = 100
    action     = "allow"
    protocol   = "-1"
    from_port  = 0
    to_port    = 0
    cidr_block = "0.0.0.0/0"
  }
  ingress {
    rule_no         = 101
    action          = "allow"
    protocol        = "-1"
    from_port       = 0
    to_port         = 0
    ipv6_cidr_block = "::/0"
  }
}

# No ingress block: Terraform removes every rule, so all inbound traffic is denied.
resource "aws_default_network_acl" "default" {
  default_network_acl_id = aws_vpc.main.default_network_acl_id
}

# Rules managed as separate resources.
resource "aws_network_acl" "separate" {
  vpc_id = aws_vpc.main.id
}

resource "aws_network_acl_rule" "https" {
  network_acl_id = aws_network_acl.separate.id
  rule_number    = 100
  protocol       = "tcp"
  rule_action    = "allow"
  cidr_block     = "0.0.0.0/0"
  from_port      = 443
  to_port        = 443
}

resource "aws_network_acl_rule" "egress_all" {
  network_acl_id = aws_network_acl.separate.id
  rule_number    = 100
  egress         = true
  protocol       = "-1"
  rule_action    = "allow"
  cidr_block     = "0.0.0.0/0"
}

resource "aws_network_acl_rule" "deny_all_v6" {
  network_acl_id  = aws_network_acl.separate.id
  rule_number     = 110
  protocol        = "-1"
  rule_action     = "deny"
  ipv6_cidr_block = "::/0"
}

# An existing ACL: catch-all allow behind deny rules with lower numbers.
resource "aws_network_acl_rule" "existing_deny_ssh" {
  network_acl_id = "acl-0123456789abcdef0"
  rule_number    = 10
  protocol       = "tcp"
  rule_action    = "deny"
  cidr_block     = "0.0.0.0/0"
  from_port      = 22
  to_port        = 22
}

resource "aws_network_acl_rule" "existing_deny_rdp" {
  network_acl_id = "acl-0123456789abcdef0"
  rule_number    = 20
  protocol       = "tcp"
  rule_action    = "deny"
  cidr_block     = "0.0.0.0/0"
  from_port      = 3389
  to_port        = 3389
}

resource "aws_network_acl_rule" "existing_allow_all" {
  network_acl_id = "acl-0123456789abcdef0"
  rule_number    = 100
  protocol       = "-1"
  rule_action    = "allow"
  cidr_block     = "0.0.0.0/0"
}

# The deny rules and the allow rule point at the same new ACL (its ID is known only after
# apply): the references show they are siblings, and the deny rules come first.
resource "aws_network_acl" "new_acl" {
  vpc_id = aws_vpc.main.id
}

resource "aws_network_acl_rule" "sib_deny_ssh" {
  network_acl_id = aws_network_acl.new_acl.id
  rule_number    = 10
  protocol       = "tcp"
  rule_action    = "deny"
  cidr_block     = "0.0.0.0/0"
  from_port      = 22
  to_port        = 22
}

resource "aws_network_acl_rule" "sib_deny_rdp" {
  network_acl_id = aws_network_acl.new_acl.id
  rule_number    = 20
  protocol       = "tcp"
  rule_action    = "deny"
  cidr_block     = "0.0.0.0/0"
  from_port      = 3389
  to_port        = 3389
}

resource "aws_network_acl_rule" "sib_allow_all" {
  network_acl_id = aws_network_acl.new_acl.id
  rule_number    = 100
  protocol       = "-1"
  rule_action    = "allow"
  cidr_block     = "0.0.0.0/0"
}
