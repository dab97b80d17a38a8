# Volumes encrypted explicitly, and a volume covered by encryption by default.
resource "aws_kms_key" "ebs" {
  description         = "EBS volumes"
  enable_key_rotation = true
}

resource "aws_ebs_volume" "encrypted" {
  availability_zone = "ap-northeast-1a"
  size              = 20
  encrypted         = true
}

resource "aws_ebs_volume" "customer_key" {
  availability_zone = "ap-northeast-1a"
  size              = 20
  encrypted         = true
  kms_key_id        = aws_kms_key.ebs.arn
}

resource "aws_ebs_encryption_by_default" "on" {
  enabled = true
}

resource "aws_ebs_volume" "by_default" {
  availability_zone = "ap-northeast-1a"
  size              = 20
}
