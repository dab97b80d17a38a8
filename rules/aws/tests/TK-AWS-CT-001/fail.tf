# Trails exist, but none records management events in every region.
# expect: scope:aws

resource "aws_s3_bucket" "trail" {
  bucket = "tenken-fixture-ct001-fail"
}

# Single-region trail (is_multi_region_trail left at false).
resource "aws_cloudtrail" "single_region" {
  name           = "single-region"
  s3_bucket_name = aws_s3_bucket.trail.id
}

# Multi-region, but logging is switched off.
resource "aws_cloudtrail" "stopped" {
  name                  = "stopped"
  s3_bucket_name        = aws_s3_bucket.trail.id
  is_multi_region_trail = true
  enable_logging        = false
}

# Multi-region, but only read-only management events.
resource "aws_cloudtrail" "read_only" {
  name                  = "read-only"
  s3_bucket_name        = aws_s3_bucket.trail.id
  is_multi_region_trail = true
  event_selector {
    read_write_type           = "ReadOnly"
    include_management_events = true
  }
}

# Multi-region, but data events only.
resource "aws_cloudtrail" "data_only" {
  name                  = "data-only"
  s3_bucket_name        = aws_s3_bucket.trail.id
  is_multi_region_trail = true
  event_selector {
    read_write_type           = "All"
    include_management_events = false
    data_resource {
      type   = "AWS::S3::Object"
      values = ["arn:aws:s3"]
    }
  }
}

# Multi-region, advanced selectors: S3 data events, and read-only management events.
resource "aws_cloudtrail" "advanced" {
  name                  = "advanced"
  s3_bucket_name        = aws_s3_bucket.trail.id
  is_multi_region_trail = true
  advanced_event_selector {
    name = "s3-data"
    field_selector {
      field  = "eventCategory"
      equals = ["Data"]
    }
    field_selector {
      field  = "resources.type"
      equals = ["AWS::S3::Object"]
    }
  }
  advanced_event_selector {
    name = "management-reads"
    field_selector {
      field  = "eventCategory"
      equals = ["Management"]
    }
    field_selector {
      field  = "readOnly"
      equals = ["true"]
    }
  }
}
