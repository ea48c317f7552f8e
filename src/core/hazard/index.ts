// The hazard closed loop (排查→登记→整改→验收→销号) and its supervision figures. Pure: no I/O.
export * from "./types.js";
export * from "./commands.js";
export * from "./result.js";
export * from "./transitions.js";
export * from "./permissions.js";
export * from "./validation.js";
export * from "./decide.js";
export * from "./cst-date.js";
export * from "./overdue.js";
export * from "./stats.js";
export * from "./discovery-source.js";
