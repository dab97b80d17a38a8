# Secrets encrypted with a PGP key before they are written to the state.
resource "aws_iam_user" "alice" {
  name = "tenken-alice"
}

resource "aws_iam_access_key" "encrypted" {
  user    = aws_iam_user.alice.name
  pgp_key = "keybase:tenken_fixture"
}

resource "aws_iam_user_login_profile" "encrypted" {
  user                    = aws_iam_user.alice.name
  pgp_key                 = "keybase:tenken_fixture"
  password_reset_required = true
}
