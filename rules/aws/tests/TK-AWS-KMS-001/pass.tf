# Symmetric keys rotate; key types that cannot rotate automatically are out of scope.
resource "aws_kms_key" "rotated" {
  description         = "tenken fixture: rotated yearly"
  enable_key_rotation = true
}

resource "aws_kms_key" "rotated_90_days" {
  description             = "tenken fixture: rotated every 90 days"
  enable_key_rotation     = true
  rotation_period_in_days = 90
}

# Asymmetric and HMAC keys do not support automatic rotation.
resource "aws_kms_key" "signing" {
  description              = "tenken fixture: signing key"
  customer_master_key_spec = "ECC_NIST_P256"
  key_usage                = "SIGN_VERIFY"
}

resource "aws_kms_key" "hmac" {
  description              = "tenken fixture: HMAC key"
  customer_master_key_spec = "HMAC_256"
  key_usage                = "GENERATE_VERIFY_MAC"
}

# Keys in a custom key store (CloudHSM or external) cannot be rotated automatically either.
resource "aws_kms_key" "cloudhsm" {
  description         = "tenken fixture: CloudHSM key store"
  custom_key_store_id = "cks-1234567890abcdef0"
}
