# Versioning is configured, but from a value known only after apply (terraform_data stands for
# any such source), on the separate resource and on the legacy block.
# expect-not-evaluated: aws_s3_bucket.data
# expect-not-evaluated: aws_s3_bucket.legacy_from_apply

resource "terraform_data" "versioning" {
  input = {
    status  = "Enabled"
    enabled = true
  }
}

resource "aws_s3_bucket" "data" {
  bucket = "tenken-fixture-versioning-data"
}

resource "aws_s3_bucket_versioning" "data" {
  bucket = aws_s3_bucket.data.id
  versioning_configuration {
    status = terraform_data.versioning.output.status
  }
}

resource "aws_s3_bucket" "legacy_from_apply" {
  bucket = "tenken-fixture-versioning-legacy-apply"
  versioning {
    enabled = terraform_data.versioning.output.enabled
  }
}
