# Functions that keep only references to secrets (ARNs, parameter paths, KMS
# ciphertext) or non-secret settings in their environment.
resource "aws_lambda_function" "no_env" {
  function_name = "tenken-fixture-no-env"
  role          = "arn:aws:iam::123456789012:role/tenken-fixture-lambda"
  runtime       = "python3.12"
  handler       = "app.handler"
  s3_bucket     = "tenken-fixture-artifacts"
  s3_key        = "app.zip"
}

resource "aws_lambda_function" "references" {
  function_name = "tenken-fixture-references"
  role          = "arn:aws:iam::123456789012:role/tenken-fixture-lambda"
  runtime       = "python3.12"
  handler       = "app.handler"
  s3_bucket     = "tenken-fixture-artifacts"
  s3_key        = "app.zip"

  environment {
    variables = {
      DB_SECRET_ARN     = "arn:aws:secretsmanager:ap-northeast-1:123456789012:secret:tenken/db-AbCdEf"
      DB_PASSWORD       = "/tenken/prod/db-password"
      API_TOKEN         = "arn:aws:ssm:ap-northeast-1:123456789012:parameter/tenken/api-token"
      SIGNING_SECRET    = "AQICAHhTenkenFixtureCiphertextBlobAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=="
      TOKEN_URL         = "https://auth.example.com/oauth2/token"
      MAX_OUTPUT_TOKEN  = "4096"
      ROTATE_SECRET     = "true"
      WEBHOOK_SECRET    = ""
      PARAMETERS_SECRETS_EXTENSION_HTTP_PORT = "2773"
    }
  }
}
