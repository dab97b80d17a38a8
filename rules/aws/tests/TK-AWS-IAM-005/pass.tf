# Trust policies that name who may assume the role, or restrict "*" with a condition.

resource "aws_iam_role" "service" {
  name = "tenken-service"
  assume_role_policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      Action    = "sts:AssumeRole"
      Principal = { Service = "ec2.amazonaws.com" }
    }]
  })
}

resource "aws_iam_role" "other_account" {
  name = "tenken-other-account"
  assume_role_policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      Action    = "sts:AssumeRole"
      Principal = { AWS = ["arn:aws:iam::123456789012:root", "arn:aws:iam::123456789012:role/deployer"] }
    }]
  })
}

data "aws_iam_policy_document" "org_only" {
  statement {
    actions = ["sts:AssumeRole"]
    principals {
      type        = "AWS"
      identifiers = ["*"]
    }
    condition {
      test     = "StringEquals"
      variable = "aws:PrincipalOrgID"
      values   = ["o-abcd123456"]
    }
  }
}

# "*" limited to the organisation by a condition.
resource "aws_iam_role" "org_only" {
  name               = "tenken-org-only"
  assume_role_policy = data.aws_iam_policy_document.org_only.json
}

# A Deny statement with "*" is not a grant.
resource "aws_iam_role" "deny_outside" {
  name = "tenken-deny-outside"
  assume_role_policy = jsonencode({
    Version = "2012-10-17"
    Statement = [
      {
        Effect    = "Allow"
        Action    = "sts:AssumeRole"
        Principal = { AWS = "arn:aws:iam::123456789012:root" }
      },
      {
        Effect    = "Deny"
        Action    = "sts:AssumeRole"
        Principal = { AWS = "*" }
        Condition = { Bool = { "aws:MultiFactorAuthPresent" = "false" } }
      }
    ]
  })
}
