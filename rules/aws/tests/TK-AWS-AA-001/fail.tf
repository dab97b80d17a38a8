# Only an unused-access analyzer: nothing analyses external access.
# expect: scope:aws

resource "aws_s3_bucket" "data" {
  bucket = "tenken-fixture-aa001-fail"
}

resource "aws_accessanalyzer_analyzer" "unused" {
  analyzer_name = "unused-access"
  type          = "ACCOUNT_UNUSED_ACCESS"
}
