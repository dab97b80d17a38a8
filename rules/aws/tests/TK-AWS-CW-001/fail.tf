# Log groups that delete events after less than a year.
# expect: aws_cloudwatch_log_group.one_month
# expect: aws_cloudwatch_log_group.half_year

resource "aws_cloudwatch_log_group" "one_month" {
  name              = "/tenken/one-month"
  retention_in_days = 30
}

resource "aws_cloudwatch_log_group" "half_year" {
  name              = "/tenken/half-year"
  retention_in_days = 180
}
