# Encryption by default switched off in a configuration that creates volumes.
# expect: scope:aws

resource "aws_ebs_encryption_by_default" "off" {
  enabled = false
}

resource "aws_ebs_volume" "data" {
  availability_zone = "ap-northeast-1a"
  size              = 20
  encrypted         = true
}
