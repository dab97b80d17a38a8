# password_reuse_prevention is Optional+Computed in the AWS provider: when it is left out,
# the plan marks it "known after apply" instead of null, so the scanner cannot tell "not set"
# (no reuse prevention) from "set from a computed value" and reports it as not evaluated.
# expect-not-evaluated: aws_iam_account_password_policy.reuse_left_out

resource "aws_iam_account_password_policy" "reuse_left_out" {
  minimum_password_length        = 14
  allow_users_to_change_password = true
}
