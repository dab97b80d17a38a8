#!/usr/bin/env python3
"""Generates the Kubernetes and CloudFormation inputs of `make bench`.

gen_manifests.py k8s OUT N   a YAML stream of about N objects in 50 namespaces: Deployments,
                             StatefulSets and CronJobs (pod specs with init containers,
                             security contexts that vary from compliant to privileged),
                             Services, ConfigMaps, ServiceAccounts, Roles, RoleBindings and a
                             NetworkPolicy in every other namespace — what `helm template`
                             prints for many charts.
gen_manifests.py cfn OUT N   a CloudFormation template of about N resources (S3 buckets and
                             policies, security groups, KMS keys, RDS instances, IAM roles)
                             with parameters, conditions, mappings and intrinsic functions.
Deterministic: the same N gives the same file.
"""
import random
import sys


def k8s(out, n):
    rnd = random.Random(4)
    docs = []
    ns_count = 50
    for k in range(ns_count):
        docs.append("apiVersion: v1\nkind: Namespace\nmetadata:\n  name: team-%02d\n  labels:\n"
                    "    pod-security.kubernetes.io/enforce: %s\n" % (k, rnd.choice(["baseline", "restricted", "privileged"])))
        if k % 2 == 0:
            docs.append("apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata:\n"
                        "  name: default-deny\n  namespace: team-%02d\nspec:\n  podSelector: {}\n"
                        "  policyTypes: [Ingress, Egress]\n" % k)
    i = 0
    while len(docs) < n:
        ns = "team-%02d" % (i % ns_count)
        name = "svc-%05d" % i
        priv = rnd.random() < 0.1
        root = rnd.random() < 0.3
        tag = rnd.choice(["1.25.3", "latest", "1.25.3@sha256:" + "%064x" % rnd.getrandbits(256)])
        kind = rnd.choice(["Deployment", "Deployment", "StatefulSet", "CronJob"])
        pod = ("      serviceAccountName: %s\n"
               "      automountServiceAccountToken: %s\n"
               "      securityContext:\n"
               "        runAsNonRoot: %s\n"
               "        seccompProfile: {type: RuntimeDefault}\n"
               "      initContainers:\n"
               "        - name: migrate\n"
               "          image: registry.example.com/%s-migrate:%s\n"
               "          securityContext: {allowPrivilegeEscalation: false}\n"
               "      containers:\n"
               "        - name: app\n"
               "          image: registry.example.com/%s:%s\n"
               "          ports: [{containerPort: 8080}]\n"
               "          env:\n"
               "            - {name: LOG_LEVEL, value: info}\n"
               "            - name: DB_PASSWORD\n"
               "              %s\n"
               "          resources:\n"
               "            requests: {cpu: 100m, memory: 128Mi}\n"
               "%s"
               "          securityContext:\n"
               "            privileged: %s\n"
               "            allowPrivilegeEscalation: %s\n"
               "            readOnlyRootFilesystem: %s\n"
               "            capabilities: {drop: [ALL]%s}\n"
               "        - name: sidecar\n"
               "          image: registry.example.com/proxy:2.1.0\n"
               "          resources: {limits: {cpu: 200m, memory: 64Mi}}\n"
               "      volumes:\n"
               "        - name: data\n"
               "          %s\n") % (
            name, "false" if rnd.random() < 0.5 else "true", "false" if root else "true",
            name, tag, name, tag,
            "value: hunter2" if rnd.random() < 0.05 else "valueFrom: {secretKeyRef: {name: db, key: password}}",
            "            limits: {cpu: 500m, memory: 256Mi}\n" if rnd.random() < 0.7 else "",
            "true" if priv else "false", "true" if priv else "false",
            "true" if rnd.random() < 0.6 else "false",
            ", add: [NET_ADMIN]" if rnd.random() < 0.05 else "",
            "hostPath: {path: /var/run/docker.sock}" if rnd.random() < 0.02 else "emptyDir: {}")
        indent = "    " if kind == "CronJob" else ""
        pod = "".join(indent + l + "\n" for l in pod.rstrip("\n").split("\n"))
        if kind == "CronJob":
            spec = ("spec:\n  schedule: '0 3 * * *'\n  jobTemplate:\n    spec:\n      template:\n"
                    "        metadata: {labels: {app: %s}}\n        spec:\n          restartPolicy: OnFailure\n%s") % (name, pod)
        else:
            spec = ("spec:\n  replicas: 3\n  selector: {matchLabels: {app: %s}}\n  template:\n"
                    "    metadata: {labels: {app: %s}}\n    spec:\n%s") % (name, name, pod)
        docs.append("apiVersion: %s\nkind: %s\nmetadata:\n  name: %s\n  namespace: %s\n"
                    "  labels: {app: %s, tier: backend}\n%s"
                    % ("batch/v1" if kind == "CronJob" else "apps/v1", kind, name, ns, name, spec))
        docs.append("apiVersion: v1\nkind: Service\nmetadata:\n  name: %s\n  namespace: %s\nspec:\n"
                    "  type: %s\n  selector: {app: %s}\n  ports: [{port: 80, targetPort: 8080}]\n"
                    % (name, ns, rnd.choice(["ClusterIP", "ClusterIP", "ClusterIP", "NodePort", "LoadBalancer"]), name))
        docs.append("apiVersion: v1\nkind: ServiceAccount\nmetadata:\n  name: %s\n  namespace: %s\n"
                    "automountServiceAccountToken: false\n" % (name, ns))
        docs.append("apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: %s-config\n  namespace: %s\n"
                    "data:\n  app.properties: |\n    threads=8\n    region=ap-northeast-1\n" % (name, ns))
        if i % 5 == 0:
            wild = rnd.random() < 0.2
            docs.append("apiVersion: rbac.authorization.k8s.io/v1\nkind: Role\nmetadata:\n  name: %s\n"
                        "  namespace: %s\nrules:\n  - apiGroups: ['']\n    resources: [%s]\n    verbs: [%s]\n"
                        % (name, ns, "'*'" if wild else "configmaps, secrets", "'*'" if wild else "get, list"))
            docs.append("apiVersion: rbac.authorization.k8s.io/v1\nkind: RoleBinding\nmetadata:\n"
                        "  name: %s\n  namespace: %s\nroleRef: {apiGroup: rbac.authorization.k8s.io, kind: %s, name: %s}\n"
                        "subjects: [{kind: ServiceAccount, name: %s, namespace: %s}]\n"
                        % (name, ns, "ClusterRole" if rnd.random() < 0.05 else "Role",
                           "cluster-admin" if rnd.random() < 0.05 else name, name, ns))
        i += 1
    with open(out, "w") as f:
        f.write("---\n".join(docs))


def cfn(out, n):
    rnd = random.Random(7)
    lines = ['AWSTemplateFormatVersion: "2010-09-09"', "Parameters:",
             "  Env: {Type: String, Default: prod, AllowedValues: [dev, prod]}",
             "  AdminCidr: {Type: String, Default: 203.0.113.0/24}",
             "  KeyArn: {Type: String}",
             "Mappings:", "  Retention:", "    dev: {Days: 1}", "    prod: {Days: 14}",
             "Conditions:", "  IsProd: !Equals [!Ref Env, prod]",
             "  HasKey: !Not [!Equals [!Ref KeyArn, '']]", "Resources:"]
    i = 0
    count = 0
    while count < n:
        b = "Bucket%05d" % i
        enc = rnd.random() < 0.7
        lines += ["  %s:" % b, "    Type: AWS::S3::Bucket", "    Properties:",
                  "      BucketName: !Sub '${AWS::StackName}-%s-${Env}'" % b.lower()]
        if enc:
            lines += ["      BucketEncryption:", "        ServerSideEncryptionConfiguration:",
                      "          - ServerSideEncryptionByDefault:",
                      "              SSEAlgorithm: !If [HasKey, 'aws:kms', AES256]",
                      "              KMSMasterKeyID: !If [HasKey, !Ref KeyArn, !Ref AWS::NoValue]"]
        if rnd.random() < 0.6:
            lines += ["      PublicAccessBlockConfiguration:", "        BlockPublicAcls: true",
                      "        BlockPublicPolicy: true", "        IgnorePublicAcls: true",
                      "        RestrictPublicBuckets: %s" % ("true" if rnd.random() < 0.9 else "false")]
        lines += ["      VersioningConfiguration:", "        Status: !If [IsProd, Enabled, Suspended]",
                  "      Tags:", "        - {Key: team, Value: !Join ['-', [team, %d]]}" % (i % 40)]
        lines += ["  %sPolicy:" % b, "    Type: AWS::S3::BucketPolicy", "    Properties:",
                  "      Bucket: !Ref %s" % b, "      PolicyDocument:", "        Version: '2012-10-17'",
                  "        Statement:", "          - Effect: Deny", "            Principal: '*'",
                  "            Action: 's3:*'",
                  "            Resource: [!GetAtt %s.Arn, !Sub '${%s.Arn}/*']" % (b, b),
                  "            Condition: {Bool: {'aws:SecureTransport': 'false'}}"]
        sg = "Sg%05d" % i
        open_world = rnd.random() < 0.1
        lines += ["  %s:" % sg, "    Type: AWS::EC2::SecurityGroup", "    Properties:",
                  "      GroupDescription: service %d" % i, "      VpcId: vpc-0123456789abcdef0",
                  "      SecurityGroupIngress:",
                  "        - {IpProtocol: tcp, FromPort: 22, ToPort: 22, CidrIp: %s}"
                  % ("0.0.0.0/0" if open_world else "!Ref AdminCidr"),
                  "        - {IpProtocol: tcp, FromPort: 443, ToPort: 443, CidrIp: 0.0.0.0/0}"]
        lines += ["  Key%05d:" % i, "    Type: AWS::KMS::Key", "    Properties:",
                  "      EnableKeyRotation: %s" % ("true" if rnd.random() < 0.8 else "false"),
                  "      KeyPolicy:", "        Version: '2012-10-17'", "        Statement:",
                  "          - Effect: Allow",
                  "            Principal: {AWS: !Sub 'arn:aws:iam::${AWS::AccountId}:root'}",
                  "            Action: 'kms:*'", "            Resource: '*'"]
        lines += ["  Db%05d:" % i, "    Type: AWS::RDS::DBInstance", "    Condition: IsProd",
                  "    Properties:", "      Engine: postgres", "      DBInstanceClass: db.t3.micro",
                  "      AllocatedStorage: '20'", "      StorageEncrypted: %s" % ("true" if enc else "false"),
                  "      PubliclyAccessible: %s" % ("true" if open_world else "false"),
                  "      BackupRetentionPeriod: !FindInMap [Retention, !Ref Env, Days]",
                  "      DeletionProtection: !If [IsProd, true, false]",
                  "      MasterUsername: admin", "      ManageMasterUserPassword: true"]
        count += 5
        i += 1
    with open(out, "w") as f:
        f.write("\n".join(lines) + "\n")


if __name__ == "__main__":
    what, out, n = sys.argv[1], sys.argv[2], int(sys.argv[3])
    (k8s if what == "k8s" else cfn)(out, n)
