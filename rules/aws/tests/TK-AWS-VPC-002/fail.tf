# Subnets that give every new instance a public IPv4 address.
# expect: aws_subnet.public
# expect: aws_default_subnet.default_az_a

resource "aws_vpc" "main" {
  cidr_block = "10.0.0.0/16"
}

resource "aws_subnet" "public" {
  vpc_id                  = aws_vpc.main.id
  cidr_block              = "10.0.0.0/24"
  map_public_ip_on_launch = true
}

# Default subnets assign public addresses unless told otherwise.
resource "aws_default_subnet" "default_az_a" {
  availability_zone = "ap-northeast-1a"
}
