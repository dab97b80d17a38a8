# Clusters without control-plane audit logs: no logs at all, and other log types only.
# expect: aws_eks_cluster.no_logs
# expect: aws_eks_cluster.api_only

resource "aws_eks_cluster" "no_logs" {
  name     = "tenken-fixture-no-logs"
  role_arn = "arn:aws:iam::123456789012:role/tenken-fixture-eks"

  vpc_config {
    subnet_ids             = ["subnet-0123456789abcdef0", "subnet-0123456789abcdef1"]
    endpoint_public_access = false
  }
}

resource "aws_eks_cluster" "api_only" {
  name                      = "tenken-fixture-api-only"
  role_arn                  = "arn:aws:iam::123456789012:role/tenken-fixture-eks"
  enabled_cluster_log_types = ["api", "authenticator"]

  vpc_config {
    subnet_ids             = ["subnet-0123456789abcdef0", "subnet-0123456789abcdef1"]
    endpoint_public_access = false
  }
}
