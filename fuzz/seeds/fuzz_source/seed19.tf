# Credentials whose secret Terraform would keep in the state in plain text.
# expect: aws_iam_access_key.plain
# expect: aws_iam_user_login_profile.plain

resource "aws_iam_user" "alice" {
  name = "tenken-alice"
}

resource "aws_iam_access_key" "plain" {
  user = aws_iam_user.alice.name
}

resource "aws_iam_user_login_profile" "plain" {
  user                    = aws_iam_user.alice.name
  password_reset_required = true
}
