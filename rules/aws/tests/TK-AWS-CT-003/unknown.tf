# The key is created in the same plan, so its ARN is known only after apply.
# expect-not-evaluated: aws_cloudtrail.new_key

resource "aws_kms_key" "trail" {
  description         = "CloudTrail logs"
  enable_key_rotation = true
}

resource "aws_cloudtrail" "new_key" {
  name                       = "new-key"
  s3_bucket_name             = "tenken-fixture-ct003-logs"
  is_multi_region_trail      = true
  enable_log_file_validation = true
  kms_key_id                 = aws_kms_key.trail.arn
}
