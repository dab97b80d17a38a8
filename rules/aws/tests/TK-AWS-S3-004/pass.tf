# Every bucket denies non-TLS requests: policy document, jsonencode with a boolean, a bucket
# named by value, counted buckets and the deprecated policy argument.

resource "aws_s3_bucket" "document" {
  bucket = "tenken-fixture-tls-document"
}

data "aws_iam_policy_document" "document" {
  statement {
    actions   = ["s3:GetObject"]
    resources = ["arn:aws:s3:::tenken-fixture-tls-document/*"]
    principals {
      type        = "AWS"
      identifiers = ["arn:aws:iam::123456789012:role/app"]
    }
  }

  statement {
    sid       = "DenyInsecureTransport"
    effect    = "Deny"
    actions   = ["s3:*"]
    resources = ["arn:aws:s3:::tenken-fixture-tls-document", "arn:aws:s3:::tenken-fixture-tls-document/*"]
    principals {
      type        = "*"
      identifiers = ["*"]
    }
    condition {
      test     = "Bool"
      variable = "aws:SecureTransport"
      values   = ["false"]
    }
  }
}

resource "aws_s3_bucket_policy" "document" {
  bucket = aws_s3_bucket.document.id
  policy = data.aws_iam_policy_document.document.json
}

resource "aws_s3_bucket" "by_name" {
  bucket = "tenken-fixture-tls-by-name"
}

resource "aws_s3_bucket_policy" "by_name" {
  bucket = "tenken-fixture-tls-by-name"
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Sid       = "DenyInsecureTransport"
      Effect    = "Deny"
      Principal = { AWS = "*" }
      Action    = ["s3:*"]
      Resource  = ["arn:aws:s3:::tenken-fixture-tls-by-name", "arn:aws:s3:::tenken-fixture-tls-by-name/*"]
      Condition = { Bool = { "aws:SecureTransport" = false } }
    }]
  })
}

resource "aws_s3_bucket" "many" {
  count  = 2
  bucket = "tenken-fixture-tls-many-${count.index}"
}

resource "aws_s3_bucket_policy" "many" {
  count  = 2
  bucket = aws_s3_bucket.many[count.index].id
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Deny"
      Principal = "*"
      Action    = "*"
      Resource  = ["arn:aws:s3:::tenken-fixture-tls-many-${count.index}", "arn:aws:s3:::tenken-fixture-tls-many-${count.index}/*"]
      Condition = { Bool = { "aws:SecureTransport" = ["false"] } }
    }]
  })
}

resource "aws_s3_bucket" "legacy" {
  bucket = "tenken-fixture-tls-legacy"
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Deny"
      Principal = "*"
      Action    = "s3:*"
      Resource  = ["arn:aws:s3:::tenken-fixture-tls-legacy", "arn:aws:s3:::tenken-fixture-tls-legacy/*"]
      Condition = { Bool = { "aws:SecureTransport" = "false" } }
    }]
  })
}
