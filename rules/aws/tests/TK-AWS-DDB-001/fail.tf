# PITR left out (off by default) and explicitly disabled.
# expect: aws_dynamodb_table.left_out
# expect: aws_dynamodb_table.disabled

resource "aws_dynamodb_table" "left_out" {
  name         = "tenken-fixture-left-out"
  billing_mode = "PAY_PER_REQUEST"
  hash_key     = "id"

  attribute {
    name = "id"
    type = "S"
  }
}

resource "aws_dynamodb_table" "disabled" {
  name           = "tenken-fixture-disabled"
  billing_mode   = "PROVISIONED"
  read_capacity  = 5
  write_capacity = 5
  hash_key       = "pk"
  range_key      = "sk"

  attribute {
    name = "pk"
    type = "S"
  }

  attribute {
    name = "sk"
    type = "N"
  }

  point_in_time_recovery {
    enabled = false
  }
}
