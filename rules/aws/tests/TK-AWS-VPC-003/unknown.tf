# The default group refers to the VPC through a local value, which cannot be followed.
# expect-not-evaluated: aws_vpc.main

locals {
  vpc_id = aws_vpc.main.id
}

resource "aws_vpc" "main" {
  cidr_block = "10.0.0.0/16"
}

resource "aws_default_security_group" "main" {
  vpc_id = local.vpc_id
}
