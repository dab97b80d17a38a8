# The only detector is switched off, so GuardDuty is not running.
# expect: scope:aws

resource "aws_s3_bucket" "data" {
  bucket = "tenken-fixture-gd001-fail"
}

resource "aws_guardduty_detector" "off" {
  enable = false
}
