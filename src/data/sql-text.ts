/**
 * How the hub writes SQL text: identifiers through `quote`, every value as a
 * parameter, either added one by one (`Params`, for statements composed from
 * filters and orders) or through the `sql` template. Nothing else puts a
 * name or a value into a statement.
 */

/** A statement and its parameters, as the runner (sql.ts) takes it. */
export interface Statement {
  text: string;
  values: unknown[];
}

const IDENTIFIER = /^[A-Za-z_][A-Za-z0-9_]*$/;

/** `"name"` for a table, view or column; anything but a plain name is refused. */
export function quote(identifier: string): string {
  if (!IDENTIFIER.test(identifier)) throw new Error(`not a table or column name: ${JSON.stringify(identifier)}`);
  return `"${identifier}"`;
}

/** Statement parameters: each value is added once and referenced as $n cast to the column's type. */
export class Params {
  readonly values: unknown[] = [];

  /** `$n::type`; Dates are sent as UTC ISO strings (timestamp columns hold UTC). */
  add(value: unknown, type: string): string {
    this.values.push(toParam(value));
    return `$${this.values.length}::${type}`;
  }
}

/** A table or column name inside the `sql` template. */
export class Identifier {
  constructor(readonly name: string) {}
}

export const ident = (name: string): Identifier => new Identifier(name);

/**
 * sql`UPDATE ${ident("Hazard")} SET "overdueSince" = ${now}::timestamp(3) WHERE "id" = ANY(${ids}::text[])`:
 * each interpolated value becomes $n (cast it in the text where the type matters), each `ident` a quoted name.
 */
export function sql(strings: TemplateStringsArray, ...values: unknown[]): Statement {
  const params: unknown[] = [];
  let text = strings[0]!;
  values.forEach((value, i) => {
    if (value instanceof Identifier) text += quote(value.name);
    else {
      params.push(toParam(value));
      text += `$${params.length}`;
    }
    text += strings[i + 1]!;
  });
  return { text, values: params };
}

function toParam(value: unknown): unknown {
  if (value instanceof Date) return value.toISOString();
  if (Array.isArray(value)) return value.map(toParam);
  return value;
}
