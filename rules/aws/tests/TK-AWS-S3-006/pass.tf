# Versioning enabled: separate resource, counted, legacy block, and Object Lock.

resource "aws_s3_bucket" "enabled" {
  bucket = "tenken-fixture-versioning-enabled"
}

resource "aws_s3_bucket_versioning" "enabled" {
  bucket = aws_s3_bucket.enabled.id
  versioning_configuration {
    status = "Enabled"
  }
}

resource "aws_s3_bucket" "many" {
  count  = 2
  bucket = "tenken-fixture-versioning-many-${count.index}"
}

resource "aws_s3_bucket_versioning" "many" {
  count  = 2
  bucket = aws_s3_bucket.many[count.index].id
  versioning_configuration {
    status = "Enabled"
  }
}

resource "aws_s3_bucket" "legacy" {
  bucket = "tenken-fixture-versioning-legacy"
  versioning {
    enabled = true
  }
}

resource "aws_s3_bucket" "locked" {
  bucket              = "tenken-fixture-versioning-locked"
  object_lock_enabled = true
}
