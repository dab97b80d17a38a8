# Logs encrypted with a customer managed key given by ARN.
resource "aws_cloudtrail" "cmk" {
  name                       = "cmk"
  s3_bucket_name             = "tenken-fixture-ct003-logs"
  is_multi_region_trail      = true
  enable_log_file_validation = true
  kms_key_id                 = "arn:aws:kms:ap-northeast-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab"
}
