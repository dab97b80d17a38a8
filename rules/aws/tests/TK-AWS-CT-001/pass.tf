# A multi-region trail with the default selectors (all management events).
resource "aws_s3_bucket" "trail" {
  bucket = "tenken-fixture-ct001-pass"
}

resource "aws_cloudtrail" "main" {
  name                          = "main"
  s3_bucket_name                = aws_s3_bucket.trail.id
  is_multi_region_trail         = true
  include_global_service_events = true
  enable_log_file_validation    = true
}
