# The policy is built from the bucket ARN, which is known only after apply.
# expect-not-evaluated: aws_s3_bucket_policy.from_arn

resource "aws_s3_bucket" "site" {
  bucket = "tenken-fixture-policy-site"
}

resource "aws_s3_bucket_policy" "from_arn" {
  bucket = aws_s3_bucket.site.id
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      Principal = "*"
      Action    = "s3:GetObject"
      Resource  = "${aws_s3_bucket.site.arn}/*"
    }]
  })
}
