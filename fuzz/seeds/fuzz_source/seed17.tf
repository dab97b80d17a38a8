# Active long-lived access keys created for IAM users.
# expect: aws_iam_access_key.service
# expect: aws_iam_access_key.explicit_active

resource "aws_iam_user" "batch" {
  name = "tenken-batch"
}

# status left out: the key is created Active.
resource "aws_iam_access_key" "service" {
  user = aws_iam_user.batch.name
}

resource "aws_iam_access_key" "explicit_active" {
  user    = aws_iam_user.batch.name
  pgp_key = "keybase:tenken_fixture"
  status  = "Active"
}
