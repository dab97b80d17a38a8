# Key policies not known at plan time.
# expect-not-evaluated: aws_kms_key.trusts_new_role
# expect-not-evaluated: aws_kms_key.policy_left_out

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

# policy is Optional+Computed: left out, AWS applies the default key policy (account only),
# but the plan shows the attribute as known only after apply.
resource "aws_kms_key" "policy_left_out" {
  description         = "tenken fixture: default key policy"
  enable_key_rotation = true
}
