# Other security services are configured, but Security Hub is not.
# expect: scope:aws

resource "aws_s3_bucket" "data" {
  bucket = "tenken-fixture-sh001-fail"
}

resource "aws_guardduty_detector" "main" {}
