# Secrets encrypted with customer managed keys.
resource "aws_secretsmanager_secret" "key_arn" {
  name       = "tenken/key-arn"
  kms_key_id = "arn:aws:kms:ap-northeast-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab"
}

resource "aws_secretsmanager_secret" "own_alias" {
  name       = "tenken/own-alias"
  kms_key_id = "alias/tenken-secrets"
}
