# Keys whose scheduled deletion completes in less than 30 days.
# expect: aws_kms_key.minimum_window
# expect: aws_kms_external_key.two_weeks
# expect: aws_kms_replica_key.ten_days

resource "aws_kms_key" "minimum_window" {
  description             = "tenken fixture: 7-day window"
  enable_key_rotation     = true
  deletion_window_in_days = 7
}

resource "aws_kms_external_key" "two_weeks" {
  description             = "tenken fixture: imported key material"
  deletion_window_in_days = 14
}

resource "aws_kms_replica_key" "ten_days" {
  description             = "tenken fixture: replica"
  primary_key_arn         = "arn:aws:kms:us-east-1:123456789012:key/mrk-1234abcd12ab34cd56ef1234567890ab"
  deletion_window_in_days = 10
}
