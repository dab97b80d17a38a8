/* CloudFormation templates (JSON or YAML) -> resource table.
 *
 * Each resource is addressed by its logical ID and typed by its Type (AWS::S3::Bucket); its
 * values are its Properties with the intrinsic functions evaluated, in both the long form
 * ({"Fn::Sub": ...}, {"Ref": ...}) and the YAML short form (!Sub, !Ref, !GetAtt, ...).
 * Parameters take their Default (converted to the parameter's Type) and are unknown without
 * one; Conditions are evaluated where they are static and unknown otherwise. A resource whose
 * Condition is false is not scanned; one whose Condition is unknown may not exist, so its
 * findings are "not evaluated". References to other resources (Ref, GetAtt, ${Name} in Sub)
 * are unknown values that remember the resource, so rules can join resources. AWS::NoValue
 * removes the property. A finding is suppressed by resource Metadata:
 *
 *   Metadata:
 *     tenken:
 *       ignore:
 *         - id: TK-AWS-S3-001
 *           reason: public website bucket
 *           expires: 2027-03-31        # optional
 *         - "TK-AWS-S3-002: the same, as one string [exp:YYYY-MM-DD]"
 */
#ifndef TK_ADAPT_CFN_H
#define TK_ADAPT_CFN_H
#include "adapt.h"
#include "resource.h"

typedef struct tk_cfn tk_cfn;

/* Whether the document is a CloudFormation template (AWSTemplateFormatVersion, or Resources
 * whose members have a Type). */
bool tk_cfn_detect(const tk_doc *d);
/* Builds the resources into t; NULL with err when the template is malformed. */
tk_cfn *tk_cfn_adapt(tk_doc *d, tk_rtable *t, const tk_adapt_opts *o, tk_err *err);
void tk_cfn_free(tk_cfn *c);

#endif
