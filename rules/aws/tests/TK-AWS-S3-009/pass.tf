# The account-level block has all four settings on.

resource "aws_s3_bucket" "data" {
  bucket = "tenken-fixture-account-block-data"
}

resource "aws_s3_account_public_access_block" "this" {
  block_public_acls       = true
  block_public_policy     = true
  ignore_public_acls      = true
  restrict_public_buckets = true
}
