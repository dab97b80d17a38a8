# PITR enabled, with the default and with a chosen recovery period.

resource "aws_dynamodb_table" "enabled" {
  name         = "tenken-fixture-enabled"
  billing_mode = "PAY_PER_REQUEST"
  hash_key     = "id"

  attribute {
    name = "id"
    type = "S"
  }

  point_in_time_recovery {
    enabled = true
  }
}

resource "aws_dynamodb_table" "period" {
  name         = "tenken-fixture-period"
  billing_mode = "PAY_PER_REQUEST"
  hash_key     = "id"

  attribute {
    name = "id"
    type = "S"
  }

  point_in_time_recovery {
    enabled                 = true
    recovery_period_in_days = 14
  }
}
