# Default encryption with KMS: customer managed key, DSSE-KMS, counted, legacy block.

resource "aws_kms_key" "s3" {
  description         = "tenken fixture"
  enable_key_rotation = true
}

resource "aws_s3_bucket" "kms" {
  bucket = "tenken-fixture-sse-kms"
}

resource "aws_s3_bucket_server_side_encryption_configuration" "kms" {
  bucket = aws_s3_bucket.kms.id
  rule {
    apply_server_side_encryption_by_default {
      sse_algorithm     = "aws:kms"
      kms_master_key_id = aws_kms_key.s3.arn
    }
    bucket_key_enabled = true
  }
}

resource "aws_s3_bucket" "dsse" {
  bucket = "tenken-fixture-sse-dsse"
}

resource "aws_s3_bucket_server_side_encryption_configuration" "dsse" {
  bucket = aws_s3_bucket.dsse.id
  rule {
    apply_server_side_encryption_by_default {
      sse_algorithm     = "aws:kms:dsse"
      kms_master_key_id = aws_kms_key.s3.arn
    }
  }
}

resource "aws_s3_bucket" "many" {
  count  = 2
  bucket = "tenken-fixture-sse-many-${count.index}"
}

resource "aws_s3_bucket_server_side_encryption_configuration" "many" {
  count  = 2
  bucket = aws_s3_bucket.many[count.index].id
  rule {
    apply_server_side_encryption_by_default {
      sse_algorithm = "aws:kms"
    }
  }
}

resource "aws_s3_bucket" "legacy" {
  bucket = "tenken-fixture-sse-legacy"
  server_side_encryption_configuration {
    rule {
      apply_server_side_encryption_by_default {
        sse_algorithm     = "aws:kms"
        kms_master_key_id = aws_kms_key.s3.arn
      }
    }
  }
}
