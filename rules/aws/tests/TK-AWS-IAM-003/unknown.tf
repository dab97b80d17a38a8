# The history length comes from a value known only after apply: not evaluated, not a finding.
# expect-not-evaluated: aws_iam_account_password_policy.from_computed

resource "terraform_data" "history" {
  input = 24
}

resource "aws_iam_account_password_policy" "from_computed" {
  minimum_password_length   = 14
  password_reuse_prevention = terraform_data.history.output
}
