# Buckets whose public access is not fully blocked.
# expect: aws_s3_bucket.no_block
# expect: aws_s3_bucket.partial

resource "aws_s3_bucket" "no_block" {
  bucket = "tenken-fixture-no-block"
}

resource "aws_s3_bucket" "partial" {
  bucket = "tenken-fixture-partial"
}

resource "aws_s3_bucket_public_access_block" "partial" {
  bucket                  = aws_s3_bucket.partial.id
  block_public_acls       = true
  block_public_policy     = false
  ignore_public_acls      = true
  restrict_public_buckets = true
}
