# Log file validation is on.
resource "aws_s3_bucket" "trail" {
  bucket = "tenken-fixture-ct002-pass"
}

resource "aws_cloudtrail" "validated" {
  name                       = "validated"
  s3_bucket_name             = aws_s3_bucket.trail.id
  is_multi_region_trail      = true
  enable_log_file_validation = true
}
