# http_tokens left out: AWS picks it at launch from the AMI and the account default.
# expect-not-evaluated: aws_instance.no_block
# expect-not-evaluated: aws_instance.block_without_tokens
# expect-not-evaluated: aws_launch_template.no_block
# expect-not-evaluated: aws_launch_template.block_without_tokens
# expect-not-evaluated: aws_launch_configuration.no_block

resource "aws_instance" "no_block" {
  ami           = "ami-0123456789abcdef0"
  instance_type = "t3.micro"
}

resource "aws_instance" "block_without_tokens" {
  ami           = "ami-0123456789abcdef0"
  instance_type = "t3.micro"
  metadata_options {
    http_put_response_hop_limit = 2
  }
}

resource "aws_launch_template" "no_block" {
  name     = "no-block"
  image_id = "ami-0123456789abcdef0"
}

resource "aws_launch_template" "block_without_tokens" {
  name     = "block-without-tokens"
  image_id = "ami-0123456789abcdef0"
  metadata_options {
    http_endpoint = "enabled"
  }
}

resource "aws_launch_configuration" "no_block" {
  name          = "no-block"
  image_id      = "ami-0123456789abcdef0"
  instance_type = "t3.micro"
}
