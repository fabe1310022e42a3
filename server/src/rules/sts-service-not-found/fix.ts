// The quick fix of sts-service-not-found, moved out of the wiring fixers; pure: plain edits, no LSP.
import { explicitNamespaceOf } from '../support/object-facts';
import { governingService } from '../support/governing-service';
import { currentWorkload } from '../support/locate';
import { podTemplateOf } from '../support/workload';
import { insertDocumentAfter } from '../quick-fix/edits';
import type { Fixer } from '../quick-fix/types';
import { quickFix } from '../quick-fix/types';
import { explicitNamespace, podSelectorLabels } from '../quick-fix/workload-labels';
import type { PlainMap } from '../quick-fix/yaml-text';
import { servicePorts } from '../quick-fix/wiring';

export const fix: Fixer = (finding, context) => {
  const governing = governingService(context);
  const template = podTemplateOf(context.document);
  const statefulSet = currentWorkload(context);
  if (!governing || !template || !statefulSet) {
    return [];
  }
  const labels = podSelectorLabels(statefulSet);
  if (Object.keys(labels).length === 0) {
    return [];
  }
  const ports = servicePorts(template);
  const service: PlainMap = {
    apiVersion: 'v1',
    kind: 'Service',
    metadata: {
      name: governing.serviceName,
      ...explicitNamespace(explicitNamespaceOf(context.document)),
      labels,
    },
    spec: { clusterIP: 'None', selector: labels, ...(ports.length > 0 ? { ports } : {}) },
  };
  return quickFix(
    finding,
    `Create headless Service "${governing.serviceName}" for this StatefulSet`,
    [insertDocumentAfter(context, context.document, service)],
    true,
  );
};
