# Buckets without server access logging.
# expect: aws_s3_bucket.data
# expect: aws_s3_bucket.legacy_other

resource "aws_s3_bucket" "data" {
  bucket = "tenken-fixture-logging-data"
}

# Uses legacy blocks, but not logging.
resource "aws_s3_bucket" "legacy_other" {
  bucket = "tenken-fixture-logging-legacy-other"
  versioning {
    enabled = true
  }
}
