# Task definitions with a writable root filesystem: left out, set to false, and one
# container of two.
# expect: aws_ecs_task_definition.unset
# expect: aws_ecs_task_definition.explicit_false
# expect: aws_ecs_task_definition.one_of_two

resource "aws_ecs_task_definition" "unset" {
  family                   = "tenken-fixture-unset"
  requires_compatibilities = ["FARGATE"]
  network_mode             = "awsvpc"
  cpu                      = "256"
  memory                   = "512"
  container_definitions = jsonencode([
    {
      name      = "app"
      image     = "public.ecr.aws/nginx/nginx:1.27"
      essential = true
    }
  ])
}

resource "aws_ecs_task_definition" "explicit_false" {
  family                   = "tenken-fixture-explicit-false"
  requires_compatibilities = ["FARGATE"]
  network_mode             = "awsvpc"
  cpu                      = "256"
  memory                   = "512"
  container_definitions = jsonencode([
    {
      name                   = "app"
      image                  = "public.ecr.aws/nginx/nginx:1.27"
      essential              = true
      readonlyRootFilesystem = false
    }
  ])
}

resource "aws_ecs_task_definition" "one_of_two" {
  family                   = "tenken-fixture-one-of-two"
  requires_compatibilities = ["FARGATE"]
  network_mode             = "awsvpc"
  cpu                      = "256"
  memory                   = "512"
  container_definitions = jsonencode([
    {
      name                   = "app"
      image                  = "public.ecr.aws/nginx/nginx:1.27"
      essential              = true
      readonlyRootFilesystem = true
    },
    {
      name      = "log-router"
      image     = "public.ecr.aws/aws-observability/aws-for-fluent-bit:stable"
      essential = false
    }
  ])
}
