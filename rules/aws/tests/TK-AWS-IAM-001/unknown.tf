# The policy's Resource comes from another resource's ARN, known only after apply,
# so the whole policy document is unknown at plan time.
# expect-not-evaluated: aws_iam_role_policy.from_arn

resource "aws_iam_role" "app" {
  name = "tenken-app"
  assume_role_policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      Action    = "sts:AssumeRole"
      Principal = { Service = "ec2.amazonaws.com" }
    }]
  })
}

resource "aws_sqs_queue" "jobs" {
  name = "tenken-jobs"
}

resource "aws_iam_role_policy" "from_arn" {
  name = "tenken-from-arn"
  role = "tenken-app"
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect   = "Allow"
      Action   = "*"
      Resource = aws_sqs_queue.jobs.arn
    }]
  })
}
