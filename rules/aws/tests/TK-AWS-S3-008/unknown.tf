# The lifecycle resource names its bucket through a local value, which the scanner cannot
# follow.
# expect-not-evaluated: aws_s3_bucket.data

locals {
  data_bucket = aws_s3_bucket.data.id
}

resource "aws_s3_bucket" "data" {
  bucket = "tenken-fixture-lifecycle-data"
}

resource "aws_s3_bucket_lifecycle_configuration" "data" {
  bucket = local.data_bucket
  rule {
    id     = "expire"
    status = "Enabled"
    filter {}
    expiration {
      days = 365
    }
  }
}
