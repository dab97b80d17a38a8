# Internet-facing ALBs without a web ACL: aws_lb with its type left at the default, and aws_alb.
# expect: aws_lb.public
# expect: aws_alb.public_alias

resource "aws_lb" "public" {
  name     = "public-web"
  internal = false
  subnets  = ["subnet-0a1b2c3d4e5f60001", "subnet-0a1b2c3d4e5f60002"]
}

resource "aws_alb" "public_alias" {
  name               = "public-web-alias"
  internal           = false
  load_balancer_type = "application"
  subnets            = ["subnet-0a1b2c3d4e5f60001", "subnet-0a1b2c3d4e5f60002"]
}
