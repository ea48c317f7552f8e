import { describe, expect, it } from "vitest";
import { databaseUnavailable } from "../../src/data/unavailable.js";

const withCode = (message: string, code: string) => Object.assign(new Error(message), { code });

describe("databaseUnavailable", () => {
  it("recognises a database that cannot be reached or cannot take work now", () => {
    expect(databaseUnavailable(withCode("connect ECONNREFUSED 127.0.0.1:5432", "ECONNREFUSED"))).toMatch(/ECONNREFUSED/);
    expect(databaseUnavailable(withCode("the database system is shutting down", "57P03"))).toMatch(/57P03/);
    expect(databaseUnavailable(withCode("could not extend file: No space left on device", "53100"))).toMatch(/53100/);
    expect(databaseUnavailable(withCode("sorry, too many clients already", "53300"))).toMatch(/53300/);
    expect(databaseUnavailable(new Error("Connection terminated unexpectedly"))).toMatch(/terminated/);
    expect(databaseUnavailable(new Error("wrapped", { cause: withCode("Can't reach database server", "P1001") }))).toMatch(/P1001/);
  });

  it("leaves the request's and the hub's own faults alone", () => {
    expect(databaseUnavailable(withCode("duplicate key value violates unique constraint", "23505"))).toBeNull();
    expect(databaseUnavailable(withCode("syntax error at or near", "42601"))).toBeNull();
    expect(databaseUnavailable(new TypeError("x is undefined"))).toBeNull();
    expect(databaseUnavailable("a string")).toBeNull();
  });
});
