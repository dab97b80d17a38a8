# HTTP only redirects to HTTPS or answers with a fixed response; content is served over TLS.
locals {
  lb_arn   = "arn:aws:elasticloadbalancing:ap-northeast-1:123456789012:loadbalancer/app/web/0123456789abcdef"
  nlb_arn  = "arn:aws:elasticloadbalancing:ap-northeast-1:123456789012:loadbalancer/net/tcp/0123456789abcdef"
  tg_arn   = "arn:aws:elasticloadbalancing:ap-northeast-1:123456789012:targetgroup/web/0123456789abcdef"
  cert_arn = "arn:aws:acm:ap-northeast-1:123456789012:certificate/01234567-89ab-cdef-0123-456789abcdef"
}

resource "aws_lb_listener" "http_redirect" {
  load_balancer_arn = local.lb_arn
  port              = 80
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

# A listener rule on the HTTP listener that also redirects to HTTPS.
resource "aws_lb_listener_rule" "legacy_host" {
  listener_arn = aws_lb_listener.http_redirect.arn
  priority     = 10
  action {
    type = "redirect"
    redirect {
      host        = "www.example.com"
      protocol    = "HTTPS"
      port        = "443"
      status_code = "HTTP_301"
    }
  }
  condition {
    host_header {
      values = ["legacy.example.com"]
    }
  }
}

resource "aws_lb_listener" "http_fixed" {
  load_balancer_arn = local.lb_arn
  port              = 8080
  protocol          = "HTTP"
  default_action {
    type = "fixed-response"
    fixed_response {
      content_type = "text/plain"
      status_code  = "403"
    }
  }
}

resource "aws_lb_listener" "https" {
  load_balancer_arn = local.lb_arn
  port              = 443
  protocol          = "HTTPS"
  ssl_policy        = "ELBSecurityPolicy-TLS13-1-2-2021-06"
  certificate_arn   = local.cert_arn
  default_action {
    type             = "forward"
    target_group_arn = local.tg_arn
  }
}

resource "aws_lb_listener_rule" "https_api" {
  listener_arn = aws_lb_listener.https.arn
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

resource "aws_lb_listener" "tcp" {
  load_balancer_arn = local.nlb_arn
  port              = 5432
  protocol          = "TCP"
  default_action {
    type             = "forward"
    target_group_arn = local.tg_arn
  }
}

resource "aws_elb" "classic_https" {
  name               = "classic-https"
  availability_zones = ["ap-northeast-1a"]
  listener {
    lb_port            = 443
    lb_protocol        = "https"
    instance_port      = 8080
    instance_protocol  = "http"
    ssl_certificate_id = local.cert_arn
  }
}
