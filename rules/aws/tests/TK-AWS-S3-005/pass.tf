# Buckets with server access logging (separate resource, counted, legacy block); the log
# bucket itself is exempt.

resource "aws_s3_bucket" "access_logs" {
  bucket = "tenken-fixture-logging-target"
}

resource "aws_s3_bucket" "data" {
  bucket = "tenken-fixture-logging-data"
}

resource "aws_s3_bucket_logging" "data" {
  bucket        = aws_s3_bucket.data.id
  target_bucket = aws_s3_bucket.access_logs.id
  target_prefix = "data/"
}

resource "aws_s3_bucket" "many" {
  count  = 2
  bucket = "tenken-fixture-logging-many-${count.index}"
}

resource "aws_s3_bucket_logging" "many" {
  count         = 2
  bucket        = aws_s3_bucket.many[count.index].id
  target_bucket = aws_s3_bucket.access_logs.id
  target_prefix = "many-${count.index}/"
}

resource "aws_s3_bucket" "legacy" {
  bucket = "tenken-fixture-logging-legacy"
  logging {
    target_bucket = aws_s3_bucket.access_logs.id
    target_prefix = "legacy/"
  }
}
