# The logging resource names its bucket through a local value, which the scanner cannot
# follow: whether aws_s3_bucket.data is logged cannot be decided from the plan.
# expect-not-evaluated: aws_s3_bucket.data

locals {
  data_bucket = aws_s3_bucket.data.id
}

resource "aws_s3_bucket" "access_logs" {
  bucket = "tenken-fixture-logging-target"
}

resource "aws_s3_bucket" "data" {
  bucket = "tenken-fixture-logging-data"
}

resource "aws_s3_bucket_logging" "data" {
  bucket        = local.data_bucket
  target_bucket = aws_s3_bucket.access_logs.id
  target_prefix = "data/"
}
