# A trail without kms_key_id: logs only get the default S3-managed encryption.
# expect: aws_cloudtrail.no_cmk

resource "aws_cloudtrail" "no_cmk" {
  name                       = "no-cmk"
  s3_bucket_name             = "tenken-fixture-ct003-logs"
  is_multi_region_trail      = true
  enable_log_file_validation = true
}
