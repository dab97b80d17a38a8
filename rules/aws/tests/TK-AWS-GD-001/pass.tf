# An enabled detector (enable left at its default).
resource "aws_s3_bucket" "data" {
  bucket = "tenken-fixture-gd001-pass"
}

resource "aws_guardduty_detector" "main" {}
