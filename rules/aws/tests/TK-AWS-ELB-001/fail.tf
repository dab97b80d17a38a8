# HTTP listeners that pass plain HTTP to the application.
# expect: aws_lb_listener.http_forward
# expect: aws_lb_listener.redirect_keeps_http
# expect: aws_lb_listener.rule_forwards
# expect: aws_alb_listener.http_forward
# expect: aws_elb.classic

locals {
  lb_arn = "arn:aws:elasticloadbalancing:ap-northeast-1:123456789012:loadbalancer/app/web/0123456789abcdef"
  tg_arn = "arn:aws:elasticloadbalancing:ap-northeast-1:123456789012:targetgroup/web/0123456789abcdef"
}

resource "aws_lb_listener" "http_forward" {
  load_balancer_arn = local.lb_arn
  port              = 80
  protocol          = "HTTP"
  default_action {
    type             = "forward"
    target_group_arn = local.tg_arn
  }
}

# Redirects to another port but keeps the request's protocol (HTTP).
resource "aws_lb_listener" "redirect_keeps_http" {
  load_balancer_arn = local.lb_arn
  port              = 8080
  protocol          = "HTTP"
  default_action {
    type = "redirect"
    redirect {
      port        = "80"
      status_code = "HTTP_302"
    }
  }
}

# The default action redirects, but a listener rule forwards one path over HTTP.
resource "aws_lb_listener" "rule_forwards" {
  load_balancer_arn = local.lb_arn
  port              = 81
  protocol          = "HTTP"
  default_action {
    type = "redirect"
    redirect {
      port        = "443"
      protocol    = "HTTPS"
      status_code = "HTTP_301"
    }
  }
}

resource "aws_lb_listener_rule" "api_over_http" {
  listener_arn = aws_lb_listener.rule_forwards.arn
  priority     = 10
  action {
    type             = "forward"
    target_group_arn = local.tg_arn
  }
  condition {
    path_pattern {
      values = ["/api/*"]
    }
  }
}

resource "aws_alb_listener" "http_forward" {
  load_balancer_arn = local.lb_arn
  port              = 8000
  protocol          = "HTTP"
  default_action {
    type             = "forward"
    target_group_arn = local.tg_arn
  }
}

resource "aws_elb" "classic" {
  name               = "classic-web"
  availability_zones = ["ap-northeast-1a"]
  listener {
    lb_port           = 80
    lb_protocol       = "http"
    instance_port     = 8080
    instance_protocol = "http"
  }
}
