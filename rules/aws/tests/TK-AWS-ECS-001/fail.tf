# Task definitions with a privileged container (the only container, or a sidecar).
# expect: aws_ecs_task_definition.privileged
# expect: aws_ecs_task_definition.privileged_sidecar

resource "aws_ecs_task_definition" "privileged" {
  family                   = "tenken-fixture-privileged"
  requires_compatibilities = ["EC2"]
  container_definitions = jsonencode([
    {
      name       = "app"
      image      = "public.ecr.aws/nginx/nginx:1.27"
      essential  = true
      memory     = 256
      privileged = true
    }
  ])
}

resource "aws_ecs_task_definition" "privileged_sidecar" {
  family                   = "tenken-fixture-privileged-sidecar"
  requires_compatibilities = ["EC2"]
  container_definitions = jsonencode([
    {
      name                   = "app"
      image                  = "public.ecr.aws/nginx/nginx:1.27"
      essential              = true
      memory                 = 256
      readonlyRootFilesystem = true
    },
    {
      name       = "agent"
      image      = "public.ecr.aws/docker/library/busybox:1.36"
      essential  = false
      memory     = 64
      privileged = true
    }
  ])
}
