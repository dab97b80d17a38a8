# A log group encrypted with an existing customer managed key.
resource "aws_cloudwatch_log_group" "cmk" {
  name              = "/tenken/cmk"
  retention_in_days = 365
  kms_key_id        = "arn:aws:kms:ap-northeast-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab"
}
