# Named principals, public principals narrowed by a Condition, and Deny statements.

resource "aws_s3_bucket" "a" {
  bucket = "tenken-fixture-policy-a"
}

resource "aws_s3_bucket_policy" "named" {
  bucket = aws_s3_bucket.a.id
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [
      {
        Effect    = "Allow"
        Principal = { AWS = ["arn:aws:iam::123456789012:role/app", "arn:aws:iam::210987654321:root"] }
        Action    = "s3:GetObject"
        Resource  = "arn:aws:s3:::tenken-fixture-policy-a/*"
      },
      {
        Effect    = "Allow"
        Principal = { Service = "logging.s3.amazonaws.com" }
        Action    = "s3:PutObject"
        Resource  = "arn:aws:s3:::tenken-fixture-policy-a/logs/*"
      }
    ]
  })
}

resource "aws_s3_bucket" "b" {
  bucket = "tenken-fixture-policy-b"
}

data "aws_iam_policy_document" "org_only" {
  statement {
    sid       = "OrgRead"
    actions   = ["s3:GetObject"]
    resources = ["arn:aws:s3:::tenken-fixture-policy-b/*"]
    principals {
      type        = "*"
      identifiers = ["*"]
    }
    condition {
      test     = "StringEquals"
      variable = "aws:PrincipalOrgID"
      values   = ["o-abc123def4"]
    }
  }

  statement {
    sid       = "TlsOnly"
    effect    = "Deny"
    actions   = ["s3:*"]
    resources = ["arn:aws:s3:::tenken-fixture-policy-b", "arn:aws:s3:::tenken-fixture-policy-b/*"]
    principals {
      type        = "AWS"
      identifiers = ["*"]
    }
    condition {
      test     = "Bool"
      variable = "aws:SecureTransport"
      values   = ["false"]
    }
  }
}

resource "aws_s3_bucket_policy" "org_only" {
  bucket = aws_s3_bucket.b.id
  policy = data.aws_iam_policy_document.org_only.json
}

resource "aws_s3_bucket" "legacy" {
  bucket = "tenken-fixture-policy-legacy"
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      Principal = "*"
      Action    = "s3:GetObject"
      Resource  = "arn:aws:s3:::tenken-fixture-policy-legacy/*"
      Condition = { StringEquals = { "aws:SourceVpce" = "vpce-0123456789abcdef0" } }
    }]
  })
}
