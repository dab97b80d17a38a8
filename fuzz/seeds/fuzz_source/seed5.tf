# Buckets without versioning: nothing configured, suspended, and legacy block disabled.
# expect: aws_s3_bucket.none
# expect: aws_s3_bucket.suspended
# expect: aws_s3_bucket.legacy_disabled

resource "aws_s3_bucket" "none" {
  bucket = "tenken-fixture-versioning-none"
}

resource "aws_s3_bucket" "suspended" {
  bucket = "tenken-fixture-versioning-suspended"
}

resource "aws_s3_bucket_versioning" "suspended" {
  bucket = aws_s3_bucket.suspended.id
  versioning_configuration {
    status = "Suspended"
  }
}

resource "aws_s3_bucket" "legacy_disabled" {
  bucket = "tenken-fixture-versioning-legacy-off"
  versioning {
    enabled = false
  }
}
