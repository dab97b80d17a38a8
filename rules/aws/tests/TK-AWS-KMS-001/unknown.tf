# The key store is created in the same plan, so whether the key lives in a custom key store
# (where automatic rotation is not available) is known only after apply.
# expect-not-evaluated: aws_kms_key.in_new_store

resource "aws_kms_custom_key_store" "hsm" {
  custom_key_store_name = "tenken-hsm"
  cloud_hsm_cluster_id  = "cluster-abcdefghijk"
  key_store_password    = "tenken-fixture-password"
  trust_anchor_certificate = "-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n"
}

resource "aws_kms_key" "in_new_store" {
  description         = "tenken fixture: key in a new custom key store"
  custom_key_store_id = aws_kms_custom_key_store.hsm.id
}
