# Public API endpoints open to the whole internet: allowed ranges left out (AWS then
# allows 0.0.0.0/0), 0.0.0.0/0 alone, and 0.0.0.0/0 among other ranges.
# expect: aws_eks_cluster.cidrs_left_out
# expect: aws_eks_cluster.open_explicit
# expect: aws_eks_cluster.open_among_others

resource "aws_eks_cluster" "cidrs_left_out" {
  name     = "tenken-fixture-left-out"
  role_arn = "arn:aws:iam::123456789012:role/tenken-fixture-eks"

  vpc_config {
    subnet_ids = ["subnet-0123456789abcdef0", "subnet-0123456789abcdef1"]
  }
}

resource "aws_eks_cluster" "open_explicit" {
  name     = "tenken-fixture-open"
  role_arn = "arn:aws:iam::123456789012:role/tenken-fixture-eks"

  vpc_config {
    subnet_ids             = ["subnet-0123456789abcdef0", "subnet-0123456789abcdef1"]
    endpoint_public_access = true
    public_access_cidrs    = ["0.0.0.0/0"]
  }
}

resource "aws_eks_cluster" "open_among_others" {
  name     = "tenken-fixture-open-among-others"
  role_arn = "arn:aws:iam::123456789012:role/tenken-fixture-eks"

  vpc_config {
    subnet_ids              = ["subnet-0123456789abcdef0", "subnet-0123456789abcdef1"]
    endpoint_private_access = true
    public_access_cidrs     = ["203.0.113.0/24", "0.0.0.0/0"]
  }
}
