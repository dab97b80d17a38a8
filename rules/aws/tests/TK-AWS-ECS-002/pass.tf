# Every container with a read-only root filesystem (writable paths come from volumes),
# and a Windows task, where the setting is not supported.
resource "aws_ecs_task_definition" "read_only" {
  family                   = "tenken-fixture-read-only"
  requires_compatibilities = ["FARGATE"]
  network_mode             = "awsvpc"
  cpu                      = "256"
  memory                   = "512"

  volume {
    name = "tmp"
  }

  container_definitions = jsonencode([
    {
      name                   = "app"
      image                  = "public.ecr.aws/nginx/nginx:1.27"
      essential              = true
      readonlyRootFilesystem = true
      mountPoints            = [{ sourceVolume = "tmp", containerPath = "/tmp", readOnly = false }]
    },
    {
      name                   = "log-router"
      image                  = "public.ecr.aws/aws-observability/aws-for-fluent-bit:stable"
      essential              = false
      readonlyRootFilesystem = true
    }
  ])
}

resource "aws_ecs_task_definition" "windows" {
  family                   = "tenken-fixture-windows"
  requires_compatibilities = ["FARGATE"]
  network_mode             = "awsvpc"
  cpu                      = "1024"
  memory                   = "2048"

  runtime_platform {
    operating_system_family = "WINDOWS_SERVER_2022_CORE"
    cpu_architecture        = "X86_64"
  }

  container_definitions = jsonencode([
    {
      name      = "app"
      image     = "mcr.microsoft.com/windows/servercore/iis:windowsservercore-ltsc2022"
      essential = true
    }
  ])
}
