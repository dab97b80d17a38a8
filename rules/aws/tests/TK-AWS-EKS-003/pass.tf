# Secrets encrypted with a customer managed key created here, or an existing key.
resource "aws_kms_key" "eks" {
  description         = "tenken fixture EKS secrets key"
  enable_key_rotation = true
}

resource "aws_eks_cluster" "new_key" {
  name     = "tenken-fixture-new-key"
  role_arn = "arn:aws:iam::123456789012:role/tenken-fixture-eks"

  vpc_config {
    subnet_ids             = ["subnet-0123456789abcdef0", "subnet-0123456789abcdef1"]
    endpoint_public_access = false
  }

  encryption_config {
    resources = ["secrets"]
    provider {
      key_arn = aws_kms_key.eks.arn
    }
  }
}

resource "aws_eks_cluster" "existing_key" {
  name     = "tenken-fixture-existing-key"
  role_arn = "arn:aws:iam::123456789012:role/tenken-fixture-eks"

  vpc_config {
    subnet_ids             = ["subnet-0123456789abcdef0", "subnet-0123456789abcdef1"]
    endpoint_public_access = false
  }

  encryption_config {
    resources = ["secrets"]
    provider {
      key_arn = "arn:aws:kms:ap-northeast-1:123456789012:key/0f1e2d3c-4b5a-6978-8796-a5b4c3d2e1f0"
    }
  }
}
