# The container definitions include the URL of a repository created in the same
# apply, so the whole JSON document is known only after apply.
# expect-not-evaluated: aws_ecs_task_definition.from_new_repo

resource "aws_ecr_repository" "app" {
  name                 = "tenken-fixture/app"
  image_tag_mutability = "IMMUTABLE"

  image_scanning_configuration {
    scan_on_push = true
  }
}

resource "aws_ecs_task_definition" "from_new_repo" {
  family                   = "tenken-fixture-from-new-repo"
  requires_compatibilities = ["FARGATE"]
  network_mode             = "awsvpc"
  cpu                      = "256"
  memory                   = "512"
  container_definitions = jsonencode([
    {
      name                   = "app"
      image                  = "${aws_ecr_repository.app.repository_url}:1.0.0"
      essential              = true
      readonlyRootFilesystem = true
    }
  ])
}
