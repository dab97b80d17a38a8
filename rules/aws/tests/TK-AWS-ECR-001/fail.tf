# Repositories whose images are not scanned when pushed: the setting left out, set to
# false, and registry-level rules that only scan manually or that cover other names.
# expect: aws_ecr_repository.unset
# expect: aws_ecr_repository.disabled
# expect: aws_ecr_repository.manual_only

resource "aws_ecr_repository" "unset" {
  name = "tenken-fixture/unset"
}

resource "aws_ecr_repository" "disabled" {
  name = "tenken-fixture/disabled"

  image_scanning_configuration {
    scan_on_push = false
  }
}

resource "aws_ecr_repository" "manual_only" {
  name = "tenken-fixture/manual-only"
}

resource "aws_ecr_registry_scanning_configuration" "manual" {
  scan_type = "BASIC"

  rule {
    scan_frequency = "MANUAL"
    repository_filter {
      filter      = "*"
      filter_type = "WILDCARD"
    }
  }

  rule {
    scan_frequency = "SCAN_ON_PUSH"
    repository_filter {
      filter      = "tenken-fixture/named"
      filter_type = "WILDCARD"
    }
  }
}
