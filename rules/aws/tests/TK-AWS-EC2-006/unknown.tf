# The user data embeds a value known only after apply.
# expect-not-evaluated: aws_instance.templated
# expect-not-evaluated: aws_launch_template.templated

resource "aws_eip" "peer" {
  domain = "vpc"
}

resource "aws_instance" "templated" {
  ami              = "ami-0123456789abcdef0"
  instance_type    = "t3.micro"
  user_data_base64 = base64encode("PEER_ADDRESS=${aws_eip.peer.public_ip}\n")
}

resource "aws_launch_template" "templated" {
  name      = "templated"
  image_id  = "ami-0123456789abcdef0"
  user_data = base64encode("PEER_ADDRESS=${aws_eip.peer.public_ip}\n")
}
