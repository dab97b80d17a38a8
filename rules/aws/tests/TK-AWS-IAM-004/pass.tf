# Users receive their permissions through group membership; policies go to groups and roles.
resource "aws_iam_user" "alice" {
  name = "tenken-alice"
}

resource "aws_iam_group" "developers" {
  name = "tenken-developers"
}

resource "aws_iam_user_group_membership" "alice" {
  user   = aws_iam_user.alice.name
  groups = [aws_iam_group.developers.name]
}

resource "aws_iam_group_policy_attachment" "developers" {
  group      = aws_iam_group.developers.name
  policy_arn = "arn:aws:iam::aws:policy/ReadOnlyAccess"
}

resource "aws_iam_role" "ci" {
  name = "tenken-ci"
  assume_role_policy = jsonencode({
    Version   = "2012-10-17"
    Statement = [{ Effect = "Allow", Action = "sts:AssumeRole", Principal = { Service = "codebuild.amazonaws.com" } }]
  })
}

# aws_iam_policy_attachment limited to groups and roles.
resource "aws_iam_policy_attachment" "groups_and_roles" {
  name       = "tenken-billing"
  policy_arn = "arn:aws:iam::aws:policy/job-function/Billing"
  groups     = [aws_iam_group.developers.name]
  roles      = [aws_iam_role.ci.name]
}

# An exclusive attachment with an empty list removes every directly attached policy.
resource "aws_iam_user_policy_attachments_exclusive" "none" {
  user_name   = aws_iam_user.alice.name
  policy_arns = []
}
