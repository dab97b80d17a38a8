# A log group without a customer managed key.
# expect: aws_cloudwatch_log_group.default_encryption

resource "aws_cloudwatch_log_group" "default_encryption" {
  name              = "/tenken/default-encryption"
  retention_in_days = 365
}
