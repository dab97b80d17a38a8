# Clusters that send the audit log to CloudWatch Logs.
resource "aws_cloudwatch_log_group" "eks" {
  name              = "/aws/eks/tenken-fixture-all-logs/cluster"
  retention_in_days = 365
}

resource "aws_eks_cluster" "all_logs" {
  name                      = "tenken-fixture-all-logs"
  role_arn                  = "arn:aws:iam::123456789012:role/tenken-fixture-eks"
  enabled_cluster_log_types = ["api", "audit", "authenticator", "controllerManager", "scheduler"]

  vpc_config {
    subnet_ids             = ["subnet-0123456789abcdef0", "subnet-0123456789abcdef1"]
    endpoint_public_access = false
  }

  depends_on = [aws_cloudwatch_log_group.eks]
}

resource "aws_eks_cluster" "audit_only" {
  name                      = "tenken-fixture-audit-only"
  role_arn                  = "arn:aws:iam::123456789012:role/tenken-fixture-eks"
  enabled_cluster_log_types = ["audit"]

  vpc_config {
    subnet_ids             = ["subnet-0123456789abcdef0", "subnet-0123456789abcdef1"]
    endpoint_public_access = false
  }
}
