# Public ACLs: canned ACLs and explicit grants, on the bucket (legacy) and on aws_s3_bucket_acl.
# expect: aws_s3_bucket.legacy_public_read
# expect: aws_s3_bucket.legacy_grant_all_users
# expect: aws_s3_bucket_acl.public_read_write
# expect: aws_s3_bucket_acl.authenticated_read
# expect: aws_s3_bucket_acl.grant_authenticated_users
# expect: aws_s3_bucket_acl.grant_all_users_write

resource "aws_s3_bucket" "legacy_public_read" {
  bucket = "tenken-fixture-legacy-public-read"
  acl    = "public-read"
}

resource "aws_s3_bucket" "legacy_grant_all_users" {
  bucket = "tenken-fixture-legacy-grant"

  grant {
    id          = "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef"
    type        = "CanonicalUser"
    permissions = ["FULL_CONTROL"]
  }

  grant {
    type        = "Group"
    permissions = ["READ"]
    uri         = "http://acs.amazonaws.com/groups/global/AllUsers"
  }
}

resource "aws_s3_bucket" "shared" {
  bucket = "tenken-fixture-shared"
}

resource "aws_s3_bucket_acl" "public_read_write" {
  bucket = aws_s3_bucket.shared.id
  acl    = "public-read-write"
}

resource "aws_s3_bucket" "partners" {
  bucket = "tenken-fixture-partners"
}

resource "aws_s3_bucket_acl" "authenticated_read" {
  bucket = aws_s3_bucket.partners.id
  acl    = "authenticated-read"
}

resource "aws_s3_bucket" "grants" {
  bucket = "tenken-fixture-grants"
}

resource "aws_s3_bucket_acl" "grant_authenticated_users" {
  bucket = aws_s3_bucket.grants.id

  access_control_policy {
    grant {
      grantee {
        type = "CanonicalUser"
        id   = "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef"
      }
      permission = "FULL_CONTROL"
    }

    grant {
      grantee {
        type = "Group"
        uri  = "http://acs.amazonaws.com/groups/global/AuthenticatedUsers"
      }
      permission = "READ"
    }

    owner {
      id = "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef"
    }
  }
}

resource "aws_s3_bucket" "uploads" {
  bucket = "tenken-fixture-uploads"
}

resource "aws_s3_bucket_acl" "grant_all_users_write" {
  bucket = aws_s3_bucket.uploads.id

  access_control_policy {
    grant {
      grantee {
        type = "Group"
        uri  = "https://acs.amazonaws.com/groups/global/AllUsers"
      }
      permission = "WRITE"
    }

    owner {
      id = "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef"
    }
  }
}
