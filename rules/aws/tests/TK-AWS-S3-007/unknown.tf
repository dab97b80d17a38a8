# The encryption resource names its bucket through a local value, which the scanner cannot
# follow.
# expect-not-evaluated: aws_s3_bucket.data

locals {
  data_bucket = aws_s3_bucket.data.id
}

resource "aws_s3_bucket" "data" {
  bucket = "tenken-fixture-sse-data"
}

resource "aws_s3_bucket_server_side_encryption_configuration" "data" {
  bucket = local.data_bucket
  rule {
    apply_server_side_encryption_by_default {
      sse_algorithm = "aws:kms"
    }
  }
}
