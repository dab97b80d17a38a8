# The allowed source is an address known only after apply.
# expect-not-evaluated: aws_security_group.from_eip
# expect-not-evaluated: aws_vpc_security_group_ingress_rule.from_eip

resource "aws_vpc" "main" {
  cidr_block = "10.0.0.0/16"
}

resource "aws_eip" "office_nat" {
  domain = "vpc"
}

resource "aws_security_group" "from_eip" {
  name   = "from-eip"
  vpc_id = aws_vpc.main.id
  ingress {
    from_port   = 3389
    to_port     = 3389
    protocol    = "tcp"
    cidr_blocks = ["${aws_eip.office_nat.public_ip}/32"]
  }
}

resource "aws_security_group" "target" {
  name   = "target"
  vpc_id = aws_vpc.main.id
}

resource "aws_vpc_security_group_ingress_rule" "from_eip" {
  security_group_id = aws_security_group.target.id
  ip_protocol       = "tcp"
  from_port         = 3389
  to_port           = 3389
  cidr_ipv4         = "${aws_eip.office_nat.public_ip}/32"
}
