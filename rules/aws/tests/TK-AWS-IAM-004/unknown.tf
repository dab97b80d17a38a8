# users refers to the user's id, which is known only after apply; Terraform then marks the
# whole set as unknown, so the rule cannot tell whether users are named.
# expect-not-evaluated: aws_iam_policy_attachment.user_by_id

resource "aws_iam_user" "alice" {
  name = "tenken-alice"
}

resource "aws_iam_policy_attachment" "user_by_id" {
  name       = "tenken-support"
  policy_arn = "arn:aws:iam::aws:policy/AWSSupportAccess"
  users      = [aws_iam_user.alice.id]
}
