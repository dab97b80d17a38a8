# Public IPv4 addresses requested explicitly.
# expect: aws_instance.public
# expect: aws_spot_instance_request.public
# expect: aws_launch_configuration.public
# expect: aws_launch_template.public

resource "aws_instance" "public" {
  ami                         = "ami-0123456789abcdef0"
  instance_type               = "t3.micro"
  associate_public_ip_address = true
}

resource "aws_spot_instance_request" "public" {
  ami                         = "ami-0123456789abcdef0"
  instance_type               = "t3.micro"
  associate_public_ip_address = true
}

resource "aws_launch_configuration" "public" {
  name                        = "public"
  image_id                    = "ami-0123456789abcdef0"
  instance_type               = "t3.micro"
  associate_public_ip_address = true
}

resource "aws_launch_template" "public" {
  name     = "public"
  image_id = "ami-0123456789abcdef0"
  network_interfaces {
    device_index                = 0
    associate_public_ip_address = true
  }
}
