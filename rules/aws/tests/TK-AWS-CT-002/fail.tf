# Trails whose log file validation is off: explicitly, and by leaving it out.
# expect: aws_cloudtrail.validation_off
# expect: aws_cloudtrail.validation_unset

resource "aws_cloudtrail" "validation_off" {
  name                       = "validation-off"
  s3_bucket_name             = "tenken-fixture-ct002-logs"
  is_multi_region_trail      = true
  enable_log_file_validation = false
}

resource "aws_cloudtrail" "validation_unset" {
  name                  = "validation-unset"
  s3_bucket_name        = "tenken-fixture-ct002-logs"
  is_multi_region_trail = true
}
