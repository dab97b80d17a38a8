# Every protocol, or every TCP/UDP port, open to 0.0.0.0/0 or ::/0.
# expect: aws_security_group.all_v4
# expect: aws_security_group.tcp_all_ports_v6
# expect: aws_default_security_group.default
# expect: aws_security_group_rule.all_v6
# expect: aws_security_group_rule.udp_all_ports
# expect: aws_vpc_security_group_ingress_rule.all_v4
# expect: aws_vpc_security_group_ingress_rule.tcp_all_ports_v6

resource "aws_vpc" "main" {
  cidr_block = "10.0.0.0/16"
}

resource "aws_security_group" "all_v4" {
  name   = "all-v4"
  vpc_id = aws_vpc.main.id
  ingress {
    from_port   = 0
    to_port     = 0
    protocol    = "-1"
    cidr_blocks = ["0.0.0.0/0"]
  }
}

resource "aws_security_group" "tcp_all_ports_v6" {
  name   = "tcp-all-ports-v6"
  vpc_id = aws_vpc.main.id
  ingress {
    from_port        = 0
    to_port          = 65535
    protocol         = "tcp"
    ipv6_cidr_blocks = ["::/0"]
  }
}

resource "aws_default_security_group" "default" {
  vpc_id = aws_vpc.main.id
  ingress {
    from_port   = 0
    to_port     = 0
    protocol    = "all"
    cidr_blocks = ["0.0.0.0/0"]
  }
}

resource "aws_security_group" "target" {
  name   = "target"
  vpc_id = aws_vpc.main.id
}

resource "aws_security_group_rule" "all_v6" {
  type              = "ingress"
  security_group_id = aws_security_group.target.id
  from_port         = 0
  to_port           = 0
  protocol          = "-1"
  ipv6_cidr_blocks  = ["::/0"]
}

resource "aws_security_group_rule" "udp_all_ports" {
  type              = "ingress"
  security_group_id = aws_security_group.target.id
  from_port         = 1
  to_port           = 65535
  protocol          = "udp"
  cidr_blocks       = ["0.0.0.0/0"]
}

resource "aws_vpc_security_group_ingress_rule" "all_v4" {
  security_group_id = aws_security_group.target.id
  ip_protocol       = "-1"
  cidr_ipv4         = "0.0.0.0/0"
}

resource "aws_vpc_security_group_ingress_rule" "tcp_all_ports_v6" {
  security_group_id = aws_security_group.target.id
  ip_protocol       = "tcp"
  from_port         = 0
  to_port           = 65535
  cidr_ipv6         = "::/0"
}
