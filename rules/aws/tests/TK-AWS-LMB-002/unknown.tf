# The principal is the ARN of a role created in the same apply: whether it is "*"
# is known only after apply (and no source condition is set).
# expect-not-evaluated: aws_lambda_permission.from_new_role

resource "aws_lambda_function" "app" {
  function_name = "tenken-fixture-perm-app"
  role          = "arn:aws:iam::123456789012:role/tenken-fixture-lambda"
  runtime       = "python3.12"
  handler       = "app.handler"
  s3_bucket     = "tenken-fixture-artifacts"
  s3_key        = "app.zip"
}

resource "aws_iam_role" "caller" {
  name = "tenken-fixture-caller"
  assume_role_policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      Action    = "sts:AssumeRole"
      Principal = { Service = "ec2.amazonaws.com" }
    }]
  })
}

resource "aws_lambda_permission" "from_new_role" {
  statement_id  = "AllowCallerRole"
  action        = "lambda:InvokeFunction"
  function_name = aws_lambda_function.app.function_name
  principal     = aws_iam_role.caller.arn
}
