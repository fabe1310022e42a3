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

const binaryFactors: Readonly<Record<string, number>> = {
  Ki: 2 ** 10,
  Mi: 2 ** 20,
  Gi: 2 ** 30,
  Ti: 2 ** 40,
  Pi: 2 ** 50,
  Ei: 2 ** 60,
};

const decimalFactors: Readonly<Record<string, number>> = {
  n: 1e-9,
  u: 1e-6,
  m: 1e-3,
  '': 1,
  k: 1e3,
  M: 1e6,
  G: 1e9,
  T: 1e12,
  P: 1e15,
  E: 1e18,
};

/**
 * The value of a quantity as a number (`500m` → 0.5, `1Gi` → 1073741824), for comparing a
 * request with a limit. Undefined when the text is not a quantity. A plain YAML number is
 * accepted as it is. Doubles lose precision beyond 2^53, far above any realistic resource.
 */
export function quantityValue(quantity: string | number): number | undefined {
  if (typeof quantity === 'number') {
    return Number.isFinite(quantity) ? quantity : undefined;
  }
  const text = quantity.trim();
  if (!isValidQuantity(text)) {
    return undefined;
  }
  const match = /^([+-]?(?:\d+(?:\.\d*)?|\.\d+))(.*)$/.exec(text)!;
  const mantissa = Number(match[1]);
  const suffix = match[2] ?? '';
  if (suffix in binaryFactors) {
    return mantissa * binaryFactors[suffix]!;
  }
  if (suffix in decimalFactors) {
    return mantissa * decimalFactors[suffix]!;
  }
  // What is left is a decimal exponent such as `e3` or `E-2`.
  return mantissa * 10 ** Number(suffix.slice(1));
}
