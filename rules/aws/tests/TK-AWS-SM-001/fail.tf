# Secrets encrypted with the AWS managed key aws/secretsmanager.
# expect: aws_secretsmanager_secret.key_left_out
# expect: aws_secretsmanager_secret.aws_managed_alias

resource "aws_secretsmanager_secret" "key_left_out" {
  name = "tenken/key-left-out"
}

resource "aws_secretsmanager_secret" "aws_managed_alias" {
  name       = "tenken/aws-managed-alias"
  kms_key_id = "alias/aws/secretsmanager"
}
