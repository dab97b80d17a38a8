# GitHub Actions trust limited to named repositories, and federations that are not GitHub.

locals {
  github_oidc = "arn:aws:iam::123456789012:oidc-provider/token.actions.githubusercontent.com"
}

# Exact repository and branch.
resource "aws_iam_role" "exact_branch" {
  name = "tenken-gha-exact-branch"
  assume_role_policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      Action    = "sts:AssumeRoleWithWebIdentity"
      Principal = { Federated = local.github_oidc }
      Condition = {
        StringEquals = {
          "token.actions.githubusercontent.com:aud" = "sts.amazonaws.com"
          "token.actions.githubusercontent.com:sub" = "repo:tenken-org/app:ref:refs/heads/main"
        }
      }
    }]
  })
}

# Any workflow of one repository.
resource "aws_iam_role" "one_repository" {
  name = "tenken-gha-one-repository"
  assume_role_policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      Action    = "sts:AssumeRoleWithWebIdentity"
      Principal = { Federated = [local.github_oidc] }
      Condition = {
        StringEquals = { "token.actions.githubusercontent.com:aud" = "sts.amazonaws.com" }
        StringLike   = { "token.actions.githubusercontent.com:sub" = ["repo:tenken-org/app:*", "repo:tenken-org/infra:environment:prod"] }
      }
    }]
  })
}

data "aws_iam_policy_document" "org" {
  statement {
    actions = ["sts:AssumeRoleWithWebIdentity"]
    principals {
      type        = "Federated"
      identifiers = [local.github_oidc]
    }
    condition {
      test     = "StringEquals"
      variable = "token.actions.githubusercontent.com:aud"
      values   = ["sts.amazonaws.com"]
    }
    condition {
      test     = "StringLike"
      variable = "token.actions.githubusercontent.com:sub"
      values   = ["repo:tenken-org/*"]
    }
  }
}

# Every repository of one organisation, built with aws_iam_policy_document.
resource "aws_iam_role" "organisation" {
  name               = "tenken-gha-organisation"
  assume_role_policy = data.aws_iam_policy_document.org.json
}

# A broad StringLike is narrowed by an exact StringEquals on the same key (both must hold).
resource "aws_iam_role" "narrowed" {
  name = "tenken-gha-narrowed"
  assume_role_policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      Action    = "sts:AssumeRoleWithWebIdentity"
      Principal = { Federated = local.github_oidc }
      Condition = {
        StringLike              = { "token.actions.githubusercontent.com:sub" = "repo:*" }
        "ForAnyValue:StringEquals" = { "token.actions.githubusercontent.com:sub" = ["repo:tenken-org/app:pull_request"] }
      }
    }]
  })
}

# Another identity provider is outside this rule.
resource "aws_iam_role" "other_provider" {
  name = "tenken-gitlab"
  assume_role_policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      Action    = "sts:AssumeRoleWithWebIdentity"
      Principal = { Federated = "arn:aws:iam::123456789012:oidc-provider/gitlab.com" }
      Condition = { StringEquals = { "gitlab.com:sub" = "project_path:tenken/app:ref_type:branch:ref:main" } }
    }]
  })
}

resource "aws_iam_role" "service" {
  name = "tenken-lambda"
  assume_role_policy = jsonencode({
    Version   = "2012-10-17"
    Statement = [{ Effect = "Allow", Action = "sts:AssumeRole", Principal = { Service = "lambda.amazonaws.com" } }]
  })
}
