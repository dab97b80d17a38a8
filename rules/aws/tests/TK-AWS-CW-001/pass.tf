# Never expire (left out, or 0), exactly one year, and longer.
resource "aws_cloudwatch_log_group" "unset" {
  name = "/tenken/unset"
}

resource "aws_cloudwatch_log_group" "zero" {
  name              = "/tenken/zero"
  retention_in_days = 0
}

resource "aws_cloudwatch_log_group" "one_year" {
  name              = "/tenken/one-year"
  retention_in_days = 365
}

resource "aws_cloudwatch_log_group" "ten_years" {
  name              = "/tenken/ten-years"
  retention_in_days = 3653
}
