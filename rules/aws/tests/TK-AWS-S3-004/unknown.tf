# The policy is built from the bucket ARN, known only after apply.
# expect-not-evaluated: aws_s3_bucket.from_arn

resource "aws_s3_bucket" "from_arn" {
  bucket = "tenken-fixture-tls-from-arn"
}

resource "aws_s3_bucket_policy" "from_arn" {
  bucket = aws_s3_bucket.from_arn.id
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Deny"
      Principal = "*"
      Action    = "s3:*"
      Resource  = [aws_s3_bucket.from_arn.arn, "${aws_s3_bucket.from_arn.arn}/*"]
      Condition = { Bool = { "aws:SecureTransport" = "false" } }
    }]
  })
}
