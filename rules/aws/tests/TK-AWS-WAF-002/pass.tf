# A public ALB with a WAFv2 association, an internal ALB, and a public NLB (WAF does not apply).
resource "aws_lb" "protected" {
  name     = "protected-web"
  internal = false
  subnets  = ["subnet-0a1b2c3d4e5f60001", "subnet-0a1b2c3d4e5f60002"]
}

resource "aws_wafv2_web_acl_association" "protected" {
  resource_arn = aws_lb.protected.arn
  web_acl_arn  = "arn:aws:wafv2:ap-northeast-1:123456789012:regional/webacl/web/a1b2c3d4-5678-90ab-cdef-EXAMPLE11111"
}

resource "aws_lb" "internal" {
  name     = "private-api"
  internal = true
  subnets  = ["subnet-0a1b2c3d4e5f60001", "subnet-0a1b2c3d4e5f60002"]
}

resource "aws_lb" "network" {
  name               = "public-nlb"
  internal           = false
  load_balancer_type = "network"
  subnets            = ["subnet-0a1b2c3d4e5f60001", "subnet-0a1b2c3d4e5f60002"]
}

# internal is left out (known only after apply), but the association settles it.
resource "aws_lb" "unset_protected" {
  name    = "unset-protected"
  subnets = ["subnet-0a1b2c3d4e5f60001", "subnet-0a1b2c3d4e5f60002"]
}

resource "aws_wafv2_web_acl_association" "unset_protected" {
  resource_arn = aws_lb.unset_protected.arn
  web_acl_arn  = "arn:aws:wafv2:ap-northeast-1:123456789012:regional/webacl/web/a1b2c3d4-5678-90ab-cdef-EXAMPLE11111"
}
