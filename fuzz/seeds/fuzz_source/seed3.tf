# Buckets whose policy does not deny every non-TLS request.
# expect: aws_s3_bucket.no_policy
# expect: aws_s3_bucket.allow_only
# expect: aws_s3_bucket.get_only
# expect: aws_s3_bucket.wrong_value
# expect: aws_s3_bucket.legacy

resource "aws_s3_bucket" "no_policy" {
  bucket = "tenken-fixture-tls-none"
}

# A policy exists but has no TLS statement.
resource "aws_s3_bucket" "allow_only" {
  bucket = "tenken-fixture-tls-allow-only"
}

resource "aws_s3_bucket_policy" "allow_only" {
  bucket = aws_s3_bucket.allow_only.id
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      Principal = { AWS = "arn:aws:iam::123456789012:role/app" }
      Action    = "s3:GetObject"
      Resource  = "arn:aws:s3:::tenken-fixture-tls-allow-only/*"
    }]
  })
}

# The non-TLS deny covers only reads.
resource "aws_s3_bucket" "get_only" {
  bucket = "tenken-fixture-tls-get-only"
}

resource "aws_s3_bucket_policy" "get_only" {
  bucket = aws_s3_bucket.get_only.id
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Deny"
      Principal = "*"
      Action    = "s3:GetObject"
      Resource  = "arn:aws:s3:::tenken-fixture-tls-get-only/*"
      Condition = { Bool = { "aws:SecureTransport" = "false" } }
    }]
  })
}

# The condition is reversed: it denies TLS requests instead.
resource "aws_s3_bucket" "wrong_value" {
  bucket = "tenken-fixture-tls-wrong-value"
}

resource "aws_s3_bucket_policy" "wrong_value" {
  bucket = aws_s3_bucket.wrong_value.id
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Deny"
      Principal = "*"
      Action    = "s3:*"
      Resource  = ["arn:aws:s3:::tenken-fixture-tls-wrong-value", "arn:aws:s3:::tenken-fixture-tls-wrong-value/*"]
      Condition = { Bool = { "aws:SecureTransport" = "true" } }
    }]
  })
}

# The deprecated policy argument without a TLS statement.
resource "aws_s3_bucket" "legacy" {
  bucket = "tenken-fixture-tls-legacy"
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      Principal = { AWS = "arn:aws:iam::123456789012:root" }
      Action    = "s3:ListBucket"
      Resource  = "arn:aws:s3:::tenken-fixture-tls-legacy"
    }]
  })
}
