# The key is created in the same plan, so its ARN is known only after apply.
# expect-not-evaluated: aws_cloudwatch_log_group.new_key

resource "aws_kms_key" "logs" {
  description         = "CloudWatch Logs"
  enable_key_rotation = true
}

resource "aws_cloudwatch_log_group" "new_key" {
  name              = "/tenken/new-key"
  retention_in_days = 365
  kms_key_id        = aws_kms_key.logs.arn
}
