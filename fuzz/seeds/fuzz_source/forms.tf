a = "%{ for i, v in l ~}${i}=${v}%{ endfor }"
b = <<-EOT
  x ${y}
  EOT
c = [for k, v in m : k => v... if v]
d = a[*].b.*.c[0]
