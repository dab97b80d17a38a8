# Permissions that let any principal invoke the function, with no source condition.
# expect: aws_lambda_permission.anyone
# expect: aws_lambda_permission.anyone_url

resource "aws_lambda_function" "app" {
  function_name = "tenken-fixture-perm-app"
  role          = "arn:aws:iam::123456789012:role/tenken-fixture-lambda"
  runtime       = "python3.12"
  handler       = "app.handler"
  s3_bucket     = "tenken-fixture-artifacts"
  s3_key        = "app.zip"
}

resource "aws_lambda_permission" "anyone" {
  statement_id  = "AllowAnyone"
  action        = "lambda:InvokeFunction"
  function_name = aws_lambda_function.app.function_name
  principal     = "*"
}

resource "aws_lambda_permission" "anyone_url" {
  statement_id           = "AllowPublicUrl"
  action                 = "lambda:InvokeFunctionUrl"
  function_name          = aws_lambda_function.app.function_name
  principal              = "*"
  function_url_auth_type = "NONE"
}
