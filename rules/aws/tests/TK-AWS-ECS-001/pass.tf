# Unprivileged containers: the flag left out, set to false, or only narrow Linux
# capabilities added.
resource "aws_ecs_task_definition" "default" {
  family                   = "tenken-fixture-default"
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
    }
  ])
}

resource "aws_ecs_task_definition" "explicit" {
  family                   = "tenken-fixture-explicit"
  requires_compatibilities = ["EC2"]
  container_definitions = jsonencode([
    {
      name                   = "app"
      image                  = "public.ecr.aws/nginx/nginx:1.27"
      essential              = true
      memory                 = 256
      privileged             = false
      readonlyRootFilesystem = true
      linuxParameters = {
        capabilities = { add = ["NET_BIND_SERVICE"], drop = ["ALL"] }
      }
    }
  ])
}
