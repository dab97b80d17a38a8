# The trusted principal is another role's ARN, known only after apply, so the whole trust
# policy is unknown at plan time.
# expect-not-evaluated: aws_iam_role.trusts_deployer

resource "aws_iam_role" "deployer" {
  name = "tenken-deployer"
  assume_role_policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      Action    = "sts:AssumeRole"
      Principal = { Service = "codebuild.amazonaws.com" }
    }]
  })
}

resource "aws_iam_role" "trusts_deployer" {
  name = "tenken-trusts-deployer"
  assume_role_policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      Action    = "sts:AssumeRole"
      Principal = { AWS = aws_iam_role.deployer.arn }
    }]
  })
}
