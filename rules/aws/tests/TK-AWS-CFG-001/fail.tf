# A recorder exists, but recording was never started.
# expect: scope:aws

resource "aws_s3_bucket" "config" {
  bucket = "tenken-fixture-cfg001-fail"
}

resource "aws_config_configuration_recorder" "main" {
  name     = "main"
  role_arn = "arn:aws:iam::123456789012:role/aws-config"
}

resource "aws_config_delivery_channel" "main" {
  name           = "main"
  s3_bucket_name = aws_s3_bucket.config.bucket
  depends_on     = [aws_config_configuration_recorder.main]
}

resource "aws_config_configuration_recorder_status" "main" {
  name       = aws_config_configuration_recorder.main.name
  is_enabled = false
  depends_on = [aws_config_delivery_channel.main]
}
