# Scan on push set on the repository, or a registry-level rule that scans the
# repository continuously (enhanced scanning) by its exact name. (Registry filters
# with wildcards, "*" included, are accepted without matching them to the name.)
resource "aws_ecr_repository" "scan_on_push" {
  name = "tenken-fixture/scan-on-push"

  image_scanning_configuration {
    scan_on_push = true
  }
}

resource "aws_ecr_repository" "by_name" {
  name = "tenken-fixture/by-name"
}

resource "aws_ecr_registry_scanning_configuration" "enhanced" {
  scan_type = "ENHANCED"

  rule {
    scan_frequency = "CONTINUOUS_SCAN"
    repository_filter {
      filter      = "tenken-fixture/by-name"
      filter_type = "WILDCARD"
    }
  }
}
