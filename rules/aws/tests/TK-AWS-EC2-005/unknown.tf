# associate_public_ip_address left out: the subnet decides, known only after apply.
# expect-not-evaluated: aws_instance.subnet_decides
# expect-not-evaluated: aws_launch_configuration.subnet_decides

resource "aws_vpc" "main" {
  cidr_block = "10.0.0.0/16"
}

resource "aws_subnet" "app" {
  vpc_id     = aws_vpc.main.id
  cidr_block = "10.0.1.0/24"
}

resource "aws_instance" "subnet_decides" {
  ami           = "ami-0123456789abcdef0"
  instance_type = "t3.micro"
  subnet_id     = aws_subnet.app.id
}

resource "aws_launch_configuration" "subnet_decides" {
  name          = "subnet-decides"
  image_id      = "ami-0123456789abcdef0"
  instance_type = "t3.micro"
}
