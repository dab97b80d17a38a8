# User data that fetches secrets at boot or carries only public material.
resource "aws_iam_role" "app" {
  name = "app"
  assume_role_policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      Principal = { Service = "ec2.amazonaws.com" }
      Action    = "sts:AssumeRole"
    }]
  })
}

resource "aws_iam_instance_profile" "app" {
  name = "app"
  role = aws_iam_role.app.name
}

resource "aws_instance" "role_based" {
  ami                  = "ami-0123456789abcdef0"
  instance_type        = "t3.micro"
  iam_instance_profile = aws_iam_instance_profile.app.name
  user_data_base64 = base64encode(<<-EOT
    #!/bin/bash
    # Credentials come from the instance profile; secrets from Parameter Store.
    aws ssm get-parameter --name /app/db-password --with-decryption \
      --query Parameter.Value --output text > /run/app/db-password
    echo "AWS_ACCESS_KEY_ID is not needed here"
  EOT
  )
}

resource "aws_launch_template" "public_material" {
  name     = "public-material"
  image_id = "ami-0123456789abcdef0"
  user_data = base64encode(<<-EOT
    #cloud-config
    ssh_authorized_keys:
      - ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIFakeFakeFakeFakeFakeFakeFakeFakeFakeFake admin
    ca_certs:
      trusted:
        - |
          -----BEGIN CERTIFICATE-----
          MIIBszCCAVmgAwIBAgIUFakeFakeFakeFake
          -----END CERTIFICATE-----
  EOT
  )
}

resource "aws_launch_configuration" "no_user_data" {
  name          = "no-user-data"
  image_id      = "ami-0123456789abcdef0"
  instance_type = "t3.micro"
}

resource "aws_spot_instance_request" "short_script" {
  ami              = "ami-0123456789abcdef0"
  instance_type    = "t3.micro"
  user_data_base64 = base64encode("#!/bin/sh\nyum -y update\n")
}
