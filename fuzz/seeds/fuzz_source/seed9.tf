# IMDSv1 explicitly allowed (http_tokens = "optional") on every kind of launch configuration.
# expect: aws_instance.optional
# expect: aws_launch_template.optional
# expect: aws_launch_configuration.optional
# expect: aws_spot_instance_request.optional

resource "aws_instance" "optional" {
  ami           = "ami-0123456789abcdef0"
  instance_type = "t3.micro"
  metadata_options {
    http_endpoint = "enabled"
    http_tokens   = "optional"
  }
}

resource "aws_launch_template" "optional" {
  name          = "imds-optional"
  image_id      = "ami-0123456789abcdef0"
  instance_type = "t3.micro"
  metadata_options {
    http_tokens = "optional"
  }
}

resource "aws_launch_configuration" "optional" {
  name          = "imds-optional"
  image_id      = "ami-0123456789abcdef0"
  instance_type = "t3.micro"
  metadata_options {
    http_tokens = "optional"
  }
}

resource "aws_spot_instance_request" "optional" {
  ami           = "ami-0123456789abcdef0"
  instance_type = "t3.micro"
  metadata_options {
    http_tokens = "optional"
  }
}
