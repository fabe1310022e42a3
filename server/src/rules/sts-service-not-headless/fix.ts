// The quick fix of sts-service-not-headless, moved out of the wiring fixers; pure: plain edits, no LSP.
import { asMap, getPair, getValue } from '../../model';
import { governingService } from '../support/governing-service';
import { replaceScalar, setIn } from '../quick-fix/edits';
import type { Fixer } from '../quick-fix/types';
import { quickFix } from '../quick-fix/types';
import { detectLayout } from '../quick-fix/yaml-text';

export const fix: Fixer = (finding, context) => {
  const service = governingService(context)?.service;
  const model =
    service && (service.uri === context.model.uri ? context.model : context.modelOf(service.uri));
  const root = asMap(model?.documents[service?.documentIndex ?? -1]?.root);
  if (!service || !model || !root || !['ClusterIP', ''].includes(service.type)) {
    return [];
  }
  const target = { model, layout: model === context.model ? context.layout : detectLayout(model) };
  const clusterIP = getPair(getValue(root, 'spec'), 'clusterIP');
  const edit = clusterIP?.value
    ? replaceScalar(model, clusterIP.value, 'None')
    : setIn(target, root, ['spec', 'clusterIP'], 'None');
  return quickFix(
    finding,
    `Set clusterIP: None on Service "${service.name}" (a live Service must be deleted and recreated)`,
    [edit],
    true,
  );
};
