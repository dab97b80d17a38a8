# Function URLs that require IAM (SigV4-signed) requests.
resource "aws_lambda_function" "app" {
  function_name = "tenken-fixture-url-app"
  role          = "arn:aws:iam::123456789012:role/tenken-fixture-lambda"
  runtime       = "python3.12"
  handler       = "app.handler"
  s3_bucket     = "tenken-fixture-artifacts"
  s3_key        = "app.zip"
}

resource "aws_lambda_function_url" "iam" {
  function_name      = aws_lambda_function.app.function_name
  authorization_type = "AWS_IAM"
}

resource "aws_lambda_function_url" "iam_alias" {
  function_name      = aws_lambda_function.app.function_name
  qualifier          = "live"
  authorization_type = "AWS_IAM"
  invoke_mode        = "RESPONSE_STREAM"
}
