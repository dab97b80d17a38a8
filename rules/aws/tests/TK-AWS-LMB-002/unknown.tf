# The source ARN comes from a resource created in the same apply.
# expect-not-evaluated: aws_lambda_permission.from_topic

resource "aws_lambda_function" "app" {
  function_name = "tenken-fixture-perm-app"
  role          = "arn:aws:iam::123456789012:role/tenken-fixture-lambda"
  runtime       = "python3.12"
  handler       = "app.handler"
  s3_bucket     = "tenken-fixture-artifacts"
  s3_key        = "app.zip"
}

resource "aws_sns_topic" "events" {
  name = "tenken-fixture-events"
}

resource "aws_lambda_permission" "from_topic" {
  statement_id  = "AllowTopic"
  action        = "lambda:InvokeFunction"
  function_name = aws_lambda_function.app.function_name
  principal     = "*"
  source_arn    = aws_sns_topic.events.arn
}
