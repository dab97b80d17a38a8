# The account-level block leaves public policies allowed (an input with no block at all is
# reported the same way).
# expect: scope:aws

resource "aws_s3_bucket" "data" {
  bucket = "tenken-fixture-account-block-data"
}

resource "aws_s3_account_public_access_block" "this" {
  block_public_acls       = true
  block_public_policy     = false
  ignore_public_acls      = true
  restrict_public_buckets = true
}
