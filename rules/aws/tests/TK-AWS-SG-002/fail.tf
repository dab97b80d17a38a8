# RDP reachable from 0.0.0.0/0 or ::/0 through every kind of security group rule.
# expect: aws_security_group.rdp_v4
# expect: aws_security_group.udp_v6
# expect: aws_security_group.all_protocols
# expect: aws_default_security_group.default
# expect: aws_security_group_rule.rdp_v4
# expect: aws_security_group_rule.range_v6
# expect: aws_vpc_security_group_ingress_rule.rdp_v4
# expect: aws_vpc_security_group_ingress_rule.all_v4
# expect: aws_vpc_security_group_ingress_rule.udp_v6

resource "aws_vpc" "main" {
  cidr_block = "10.0.0.0/16"
}

resource "aws_security_group" "rdp_v4" {
  name   = "rdp-v4"
  vpc_id = aws_vpc.main.id
  ingress {
    from_port   = 3389
    to_port     = 3389
    protocol    = "tcp"
    cidr_blocks = ["0.0.0.0/0"]
  }
}

resource "aws_security_group" "udp_v6" {
  name   = "udp-v6"
  vpc_id = aws_vpc.main.id
  ingress {
    from_port        = 3389
    to_port          = 3389
    protocol         = "udp"
    ipv6_cidr_blocks = ["::/0"]
  }
}

resource "aws_security_group" "all_protocols" {
  name   = "all-protocols"
  vpc_id = aws_vpc.main.id
  ingress {
    from_port        = 0
    to_port          = 0
    protocol         = "-1"
    ipv6_cidr_blocks = ["::/0"]
  }
}

resource "aws_default_security_group" "default" {
  vpc_id = aws_vpc.main.id
  ingress {
    from_port   = 3000
    to_port     = 4000
    protocol    = "tcp"
    cidr_blocks = ["0.0.0.0/0"]
  }
}

resource "aws_security_group" "target" {
  name   = "target"
  vpc_id = aws_vpc.main.id
}

resource "aws_security_group_rule" "rdp_v4" {
  type              = "ingress"
  security_group_id = aws_security_group.target.id
  from_port         = 3389
  to_port           = 3389
  protocol          = "tcp"
  cidr_blocks       = ["0.0.0.0/0"]
}

resource "aws_security_group_rule" "range_v6" {
  type              = "ingress"
  security_group_id = aws_security_group.target.id
  from_port         = 1024
  to_port           = 65535
  protocol          = "6"
  ipv6_cidr_blocks  = ["::/0"]
}

resource "aws_vpc_security_group_ingress_rule" "rdp_v4" {
  security_group_id = aws_security_group.target.id
  ip_protocol       = "tcp"
  from_port         = 3389
  to_port           = 3389
  cidr_ipv4         = "0.0.0.0/0"
}

resource "aws_vpc_security_group_ingress_rule" "all_v4" {
  security_group_id = aws_security_group.target.id
  ip_protocol       = "-1"
  cidr_ipv4         = "0.0.0.0/0"
}

resource "aws_vpc_security_group_ingress_rule" "udp_v6" {
  security_group_id = aws_security_group.target.id
  ip_protocol       = "udp"
  from_port         = 3389
  to_port           = 3389
  cidr_ipv6         = "::/0"
}
