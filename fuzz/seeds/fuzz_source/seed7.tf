# Buckets without an active lifecycle rule: none, all rules disabled, legacy rule disabled.
# expect: aws_s3_bucket.none
# expect: aws_s3_bucket.disabled
# expect: aws_s3_bucket.legacy_disabled

resource "aws_s3_bucket" "none" {
  bucket = "tenken-fixture-lifecycle-none"
}

resource "aws_s3_bucket" "disabled" {
  bucket = "tenken-fixture-lifecycle-disabled"
}

resource "aws_s3_bucket_lifecycle_configuration" "disabled" {
  bucket = aws_s3_bucket.disabled.id
  rule {
    id     = "expire"
    status = "Disabled"
    filter {}
    expiration {
      days = 365
    }
  }
}

resource "aws_s3_bucket" "legacy_disabled" {
  bucket = "tenken-fixture-lifecycle-legacy-off"
  lifecycle_rule {
    id      = "expire"
    enabled = false
    expiration {
      days = 365
    }
  }
}
