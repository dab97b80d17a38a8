# Subnets that keep instances private unless an address is requested explicitly.
resource "aws_vpc" "main" {
  cidr_block = "10.0.0.0/16"
}

resource "aws_subnet" "private" {
  vpc_id     = aws_vpc.main.id
  cidr_block = "10.0.1.0/24"
}

resource "aws_subnet" "explicit" {
  vpc_id                  = aws_vpc.main.id
  cidr_block              = "10.0.2.0/24"
  map_public_ip_on_launch = false
}

resource "aws_default_subnet" "default_az_c" {
  availability_zone       = "ap-northeast-1c"
  map_public_ip_on_launch = false
}
