# No account-wide default here, and the root volume's encryption is left to the AMI.
# expect-not-evaluated: aws_instance.no_root_block
# expect-not-evaluated: aws_instance.root_size_only
# expect-not-evaluated: aws_launch_configuration.no_root_block

resource "aws_instance" "no_root_block" {
  ami           = "ami-0123456789abcdef0"
  instance_type = "t3.micro"
}

resource "aws_instance" "root_size_only" {
  ami           = "ami-0123456789abcdef0"
  instance_type = "t3.micro"
  root_block_device {
    volume_size = 30
  }
}

resource "aws_launch_configuration" "no_root_block" {
  name          = "no-root-block"
  image_id      = "ami-0123456789abcdef0"
  instance_type = "t3.micro"
}
