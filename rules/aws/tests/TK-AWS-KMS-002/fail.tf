# Key policies that let any AWS principal use or manage the key, with no condition.
# expect: aws_kms_key.open_to_all
# expect: aws_kms_key_policy.aws_star_in_list
# expect: aws_kms_key.empty_condition

# Principal "*" for every KMS action.
resource "aws_kms_key" "open_to_all" {
  description         = "tenken fixture: open key policy"
  enable_key_rotation = true
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Sid       = "Everyone"
      Effect    = "Allow"
      Principal = "*"
      Action    = "kms:*"
      Resource  = "*"
    }]
  })
}

# {"AWS": [..., "*"]} for the cryptographic operations, after a proper admin statement.
# (An aws_kms_key without an inline policy would be "not evaluated": see unknown.tf.)
resource "aws_kms_key_policy" "aws_star_in_list" {
  key_id = "1234abcd-12ab-34cd-56ef-1234567890ab"
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [
      {
        Sid       = "Admin"
        Effect    = "Allow"
        Principal = { AWS = "arn:aws:iam::123456789012:root" }
        Action    = "kms:*"
        Resource  = "*"
      },
      {
        Sid       = "Use"
        Effect    = "Allow"
        Principal = { AWS = ["arn:aws:iam::123456789012:role/app", "*"] }
        Action    = ["kms:Decrypt", "kms:GenerateDataKey*"]
        Resource  = "*"
      }
    ]
  })
}

data "aws_iam_policy_document" "empty_condition" {
  statement {
    actions   = ["kms:Decrypt"]
    resources = ["*"]
    principals {
      type        = "AWS"
      identifiers = ["*"]
    }
  }
}

# Built with aws_iam_policy_document; the statement has no condition block.
resource "aws_kms_key" "empty_condition" {
  description         = "tenken fixture: decrypt for everyone"
  enable_key_rotation = true
  policy              = data.aws_iam_policy_document.empty_condition.json
}
