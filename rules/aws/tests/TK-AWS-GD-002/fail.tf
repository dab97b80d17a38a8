# expect: aws_guardduty_detector.off

resource "aws_guardduty_detector" "off" {
  enable = false
}
