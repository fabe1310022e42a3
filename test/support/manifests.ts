// Small manifests for quick-fix and navigation tests, written out in full so a test reads as the
// file a user would have. `statefulSet` takes the parts tests vary.
export interface StatefulSetParts {
  readonly name?: string;
  readonly namespace?: string;
  readonly serviceName?: string;
  readonly replicas?: number;
  readonly selectorLabels?: string;
  readonly templateLabels?: string;
  /** Extra lines of the pod spec, indented by 6 spaces. */
  readonly podSpec?: string;
  /** Extra lines of the container, indented by 10 spaces. */
  readonly container?: string;
  /** Lines after `spec.template`, indented by 2 spaces (volumeClaimTemplates, …). */
  readonly specTail?: string;
}

export function statefulSet(parts: StatefulSetParts = {}): string {
  const name = parts.name ?? 'db';
  return `apiVersion: apps/v1
kind: StatefulSet
metadata:
  name: ${name}
${parts.namespace ? `  namespace: ${parts.namespace}\n` : ''}spec:
  serviceName: ${parts.serviceName ?? `${name}-headless`}
  replicas: ${parts.replicas ?? 1}
  selector:
    matchLabels:
      ${parts.selectorLabels ?? `app: ${name}`}
  template:
    metadata:
      labels:
        ${parts.templateLabels ?? `app: ${name}`}
    spec:
${parts.podSpec ?? ''}      containers:
        - name: ${name}
          image: postgres:16
          ports:
            - name: pg
              containerPort: 5432
          readinessProbe:
            tcpSocket:
              port: pg
          livenessProbe:
            tcpSocket:
              port: pg
            periodSeconds: 20
          resources:
            requests:
              cpu: 100m
              memory: 1Gi
            limits:
              memory: 1Gi
${parts.container ?? ''}${parts.specTail ?? ''}`;
}

export function headlessService(
  name = 'db-headless',
  selector = 'app: db',
  namespace?: string,
): string {
  return `apiVersion: v1
kind: Service
metadata:
  name: ${name}
${namespace ? `  namespace: ${namespace}\n` : ''}spec:
  clusterIP: None
  selector:
    ${selector}
  ports:
    - name: pg
      port: 5432
`;
}
