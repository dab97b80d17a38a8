# encrypted left out and no account-wide default in this configuration: AWS decides.
# expect-not-evaluated: aws_ebs_volume.unspecified
# expect-not-evaluated: aws_ebs_volume.from_snapshot

resource "aws_ebs_volume" "unspecified" {
  availability_zone = "ap-northeast-1a"
  size              = 20
}

resource "aws_ebs_volume" "from_snapshot" {
  availability_zone = "ap-northeast-1a"
  snapshot_id       = "snap-0123456789abcdef0"
}
