# Private ACLs, ACLs disabled, and grants to specific accounts or to the log delivery group.

resource "aws_s3_bucket" "no_acl" {
  bucket = "tenken-fixture-no-acl"
}

resource "aws_s3_bucket_ownership_controls" "no_acl" {
  bucket = aws_s3_bucket.no_acl.id
  rule {
    object_ownership = "BucketOwnerEnforced"
  }
}

resource "aws_s3_bucket" "legacy_private" {
  bucket = "tenken-fixture-legacy-private"
  acl    = "private"
}

resource "aws_s3_bucket" "legacy_grant_account" {
  bucket = "tenken-fixture-legacy-grant-account"

  grant {
    id          = "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef"
    type        = "CanonicalUser"
    permissions = ["FULL_CONTROL"]
  }
}

resource "aws_s3_bucket" "private" {
  bucket = "tenken-fixture-private"
}

resource "aws_s3_bucket_acl" "private" {
  bucket = aws_s3_bucket.private.id
  acl    = "private"
}

resource "aws_s3_bucket" "logs" {
  bucket = "tenken-fixture-logs"
}

resource "aws_s3_bucket_acl" "log_delivery" {
  bucket = aws_s3_bucket.logs.id
  acl    = "log-delivery-write"
}

resource "aws_s3_bucket" "partner" {
  bucket = "tenken-fixture-partner"
}

resource "aws_s3_bucket_acl" "partner_grant" {
  bucket = aws_s3_bucket.partner.id

  access_control_policy {
    grant {
      grantee {
        type = "CanonicalUser"
        id   = "fedcba9876543210fedcba9876543210fedcba9876543210fedcba9876543210"
      }
      permission = "READ"
    }

    grant {
      grantee {
        type = "Group"
        uri  = "http://acs.amazonaws.com/groups/s3/LogDelivery"
      }
      permission = "WRITE"
    }

    owner {
      id = "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef"
    }
  }
}
