// sts-service-not-headless: the governing Service must be headless (`clusterIP: None`); with a
// cluster IP, DNS answers with that virtual IP instead of one record per pod.
import type { Rule } from '../types';
import { governingService } from '../support/governing-service';
import { relatedTo } from '../support/locate';

export const stsServiceNotHeadless: Rule = {
  id: 'sts-service-not-headless',
  defaultSeverity: 'warning',
  description: 'The governing Service of a StatefulSet is not headless (clusterIP: None).',
  check(context) {
    const service = governingService(context)?.service;
    if (!service || service.clusterIP === 'None' || service.type === 'ExternalName') {
      return [];
    }
    return [
      {
        span: governingService(context)!.span,
        message: `Service "${service.name}" is not headless (clusterIP is ${service.clusterIP ? `"${service.clusterIP}"` : 'unset'}), so the pods get no per-pod DNS records; set clusterIP: None on it (clusterIP cannot be changed in place: recreate the Service).`,
        related: [relatedTo(service, `Service "${service.name}" is defined here`)],
      },
    ];
  },
};
