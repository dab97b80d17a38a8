# Explicitly encrypted block devices, devices the template leaves to the defaults, and
# instances covered by the account's encryption by default.
resource "aws_kms_key" "ebs" {
  description         = "EBS volumes"
  enable_key_rotation = true
}

resource "aws_ebs_encryption_by_default" "on" {
  enabled = true
}

resource "aws_instance" "root_and_ebs" {
  ami           = "ami-0123456789abcdef0"
  instance_type = "t3.micro"
  root_block_device {
    encrypted  = true
    kms_key_id = aws_kms_key.ebs.arn
  }
  ebs_block_device {
    device_name = "/dev/sdf"
    volume_size = 50
    encrypted   = true
  }
}

resource "aws_instance" "defaults" {
  ami           = "ami-0123456789abcdef0"
  instance_type = "t3.micro"
}

resource "aws_spot_instance_request" "defaults" {
  ami           = "ami-0123456789abcdef0"
  instance_type = "t3.micro"
}

resource "aws_launch_template" "unspecified" {
  name     = "unspecified"
  image_id = "ami-0123456789abcdef0"
  block_device_mappings {
    device_name = "/dev/xvda"
    ebs {
      volume_size = 30
    }
  }
}

resource "aws_launch_template" "no_mappings" {
  name     = "no-mappings"
  image_id = "ami-0123456789abcdef0"
}

resource "aws_launch_configuration" "defaults" {
  name          = "defaults"
  image_id      = "ami-0123456789abcdef0"
  instance_type = "t3.micro"
}
