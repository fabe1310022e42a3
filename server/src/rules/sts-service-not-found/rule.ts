// sts-service-not-found: `spec.serviceName` names no Service in the StatefulSet's namespace, so
// the pods' DNS names never resolve. Services of that name elsewhere are shown as related.
import type { Rule } from '../types';
import { governingService } from '../support/governing-service';
import { namesOfNamespaces, relatedTo } from '../support/locate';

export const stsServiceNotFound: Rule = {
  id: 'sts-service-not-found',
  defaultSeverity: 'warning',
  description: "A StatefulSet whose serviceName names no Service in the StatefulSet's namespace.",
  check(context) {
    const governing = governingService(context);
    if (!governing || governing.service || !context.index.isComplete()) {
      return [];
    }
    const elsewhere = context.index
      .services()
      .filter((service) => service.name === governing.serviceName);
    const hint =
      elsewhere.length > 0
        ? ` A Service of that name exists in namespace ${namesOfNamespaces(elsewhere)}, but a StatefulSet only uses one in its own namespace.`
        : '';
    return [
      {
        span: governing.span,
        message: `No Service named "${governing.serviceName}" in namespace "${context.namespace}".${hint} Add a headless Service (clusterIP: None) with that name that selects the pods, or fix serviceName.`,
        related: elsewhere.map((service) =>
          relatedTo(service, `Service "${service.name}" in namespace "${service.namespace}"`),
        ),
      },
    ];
  },
};
