/** Statement parameters: each value is added once and referenced as $n cast to the column's type. */
export class Params {
  readonly values: unknown[] = [];

  /** `$n::type`; Dates are sent as UTC ISO strings (timestamp columns hold UTC). */
  add(value: unknown, type: string): string {
    this.values.push(toParam(value));
    return `$${this.values.length}::${type}`;
  }
}

function toParam(value: unknown): unknown {
  if (value instanceof Date) return value.toISOString();
  if (Array.isArray(value)) return value.map(toParam);
  return value;
}
