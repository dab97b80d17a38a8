# The versioning resource names its bucket through a local value, which the scanner cannot
# follow.
# expect-not-evaluated: aws_s3_bucket.data

locals {
  data_bucket = aws_s3_bucket.data.id
}

resource "aws_s3_bucket" "data" {
  bucket = "tenken-fixture-versioning-data"
}

resource "aws_s3_bucket_versioning" "data" {
  bucket = local.data_bucket
  versioning_configuration {
    status = "Enabled"
  }
}
