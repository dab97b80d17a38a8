# Keys that keep the maximum 30-day waiting period before deletion.

# Left out, AWS uses 30 days.
resource "aws_kms_key" "window_left_out" {
  description         = "tenken fixture: default window"
  enable_key_rotation = true
}

resource "aws_kms_key" "primary" {
  description             = "tenken fixture: multi-region primary"
  enable_key_rotation     = true
  multi_region            = true
  deletion_window_in_days = 30
}

resource "aws_kms_replica_key" "replica" {
  description             = "tenken fixture: replica"
  primary_key_arn         = "arn:aws:kms:us-east-1:123456789012:key/mrk-1234abcd12ab34cd56ef1234567890ab"
  deletion_window_in_days = 30
}

resource "aws_kms_external_key" "imported" {
  description = "tenken fixture: imported key material"
}
