# Terraform source for the golden report tests: a finding through a module call, an
# inline suppression and a value known only at apply time.
variable "volume_encrypted" {
  type = bool
}

module "store" {
  source = "./modules/store"
  name   = "reports"
}

resource "aws_ebs_volume" "data" {
  availability_zone = "ap-northeast-1a"
  size              = 10
  encrypted         = false
}

# tenken:ignore:TK-GOLD-001 scratch volume, wiped nightly exp:2099-12-31
resource "aws_ebs_volume" "scratch" {
  availability_zone = "ap-northeast-1a"
  size              = 10
  encrypted         = false
}

resource "aws_ebs_volume" "later" {
  availability_zone = "ap-northeast-1a"
  size              = 10
  encrypted         = var.volume_encrypted
}
