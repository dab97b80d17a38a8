/* YAML reader: libyaml's event stream turned into a tk_doc with positions.
 *
 * The root of the document is an array with one element per YAML document in the stream.
 * Plain scalars are typed by the YAML 1.2 core schema (null, booleans, numbers); quoted
 * and block scalars are strings; tags (CloudFormation's !Ref, YAML's !!str) are kept on
 * their nodes (tk_doc_tag). Aliases are expanded by copying, under a node budget, so
 * a "billion laughs" file fails cleanly. Duplicate keys are errors. */
#ifndef TK_YAML_H
#define TK_YAML_H
#include "doc.h"

typedef struct tk_yaml_opts {
    size_t max_depth;       /* 0: default 256 */
    size_t max_alias_nodes; /* nodes that alias expansion may add; 0: default 100000 */
} tk_yaml_opts;

bool tk_yaml_parse(tk_doc *d, const tk_yaml_opts *opts, tk_err *err);

#endif
