# No public address: refused explicitly, or not requested by the launch template.
resource "aws_instance" "private" {
  ami                         = "ami-0123456789abcdef0"
  instance_type               = "t3.micro"
  associate_public_ip_address = false
}

resource "aws_launch_configuration" "private" {
  name                        = "private"
  image_id                    = "ami-0123456789abcdef0"
  instance_type               = "t3.micro"
  associate_public_ip_address = false
}

resource "aws_launch_template" "private" {
  name     = "private"
  image_id = "ami-0123456789abcdef0"
  network_interfaces {
    device_index                = 0
    associate_public_ip_address = false
  }
}

resource "aws_launch_template" "interface_without_setting" {
  name     = "interface-without-setting"
  image_id = "ami-0123456789abcdef0"
  network_interfaces {
    device_index    = 0
    security_groups = ["sg-0123456789abcdef0"]
  }
}

resource "aws_launch_template" "no_interfaces" {
  name     = "no-interfaces"
  image_id = "ami-0123456789abcdef0"
}
