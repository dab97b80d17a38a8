# Policies that stay clear of full administrator rights.

# Every action, but only on one bucket.
resource "aws_iam_policy" "scoped_resource" {
  name = "tenken-scoped-resource"
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect   = "Allow"
      Action   = "*"
      Resource = ["arn:aws:s3:::tenken-fixture", "arn:aws:s3:::tenken-fixture/*"]
    }]
  })
}

# Every resource, but only read actions of one service.
resource "aws_iam_policy" "scoped_action" {
  name = "tenken-scoped-action"
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect   = "Allow"
      Action   = ["ec2:Describe*", "s3:*"]
      Resource = "*"
    }]
  })
}

# A Deny statement with wildcards is a guard rail, not a grant.
resource "aws_iam_policy" "deny_all" {
  name = "tenken-deny-all"
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect   = "Deny"
      Action   = "*"
      Resource = "*"
      Condition = {
        Bool = { "aws:MultiFactorAuthPresent" = "false" }
      }
    }]
  })
}

resource "aws_iam_user" "ops" {
  name = "tenken-ops"
}

data "aws_iam_policy_document" "read_only" {
  statement {
    effect    = "Allow"
    actions   = ["cloudwatch:GetMetricData", "cloudwatch:ListMetrics"]
    resources = ["*"]
  }
}

resource "aws_iam_user_policy" "read_only" {
  name   = "tenken-read-only"
  user   = aws_iam_user.ops.name
  policy = data.aws_iam_policy_document.read_only.json
}

resource "aws_iam_group" "ops" {
  name = "tenken-ops"
}

resource "aws_iam_group_policy" "single_statement" {
  name  = "tenken-group-read"
  group = aws_iam_group.ops.name
  policy = jsonencode({
    Version   = "2012-10-17"
    Statement = { Effect = "Allow", Action = "sqs:ReceiveMessage", Resource = "*" }
  })
}

resource "aws_iam_role_policy" "scoped" {
  name = "tenken-role-scoped"
  role = "tenken-app"
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect   = "Allow"
      Action   = "dynamodb:*"
      Resource = "arn:aws:dynamodb:ap-northeast-1:123456789012:table/orders"
    }]
  })
}
