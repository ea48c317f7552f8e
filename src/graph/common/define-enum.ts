import { registerEnumType } from "type-graphql";

/**
 * Registers a GraphQL enum whose values are English, each described by its
 * Chinese term, and returns the value object for @Field(() => Enum).
 */
export function defineEnum<const K extends string>(name: string, description: string, values: Record<K, string>): { [V in K]: V } {
  const enumObject = Object.fromEntries(Object.keys(values).map((k) => [k, k])) as { [V in K]: V };
  const valuesConfig = Object.fromEntries(Object.entries(values).map(([k, zh]) => [k, { description: zh as string }]));
  registerEnumType(enumObject, { name, description, valuesConfig: valuesConfig as never });
  return enumObject;
}
