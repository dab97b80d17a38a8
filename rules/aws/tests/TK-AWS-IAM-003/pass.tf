# Account password policy that remembers the last 24 passwords (the AWS maximum).
resource "aws_iam_account_password_policy" "strict" {
  minimum_password_length        = 14
  allow_users_to_change_password = true
  password_reuse_prevention      = 24
}
