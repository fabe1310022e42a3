// What the availability quick fixes share (each rule's own fix is its folder's fix.ts).

export const hostnameKey = 'kubernetes.io/hostname';
