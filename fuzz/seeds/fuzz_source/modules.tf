variable "n" { default = 2 }
module "x" {
  source = "./m"
  count = var.n
}
locals {
  a = [for i in range(3) : "x${i}"]
  b = { for k, v in { a = 1 } : k => v }
}
resource "aws_s3_bucket" "b" {
  for_each = toset(local.a)
  bucket = each.key
  dynamic "versioning" {
    for_each = [1]
    content { enabled = true }
  }
}
