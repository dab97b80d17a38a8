# Locked vaults: compliance mode by reference, governance mode by literal name.

resource "aws_backup_vault" "compliance" {
  name = "tenken-fixture-compliance"
}

resource "aws_backup_vault_lock_configuration" "compliance" {
  backup_vault_name   = aws_backup_vault.compliance.name
  min_retention_days  = 7
  max_retention_days  = 365
  changeable_for_days = 3
}

resource "aws_backup_vault" "governance" {
  name = "tenken-fixture-governance"
}

resource "aws_backup_vault_lock_configuration" "governance" {
  backup_vault_name  = "tenken-fixture-governance"
  min_retention_days = 14

  depends_on = [aws_backup_vault.governance]
}
