// The governing Service of a StatefulSet (`spec.serviceName`), looked up in the index. The three
// sts-service-* rules share it so they agree on which Service they talk about.
import { getIn } from '../../model';
import type { Span } from '../../model';
import type { ServiceFacts, WorkloadFacts } from '../index-view';
import type { RuleContext } from '../types';
import { labelsMatch } from './label-selector';
import { currentWorkload } from './locate';

export interface GoverningService {
  readonly statefulSet: WorkloadFacts;
  /** The span of the `serviceName` value. */
  readonly span: Span;
  readonly serviceName: string;
  /** The Service of that name in the StatefulSet's namespace, when there is one. */
  readonly service: ServiceFacts | undefined;
}

export function governingService(context: RuleContext): GoverningService | undefined {
  if (context.document.kind !== 'StatefulSet') {
    return undefined;
  }
  const node = getIn(context.document.root, ['spec', 'serviceName']);
  const statefulSet = currentWorkload(context);
  if (!node || !statefulSet?.serviceName) {
    return undefined;
  }
  const serviceName = statefulSet.serviceName;
  const candidates = context.index
    .services(context.namespace)
    .filter((candidate) => candidate.name === serviceName);
  return {
    statefulSet,
    span: node.span,
    serviceName,
    service: pickService(candidates, statefulSet, context.model.uri),
  };
}

/**
 * Several files may define the same Service (alternative overlays, examples side by side):
 * prefer the one in the StatefulSet's own file, then one that is fit for the job.
 */
function pickService(
  candidates: readonly ServiceFacts[],
  statefulSet: WorkloadFacts,
  uri: string,
): ServiceFacts | undefined {
  return (
    candidates.find((candidate) => candidate.uri === uri) ??
    candidates.find(
      (candidate) =>
        candidate.clusterIP === 'None' &&
        candidate.selector !== undefined &&
        labelsMatch(candidate.selector, statefulSet.podLabels),
    ) ??
    candidates[0]
  );
}
