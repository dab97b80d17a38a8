# Secrets that no aws_secretsmanager_secret_rotation rotates.
# expect: aws_secretsmanager_secret.never_rotated
# expect: aws_secretsmanager_secret.neighbour_rotated

resource "aws_secretsmanager_secret" "never_rotated" {
  name = "tenken/never-rotated"
}

resource "aws_secretsmanager_secret" "neighbour_rotated" {
  name = "tenken/neighbour"
}

resource "aws_secretsmanager_secret" "rotated" {
  name = "tenken/rotated"
}

# The rotation belongs to another secret.
resource "aws_secretsmanager_secret_rotation" "rotated" {
  secret_id           = aws_secretsmanager_secret.rotated.id
  rotation_lambda_arn = "arn:aws:lambda:ap-northeast-1:123456789012:function:tenken-rotate"
  rotation_rules {
    automatically_after_days = 30
  }
}
