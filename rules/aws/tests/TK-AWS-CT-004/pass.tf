# The trail also sends its events to an existing CloudWatch Logs log group.
resource "aws_cloudtrail" "to_cwl" {
  name                       = "to-cwl"
  s3_bucket_name             = "tenken-fixture-ct004-logs"
  is_multi_region_trail      = true
  enable_log_file_validation = true
  cloud_watch_logs_group_arn = "arn:aws:logs:ap-northeast-1:123456789012:log-group:cloudtrail:*"
  cloud_watch_logs_role_arn  = "arn:aws:iam::123456789012:role/cloudtrail-to-cloudwatch"
}
