# Account password policies that remember fewer than 24 previous passwords.
# expect: aws_iam_account_password_policy.few
# expect: aws_iam_account_password_policy.one
# expect: aws_iam_account_password_policy.reuse_left_out

resource "aws_iam_account_password_policy" "few" {
  minimum_password_length        = 14
  allow_users_to_change_password = true
  password_reuse_prevention      = 5
}

resource "aws_iam_account_password_policy" "one" {
  minimum_password_length   = 16
  password_reuse_prevention = 1
}

# Left out: no password history at all.
resource "aws_iam_account_password_policy" "reuse_left_out" {
  minimum_password_length        = 14
  allow_users_to_change_password = true
}
