# Public endpoints whose allowed ranges are decided only at apply: left out (AWS then
# applies 0.0.0.0/0, but the plan cannot show it), and built from a new Elastic IP.
# expect-not-evaluated: aws_eks_cluster.cidrs_left_out
# expect-not-evaluated: aws_eks_cluster.from_eip

resource "aws_eks_cluster" "cidrs_left_out" {
  name     = "tenken-fixture-left-out"
  role_arn = "arn:aws:iam::123456789012:role/tenken-fixture-eks"

  vpc_config {
    subnet_ids = ["subnet-0123456789abcdef0", "subnet-0123456789abcdef1"]
  }
}

resource "aws_eip" "office" {
  domain = "vpc"
}

resource "aws_eks_cluster" "from_eip" {
  name     = "tenken-fixture-from-eip"
  role_arn = "arn:aws:iam::123456789012:role/tenken-fixture-eks"

  vpc_config {
    subnet_ids          = ["subnet-0123456789abcdef0", "subnet-0123456789abcdef1"]
    public_access_cidrs = ["${aws_eip.office.public_ip}/32"]
  }
}
