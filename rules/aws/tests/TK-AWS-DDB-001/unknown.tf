# PITR is configured, but from a value known only after apply (terraform_data stands for any
# such source): it must not be mistaken for a left-out setting.
# expect-not-evaluated: aws_dynamodb_table.from_apply

resource "terraform_data" "pitr" {
  input = true
}

resource "aws_dynamodb_table" "from_apply" {
  name         = "tenken-fixture-from-apply"
  billing_mode = "PAY_PER_REQUEST"
  hash_key     = "id"

  attribute {
    name = "id"
    type = "S"
  }

  point_in_time_recovery {
    enabled = terraform_data.pitr.output
  }
}
