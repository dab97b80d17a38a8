# Permissions given to IAM users directly instead of through groups.
# expect: aws_iam_user_policy.inline
# expect: aws_iam_user_policy_attachment.managed
# expect: aws_iam_policy_attachment.users_and_groups
# expect: aws_iam_user_policy_attachments_exclusive.set

resource "aws_iam_user" "alice" {
  name = "tenken-alice"
}

resource "aws_iam_group" "developers" {
  name = "tenken-developers"
}

# Inline policy on the user.
resource "aws_iam_user_policy" "inline" {
  name = "tenken-alice-inline"
  user = aws_iam_user.alice.name
  policy = jsonencode({
    Version   = "2012-10-17"
    Statement = [{ Effect = "Allow", Action = "s3:ListAllMyBuckets", Resource = "*" }]
  })
}

# Managed policy attached to the user.
resource "aws_iam_user_policy_attachment" "managed" {
  user       = aws_iam_user.alice.name
  policy_arn = "arn:aws:iam::aws:policy/ReadOnlyAccess"
}

# The exclusive attachment resource naming users.
resource "aws_iam_policy_attachment" "users_and_groups" {
  name       = "tenken-billing"
  policy_arn = "arn:aws:iam::aws:policy/job-function/Billing"
  groups     = [aws_iam_group.developers.name]
  users      = [aws_iam_user.alice.name]
}

# The set of managed policies of a user, managed exclusively.
resource "aws_iam_user_policy_attachments_exclusive" "set" {
  user_name   = aws_iam_user.alice.name
  policy_arns = ["arn:aws:iam::aws:policy/ReadOnlyAccess"]
}

