# IMDSv2 required, or the metadata service switched off.
resource "aws_instance" "required" {
  ami           = "ami-0123456789abcdef0"
  instance_type = "t3.micro"
  metadata_options {
    http_tokens                 = "required"
    http_put_response_hop_limit = 1
  }
}

resource "aws_instance" "imds_off" {
  ami           = "ami-0123456789abcdef0"
  instance_type = "t3.micro"
  metadata_options {
    http_endpoint = "disabled"
    http_tokens   = "optional"
  }
}

resource "aws_launch_template" "required" {
  name          = "imds-required"
  image_id      = "ami-0123456789abcdef0"
  instance_type = "t3.micro"
  metadata_options {
    http_endpoint = "enabled"
    http_tokens   = "required"
  }
}

resource "aws_launch_template" "imds_off" {
  name = "imds-off"
  metadata_options {
    http_endpoint = "disabled"
  }
}

resource "aws_launch_configuration" "required" {
  name          = "imds-required"
  image_id      = "ami-0123456789abcdef0"
  instance_type = "t3.micro"
  metadata_options {
    http_tokens = "required"
  }
}

# The instance's own setting overrides the template's.
resource "aws_instance" "from_template" {
  launch_template {
    id = aws_launch_template.required.id
  }
  metadata_options {
    http_tokens = "required"
  }
}
