# Workloads use roles; the only access key left is deactivated.
resource "aws_iam_role" "batch" {
  name = "tenken-batch"
  assume_role_policy = jsonencode({
    Version   = "2012-10-17"
    Statement = [{ Effect = "Allow", Action = "sts:AssumeRole", Principal = { Service = "ecs-tasks.amazonaws.com" } }]
  })
}

resource "aws_iam_user" "legacy" {
  name = "tenken-legacy"
}

# A key kept Inactive (for example during rotation) cannot be used to sign requests.
resource "aws_iam_access_key" "retired" {
  user    = aws_iam_user.legacy.name
  pgp_key = "keybase:tenken_fixture"
  status  = "Inactive"
}
