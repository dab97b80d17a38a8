# The canned ACL is set, but from a value known only after apply (terraform_data stands for
# any such source): it must not be mistaken for an ACL left out.
# expect-not-evaluated: aws_s3_bucket.from_apply
# expect-not-evaluated: aws_s3_bucket_acl.from_apply

resource "terraform_data" "acl" {
  input = "private"
}

resource "aws_s3_bucket" "from_apply" {
  bucket = "tenken-fixture-acl-from-apply"
  acl    = terraform_data.acl.output
}

resource "aws_s3_bucket" "target" {
  bucket = "tenken-fixture-acl-target"
}

resource "aws_s3_bucket_acl" "from_apply" {
  bucket = aws_s3_bucket.target.id
  acl    = terraform_data.acl.output
}
