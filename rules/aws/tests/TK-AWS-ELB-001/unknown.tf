# protocol left out: chosen by AWS from the load balancer type, known only after apply.
# expect-not-evaluated: aws_lb_listener.no_protocol

resource "aws_lb_listener" "no_protocol" {
  load_balancer_arn = "arn:aws:elasticloadbalancing:ap-northeast-1:123456789012:loadbalancer/app/web/0123456789abcdef"
  port              = 80
  default_action {
    type             = "forward"
    target_group_arn = "arn:aws:elasticloadbalancing:ap-northeast-1:123456789012:targetgroup/web/0123456789abcdef"
  }
}
