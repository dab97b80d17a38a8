# IAM policies that grant every action on every resource.
# expect: aws_iam_policy.admin_strings
# expect: aws_iam_policy.admin_lists
# expect: aws_iam_role_policy.admin_single_statement
# expect: aws_iam_user_policy.admin_from_document
# expect: aws_iam_group_policy.admin_mixed

# Action and Resource as plain strings.
resource "aws_iam_policy" "admin_strings" {
  name = "tenken-admin-strings"
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect   = "Allow"
      Action   = "*"
      Resource = "*"
    }]
  })
}

# Action and Resource as lists; the wildcard is hidden among other entries.
resource "aws_iam_policy" "admin_lists" {
  name = "tenken-admin-lists"
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [
      {
        Sid      = "ReadLogs"
        Effect   = "Allow"
        Action   = ["logs:GetLogEvents"]
        Resource = ["arn:aws:logs:ap-northeast-1:123456789012:log-group:app:*"]
      },
      {
        Sid      = "Everything"
        Effect   = "Allow"
        Action   = ["s3:GetObject", "*"]
        Resource = ["arn:aws:s3:::tenken-fixture/*", "*"]
      }
    ]
  })
}

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

# Statement written as a single object rather than a list.
resource "aws_iam_role_policy" "admin_single_statement" {
  name = "tenken-admin-inline"
  role = "tenken-app"
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = {
      Effect   = "Allow"
      Action   = "*"
      Resource = "*"
    }
  })
}

resource "aws_iam_user" "ops" {
  name = "tenken-ops"
}

data "aws_iam_policy_document" "admin" {
  statement {
    effect    = "Allow"
    actions   = ["*"]
    resources = ["*"]
  }
}

# Policy built with aws_iam_policy_document.
resource "aws_iam_user_policy" "admin_from_document" {
  name   = "tenken-admin-user"
  user   = aws_iam_user.ops.name
  policy = data.aws_iam_policy_document.admin.json
}

resource "aws_iam_group" "ops" {
  name = "tenken-ops"
}

# "*:*" form with a list Resource.
resource "aws_iam_group_policy" "admin_mixed" {
  name  = "tenken-admin-group"
  group = aws_iam_group.ops.name
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect   = "Allow"
      Action   = ["*:*"]
      Resource = ["*"]
    }]
  })
}
