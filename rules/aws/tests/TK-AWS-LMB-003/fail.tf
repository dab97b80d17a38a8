# Functions whose environment variables hold credentials in plain text.
# expect: aws_lambda_function.db_password
# expect: aws_lambda_function.access_key
# expect: aws_lambda_function.api_tokens

resource "aws_lambda_function" "db_password" {
  function_name = "tenken-fixture-db-password"
  role          = "arn:aws:iam::123456789012:role/tenken-fixture-lambda"
  runtime       = "python3.12"
  handler       = "app.handler"
  s3_bucket     = "tenken-fixture-artifacts"
  s3_key        = "app.zip"

  environment {
    variables = {
      DB_HOST     = "db.tenken.internal"
      DB_USER     = "app"
      DB_PASSWORD = "Tenken-Fixture-Pw1"
    }
  }
}

# An access key ID whatever the variable is called (the secret usually travels with it).
resource "aws_lambda_function" "access_key" {
  function_name = "tenken-fixture-access-key"
  role          = "arn:aws:iam::123456789012:role/tenken-fixture-lambda"
  runtime       = "nodejs20.x"
  handler       = "index.handler"
  s3_bucket     = "tenken-fixture-artifacts"
  s3_key        = "app.zip"

  environment {
    variables = {
      PARTNER_KEY_ID = "AKIA2TENKENFIXTURE01"
      PARTNER_REGION = "ap-northeast-1"
    }
  }
}

# Tokens and API keys, in upper-case or camelCase names.
resource "aws_lambda_function" "api_tokens" {
  function_name = "tenken-fixture-api-tokens"
  role          = "arn:aws:iam::123456789012:role/tenken-fixture-lambda"
  runtime       = "nodejs20.x"
  handler       = "index.handler"
  s3_bucket     = "tenken-fixture-artifacts"
  s3_key        = "app.zip"

  environment {
    variables = {
      slackBotToken  = "xoxb-tenken-fixture-0000"
      STRIPE_API_KEY = "sk_test_tenkenfixture0000"
      LOG_LEVEL      = "info"
    }
  }
}
