# Allow statements open to anyone, with no Condition.
# expect: aws_s3_bucket_policy.star
# expect: aws_s3_bucket_policy.aws_star
# expect: aws_s3_bucket_policy.aws_star_list
# expect: aws_s3_bucket_policy.not_principal
# expect: aws_s3_bucket_policy.document
# expect: aws_s3_bucket.legacy

resource "aws_s3_bucket" "a" {
  bucket = "tenken-fixture-policy-a"
}

# Principal "*" as a single statement object (not a list).
resource "aws_s3_bucket_policy" "star" {
  bucket = aws_s3_bucket.a.id
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = {
      Effect    = "Allow"
      Principal = "*"
      Action    = "s3:GetObject"
      Resource  = "arn:aws:s3:::tenken-fixture-policy-a/*"
    }
  })
}

resource "aws_s3_bucket" "b" {
  bucket = "tenken-fixture-policy-b"
}

# A scoped statement followed by {"AWS": "*"}.
resource "aws_s3_bucket_policy" "aws_star" {
  bucket = aws_s3_bucket.b.id
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [
      {
        Sid       = "App"
        Effect    = "Allow"
        Principal = { AWS = "arn:aws:iam::123456789012:role/app" }
        Action    = ["s3:GetObject", "s3:PutObject"]
        Resource  = "arn:aws:s3:::tenken-fixture-policy-b/*"
      },
      {
        Sid       = "Everyone"
        Effect    = "Allow"
        Principal = { AWS = "*" }
        Action    = "s3:*"
        Resource  = ["arn:aws:s3:::tenken-fixture-policy-b", "arn:aws:s3:::tenken-fixture-policy-b/*"]
      }
    ]
  })
}

resource "aws_s3_bucket" "c" {
  bucket = "tenken-fixture-policy-c"
}

# "*" inside a list of principals, with an empty Condition.
resource "aws_s3_bucket_policy" "aws_star_list" {
  bucket = aws_s3_bucket.c.id
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      Principal = { AWS = ["arn:aws:iam::123456789012:root", "*"] }
      Action    = "s3:ListBucket"
      Resource  = "arn:aws:s3:::tenken-fixture-policy-c"
      Condition = {}
    }]
  })
}

resource "aws_s3_bucket" "d" {
  bucket = "tenken-fixture-policy-d"
}

# Allow with NotPrincipal grants everyone but the listed principal.
resource "aws_s3_bucket_policy" "not_principal" {
  bucket = aws_s3_bucket.d.id
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect       = "Allow"
      NotPrincipal = { AWS = "arn:aws:iam::123456789012:user/blocked" }
      Action       = "s3:GetObject"
      Resource     = "arn:aws:s3:::tenken-fixture-policy-d/*"
    }]
  })
}

resource "aws_s3_bucket" "e" {
  bucket = "tenken-fixture-policy-e"
}

data "aws_iam_policy_document" "public_read" {
  statement {
    actions   = ["s3:GetObject"]
    resources = ["arn:aws:s3:::tenken-fixture-policy-e/*"]
    principals {
      type        = "*"
      identifiers = ["*"]
    }
  }
}

resource "aws_s3_bucket_policy" "document" {
  bucket = aws_s3_bucket.e.id
  policy = data.aws_iam_policy_document.public_read.json
}

# The deprecated policy argument on the bucket itself.
resource "aws_s3_bucket" "legacy" {
  bucket = "tenken-fixture-policy-legacy"
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      Principal = "*"
      Action    = "s3:GetObject"
      Resource  = "arn:aws:s3:::tenken-fixture-policy-legacy/*"
    }]
  })
}
