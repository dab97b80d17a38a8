# The rotation refers to the secret through a local value, which the scanner does not follow,
# so whether this secret is rotated cannot be decided.
# expect-not-evaluated: aws_secretsmanager_secret.via_local

resource "aws_secretsmanager_secret" "via_local" {
  name = "tenken/via-local"
}

locals {
  secret_ids = [aws_secretsmanager_secret.via_local.id]
}

resource "aws_secretsmanager_secret_rotation" "via_local" {
  secret_id           = local.secret_ids[0]
  rotation_lambda_arn = "arn:aws:lambda:ap-northeast-1:123456789012:function:tenken-rotate"
  rotation_rules {
    automatically_after_days = 30
  }
}
