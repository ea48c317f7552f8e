// Pure domain logic: no graphql, Prisma, HTTP or jose imports below this folder.
export * from "./credit-code.js";
export * from "./division.js";
export * from "./warning-level.js";
export * from "./risk.js";
export * from "./geo.js";
export * from "./hydro.js";
