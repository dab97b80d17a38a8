# Account password policies that require at least 14 characters.
resource "aws_iam_account_password_policy" "exactly_14" {
  minimum_password_length        = 14
  allow_users_to_change_password = true
  password_reuse_prevention      = 24
}

resource "aws_iam_account_password_policy" "longer" {
  minimum_password_length        = 20
  require_symbols                = true
  allow_users_to_change_password = true
  password_reuse_prevention      = 24
}
