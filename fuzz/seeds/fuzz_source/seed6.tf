# Buckets encrypted only with S3 managed keys: the default, explicit AES256, legacy AES256.
# expect: aws_s3_bucket.default
# expect: aws_s3_bucket.aes256
# expect: aws_s3_bucket.legacy_aes256

resource "aws_s3_bucket" "default" {
  bucket = "tenken-fixture-sse-default"
}

resource "aws_s3_bucket" "aes256" {
  bucket = "tenken-fixture-sse-aes256"
}

resource "aws_s3_bucket_server_side_encryption_configuration" "aes256" {
  bucket = aws_s3_bucket.aes256.id
  rule {
    apply_server_side_encryption_by_default {
      sse_algorithm = "AES256"
    }
  }
}

resource "aws_s3_bucket" "legacy_aes256" {
  bucket = "tenken-fixture-sse-legacy-aes256"
  server_side_encryption_configuration {
    rule {
      apply_server_side_encryption_by_default {
        sse_algorithm = "AES256"
      }
    }
  }
}
