#!/usr/bin/env bash
# Regenerates rule fixture plans with the Terraform CLI: for each X.tf given (default: every
# rules/*/tests/*/*.tf) it runs `terraform plan` offline with mock credentials and writes
# `terraform show -json` to X.plan.json beside it. The test suite reads the committed JSON
# and never needs Terraform.
#
#   TF_PROVIDER_MIRROR  filesystem mirror holding registry.terraform.io/hashicorp/aws
#                       (default /opt/tf-plugins)
set -euo pipefail
cd "$(dirname "$0")/.."
command -v terraform >/dev/null || { echo "gen-fixtures: terraform is not installed" >&2; exit 2; }
mirror=${TF_PROVIDER_MIRROR:-/opt/tf-plugins}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

cat > "$work/terraformrc" <<RC
provider_installation {
  filesystem_mirror {
    path    = "$mirror"
    include = ["registry.terraform.io/hashicorp/*"]
  }
  direct { exclude = ["registry.terraform.io/hashicorp/*"] }
}
RC
export TF_CLI_CONFIG_FILE="$work/terraformrc" TF_IN_AUTOMATION=1 CHECKPOINT_DISABLE=1
export AWS_ACCESS_KEY_ID=mock AWS_SECRET_ACCESS_KEY=mock AWS_EC2_METADATA_DISABLED=true

mkdir -p "$work/base"
cat > "$work/base/provider.tf" <<'TF'
terraform {
  required_providers {
    aws = { source = "hashicorp/aws" }
  }
}
provider "aws" {
  region                      = "ap-northeast-1"
  access_key                  = "mock"
  secret_key                  = "mock"
  skip_credentials_validation = true
  skip_requesting_account_id  = true
  skip_metadata_api_check     = true
}
TF
(cd "$work/base" && terraform init -input=false -no-color >/dev/null)

if [ $# -eq 0 ]; then set -- rules/*/tests/*/*.tf; fi
status=0
for tf in "$@"; do
    run="$work/run"
    rm -rf "$run" && mkdir -p "$run"
    cp -r "$work/base/.terraform" "$work/base/.terraform.lock.hcl" "$work/base/provider.tf" "$run/"
    cp "$tf" "$run/main.tf"
    out="${tf%.tf}.plan.json"
    if (cd "$run" && terraform plan -refresh=false -input=false -lock=false -no-color -out=plan.bin >plan.log 2>&1 &&
        terraform show -json plan.bin >plan.json); then
        mv "$run/plan.json" "$out"
        echo "ok   $out"
    else
        echo "FAIL $tf" >&2
        sed 's/^/     /' "$run/plan.log" >&2
        status=1
    fi
done
exit $status
