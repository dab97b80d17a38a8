# Symmetric customer managed keys without automatic rotation.
# expect: aws_kms_key.rotation_left_out
# expect: aws_kms_key.rotation_off

# enable_key_rotation defaults to false.
resource "aws_kms_key" "rotation_left_out" {
  description = "tenken fixture: rotation left out"
}

resource "aws_kms_key" "rotation_off" {
  description              = "tenken fixture: rotation off"
  customer_master_key_spec = "SYMMETRIC_DEFAULT"
  enable_key_rotation      = false
}
