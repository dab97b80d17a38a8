# An account analyzer with the default type.
resource "aws_s3_bucket" "data" {
  bucket = "tenken-fixture-aa001-pass"
}

resource "aws_accessanalyzer_analyzer" "external" {
  analyzer_name = "external-access"
}
