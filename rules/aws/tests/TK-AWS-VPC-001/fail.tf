# VPCs without a VPC-level flow log.
# expect: aws_vpc.no_flow_log
# expect: aws_vpc.subnet_only
# expect: aws_default_vpc.default

resource "aws_vpc" "no_flow_log" {
  cidr_block = "10.10.0.0/16"
}

# A flow log on one subnet does not cover the whole VPC.
resource "aws_vpc" "subnet_only" {
  cidr_block = "10.20.0.0/16"
}

resource "aws_subnet" "subnet_only" {
  vpc_id     = aws_vpc.subnet_only.id
  cidr_block = "10.20.1.0/24"
}

resource "aws_flow_log" "subnet_only" {
  subnet_id            = aws_subnet.subnet_only.id
  traffic_type         = "ALL"
  log_destination_type = "s3"
  log_destination      = "arn:aws:s3:::tenken-fixture-flow-logs"
}

resource "aws_default_vpc" "default" {}
