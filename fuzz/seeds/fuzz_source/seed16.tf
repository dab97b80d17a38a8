# Roles that any principal anywhere can assume, with no condition.
# expect: aws_iam_role.star_principal
# expect: aws_iam_role.aws_star
# expect: aws_iam_role.star_in_list
# expect: aws_iam_role.from_document
# expect: aws_iam_role.empty_condition

# Principal written as the bare string "*".
resource "aws_iam_role" "star_principal" {
  name = "tenken-star-principal"
  assume_role_policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      Action    = "sts:AssumeRole"
      Principal = "*"
    }]
  })
}

# {"AWS": "*"}, with the statement as a single object.
resource "aws_iam_role" "aws_star" {
  name = "tenken-aws-star"
  assume_role_policy = jsonencode({
    Version = "2012-10-17"
    Statement = {
      Effect    = "Allow"
      Action    = "sts:AssumeRole"
      Principal = { AWS = "*" }
    }
  })
}

# "*" hidden in a list of account principals, after a harmless service statement.
resource "aws_iam_role" "star_in_list" {
  name = "tenken-star-in-list"
  assume_role_policy = jsonencode({
    Version = "2012-10-17"
    Statement = [
      {
        Effect    = "Allow"
        Action    = "sts:AssumeRole"
        Principal = { Service = "lambda.amazonaws.com" }
      },
      {
        Effect    = "Allow"
        Action    = ["sts:AssumeRole", "sts:TagSession"]
        Principal = { AWS = ["arn:aws:iam::123456789012:root", "*"] }
      }
    ]
  })
}

data "aws_iam_policy_document" "anyone" {
  statement {
    actions = ["sts:AssumeRole"]
    principals {
      type        = "AWS"
      identifiers = ["*"]
    }
  }
}

# Trust policy built with aws_iam_policy_document.
resource "aws_iam_role" "from_document" {
  name               = "tenken-from-document"
  assume_role_policy = data.aws_iam_policy_document.anyone.json
}

# An empty Condition block restricts nothing.
resource "aws_iam_role" "empty_condition" {
  name = "tenken-empty-condition"
  assume_role_policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      Action    = "sts:AssumeRole"
      Principal = { AWS = "*" }
      Condition = {}
    }]
  })
}
