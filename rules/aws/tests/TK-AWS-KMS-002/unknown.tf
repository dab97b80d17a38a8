# Key policies not known at plan time.
# expect-not-evaluated: aws_kms_key.trusts_new_role

resource "aws_iam_role" "app" {
  name = "tenken-app"
  assume_role_policy = jsonencode({
    Version   = "2012-10-17"
    Statement = [{ Effect = "Allow", Action = "sts:AssumeRole", Principal = { Service = "ec2.amazonaws.com" } }]
  })
}

# The principal is a role created in the same plan: the policy is known only after apply.
resource "aws_kms_key" "trusts_new_role" {
  description         = "tenken fixture: role from this plan"
  enable_key_rotation = true
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      Principal = { AWS = aws_iam_role.app.arn }
      Action    = "kms:Decrypt"
      Resource  = "*"
    }]
  })
}
