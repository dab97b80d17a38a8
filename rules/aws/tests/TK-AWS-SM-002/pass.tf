# Every secret has a rotation configuration, referenced in the ways Terraform code does it.
resource "aws_secretsmanager_secret" "by_id" {
  name = "tenken/by-id"
}

resource "aws_secretsmanager_secret_rotation" "by_id" {
  secret_id           = aws_secretsmanager_secret.by_id.id
  rotation_lambda_arn = "arn:aws:lambda:ap-northeast-1:123456789012:function:tenken-rotate"
  rotation_rules {
    automatically_after_days = 30
  }
}

resource "aws_secretsmanager_secret" "by_arn" {
  name = "tenken/by-arn"
}

resource "aws_secretsmanager_secret_rotation" "by_arn" {
  secret_id           = aws_secretsmanager_secret.by_arn.arn
  rotation_lambda_arn = "arn:aws:lambda:ap-northeast-1:123456789012:function:tenken-rotate"
  rotation_rules {
    schedule_expression = "rate(7 days)"
  }
}

# Rotation referring to the secret by its name as a literal value.
resource "aws_secretsmanager_secret" "by_name" {
  name = "tenken/by-name"
}

resource "aws_secretsmanager_secret_rotation" "by_name" {
  secret_id           = "tenken/by-name"
  rotation_lambda_arn = "arn:aws:lambda:ap-northeast-1:123456789012:function:tenken-rotate"
  rotation_rules {
    automatically_after_days = 90
  }
}

# Counted secrets rotated by index.
resource "aws_secretsmanager_secret" "many" {
  count = 2
  name  = "tenken/many-${count.index}"
}

resource "aws_secretsmanager_secret_rotation" "many" {
  count               = 2
  secret_id           = aws_secretsmanager_secret.many[count.index].id
  rotation_lambda_arn = "arn:aws:lambda:ap-northeast-1:123456789012:function:tenken-rotate"
  rotation_rules {
    automatically_after_days = 30
  }
}
