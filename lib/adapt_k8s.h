/* Kubernetes manifests -> resource table.
 *
 * A YAML stream (as `helm template` or `kustomize build` print it), one object, or a list
 * (`kubectl get ... -o json`: kind List with items) becomes one resource per object, typed
 * by its kind and addressed Kind/namespace/name (Kind/name for cluster-scoped kinds; the
 * namespace is "default" when the manifest leaves it out). Rules read the manifest as it is,
 * plus members derived for them:
 *
 *   name        metadata.name (or generateName)
 *   namespace   the effective namespace (namespaced kinds only)
 *   pod         the pod spec of a workload (Pod, Deployment, StatefulSet, DaemonSet,
 *               ReplicaSet, ReplicationController, Job, CronJob, PodTemplate)
 *   containers  every container of that pod spec: init, regular and ephemeral
 *   declared    on Namespace resources: false for a namespace that objects use but the
 *               input does not declare (added so namespace-level rules see it)
 *
 * A finding is suppressed by the annotation tenken.io/ignore: "RULE-ID: reason
 * [exp:YYYY-MM-DD]" (one per line). */
#ifndef TK_ADAPT_K8S_H
#define TK_ADAPT_K8S_H
#include "adapt.h"
#include "resource.h"

typedef struct tk_k8s tk_k8s;

/* Whether the document holds Kubernetes objects (apiVersion and kind). */
bool tk_k8s_detect(const tk_doc *d);
/* Builds the resources into t; NULL with err when out of memory. */
tk_k8s *tk_k8s_adapt(tk_doc *d, tk_rtable *t, const tk_adapt_opts *o, tk_err *err);
void tk_k8s_free(tk_k8s *k);

#endif
