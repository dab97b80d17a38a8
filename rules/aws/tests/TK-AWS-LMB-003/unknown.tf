# The secret-named variable is set from an attribute known only after apply.
# expect-not-evaluated: aws_lambda_function.deploy

resource "aws_iam_user" "deploy" {
  name = "tenken-fixture-deploy"
}

resource "aws_iam_access_key" "deploy" {
  user = aws_iam_user.deploy.name
}

resource "aws_lambda_function" "deploy" {
  function_name = "tenken-fixture-deploy"
  role          = "arn:aws:iam::123456789012:role/tenken-fixture-lambda"
  runtime       = "python3.12"
  handler       = "app.handler"
  s3_bucket     = "tenken-fixture-artifacts"
  s3_key        = "app.zip"

  environment {
    variables = {
      DEPLOY_SECRET_ACCESS_KEY = aws_iam_access_key.deploy.secret
      LOG_LEVEL                = "info"
    }
  }
}
