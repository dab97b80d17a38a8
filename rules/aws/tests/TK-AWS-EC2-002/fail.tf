# A volume explicitly unencrypted, in an account where encryption by default is switched off.
# expect: aws_ebs_volume.plain

resource "aws_ebs_encryption_by_default" "off" {
  enabled = false
}

resource "aws_ebs_volume" "plain" {
  availability_zone = "ap-northeast-1a"
  size              = 20
  encrypted         = false
}

# Explicitly encrypted: must not be reported even with encryption by default off.
resource "aws_ebs_volume" "encrypted" {
  availability_zone = "ap-northeast-1a"
  size              = 20
  encrypted         = true
}
