# Every VPC has a flow log: by direct reference, joined by index, and for the default VPC.
resource "aws_vpc" "main" {
  cidr_block = "10.10.0.0/16"
}

resource "aws_flow_log" "main" {
  vpc_id               = aws_vpc.main.id
  traffic_type         = "ALL"
  log_destination_type = "s3"
  log_destination      = "arn:aws:s3:::tenken-fixture-flow-logs"
}

resource "aws_vpc" "many" {
  count      = 2
  cidr_block = "10.${count.index + 20}.0.0/16"
}

resource "aws_flow_log" "many" {
  count                = 2
  vpc_id               = aws_vpc.many[count.index].id
  traffic_type         = "REJECT"
  log_destination_type = "cloud-watch-logs"
  log_destination      = "arn:aws:logs:ap-northeast-1:123456789012:log-group:vpc-flow-logs"
  iam_role_arn         = "arn:aws:iam::123456789012:role/vpc-flow-logs"
}

resource "aws_default_vpc" "default" {}

resource "aws_flow_log" "default" {
  vpc_id               = aws_default_vpc.default.id
  traffic_type         = "ALL"
  log_destination_type = "s3"
  log_destination      = "arn:aws:s3:::tenken-fixture-flow-logs"
}

# One flow log per VPC through for_each: joined by instance key (each.value.id).
resource "aws_vpc" "per_env" {
  for_each   = { dev = "10.10.0.0/16", prod = "10.11.0.0/16" }
  cidr_block = each.value
}

resource "aws_flow_log" "per_env" {
  for_each             = aws_vpc.per_env
  vpc_id               = each.value.id
  traffic_type         = "ALL"
  log_destination      = "arn:aws:s3:::tenken-flow-logs"
  log_destination_type = "s3"
}
