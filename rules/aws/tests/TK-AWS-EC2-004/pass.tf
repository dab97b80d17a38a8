# Encryption by default enabled (enabled left out means true).
resource "aws_ebs_encryption_by_default" "on" {}

resource "aws_instance" "app" {
  ami           = "ami-0123456789abcdef0"
  instance_type = "t3.micro"
}
