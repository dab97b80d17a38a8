# A cluster without envelope encryption of Kubernetes secrets under a KMS key.
# expect: aws_eks_cluster.no_encryption

resource "aws_eks_cluster" "no_encryption" {
  name     = "tenken-fixture-no-encryption"
  role_arn = "arn:aws:iam::123456789012:role/tenken-fixture-eks"

  vpc_config {
    subnet_ids             = ["subnet-0123456789abcdef0", "subnet-0123456789abcdef1"]
    endpoint_public_access = false
  }
}
