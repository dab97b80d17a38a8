variable "name" {
  type = string
}

resource "aws_ebs_volume" "store" {
  availability_zone = "ap-northeast-1c"
  size              = 20
  encrypted         = false
  tags = {
    Name = var.name
  }
}
