# Permissions limited to a service with a source ARN (literal, or from a resource
# created in the same apply), a named account, an account condition or an organization.
resource "aws_lambda_function" "app" {
  function_name = "tenken-fixture-perm-app"
  role          = "arn:aws:iam::123456789012:role/tenken-fixture-lambda"
  runtime       = "python3.12"
  handler       = "app.handler"
  s3_bucket     = "tenken-fixture-artifacts"
  s3_key        = "app.zip"
}

resource "aws_lambda_permission" "s3" {
  statement_id   = "AllowS3"
  action         = "lambda:InvokeFunction"
  function_name  = aws_lambda_function.app.function_name
  principal      = "s3.amazonaws.com"
  source_arn     = "arn:aws:s3:::tenken-fixture-uploads"
  source_account = "123456789012"
}

resource "aws_lambda_permission" "account" {
  statement_id  = "AllowPartnerAccount"
  action        = "lambda:InvokeFunction"
  function_name = aws_lambda_function.app.function_name
  principal     = "arn:aws:iam::210987654321:root"
}

resource "aws_lambda_permission" "any_in_account" {
  statement_id   = "AllowOwnAccount"
  action         = "lambda:InvokeFunction"
  function_name  = aws_lambda_function.app.function_name
  principal      = "*"
  source_account = "123456789012"
}

resource "aws_lambda_permission" "any_with_source" {
  statement_id  = "AllowEventsRule"
  action        = "lambda:InvokeFunction"
  function_name = aws_lambda_function.app.function_name
  principal     = "*"
  source_arn    = "arn:aws:events:ap-northeast-1:123456789012:rule/tenken-fixture"
}

resource "aws_lambda_permission" "org" {
  statement_id     = "AllowOrganization"
  action           = "lambda:InvokeFunction"
  function_name    = aws_lambda_function.app.function_name
  principal        = "*"
  principal_org_id = "o-a1b2c3d4e5"
}

resource "aws_sns_topic" "events" {
  name = "tenken-fixture-events"
}

resource "aws_lambda_permission" "from_topic" {
  statement_id  = "AllowTopic"
  action        = "lambda:InvokeFunction"
  function_name = aws_lambda_function.app.function_name
  principal     = "sns.amazonaws.com"
  source_arn    = aws_sns_topic.events.arn
}
