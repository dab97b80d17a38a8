# Repositories whose tags can be overwritten: by default and explicitly.
# expect: aws_ecr_repository.unset
# expect: aws_ecr_repository.mutable

resource "aws_ecr_repository" "unset" {
  name = "tenken-fixture/unset"

  image_scanning_configuration {
    scan_on_push = true
  }
}

resource "aws_ecr_repository" "mutable" {
  name                 = "tenken-fixture/mutable"
  image_tag_mutability = "MUTABLE"

  image_scanning_configuration {
    scan_on_push = true
  }
}
