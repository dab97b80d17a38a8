# Function URLs that anyone on the internet can call without signing the request.
# expect: aws_lambda_function_url.public
# expect: aws_lambda_function_url.public_alias

resource "aws_lambda_function" "app" {
  function_name = "tenken-fixture-url-app"
  role          = "arn:aws:iam::123456789012:role/tenken-fixture-lambda"
  runtime       = "python3.12"
  handler       = "app.handler"
  s3_bucket     = "tenken-fixture-artifacts"
  s3_key        = "app.zip"
}

resource "aws_lambda_function_url" "public" {
  function_name      = aws_lambda_function.app.function_name
  authorization_type = "NONE"
}

# CORS settings restrict browsers only; they do not authenticate callers.
resource "aws_lambda_function_url" "public_alias" {
  function_name      = aws_lambda_function.app.function_name
  qualifier          = "live"
  authorization_type = "NONE"

  cors {
    allow_origins = ["https://www.example.com"]
    allow_methods = ["GET"]
  }
}
