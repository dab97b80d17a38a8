# A public endpoint whose allowed range is built from an Elastic IP created in the
# same apply: the range is known only after apply.
# expect-not-evaluated: aws_eks_cluster.from_eip

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
