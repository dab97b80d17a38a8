# Every bucket has a complete public access block; the counted ones are joined by index.
resource "aws_s3_bucket" "blocked" {
  bucket = "tenken-fixture-blocked"
}

resource "aws_s3_bucket_public_access_block" "blocked" {
  bucket                  = aws_s3_bucket.blocked.id
  block_public_acls       = true
  block_public_policy     = true
  ignore_public_acls      = true
  restrict_public_buckets = true
}

resource "aws_s3_bucket" "many" {
  count  = 2
  bucket = "tenken-fixture-many-${count.index}"
}

resource "aws_s3_bucket_public_access_block" "many" {
  count                   = 2
  bucket                  = aws_s3_bucket.many[count.index].id
  block_public_acls       = true
  block_public_policy     = true
  ignore_public_acls      = true
  restrict_public_buckets = true
}
