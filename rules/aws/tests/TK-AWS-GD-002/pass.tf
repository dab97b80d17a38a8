# Enabled explicitly, and by default.
resource "aws_guardduty_detector" "on" {
  enable = true
}

resource "aws_guardduty_detector" "default" {
  finding_publishing_frequency = "FIFTEEN_MINUTES"
}
