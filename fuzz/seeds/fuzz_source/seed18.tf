# Roles trusting GitHub Actions OIDC tokens that do not pin the repository ("sub" claim).
# expect: aws_iam_role.no_condition
# expect: aws_iam_role.audience_only
# expect: aws_iam_role.any_repository
# expect: aws_iam_role.star_from_document
# expect: aws_iam_role.negated
# expect: aws_iam_role.one_broad_value

locals {
  github_oidc = "arn:aws:iam::123456789012:oidc-provider/token.actions.githubusercontent.com"
}

# No Condition at all.
resource "aws_iam_role" "no_condition" {
  name = "tenken-gha-no-condition"
  assume_role_policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      Action    = "sts:AssumeRoleWithWebIdentity"
      Principal = { Federated = local.github_oidc }
    }]
  })
}

# Only the audience is checked, which every GitHub Actions token satisfies.
resource "aws_iam_role" "audience_only" {
  name = "tenken-gha-audience-only"
  assume_role_policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      Action    = "sts:AssumeRoleWithWebIdentity"
      Principal = { Federated = local.github_oidc }
      Condition = {
        StringEquals = { "token.actions.githubusercontent.com:aud" = "sts.amazonaws.com" }
      }
    }]
  })
}

# "repo:*" matches every repository of every owner.
resource "aws_iam_role" "any_repository" {
  name = "tenken-gha-any-repository"
  assume_role_policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      Action    = "sts:AssumeRoleWithWebIdentity"
      Principal = { Federated = [local.github_oidc] }
      Condition = {
        StringEquals = { "token.actions.githubusercontent.com:aud" = "sts.amazonaws.com" }
        StringLike   = { "token.actions.githubusercontent.com:sub" = "repo:*" }
      }
    }]
  })
}

data "aws_iam_policy_document" "star" {
  statement {
    actions = ["sts:AssumeRoleWithWebIdentity"]
    principals {
      type        = "Federated"
      identifiers = [local.github_oidc]
    }
    condition {
      test     = "StringLike"
      variable = "token.actions.githubusercontent.com:sub"
      values   = ["*"]
    }
  }
}

# Built with aws_iam_policy_document; "*" matches anything.
resource "aws_iam_role" "star_from_document" {
  name               = "tenken-gha-star"
  assume_role_policy = data.aws_iam_policy_document.star.json
}

# A negated operator only excludes one repository; all others may assume the role.
resource "aws_iam_role" "negated" {
  name = "tenken-gha-negated"
  assume_role_policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      Action    = "sts:AssumeRoleWithWebIdentity"
      Principal = { Federated = local.github_oidc }
      Condition = {
        StringNotLike = { "token.actions.githubusercontent.com:sub" = "repo:untrusted-org/*" }
      }
    }]
  })
}

# Values of one condition key are alternatives: one broad value opens the role.
resource "aws_iam_role" "one_broad_value" {
  name = "tenken-gha-one-broad-value"
  assume_role_policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      Action    = "sts:AssumeRoleWithWebIdentity"
      Principal = { Federated = local.github_oidc }
      Condition = {
        StringLike = {
          "token.actions.githubusercontent.com:sub" = ["repo:tenken-org/app:ref:refs/heads/main", "*:environment:production"]
        }
      }
    }]
  })
}
