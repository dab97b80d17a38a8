# A private-only endpoint, and a public endpoint limited to known address ranges.
resource "aws_eks_cluster" "private_only" {
  name     = "tenken-fixture-private"
  role_arn = "arn:aws:iam::123456789012:role/tenken-fixture-eks"

  vpc_config {
    subnet_ids              = ["subnet-0123456789abcdef0", "subnet-0123456789abcdef1"]
    endpoint_private_access = true
    endpoint_public_access  = false
  }
}

resource "aws_eks_cluster" "restricted" {
  name     = "tenken-fixture-restricted"
  role_arn = "arn:aws:iam::123456789012:role/tenken-fixture-eks"

  vpc_config {
    subnet_ids              = ["subnet-0123456789abcdef0", "subnet-0123456789abcdef1"]
    endpoint_private_access = true
    endpoint_public_access  = true
    public_access_cidrs     = ["203.0.113.0/24", "198.51.100.10/32"]
  }
}
