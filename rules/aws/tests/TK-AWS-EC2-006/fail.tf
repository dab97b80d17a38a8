# Credentials written into user data (fake values), at different positions in the text so
# that every base64 alignment is exercised.
# expect: aws_instance.access_key
# expect: aws_spot_instance_request.session_key
# expect: aws_launch_configuration.access_key_offset
# expect: aws_launch_template.private_key
# expect: aws_launch_template.openssh_key

resource "aws_instance" "access_key" {
  ami           = "ami-0123456789abcdef0"
  instance_type = "t3.micro"
  user_data_base64 = base64encode(<<-EOT
    #!/bin/bash
    export AWS_ACCESS_KEY_ID=AKIAIOSFODNN7EXAMPLE
    export AWS_SECRET_ACCESS_KEY=wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY
    aws s3 sync s3://example-bucket/app /opt/app
  EOT
  )
}

resource "aws_spot_instance_request" "session_key" {
  ami              = "ami-0123456789abcdef0"
  instance_type    = "t3.micro"
  user_data_base64 = base64encode("[default]\naws_access_key_id = ASIAQEXAMPLE7FAKEKEY\n")
}

resource "aws_launch_configuration" "access_key_offset" {
  name             = "access-key-offset"
  image_id         = "ami-0123456789abcdef0"
  instance_type    = "t3.micro"
  user_data_base64 = base64encode("AWS_KEY=AKIA2EXAMPLE0FAKE000 ./start.sh")
}

resource "aws_launch_template" "private_key" {
  name     = "private-key"
  image_id = "ami-0123456789abcdef0"
  user_data = base64encode(<<-EOT
    #cloud-config
    write_files:
      - path: /etc/ssl/private/app.key
        content: |
          -----BEGIN RSA PRIVATE KEY-----
          MIIBOgIBAAJBAKj34GkxFhD90vcNLYLInFEX6Ppy1tPf9Cnzj4p4WGeKLs1Pt8Qu
          -----END RSA PRIVATE KEY-----
  EOT
  )
}

resource "aws_launch_template" "openssh_key" {
  name      = "openssh-key"
  image_id  = "ami-0123456789abcdef0"
  user_data = base64encode("k='-----BEGIN OPENSSH PRIVATE KEY-----\nb3BlbnNzaC1rZXktdjEAAAAA\n-----END OPENSSH PRIVATE KEY-----'")
}
