# Block devices explicitly unencrypted while encryption by default is off. The encrypted
# instance, template and launch configuration at the end must not be reported.
# expect: aws_instance.root_false
# expect: aws_instance.ebs_false
# expect: aws_instance.root_unset_ebs_false
# expect: aws_spot_instance_request.root_false
# expect: aws_launch_template.ebs_false
# expect: aws_launch_configuration.ebs_false

resource "aws_ebs_encryption_by_default" "off" {
  enabled = false
}

resource "aws_instance" "root_false" {
  ami           = "ami-0123456789abcdef0"
  instance_type = "t3.micro"
  root_block_device {
    encrypted = false
  }
}

resource "aws_instance" "ebs_false" {
  ami           = "ami-0123456789abcdef0"
  instance_type = "t3.micro"
  root_block_device {
    encrypted = true
  }
  ebs_block_device {
    device_name = "/dev/sdf"
    volume_size = 50
    encrypted   = true
  }
  ebs_block_device {
    device_name = "/dev/sdg"
    volume_size = 50
    encrypted   = false
  }
}

resource "aws_instance" "root_unset_ebs_false" {
  ami           = "ami-0123456789abcdef0"
  instance_type = "t3.micro"
  ebs_block_device {
    device_name = "/dev/sdf"
    volume_size = 50
    encrypted   = false
  }
}

resource "aws_spot_instance_request" "root_false" {
  ami           = "ami-0123456789abcdef0"
  instance_type = "t3.micro"
  root_block_device {
    encrypted = false
  }
}

resource "aws_launch_template" "ebs_false" {
  name     = "ebs-false"
  image_id = "ami-0123456789abcdef0"
  block_device_mappings {
    device_name = "/dev/xvda"
    ebs {
      volume_size = 30
      encrypted   = true
    }
  }
  block_device_mappings {
    device_name = "/dev/sdf"
    ebs {
      volume_size = 100
      encrypted   = false
    }
  }
}

resource "aws_launch_configuration" "ebs_false" {
  name          = "ebs-false"
  image_id      = "ami-0123456789abcdef0"
  instance_type = "t3.micro"
  root_block_device {
    encrypted = true
  }
  ebs_block_device {
    device_name = "/dev/sdf"
    encrypted   = false
  }
}

resource "aws_instance" "encrypted" {
  ami           = "ami-0123456789abcdef0"
  instance_type = "t3.micro"
  root_block_device {
    encrypted = true
  }
}

resource "aws_launch_template" "encrypted" {
  name     = "encrypted"
  image_id = "ami-0123456789abcdef0"
  block_device_mappings {
    device_name = "/dev/xvda"
    ebs {
      encrypted = true
    }
  }
}

resource "aws_launch_configuration" "encrypted" {
  name          = "encrypted"
  image_id      = "ami-0123456789abcdef0"
  instance_type = "t3.micro"
  root_block_device {
    encrypted = true
  }
  ebs_block_device {
    device_name = "/dev/sdf"
    encrypted   = true
  }
}
