# Key policies that name the principals, or restrict "*" with conditions.

resource "aws_kms_key" "account_only" {
  description         = "tenken fixture: account root and one role"
  enable_key_rotation = true
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
        Principal = { AWS = "arn:aws:iam::123456789012:role/app" }
        Action    = ["kms:Encrypt", "kms:Decrypt", "kms:GenerateDataKey*"]
        Resource  = "*"
      }
    ]
  })
}

data "aws_iam_policy_document" "via_service" {
  statement {
    sid       = "Admin"
    actions   = ["kms:*"]
    resources = ["*"]
    principals {
      type        = "AWS"
      identifiers = ["arn:aws:iam::123456789012:root"]
    }
  }
  statement {
    sid       = "UseThroughEbsInThisAccount"
    actions   = ["kms:Decrypt", "kms:CreateGrant"]
    resources = ["*"]
    principals {
      type        = "AWS"
      identifiers = ["*"]
    }
    condition {
      test     = "StringEquals"
      variable = "kms:CallerAccount"
      values   = ["123456789012"]
    }
    condition {
      test     = "StringEquals"
      variable = "kms:ViaService"
      values   = ["ec2.ap-northeast-1.amazonaws.com"]
    }
  }
}

# "*" limited to this account's callers through EBS.
resource "aws_kms_key" "via_service" {
  description         = "tenken fixture: via service"
  enable_key_rotation = true
  policy              = data.aws_iam_policy_document.via_service.json
}

resource "aws_kms_key_policy" "separate" {
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
        Sid       = "CloudTrail"
        Effect    = "Allow"
        Principal = { Service = "cloudtrail.amazonaws.com" }
        Action    = "kms:GenerateDataKey*"
        Resource  = "*"
        Condition = { StringLike = { "kms:EncryptionContext:aws:cloudtrail:arn" = "arn:aws:cloudtrail:*:123456789012:trail/*" } }
      },
      {
        Sid       = "DenyOthers"
        Effect    = "Deny"
        Principal = "*"
        Action    = "kms:*"
        Resource  = "*"
        Condition = { StringNotEquals = { "aws:PrincipalAccount" = "123456789012" } }
      }
    ]
  })
}

# policy left out: AWS applies the default key policy (this account only).
resource "aws_kms_key" "policy_left_out" {
  description         = "tenken fixture: default key policy"
  enable_key_rotation = true
}
