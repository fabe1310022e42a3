// The Kubernetes quantity grammar (resource.Quantity): what `500m`, `10Gi` or `1e3` may look like.
// Used by the schema-aware rules and hover; the grammar is apimachinery's `ParseQuantity`.

/**
 * sign? digits ( "." digits? )? suffix, or sign? "." digits suffix, where suffix is a binary
 * suffix (Ki … Ei), a decimal SI suffix (n u m k M G T P E, or none), or a decimal exponent (e3, E-2).
 */
const quantityPattern = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[KMGTPE]i|[numkMGTPE]|[eE][+-]?\d+)?$/;

/** True when `text` is a valid Kubernetes quantity string. */
export function isValidQuantity(text: string): boolean {
  return quantityPattern.test(text);
}

/** The suffixes a quantity may carry, for messages and hover. */
export const quantitySuffixes = {
  binary: ['Ki', 'Mi', 'Gi', 'Ti', 'Pi', 'Ei'],
  decimal: ['n', 'u', 'm', 'k', 'M', 'G', 'T', 'P', 'E'],
} as const;
