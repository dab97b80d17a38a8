# The key is created in the same plan, so its ARN is known only after apply.
# expect-not-evaluated: aws_secretsmanager_secret.new_key

resource "aws_kms_key" "secrets" {
  description         = "tenken fixture: secrets"
  enable_key_rotation = true
}

resource "aws_secretsmanager_secret" "new_key" {
  name       = "tenken/new-key"
  kms_key_id = aws_kms_key.secrets.arn
}
