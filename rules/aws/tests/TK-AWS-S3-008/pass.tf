# Buckets with an active lifecycle rule: separate resource, counted, legacy block.

resource "aws_s3_bucket" "data" {
  bucket = "tenken-fixture-lifecycle-data"
}

resource "aws_s3_bucket_lifecycle_configuration" "data" {
  bucket = aws_s3_bucket.data.id

  rule {
    id     = "old-drafts"
    status = "Disabled"
    filter {
      prefix = "drafts/"
    }
    expiration {
      days = 30
    }
  }

  rule {
    id     = "retention"
    status = "Enabled"
    filter {}
    noncurrent_version_expiration {
      noncurrent_days = 90
    }
    abort_incomplete_multipart_upload {
      days_after_initiation = 7
    }
  }
}

resource "aws_s3_bucket" "many" {
  count  = 2
  bucket = "tenken-fixture-lifecycle-many-${count.index}"
}

resource "aws_s3_bucket_lifecycle_configuration" "many" {
  count  = 2
  bucket = aws_s3_bucket.many[count.index].id
  rule {
    id     = "archive"
    status = "Enabled"
    filter {}
    transition {
      days          = 90
      storage_class = "GLACIER"
    }
  }
}

resource "aws_s3_bucket" "legacy" {
  bucket = "tenken-fixture-lifecycle-legacy"
  lifecycle_rule {
    id      = "expire"
    enabled = true
    expiration {
      days = 365
    }
  }
}
