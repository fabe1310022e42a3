// schema-api-version: a built-in kind under an apiVersion that does not serve it in the schema's
// Kubernetes version (`apps/v1beta1` StatefulSet, `policy/v1beta1` PodDisruptionBudget). Reported
// once, on the apiVersion value; data `{ allowed }` lists the apiVersions that do serve the kind.
// Versions in the deprecation table (data/api-versions.ts) are left to api-removed.
import { getPair } from '../../model';
import { lookupApiVersion } from '../data/api-versions';
import type { Rule } from '../types';

/** Built-in groups that Kubernetes no longer serves at all (the deprecation guide). */
const removedGroups = new Set(['extensions']);

export const schemaApiVersion: Rule = {
  id: 'schema-api-version',
  defaultSeverity: 'error',
  judges: 'fields',
  description: 'A built-in kind is written with an apiVersion that does not serve it.',
  check: ({ document, kindInfo, schema }) => {
    const served = document.kind ? schema.kindsNamed(document.kind) : [];
    const value = getPair(document.root, 'apiVersion')?.value;
    if (kindInfo || served.length === 0 || !value || !document.apiVersion) {
      return [];
    }
    // Versions Kubernetes once served belong to api-deprecated/api-removed, which judge them
    // against the user's target version instead of the schema's.
    if (lookupApiVersion(document.apiVersion, document.kind ?? '')) {
      return [];
    }
    // A group the schema does not know may be a custom resource that reuses a built-in kind
    // name (e.g. a `Job` of batch.volcano.sh); only groups Kubernetes itself serves, or served
    // before (`extensions`), or whose CustomResourceDefinition is known, are checked.
    const group = document.apiVersion.includes('/') ? document.apiVersion.split('/')[0]! : '';
    if (!removedGroups.has(group) && !schema.kinds.some((info) => info.group === group)) {
      return [];
    }
    const custom = served.filter((info) => info.custom && info.group === group);
    if (custom.length > 0) {
      const allowed = custom.map((info) => info.apiVersion);
      return [
        {
          span: value.span,
          message: `The CustomResourceDefinition of ${document.kind} does not serve \`${document.apiVersion}\`: use ${allowed.map((apiVersion) => `\`${apiVersion}\``).join(' or ')}.`,
          data: { allowed },
        },
      ];
    }
    const allowed = served.filter((info) => !info.custom).map((info) => info.apiVersion);
    const builtInGroup =
      removedGroups.has(group) || schema.kinds.some((info) => info.group === group && !info.custom);
    if (allowed.length === 0 || !builtInGroup) {
      return [];
    }
    return [
      {
        span: value.span,
        message: `${document.kind} is not served by \`${document.apiVersion}\` in Kubernetes ${schema.kubernetesVersion}: use ${allowed.map((apiVersion) => `\`${apiVersion}\``).join(' or ')}.`,
        data: { allowed },
      },
    ];
  },
};
