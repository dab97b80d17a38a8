# A trail that only writes to S3.
# expect: aws_cloudtrail.s3_only

resource "aws_cloudtrail" "s3_only" {
  name                       = "s3-only"
  s3_bucket_name             = "tenken-fixture-ct004-logs"
  is_multi_region_trail      = true
  enable_log_file_validation = true
}
