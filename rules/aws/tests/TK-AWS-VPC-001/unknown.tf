# The flow log's vpc_id goes through a local value, which the plan does not let us follow.
# expect-not-evaluated: aws_vpc.via_local

resource "aws_vpc" "via_local" {
  cidr_block = "10.30.0.0/16"
}

locals {
  vpc_id = aws_vpc.via_local.id
}

resource "aws_flow_log" "via_local" {
  vpc_id               = local.vpc_id
  traffic_type         = "ALL"
  log_destination_type = "s3"
  log_destination      = "arn:aws:s3:::tenken-fixture-flow-logs"
}
