# A repository whose tags cannot be overwritten once pushed.
resource "aws_ecr_repository" "immutable" {
  name                 = "tenken-fixture/immutable"
  image_tag_mutability = "IMMUTABLE"

  image_scanning_configuration {
    scan_on_push = true
  }
}
