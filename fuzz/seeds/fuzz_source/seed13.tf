# Account password policies that accept passwords shorter than 14 characters.
# expect: aws_iam_account_password_policy.short
# expect: aws_iam_account_password_policy.length_left_out

resource "aws_iam_account_password_policy" "short" {
  minimum_password_length        = 8
  require_lowercase_characters   = true
  require_uppercase_characters   = true
  require_numbers                = true
  require_symbols                = true
  allow_users_to_change_password = true
  password_reuse_prevention      = 24
}

# Left out, the provider plans the AWS default of 6 characters.
resource "aws_iam_account_password_policy" "length_left_out" {
  allow_users_to_change_password = true
  password_reuse_prevention      = 24
}
