# internal is left out: the provider computes it, so whether the ALB faces the internet is
# known only after apply.
# expect-not-evaluated: aws_lb.internal_unset

resource "aws_lb" "internal_unset" {
  name    = "scheme-unset"
  subnets = ["subnet-0a1b2c3d4e5f60001", "subnet-0a1b2c3d4e5f60002"]
}
