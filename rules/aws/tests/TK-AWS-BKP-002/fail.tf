# Vaults without a lock: none at all, and one whose neighbour is locked instead.
# expect: aws_backup_vault.unlocked
# expect: aws_backup_vault.neighbour

resource "aws_backup_vault" "unlocked" {
  name = "tenken-fixture-unlocked"
}

resource "aws_backup_vault" "neighbour" {
  name = "tenken-fixture-neighbour"
}

resource "aws_backup_vault" "locked" {
  name = "tenken-fixture-locked"
}

resource "aws_backup_vault_lock_configuration" "locked" {
  backup_vault_name  = aws_backup_vault.locked.name
  min_retention_days = 7
}
